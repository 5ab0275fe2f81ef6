// The vmc-reach CLI in its own process, as a user runs it, against the session's endpoints (all on
// 127.0.0.1). Asynchronous: the SSM shim lives in this process and must keep answering meanwhile.
import { spawn, type ChildProcess } from 'node:child_process';

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startCli(
  bin: string,
  args: string[],
  o: { cwd: string; env: Record<string, string> },
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: o.cwd,
    env: { ...process.env, VMC_REACH_QUIET: '1', ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => void (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
  const done = new Promise<CliRun>((resolve) => child.once('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
  return { child, done };
}

export async function runCli(
  bin: string,
  args: string[],
  o: { cwd: string; env: Record<string, string>; timeoutMs?: number },
): Promise<CliRun> {
  const { child, done } = startCli(bin, args, o);
  const timer = setTimeout(() => child.kill('SIGTERM'), o.timeoutMs ?? 300_000);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
  }
}
