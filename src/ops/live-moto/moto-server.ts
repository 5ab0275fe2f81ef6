// moto_server (moto 5.2, Python) as the independent AWS of the live path: started on a free port of
// 127.0.0.1 only, waited for, reset through its own API, stopped by its process id. Nothing here leaves
// the machine: every URL is a loopback URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface MotoServer {
  url: string;
  pid: number;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const r = await fetch(`${url}/moto-api/data.json`);
    return r.ok;
  } catch {
    return false;
  }
}

export async function startMoto(o: { command?: string; startTimeoutMs?: number } = {}): Promise<MotoServer> {
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(o.command ?? 'moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const deadline = Date.now() + (o.startTimeoutMs ?? 30_000);
  for (;;) {
    const state = await Promise.race([
      exited.then((c) => `exited (${c})`),
      spawnError.then((e) => `could not start: ${e.message}`),
      new Promise<null>((r) => setTimeout(() => r(null), 250)),
    ]);
    if (state) throw new Error(`moto_server ${state}; is moto 5.2 installed (pip install 'moto[server]')? ${stderr.trim()}`);
    if (await answers(url)) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`moto_server did not answer on ${url}: ${stderr.trim()}`);
    }
  }
  return {
    url,
    pid: child.pid!,
    reset: async () => {
      const r = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
      if (!r.ok) throw new Error(`moto reset answered ${r.status}`);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(kill);
    },
  };
}
