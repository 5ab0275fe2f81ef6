// The vmc-reach CLI for many short invocations in one process (child-bundle.ts builds it): reads one JSON
// job a line on stdin ({ args, cwd, env }), runs each in turn as bin/vmc-reach.cjs would (main, its exit
// code, an internal error as exit 70 with its stack on stderr) in the job's working folder and with exactly
// the job's environment, and answers one JSON line each ({ code, stdout, stderr }). Everything the CLI
// writes to the process's stdout and stderr during a job is the job's. The bad-input corpus runs its dozens
// of cases through it: one node start and one module load instead of one per case.
import { createInterface } from 'node:readline';
import { main } from '../cli/main';

interface Job {
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

const answer = process.stdout.write.bind(process.stdout);
let current: { stdout: string; stderr: string } | undefined;

const capture = (stream: 'stdout' | 'stderr') =>
  ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    if (current) current[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stdout.write;
process.stdout.write = capture('stdout');
process.stderr.write = capture('stderr');

// What would end a CLI process is the job's internal error here (the process itself goes on).
const internal = (e: unknown): void => {
  if (current) current.stderr += `vmc-reach: internal error (please report it): ${e instanceof Error ? e.stack : String(e)}\n`;
};
process.on('unhandledRejection', internal);
process.on('uncaughtException', internal);

async function run(job: Job): Promise<{ code: number; stdout: string; stderr: string }> {
  for (const k of Object.keys(process.env)) delete process.env[k];
  Object.assign(process.env, job.env);
  process.chdir(job.cwd);
  current = { stdout: '', stderr: '' };
  let code: number;
  try {
    code = await main(job.args);
  } catch (e) {
    internal(e);
    code = 70;
  }
  const out = { code, ...current };
  current = undefined;
  return out;
}

void (async () => {
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim()) answer(`${JSON.stringify(await run(JSON.parse(line) as Job))}\n`);
  }
})();
