// What running one probe command through SSM Run Command came to, the part every probe kind shares: the
// command ran (its invocation's status, exit code and output), or it could not run (why, and what is
// known of it). run-ping.ts and run-port-probe.ts add what their kind reads from the output.

export interface CommandRan {
  kind: 'ran';
  command: string;
  commandId: string;
  status: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  apiCalls: number;
}

export interface CommandNotRun {
  kind: 'infra-error';
  command: string;
  commandId?: string;
  status?: string;
  stdout?: string;
  stderr?: string;
  error: string;
  durationMs: number;
  apiCalls: number;
}

/** Invocation statuses that are not final yet: wait on. */
export const transientStatuses: ReadonlySet<string> = new Set(['Pending', 'InProgress', 'Delayed']);
