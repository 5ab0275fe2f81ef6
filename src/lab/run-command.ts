// Runs one command and collects what it did: exit code, output, time. Never throws for a non-zero exit
// (the caller decides); a timeout kills the command (SIGKILL) and is reported as such.
import { spawn } from 'node:child_process';

export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
}

export interface RunOptions {
  input?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Called with the first line the command prints on stdout (a listener saying it is ready). */
  onFirstLine?: (line: string) => void;
  /** Aborting kills the command (SIGKILL); it is reported like any other end. */
  signal?: AbortSignal;
}

/** Running commands, so that closing the lab can end them (they hold its namespaces). */
export const runningCommands = new Set<import('node:child_process').ChildProcess>();

export function runCommand(file: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    runningCommands.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    let firstLine = options.onFirstLine;
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      if (firstLine && b.includes(10)) {
        const text = Buffer.concat(out).toString();
        firstLine(text.slice(0, text.indexOf('\n')));
        firstLine = undefined;
      }
    });
    const abort = (): void => void child.kill('SIGKILL');
    if (options.signal?.aborted) abort();
    else options.signal?.addEventListener('abort', abort, { once: true });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined);
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, extra = ''): void => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      runningCommands.delete(child);
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString() + extra,
        durationMs: performance.now() - started,
        timedOut,
      });
    };
    child.on('error', (e) => finish(127, null, `${file}: ${e.message}\n`));
    child.on('close', (code, signal) => finish(code, signal));
    child.stdin.end(options.input ?? '');
  });
}

/** Like runCommand, but a non-zero exit is an error naming the command and its stderr. */
export async function mustRun(what: string, file: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  const r = await runCommand(file, args, options);
  if (r.exitCode !== 0)
    throw new LabCommandError(
      `${what} failed (${r.timedOut ? 'timed out' : `exit ${r.exitCode ?? r.signal}`}): ${r.stderr.trim() || r.stdout.trim()}`,
    );
  return r;
}

export class LabCommandError extends Error {
  override readonly name = 'LabCommandError';
}
