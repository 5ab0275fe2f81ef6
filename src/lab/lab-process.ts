// The lab process: `node bin/run-ts.cjs src/lab/lab-process.ts [--run-id <id>] [--backend netns|container]`.
// Serves the RPC of lab-protocol.ts with a lab whose namespaces are held by process anchors (default) or
// containers. Says `unavailable` (and exits 3) when the machine cannot run it; on start removes what an
// earlier crashed lab left (orphaned anchors; containers by label). When its stdin closes (the parent is
// gone) or it gets SIGTERM/SIGINT, it closes the lab and exits; SIGKILL is covered by the anchors'
// pdeathsig, and for containers by the next lab process's clean-up.
import { createInterface } from 'node:readline';
import { NetnsLab, newRunId } from './netns-backend';
import { processAnchors, type NodeRuntime } from './node-runtime';
import { labAvailability } from './lab-preflight';
import { sweepOrphanedAnchors } from './leftovers';
import type { LabEvent, LabProgress, LabRequest, LabResponse } from './lab-protocol';

function send(message: LabResponse | LabEvent | LabProgress): void {
  process.stdout.write(JSON.stringify(message) + '\n');
}

/** Running execs by request id, for cancel; and cancels that came before their exec started (it waits behind a build or apply). */
const execs = new Map<number, AbortController>();
const cancelledEarly = new Set<number>();

async function handle(lab: NetnsLab, req: LabRequest): Promise<unknown> {
  switch (req.op) {
    case 'build':
      return lab.build(req.plan);
    case 'apply':
      return lab.apply(req.plan);
    case 'exec': {
      const abort = new AbortController();
      if (cancelledEarly.delete(req.id)) abort.abort();
      execs.set(req.id, abort);
      try {
        return await lab.exec(req.node, req.argv, req.timeoutMs, {
          signal: abort.signal,
          ...(req.hostTools ? { hostTools: true } : {}),
          ...(req.ready ? { onFirstLine: (line: string) => send({ id: req.id, ready: line }) } : {}),
        });
      } finally {
        execs.delete(req.id);
      }
    }
    case 'cancel': {
      const running = execs.get(req.target);
      if (running) running.abort();
      else if (req.target > 0) cancelledEarly.add(req.target);
      return null;
    }
    case 'inspect':
      return lab.inspect(req.node);
    case 'close':
      await lab.close();
      return null;
    default:
      throw new Error(`unknown lab operation ${JSON.stringify((req as { op?: unknown }).op)}`);
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  const at = argv.indexOf('--run-id');
  const runId = at >= 0 && argv[at + 1] ? argv[at + 1]! : newRunId();
  const b = argv.indexOf('--backend');
  const backend = b >= 0 ? argv[b + 1] : 'netns';
  if (backend !== 'netns' && backend !== 'container')
    throw new Error(`--backend must be netns or container, not ${JSON.stringify(backend)}`);
  const availability = labAvailability();
  let runtime: NodeRuntime = processAnchors;
  if (availability.ok && backend === 'container') {
    const c = await import('./container-runtime');
    const docker = await c.containerAvailability();
    availability.missing.push(...docker.missing);
    availability.ok = docker.ok;
    if (docker.ok) {
      for (const f of await c.removeOrphanedContainers())
        process.stderr.write(`[lab] could not remove a container left by a dead lab process: ${f}\n`);
      runtime = c.containers;
    }
  }
  if (!availability.ok) {
    send({ event: 'unavailable', missing: availability.missing });
    process.exitCode = 3;
    return;
  }
  sweepOrphanedAnchors();
  const lab = new NetnsLab(runId, runtime);
  let queue: Promise<unknown> = Promise.resolve();
  let closing = false;
  const shutdown = async (code: number): Promise<void> => {
    if (closing) return;
    closing = true;
    await queue.catch(() => undefined);
    await lab.close();
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown(143));
  process.on('SIGINT', () => void shutdown(130));

  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    let req: LabRequest;
    try {
      req = JSON.parse(line) as LabRequest;
    } catch {
      send({ id: -1, ok: false, error: { name: 'ProtocolError', message: `not a JSON request: ${line.slice(0, 200)}` } });
      return;
    }
    const run = (): Promise<void> =>
      handle(lab, req).then(
        (result) => send({ id: req.id, ok: true, result: result ?? null }),
        (e: unknown) =>
          send({
            id: req.id,
            ok: false,
            error: { name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) },
          }),
      );
    if (req.op === 'cancel') void run();
    else if (req.op === 'exec' || req.op === 'inspect') void queue.then(run, run);
    else queue = queue.then(run, run);
  });
  lines.on('close', () => void shutdown(0));
  send({ event: 'ready', runId, pid: process.pid, backend: runtime.kind });
}

if (process.argv[1]?.endsWith('lab-process.ts')) void main(process.argv.slice(2));
