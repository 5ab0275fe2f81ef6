// Running the AWS CLI script (scripts/aws-cli-conformance.sh) against a server, and the served mock it
// runs against (`vmc-reach mock serve`, on a loopback port, stopped by its own process id; moto_server is
// started by src/ops/live-moto/moto-server.ts, the one starter of it). The CLI sees only fake credentials and the server's endpoint: every AWS_*
// variable of the caller's environment is dropped and the config files are /dev/null.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot as findRepoRoot } from '../../../src/package/package-root';

export const repoRoot = findRepoRoot();
export const cliScript = join(repoRoot, 'scripts', 'aws-cli-conformance.sh');
const batchRunner = join(repoRoot, 'scripts', 'aws-cli-batch.py');

export interface CliRecord {
  line: number;
  command: string;
  captured: string | null;
  rc: number;
  stdout: string;
  stderr: string;
}

/** What is missing to run the AWS CLI part, or undefined when python3 with awscli (and moto if asked) is there. */
export function missingTools(withMoto: boolean): string | undefined {
  const py = spawnSync('python3', ['-c', 'import awscli'], { encoding: 'utf8' });
  if (py.status !== 0) return 'python3 with the AWS CLI (awscli) is not installed';
  if (withMoto && spawnSync('moto_server', ['--help'], { encoding: 'utf8' }).status !== 0) return 'moto_server (moto 5.2) is not installed';
  return undefined;
}

/** The environment for a CLI run: the caller's minus every AWS_* variable, plus the target's. */
function cliEnv(target: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  return {
    ...env,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
    ...target,
  };
}

/**
 * Runs a script of AWS CLI commands (by default the conformance script) in one Python process
 * (scripts/aws-cli-batch.py) and returns one record per command.
 */
export async function runCliScript(target: Record<string, string>, script = cliScript): Promise<CliRecord[]> {
  const child = spawn('python3', [batchRunner, script], { env: cliEnv(target), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`the batch runner failed (exit ${code}): ${err.slice(0, 2000)}`);
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CliRecord);
}

/** Runs `commands` (one `aws …` line each) in one Python process, in order, through a script in a temp folder. */
export async function runCliCommands(target: Record<string, string>, commands: readonly string[]): Promise<CliRecord[]> {
  const dir = await mkdtemp(join(tmpdir(), 'vmc-reach-cli-'));
  try {
    const script = join(dir, 'commands.sh');
    await writeFile(script, commands.map((c) => `${c}\n`).join(''));
    return await runCliScript(target, script);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface Started {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Sends SIGTERM to this process (only) and resolves with its exit code. */
  stop(): Promise<number | null>;
}

function track(child: ChildProcess): { output: () => string; stop: () => Promise<number | null> } {
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  const closed = once(child, 'close').then(([code]) => code as number | null);
  return {
    output: () => text,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return closed;
    },
  };
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs: number, output: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} did not start within ${timeoutMs} ms; its output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `vmc-reach mock serve --port 0` as a user runs it (bin/vmc-reach.cjs); resolves once it prints its URL. */
export async function startMockServe(args: readonly string[] = []): Promise<Started> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'vmc-reach.cjs'), 'mock', 'serve', '--port', '0', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const t = track(child);
  await waitFor(
    () => /listening on (http:\/\/127\.0\.0\.1:\d+)/.test(t.output()) || child.exitCode !== null,
    'vmc-reach mock serve',
    20_000,
    t.output,
  );
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(t.output())?.[1];
  if (!url) throw new Error(`vmc-reach mock serve exited: ${t.output()}`);
  return { url, child, ...t };
}
