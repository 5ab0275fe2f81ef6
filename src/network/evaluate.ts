// evaluate(world, flow) → Verdict: pure and deterministic. The compiled index is cached per world and
// rebuilt when the world's revision changes, so repeated calls (a matrix) share the compiled rules.
import type { World } from '../world';
import type { Flow, Protocol } from './flow';
import { NetworkIndex } from './network-index';
import { resolveEndpoint, summarize, UnknownEndpointError } from './endpoints';
import { Trace } from './trace';
import { walkEc2ToSddc } from './path-ec2-to-sddc';
import { walkSddcToEc2 } from './path-sddc-to-ec2';
import type { Verdict } from './verdict';

const indexes = new WeakMap<World, NetworkIndex>();

function indexFor(world: World): NetworkIndex {
  let index = indexes.get(world);
  if (!index || index.revision !== world.revision) {
    index = new NetworkIndex(world);
    indexes.set(world, index);
  }
  return index;
}

export class UnsupportedFlowError extends Error {
  override readonly name = 'UnsupportedFlowError';
}

export function evaluate(world: World, flow: Flow): Verdict {
  const src = resolveEndpoint(world, flow.source);
  const dst = resolveEndpoint(world, flow.destination);
  const c = { world, index: indexFor(world), trace: new Trace() };
  const activeEni = world.nsx.linkedVpc?.activeEni;
  const eni = activeEni === undefined ? undefined : world.ec2.networkInterfaces.get(activeEni);
  if (src.kind === 'instance' && dst.kind === 'vm') walkEc2ToSddc(c, flow, src, dst, eni);
  else if (src.kind === 'vm' && dst.kind === 'instance') walkSddcToEc2(c, flow, src, dst, eni);
  else throw new UnsupportedFlowError(`flows between two ${src.kind === 'vm' ? 'SDDC VMs' : 'EC2 instances'} are not modelled: one end must be an EC2 instance and the other an SDDC VM`);
  const protocol: Protocol = flow.protocol ?? 'icmp';
  return {
    source: summarize(src),
    destination: summarize(dst),
    protocol,
    ...(flow.port !== undefined ? { port: flow.port } : {}),
    reachable: c.trace.block === null,
    blockedBy: c.trace.block,
    hops: c.trace.hops,
  };
}

/** Every instance × every VM, both directions (instances in id order, VMs in name order). */
export function evaluateMatrix(world: World, options: { protocol?: Protocol; port?: number; includeTerminated?: boolean } = {}): Verdict[] {
  const instances = [...world.ec2.instances.values()].filter((i) => options.includeTerminated || i.state !== 'terminated');
  const vms = [...world.nsx.vms.values()];
  const out: Verdict[] = [];
  const extra = { ...(options.protocol ? { protocol: options.protocol } : {}), ...(options.port !== undefined ? { port: options.port } : {}) };
  for (const inst of instances) {
    for (const vm of vms) {
      const a = { kind: 'instance' as const, instanceId: inst.instanceId };
      const b = { kind: 'vm' as const, externalId: vm.externalId };
      out.push(evaluate(world, { source: a, destination: b, ...extra }));
      out.push(evaluate(world, { source: b, destination: a, ...extra }));
    }
  }
  return out;
}

export { UnknownEndpointError };
