// Runs the lab's TCP/UDP probes (port-probe.ts) through a lab client: listeners on destination nodes,
// started together and awaited until each says it has bound its ports, then the probes, then the
// listeners cancelled and what they heard collected. Used by the oracle and the lab tests.
import type { LabClient } from './lab-client';
import {
  parseListener,
  parsePortProbe,
  portListenerArgv,
  portProbeArgv,
  type PortProtocol,
  type PortResult,
  type PortTarget,
} from './port-probe';

export interface ListenerSpec {
  tcp: number[];
  udp: number[];
}

export type Heard = Map<string, { protocol: PortProtocol; port: number; peer: string }[]>;

/** Probes `targets` from `node` at once; each waits at most `waitSeconds`. */
export async function probePorts(lab: LabClient, node: string, targets: readonly PortTarget[], waitSeconds: number): Promise<PortResult[]> {
  if (targets.length === 0) return [];
  const r = await lab.exec(node, portProbeArgv(targets, waitSeconds), (waitSeconds + 10) * 1000, { hostTools: true });
  return parsePortProbe(targets, r);
}

/**
 * Starts a listener on every node of `listeners` (for at most `seconds`), runs `body` once all of them
 * listen, then stops them. Returns body's result and, per node, the connections and datagrams heard.
 */
export async function withListeners<T>(
  lab: LabClient,
  listeners: ReadonlyMap<string, ListenerSpec>,
  seconds: number,
  body: () => Promise<T>,
): Promise<{ result: T; heard: Heard }> {
  const stop = new AbortController();
  const running = [...listeners]
    .filter(([, s]) => s.tcp.length + s.udp.length > 0)
    .map(([node, spec]) => {
      let ready!: () => void;
      const isReady = new Promise<void>((resolve) => void (ready = resolve));
      const done = lab.exec(node, portListenerArgv(spec, seconds), (seconds + 10) * 1000, {
        hostTools: true,
        signal: stop.signal,
        onReady: () => ready(),
      });
      return {
        node,
        done,
        ready: Promise.race([
          isReady,
          done.then((r) =>
            Promise.reject(
              new Error(
                `the listener on ${node} ended before it listened (exit ${r.exitCode}): ${(r.stderr || r.stdout).trim().slice(0, 300)}`,
              ),
            ),
          ),
        ]),
      };
    });
  try {
    await Promise.all(running.map((l) => l.ready));
    const result = await body();
    stop.abort();
    const heard: Heard = new Map();
    for (const l of running) heard.set(l.node, parseListener((await l.done).stdout));
    return { result, heard };
  } finally {
    stop.abort();
    await Promise.allSettled(running.map((l) => l.done));
  }
}
