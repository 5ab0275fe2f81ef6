// The one-shot listeners the mock's guests run (started through SSM Run Command by a TCP/UDP probe), per
// world: which node listens on which protocol and port, until when; and the services a stock EC2 image
// runs from boot (sshd, Remote Desktop). A connect or datagram that the engine
// lets through to a listening node ends that listener with "connection from …" / "datagram of … from …";
// one nobody reaches ends when its time is up (or when the command is cancelled, which is what the
// harness does once its probe is over).
// Mock note: a real listener waits in real time; here the time-up is a timer scaled by the latency profile's
// timeScale (real seconds under `instant`), unref'd so it never keeps a process alive.
import type { NodeTarget, ScriptResult, World } from '../../../src/world';
import type { PortProbeRequest } from '../../../src/shapes/ssm/port-probe-command';
import { listenerOutput, listenerPortInUse } from './port-probe-output';

interface Listener {
  commandId: string;
  target: NodeTarget;
  request: PortProbeRequest;
  until: number;
  settle: (r: ScriptResult) => void;
}

const registry = new WeakMap<World, Listener[]>();

const sameTarget = (a: NodeTarget, b: NodeTarget): boolean =>
  a.kind === 'instance' && b.kind === 'instance'
    ? a.instanceId === b.instanceId
    : a.kind === 'vm' && b.kind === 'vm'
      ? a.externalId === b.externalId
      : false;

/** A listener still running: not timed out, its command not cancelled. */
function alive(world: World, l: Listener): boolean {
  if (world.clock() > l.until) return false;
  const inv = world.ssm.commands.get(l.commandId)?.invocations[0];
  return !inv || inv.status === 'InProgress' || inv.status === 'Pending';
}

function listeners(world: World): Listener[] {
  const list = (registry.get(world) ?? []).filter((l) => alive(world, l));
  registry.set(world, list);
  return list;
}

/** Starts a listener on `target`; the promise settles when a peer reaches it or its time is up. */
export function startListener(
  world: World,
  commandId: string,
  target: NodeTarget,
  request: PortProbeRequest,
): ScriptResult | Promise<ScriptResult> {
  const current = listeners(world);
  const taken =
    current.some((l) => sameTarget(l.target, target) && l.request.protocol === request.protocol && l.request.port === request.port) ||
    bootServices(world, target).some((b) => b.protocol === request.protocol && b.port === request.port);
  if (taken) return listenerPortInUse(request);
  return new Promise<ScriptResult>((resolve) => {
    const entry: Listener = { commandId, target, request, until: world.clock() + request.timeoutS * 1000, settle: resolve };
    current.push(entry);
    const timer = setTimeout(
      () => {
        registry.set(
          world,
          (registry.get(world) ?? []).filter((l) => l !== entry),
        );
        resolve(listenerOutput(request, undefined));
      },
      (request.timeoutS * 1000) / (world.latency.timeScale ?? 1),
    );
    timer.unref();
  });
}

/**
 * The services a stock image runs from boot: the Amazon Linux 2023 and RHEL AMIs enable sshd (TCP 22), the
 * Windows Server AMIs Remote Desktop (TCP 3389). SDDC VMs are the customer's: the mock knows none of
 * their services, so only listeners started through SSM answer there.
 */
function bootServices(world: World, target: NodeTarget): { protocol: 'tcp' | 'udp'; port: number }[] {
  if (target.kind !== 'instance') return [];
  const inst = world.ec2.instances.get(target.instanceId);
  if (!inst || inst.state !== 'running') return [];
  return inst.platform === 'windows' ? [{ protocol: 'tcp', port: 3389 }] : [{ protocol: 'tcp', port: 22 }];
}

/** Whether `target` listens on this protocol and port: a running listener started through SSM, or a service of its image. */
export function isListening(world: World, target: NodeTarget, protocol: 'tcp' | 'udp', port: number): boolean {
  if (listeners(world).some((l) => sameTarget(l.target, target) && l.request.protocol === protocol && l.request.port === port)) return true;
  return bootServices(world, target).some((s) => s.protocol === protocol && s.port === port);
}

/** The peer reached the listener: it prints what it heard and exits (one-shot). */
export function reachListener(world: World, target: NodeTarget, protocol: 'tcp' | 'udp', port: number, peer: string): void {
  const list = listeners(world);
  const l = list.find((x) => sameTarget(x.target, target) && x.request.protocol === protocol && x.request.port === port);
  if (!l) return;
  registry.set(
    world,
    list.filter((x) => x !== l),
  );
  l.settle(listenerOutput(l.request, peer));
}
