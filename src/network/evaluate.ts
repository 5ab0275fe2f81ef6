// evaluate(world, flow) → Verdict: pure and deterministic. The compiled index is cached per world and
// rebuilt when the world's revision changes, so repeated calls (a matrix) share the compiled rules.
import type { World } from '../world';
import { packetsOf, type EndpointRef, type Flow, type Packets, type Protocol } from './flow';
import { NetworkIndex } from './network-index';
import { instanceIpv4, UnknownEndpointError, vmIpv4 } from './endpoints';
import { Trace } from './trace';
import type { Ctx } from './steps';
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

const unsupported = (src: Endpoint): UnsupportedFlowError =>
  new UnsupportedFlowError(
    `flows between two ${src.kind === 'vm' ? 'SDDC VMs' : 'EC2 instances'} are not modelled: one end must be an EC2 instance and the other an SDDC VM`,
  );

/** Walks the path between two resolved endpoints into `c.trace`. */
function walkBetween(c: Ctx, src: Endpoint, dst: Endpoint, packets: Packets): void {
  if (src.kind === 'instance' && dst.kind === 'vm') walkEc2ToSddc(c, packets, src, dst);
  else if (src.kind === 'vm' && dst.kind === 'instance') walkSddcToEc2(c, packets, src, dst);
  else throw unsupported(src);
}

/** Walks the path from one endpoint to the other into `trace`; the endpoints it resolved. */
function walk(world: World, from: EndpointRef, to: EndpointRef, packets: Packets, trace: Trace): { src: Endpoint; dst: Endpoint } {
  const index = indexFor(world);
  const src = index.endpoint(from);
  const dst = index.endpoint(to);
  if (src.kind === dst.kind) throw unsupported(src);
  walkBetween({ world, index, trace }, src, dst, packets);
  return { src, dst };
}

export function evaluate(world: World, flow: Flow): Verdict {
  const trace = new Trace();
  const { src, dst } = walk(world, flow.source, flow.destination, packetsOf(flow), trace);
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
  return briefBetween(world, flow.source, flow.destination, packetsOf(flow));
}

export interface MatrixOptions {
  protocol?: Protocol;
  port?: number;
  includeTerminated?: boolean;
}

/** The endpoints of the matrix: running (or, asked for, terminated) instances and VMs with an IPv4 address. */
function matrixEndpoints(world: World, options: MatrixOptions): { instances: EndpointRef[]; vms: EndpointRef[] } {
  return {
    instances: [...world.ec2.instances.values()]
      .filter((i) => (options.includeTerminated || i.state !== 'terminated') && instanceIpv4(i) !== undefined)
      .map((i) => ({ kind: 'instance', instanceId: i.instanceId })),
    vms: [...world.nsx.vms.values()].filter((vm) => vmIpv4(vm) !== undefined).map((vm) => ({ kind: 'vm', externalId: vm.externalId })),
  };
}

const flowExtras = (options: MatrixOptions): Pick<Flow, 'protocol' | 'port'> => ({
  ...(options.protocol ? { protocol: options.protocol } : {}),
  ...(options.port !== undefined ? { port: options.port } : {}),
});

/**
 * The flows of the full matrix: every instance × every VM, both directions (world order). Endpoints without
 * an IPv4 address have no flow (`unaddressedEndpoints` lists them).
 */
export function* matrixFlows(world: World, options: MatrixOptions = {}): Generator<Flow> {
  const { instances, vms } = matrixEndpoints(world, options);
  const extra = flowExtras(options);
  for (const a of instances) {
    for (const b of vms) {
      yield { source: a, destination: b, ...extra };
      yield { source: b, destination: a, ...extra };
    }
  }
}

/** Every verdict of the matrix, one at a time (a large matrix need not be held in memory). */
export function* iterateMatrix(world: World, options: MatrixOptions = {}): Generator<Verdict> {
  for (const flow of matrixFlows(world, options)) yield evaluate(world, flow);
}

/**
 * Every verdict of the matrix as a cell shows it, one at a time: `evaluateBrief` of each of `matrixFlows`,
 * without building the flows (the endpoints and packets are the same for every pair).
 */
export function* iterateMatrixBriefs(world: World, options: MatrixOptions = {}): Generator<VerdictBrief> {
  const { instances, vms } = matrixEndpoints(world, options);
  let packets: Packets | undefined;
  for (const a of instances) {
    for (const b of vms) {
      packets ??= packetsOf(flowExtras(options));
      yield briefBetween(world, a, b, packets);
      yield briefBetween(world, b, a, packets);
    }
  }
}

/** The brief walk between two endpoints (the matrix's pairs, and `evaluateBrief`'s flow). */
function briefBetween(world: World, from: EndpointRef, to: EndpointRef, packets: Packets): VerdictBrief {
  const trace = new Trace(true);
  const { src, dst } = walk(world, from, to, packets, trace);
  return { source: src.summary, destination: dst.summary, status: trace.status, blockedBy: trace.blocked, assumptions: trace.assumptions };
}

/** Every verdict of the matrix, as an array. */
export const evaluateMatrix = (world: World, options: MatrixOptions = {}): Verdict[] => [...iterateMatrix(world, options)];

export { UnknownEndpointError };
