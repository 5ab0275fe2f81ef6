// Test helper (test code only): `vmc-reach mock serve` in its own process on a loopback port, the
// environment its banner gives (endpoint overrides, fake AWS credentials, the CSP token it accepts), and
// a way to run the vmc-reach CLI against it, as a user would: only over 127.0.0.1.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const repo = join(__dirname, '..', '..', '..');
export const bin = join(repo, 'bin', 'vmc-reach.cjs');

export interface Served {
  env: Record<string, string>;
  stop(): void;
}

export async function startServe(world: string, extraArgs: string[] = []): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'mock', 'serve', '--port', '0', '--world', world, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let banner = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock serve did not start: ${banner}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      banner += d.toString();
      if (banner.includes('Stop with')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`mock serve exited (${code}): ${banner}`)));
  });
  const env: Record<string, string> = {};
  for (const m of banner.matchAll(/\b((?:AWS|VMC)_[A-Z0-9_]+)=(\S+)/g)) env[m[1]!] = m[2]!;
  for (const key of ['AWS_ENDPOINT_URL_EC2', 'AWS_ENDPOINT_URL_SSM', 'VMC_CSP_URL', 'VMC_URL']) {
    if (!env[key]?.startsWith('http://127.0.0.1:')) throw new Error(`mock serve's banner gave no loopback ${key}: ${banner}`);
  }
  return { env, stop: () => child.kill('SIGTERM') };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI in its own process, with the served mock's environment and no config file from the repo. */
export function cli(args: string[], o: { cwd: string; env: Record<string, string>; timeout?: number }): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: o.cwd,
    encoding: 'utf8',
    env: { ...process.env, VMC_REACH_CONFIG: '', VMC_REACH_QUIET: '1', ...o.env },
    timeout: o.timeout ?? 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
