// What holds a lab namespace and runs commands in it. The namespace runtime: a process anchor
// (anchor.ts) per namespace, commands under `nsenter -n` with the host's binaries. The container runtime
// (container-runtime.ts): a container per namespace, commands inside the guest. The backend
// (netns-backend.ts) configures the namespaces the same way for both, from the host, by pid.
import { readFileSync } from 'node:fs';
import type { ExecOptions, ExecResult } from './backend';
import { startAnchor } from './anchor';
import { runCommand } from './run-command';

export interface NodeHost {
  /** A pid in the namespace (for `nsenter -t <pid> -n`). */
  readonly pid: number;
  /** Removes the namespace (and whatever holds it) and resolves when it is gone. */
  close(): Promise<void>;
}

export interface NodeRuntime {
  readonly kind: 'netns' | 'container';
  /** `label` is `vmc-reach-lab:<run>:<namespace>`. */
  start(label: string, runId: string, namespace: string): Promise<NodeHost>;
  exec(host: NodeHost, argv: readonly string[], timeoutMs: number, options?: ExecOptions): Promise<ExecResult>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Resolves once `pid` is gone (or a zombie), at most after `withinMs`. */
export async function awaitExit(pid: number, withinMs = 5000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

/**
 * The PATH of commands run with the host's binaries: the OS's standard one, as a guest's shell has it,
 * not the caller's (a pyenv shim in front of python3 costs a second per start on a loaded machine).
 */
export const hostToolsPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Commands run with the host's binaries in the namespace: `nsenter -t <pid> -n -- argv`. */
export async function nsenterExec(pid: number, argv: readonly string[], timeoutMs: number, options: ExecOptions = {}): Promise<ExecResult> {
  const r = await runCommand('nsenter', ['-t', String(pid), '-n', '--', ...argv], {
    timeoutMs,
    env: { ...process.env, PATH: hostToolsPath },
    ...(options.onFirstLine ? { onFirstLine: options.onFirstLine } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, durationMs: r.durationMs, timedOut: r.timedOut };
}

export const processAnchors: NodeRuntime = {
  kind: 'netns',
  async start(label, runId) {
    const anchor = await startAnchor(label, runId);
    return {
      pid: anchor.pid,
      close: async () => {
        anchor.kill();
        await awaitExit(anchor.pid);
      },
    };
  },
  exec: (host, argv, timeoutMs, options) => nsenterExec(host.pid, argv, timeoutMs, options),
};
