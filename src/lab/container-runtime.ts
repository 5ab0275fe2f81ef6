// The container runtime: each lab namespace is a container started with testcontainers from the
// locally built node image (scripts/build-lab-image.ts; never pulled), with network mode `none` (only
// loopback: no Docker bridge, no NAT; the lab adds its veths), labelled with the run id and the lab
// process's pid. Commands run inside the guest (the image's busybox: sh, ping, nc, …) by entering the
// container's namespaces from the host (mount, UTS, IPC, network, PID: what `docker exec` does, without
// its ~60 ms API round trip), bounded by the guest's `timeout`. Ryuk is off (TESTCONTAINERS_RYUK_DISABLED), so nothing reaches a registry; a lab
// process killed outright leaves its containers, which the next lab process removes by label
// (removeOrphanedContainers). Loaded only in the lab process: Docker calls never share a process with MSW.
import type { ExecResult } from './backend';
import { nsenterExec, type NodeRuntime } from './node-runtime';
import { runCommand } from './run-command';

export const labImage = process.env.VMC_REACH_LAB_IMAGE ?? 'vmc-reach-lab-node:busybox';
/** The environment of commands in a guest (the image's, not the host's). */
const guestEnv = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' };
export const runLabelKey = 'vmc-reach-lab.run';
export const ownerLabelKey = 'vmc-reach-lab.owner-pid';
const nodeLabelKey = 'vmc-reach-lab.node';

export class ContainerLabError extends Error {
  override readonly name = 'ContainerLabError';
}

/** What to install when testcontainers is absent: an optional peer dependency of the package. */
export const testcontainersMissing =
  'the testcontainers package, which the container backend needs (an optional peer dependency of vmc-reach): npm i -D testcontainers@^11';

async function testcontainers() {
  process.env.TESTCONTAINERS_RYUK_DISABLED = 'true'; // before testcontainers reads it: no Ryuk image pull
  try {
    return await import('testcontainers');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((e as Error).message).includes("'testcontainers'"))
      throw new ContainerLabError(`missing ${testcontainersMissing}`);
    throw e;
  }
}

/** Is Docker reachable and the node image built? What is missing otherwise. */
export async function containerAvailability(): Promise<{ ok: boolean; missing: string[] }> {
  try {
    const tc = await testcontainers();
    const client = await tc.getContainerRuntimeClient();
    const present = await client.image.exists(tc.ImageName.fromString(labImage));
    return present
      ? { ok: true, missing: [] }
      : { ok: false, missing: [`the node image ${labImage}: run npm run lab:image in a vmc-reach checkout (needs busybox-static)`] };
  } catch (e) {
    if (e instanceof ContainerLabError) return { ok: false, missing: [testcontainersMissing] };
    return {
      ok: false,
      missing: [
        `a Docker daemon (${e instanceof Error ? e.message.split('\n')[0] : String(e)}): apt-get install -y docker.io; dockerd --storage-driver=vfs &`,
      ],
    };
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes lab containers whose lab process is gone (by label; never anything else), retrying what the
 * daemon refuses while busy. Returns the names it could not remove (with the daemon's reason).
 */
export async function removeOrphanedContainers(): Promise<string[]> {
  const tc = await testcontainers();
  const docker = (await tc.getContainerRuntimeClient()).container.dockerode;
  let failed: string[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const all = await docker.listContainers({ all: true, filters: { label: [runLabelKey] } });
    const orphans = all.filter((c) => {
      const owner = Number(c.Labels[ownerLabelKey]);
      return !(owner > 0 && pidAlive(owner));
    });
    if (orphans.length === 0) return [];
    failed = [];
    for (const c of orphans) {
      await docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch((e: unknown) => {
          if (!/No such container/i.test(String(e))) failed.push(`${c.Id.slice(0, 12)}: ${e instanceof Error ? e.message : String(e)}`);
        });
    }
    if (failed.length === 0) return [];
    await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
  }
  return failed;
}

/** Lab containers of one run (or of every run): their names, for leftover checks. */
export async function labContainers(runId?: string): Promise<string[]> {
  const tc = await testcontainers();
  const client = await tc.getContainerRuntimeClient();
  const list = await client.container.dockerode.listContainers({
    all: true,
    filters: { label: [runId === undefined ? runLabelKey : `${runLabelKey}=${runId}`] },
  });
  return list.map((c) => `${c.Names[0] ?? c.Id} ${c.Labels[nodeLabelKey] ?? ''}`.trim());
}

export const containers: NodeRuntime = {
  kind: 'container',
  async start(label, runId, namespace) {
    const tc = await testcontainers();
    const started = await new tc.GenericContainer(labImage)
      .withNetworkMode('none')
      .withCommand(['sleep', 'infinity'])
      .withLabels({ [runLabelKey]: runId, [nodeLabelKey]: namespace, [ownerLabelKey]: String(process.pid), 'vmc-reach-lab.label': label })
      .withPullPolicy({ shouldPull: () => false })
      .start()
      .catch((e: unknown) => {
        throw new ContainerLabError(`starting the container of ${namespace} failed: ${e instanceof Error ? e.message : String(e)}`);
      });
    const client = await tc.getContainerRuntimeClient();
    const pid = (await client.container.inspect(client.container.getById(started.getId()))).State.Pid;
    return {
      pid,
      close: async () => {
        await client.container
          .getById(started.getId())
          .remove({ force: true })
          .catch(() => undefined);
      },
    };
  },
  async exec(host, argv, timeoutMs, options = {}): Promise<ExecResult> {
    // The host's tools in the container's network namespace (port probes: busybox-static has no UDP nc).
    if (options.hostTools) return nsenterExec(host.pid, argv, timeoutMs, options);
    const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
    const guest = ['-t', String(host.pid), '-m', '-u', '-i', '-n', '-p', '-r', '-w', '--'];
    const r = await runCommand('nsenter', [...guest, 'timeout', '-s', 'KILL', String(seconds), ...argv], {
      timeoutMs: seconds * 1000 + 2000,
      env: guestEnv,
      ...(options.onFirstLine ? { onFirstLine: options.onFirstLine } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const killed = r.exitCode === 137 || r.signal === 'SIGKILL'; // nsenter forks for the PID namespace and dies of its child's signal
    const timedOut = r.timedOut || (killed && r.durationMs >= seconds * 1000 - 50);
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, durationMs: r.durationMs, timedOut };
  },
};
