// The jest test environment of scenarios/*.scenario.ts: node's, plus a stop signal the sandboxed
// scenario can see. It runs outside the sandbox, so its SIGINT/SIGTERM handlers are on the real process
// (the worker's, or `vmc-reach run`'s when in band), and it polls the run's stop file for a signal the
// run's process received alone. Either one aborts the scenario's signal: the call in flight finishes,
// no further step starts, teardown runs (src/harness/run/run-scenario.ts).
import { existsSync, readFileSync } from 'node:fs';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';
import { exitCodeFor, stopGlobal, type StopSignalName } from './stop-signal';

const pollMs = 100;
/** Per process, on the real process object: the module may be evaluated again for each test file. */
const stateKey = Symbol.for('vmc-reach.stop.state');
const processState = (): { active: number; keptAlive: boolean } => {
  const real = process as unknown as Record<symbol, { active: number; keptAlive: boolean } | undefined>;
  return (real[stateKey] ??= { active: 0, keptAlive: false });
};

/**
 * Once per process: SIGINT/SIGTERM no longer end it at once (a terminal's Ctrl-C reaches every process of
 * the group, jest's workers included), so a scenario gets to tear down. Under `vmc-reach run` (a stop file
 * is set) the run decides the exit; under plain jest, a signal with no scenario running ends the process
 * as it would have.
 */
function keepAliveOnSignals(): void {
  const state = processState();
  if (state.keptAlive) return;
  state.keptAlive = true;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (state.active === 0 && !process.env.VMC_REACH_STOP_FILE) process.exit(exitCodeFor[sig]);
    });
  }
}

export default class ScenarioEnvironment extends TestEnvironment {
  private readonly stop = new AbortController();
  private poll: NodeJS.Timeout | undefined;
  private readonly onSignal = (sig: NodeJS.Signals): void => this.abort(sig as StopSignalName);

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    keepAliveOnSignals();
    (this.global as unknown as Record<string, AbortSignal>)[stopGlobal] = this.stop.signal;
  }

  private abort(sig: StopSignalName): void {
    if (!this.stop.signal.aborted) this.stop.abort(sig);
  }

  private readStopFile(): void {
    const file = process.env.VMC_REACH_STOP_FILE;
    if (!file || !existsSync(file)) return;
    const sig = readFileSync(file, 'utf8').trim();
    this.abort(sig === 'SIGTERM' ? 'SIGTERM' : 'SIGINT');
  }

  override async setup(): Promise<void> {
    await super.setup();
    processState().active++;
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
    this.readStopFile();
    this.poll = setInterval(() => this.readStopFile(), pollMs);
    this.poll.unref();
  }

  override async teardown(): Promise<void> {
    clearInterval(this.poll);
    processState().active = Math.max(0, processState().active - 1);
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    await super.teardown();
  }
}
