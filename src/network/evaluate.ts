// evaluate(world, flow) → Verdict: pure and deterministic. The compiled index is cached per world and
// rebuilt when the world's revision changes, so repeated calls (a matrix) share the compiled rules.
import type { World } from '../world';
import { packetsOf, type Flow, type Protocol } from './flow';
import { NetworkIndex } from './network-index';
import { instanceIpv4, UnknownEndpointError, vmIpv4 } from './endpoints';
import { Trace } from './trace';
import { walkEc2ToSddc } from './path-ec2-to-sddc';
import { walkSddcToEc2 } from './path-sddc-to-ec2';
import type { Endpoint } from './endpoints';
import type { Verdict, VerdictBrief } from './verdict';

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

/** Walks the flow's path into `trace`; the endpoints it resolved. */
function walk(world: World, flow: Flow, trace: Trace): { src: Endpoint; dst: Endpoint } {
  const index = indexFor(world);
  const src = index.endpoint(flow.source);
  const dst = index.endpoint(flow.destination);
  const c = { world, index, trace };
  if (src.kind === 'instance' && dst.kind === 'vm') walkEc2ToSddc(c, packetsOf(flow), src, dst);
  else if (src.kind === 'vm' && dst.kind === 'instance') walkSddcToEc2(c, packetsOf(flow), src, dst);
  else throw new UnsupportedFlowError(`flows between two ${src.kind === 'vm' ? 'SDDC VMs' : 'EC2 instances'} are not modelled: one end must be an EC2 instance and the other an SDDC VM`);
  return { src, dst };
}

export function evaluate(world: World, flow: Flow): Verdict {
  const trace = new Trace();
  const { src, dst } = walk(world, flow, trace);
  const protocol: Protocol = flow.protocol ?? 'icmp';
  return {
    source: src.summary,
    destination: dst.summary,
    protocol,
    ...(flow.port !== undefined ? { port: flow.port } : {}),
    status: trace.status,
    reachable: trace.status === 'reachable',
    blockedBy: trace.block,
    assumptions: trace.assumptions,
    hops: trace.hops,
  };
}

/**
 * The verdict of a flow as a matrix cell shows it: the same walk as `evaluate`, so the same status, block
 * code and path and assumptions, without building the hops, texts and fix (several times faster).
 */
export function evaluateBrief(world: World, flow: Flow): VerdictBrief {
  const trace = new Trace(true);
  const { src, dst } = walk(world, flow, trace);
  return { source: src.summary, destination: dst.summary, status: trace.status, blockedBy: trace.blocked, assumptions: trace.assumptions };
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

/** Every verdict of the matrix as a cell shows it (`evaluateBrief`), one at a time. */
export function* iterateMatrixBriefs(world: World, options: MatrixOptions = {}): Generator<VerdictBrief> {
  for (const flow of matrixFlows(world, options)) yield evaluateBrief(world, flow);
}

/** Every verdict of the matrix, as an array. */
export const evaluateMatrix = (world: World, options: MatrixOptions = {}): Verdict[] => [...iterateMatrix(world, options)];

export { UnknownEndpointError };
