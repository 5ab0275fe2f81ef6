// evaluate(world, flow) → Verdict: pure and deterministic. The compiled index is cached per world and
// rebuilt when the world's revision changes, so repeated calls (a matrix) share the compiled rules.
import type { World } from '../world';
import type { Flow, Protocol } from './flow';
import { NetworkIndex } from './network-index';
import { instanceIpv4, UnknownEndpointError, vmIpv4 } from './endpoints';
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
  const index = indexFor(world);
  const src = index.endpoint(flow.source);
  const dst = index.endpoint(flow.destination);
  const c = { world, index, trace: new Trace() };
  const activeEni = world.nsx.linkedVpc?.activeEni;
  const eni = activeEni === undefined ? undefined : world.ec2.networkInterfaces.get(activeEni);
  if (src.kind === 'instance' && dst.kind === 'vm') walkEc2ToSddc(c, flow, src, dst, eni);
  else if (src.kind === 'vm' && dst.kind === 'instance') walkSddcToEc2(c, flow, src, dst, eni);
  else throw new UnsupportedFlowError(`flows between two ${src.kind === 'vm' ? 'SDDC VMs' : 'EC2 instances'} are not modelled: one end must be an EC2 instance and the other an SDDC VM`);
  const protocol: Protocol = flow.protocol ?? 'icmp';
  return {
    source: src.summary,
    destination: dst.summary,
    protocol,
    ...(flow.port !== undefined ? { port: flow.port } : {}),
    status: c.trace.status,
    reachable: c.trace.status === 'reachable',
    blockedBy: c.trace.block,
    assumptions: c.trace.assumptions,
    hops: c.trace.hops,
  };
}

export interface MatrixOptions {
  protocol?: Protocol;
  port?: number;
  includeTerminated?: boolean;
}

/**
 * The flows of the full matrix: every instance × every VM, both directions (world order). Endpoints without
 * an IPv4 address have no flow (`unaddressedEndpoints` lists them).
 */
export function* matrixFlows(world: World, options: MatrixOptions = {}): Generator<Flow> {
  const instances = [...world.ec2.instances.values()].filter((i) => (options.includeTerminated || i.state !== 'terminated') && instanceIpv4(i) !== undefined);
  const vms = [...world.nsx.vms.values()].filter((vm) => vmIpv4(vm) !== undefined);
  const extra = { ...(options.protocol ? { protocol: options.protocol } : {}), ...(options.port !== undefined ? { port: options.port } : {}) };
  for (const inst of instances) {
    for (const vm of vms) {
      const a = { kind: 'instance' as const, instanceId: inst.instanceId };
      const b = { kind: 'vm' as const, externalId: vm.externalId };
      yield { source: a, destination: b, ...extra };
      yield { source: b, destination: a, ...extra };
    }
  }
}

/** Every verdict of the matrix, one at a time (a large matrix need not be held in memory). */
export function* iterateMatrix(world: World, options: MatrixOptions = {}): Generator<Verdict> {
  for (const flow of matrixFlows(world, options)) yield evaluate(world, flow);
}

/** Every verdict of the matrix, as an array. */
export const evaluateMatrix = (world: World, options: MatrixOptions = {}): Verdict[] => [...iterateMatrix(world, options)];

export { UnknownEndpointError };
