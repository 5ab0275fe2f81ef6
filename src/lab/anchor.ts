// A network namespace anchored to a process: `unshare -n` runs `sleep infinity` in a new namespace, under
// `setpriv --pdeathsig KILL`, so the namespace lives exactly as long as that process and the process dies
// with the lab process that started it, even on SIGKILL. Nothing is mounted under /run/netns, so a crash
// leaves nothing behind. The process carries the lab's label as its argv[0] and in its environment.
import { spawn } from 'node:child_process';
import { readlinkSync } from 'node:fs';

export interface Anchor {
  pid: number;
  kill(): void;
}

export const labelEnv = 'VMC_REACH_LAB_RUN';

const ownNetns = (): string => readlinkSync('/proc/self/ns/net');

function netnsOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/net`);
  } catch {
    return undefined;
  }
}

/** Starts an anchor and resolves once its namespace exists. `label` becomes argv[0] of the process. */
export async function startAnchor(label: string, runId: string, timeoutMs = 5000): Promise<Anchor> {
  const child = spawn(
    'setpriv',
    ['--pdeathsig', 'KILL', '--', 'unshare', '--net', '--', 'bash', '-c', 'exec -a "$0" sleep infinity', label],
    {
      stdio: 'ignore',
      env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', [labelEnv]: runId },
    },
  );
  const pid = child.pid;
  let exited: string | undefined;
  child.on('exit', (code, signal) => void (exited = `exit ${code ?? signal}`));
  child.on('error', (e) => void (exited = e.message));
  if (pid === undefined) throw new Error(`could not start a namespace anchor (setpriv/unshare): ${exited ?? 'no pid'}`);
  const anchor: Anchor = { pid, kill: () => void child.kill('SIGKILL') };
  const ours = ownNetns();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== undefined)
      throw new Error(
        `namespace anchor ${label} ended before its namespace was ready (${exited}); creating network namespaces needs root (CAP_SYS_ADMIN)`,
      );
    const ns = netnsOf(pid);
    if (ns !== undefined && ns !== ours) return anchor;
    if (Date.now() > deadline) {
      anchor.kill();
      throw new Error(`namespace anchor ${label} did not get its namespace within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
}
