// Many CLI invocations through one child process (cli-batch-entry.ts): `run` has the signature of
// reap-cli.ts's runCli (args, working folder, environment; exit code, stdout, stderr), but the jobs queue up
// and run one at a time in a process started once. A job that outlives its timeout kills the process (that
// job answers code null); the next job starts a fresh one.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '../package/package-root';
import { bundleChild, type ChildBundle } from './child-bundle';
import type { CliResult } from './reap-cli';

interface Pending {
  resolve: (r: CliResult) => void;
  timer: NodeJS.Timeout;
}

export class CliBatch {
  private child: ChildProcess | undefined;
  private readonly pending: Pending[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly bundle: ChildBundle = bundleChild(join(repoRoot(), 'src', 'reliability', 'cli-batch-entry.ts'))) {}

  private start(): ChildProcess {
    const child = spawn(process.execPath, [this.bundle.file], {
      env: { PATH: process.env.PATH ?? '', ...this.bundle.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const p = this.pending.shift();
      if (!p) return;
      clearTimeout(p.timer);
      p.resolve(JSON.parse(line) as CliResult);
    });
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      for (const p of this.pending.splice(0)) {
        clearTimeout(p.timer);
        p.resolve({ code: null, stdout: '', stderr: `the CLI batch process ended (${signal ?? `exit ${code}`}): ${stderr}` });
      }
    });
    return child;
  }

  /** Runs `vmc-reach <args>` in `cwd` with exactly `env` (plus the bundle's NODE_PATH), after the jobs before it. */
  run(args: readonly string[], o: { cwd: string; env: Record<string, string>; timeoutMs?: number }): Promise<CliResult> {
    const job = this.queue.then(
      () =>
        new Promise<CliResult>((resolve) => {
          const child = (this.child ??= this.start());
          const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
          this.pending.push({ resolve, timer });
          child.stdin!.write(
            `${JSON.stringify({ args, cwd: o.cwd, env: { PATH: process.env.PATH ?? '', ...this.bundle.env, ...o.env } })}\n`,
          );
        }),
    );
    this.queue = job;
    return job;
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    const gone = new Promise((r) => child.once('exit', r));
    child.stdin!.end();
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(kill);
  }
}
