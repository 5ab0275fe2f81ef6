// `vmc-reach reap --run <id> --yes` as an operator runs it after a crash: the CLI in its own process,
// in the folder that holds the ledgers, with the environment that reaches the world.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../package/package-root';
import type { ChildBundle } from './child-bundle';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `bundle`: a prebuilt entry point (child-bundle.ts) instead of bin/vmc-reach.cjs. */
export function runCli(
  args: readonly string[],
  o: { cwd: string; env: Record<string, string>; timeoutMs?: number; bundle?: ChildBundle },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const entry = o.bundle?.file ?? join(repoRoot(), 'bin', 'vmc-reach.cjs');
    const child = spawn(process.execPath, [entry, ...args], {
      cwd: o.cwd,
      env: { PATH: process.env.PATH ?? '', ...o.bundle?.env, ...o.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export const reapRun = (runId: string, o: { cwd: string; env: Record<string, string> }): Promise<CliResult> =>
  runCli(['reap', '--run', runId, '--yes'], o);
