// moto_server (moto 5.2, Python) as the independent AWS of the live path: started on 127.0.0.1 only,
// on a port its own server picks (`-p 0`; the port is read from its "Running on" line, so no other
// process can take it between a look-up and the start), waited for, reset through its own API, stopped
// by its process id. Nothing here leaves the machine: every URL is a loopback URL.
import { spawn, type ChildProcess } from 'node:child_process';

export interface MotoServer {
  url: string;
  pid: number;
  reset(): Promise<void>;
  stop(): Promise<void>;
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
  const child: ChildProcess = spawn(o.command ?? 'moto_server', ['-H', '127.0.0.1', '-p', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let url: string | undefined;
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
    url ??= /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const deadline = Date.now() + (o.startTimeoutMs ?? 60_000); // Python imports moto slowly on a loaded 2-core machine
  for (;;) {
    const state = await Promise.race([
      exited.then((c) => `exited (${c})`),
      spawnError.then((e) => `could not start: ${e.message}`),
      new Promise<null>((r) => setTimeout(() => r(null), 250)),
    ]);
    if (state) throw new Error(`moto_server ${state}; is moto 5.2 installed (pip install 'moto[server]')? ${stderr.trim()}`);
    if (url && (await answers(url))) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`moto_server did not answer${url ? ` on ${url}` : ' (no "Running on" line yet)'}: ${stderr.trim()}`);
    }
  }
  const ready = url!;
  return {
    url: ready,
    pid: child.pid!,
    reset: async () => {
      const r = await fetch(`${ready}/moto-api/reset`, { method: 'POST' });
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
