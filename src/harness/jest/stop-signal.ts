// How SIGINT/SIGTERM reach a scenario that runs inside jest. Jest gives each test file a sandboxed
// `process` whose `on('SIGINT')` never fires, so the real handlers live outside the sandbox: in the
// test environment (scenario-environment.ts), in whichever process runs the file (the `vmc-reach run`
// process itself, or a jest worker), and in `vmc-reach run`, which also writes the signal's name to a
// stop file (VMC_REACH_STOP_FILE) that every environment polls: a signal sent to the run's process
// alone (`kill <pid>`, a CI job's SIGTERM) reaches the workers too. The environment hands the scenario
// an AbortSignal through this global; a scenario started after the stop does nothing.
export const stopGlobal = '__vmcReachStop';

export type StopSignalName = 'SIGINT' | 'SIGTERM';

/** The exit code of a run stopped by the signal, as a shell reports it (128 + the signal's number). */
export const exitCodeFor: Record<StopSignalName, number> = { SIGINT: 130, SIGTERM: 143 };

/** The stop signal the test environment put on the sandbox's global, if any. */
export function scenarioStopSignal(global: object = globalThis): AbortSignal | undefined {
  return (global as Record<string, AbortSignal | undefined>)[stopGlobal];
}
