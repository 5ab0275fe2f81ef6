// Endpoints of a flow resolved against the world: an EC2 instance with its primary ENI, subnet and
// security groups, or an SDDC VM with its IP and segment.
import type { Instance, NetworkInterface, Segment, Subnet, Vm, World } from '../world';
import { ipToNumber, nameTag, segmentForIp } from '../world';
import type { EndpointRef } from './flow';
import type { Member } from './group-membership';
import type { EndpointSummary } from './verdict';

/** What both kinds of endpoint carry. */
interface EndpointBase {
  ip: string;
  ipNum: number;
  name: string;
  /** The endpoint as CGW group membership sees it. */
  member: Member;
  /** Cache key of the endpoint in the compiled CGW. */
  key: string;
  summary: EndpointSummary;
}

export interface InstanceEndpoint extends EndpointBase {
  kind: 'instance';
  instance: Instance;
  eni: NetworkInterface | undefined;
  subnet: Subnet | undefined;
  groupIds: string[];
  /** `groupIds` joined, the key of compiled SG matchers. */
  groupKey: string;
}

export interface VmEndpoint extends EndpointBase {
  kind: 'vm';
  vm: Vm;
  segment: Segment | undefined;
}

export type Endpoint = InstanceEndpoint | VmEndpoint;

export class UnknownEndpointError extends Error {
  override readonly name = 'UnknownEndpointError';
}

/** An endpoint the engine cannot evaluate because the data gives it no IPv4 address. */
export interface UnaddressedEndpoint {
  kind: 'instance' | 'vm';
  id: string;
  name: string;
  /** Why it has none, and what to do about it. */
  reason: string;
}

const isIpv4 = (text: unknown): text is string => typeof text === 'string' && /^\d{1,3}(\.\d{1,3}){3}$/.test(text);

/** The instance's private IPv4 address; none on an IPv6-only subnet (or when the export lacks it). */
export const instanceIpv4 = (instance: Pick<Instance, 'privateIpAddress'>): string | undefined =>
  isIpv4(instance.privateIpAddress) ? instance.privateIpAddress : undefined;

/** The VM's first IPv4 address; none when its VIF reports no `ip_address_info` or it has no VIF. */
export const vmIpv4 = (vm: Vm): string | undefined => vm.ipAddresses.find(isIpv4);

/** Why an endpoint has no IPv4 address, if it has none. */
export function missingAddress(world: World, ref: EndpointRef): UnaddressedEndpoint | undefined {
  if (ref.kind === 'instance') {
    const i = world.ec2.instances.get(ref.instanceId);
    if (!i || instanceIpv4(i) !== undefined) return undefined;
    return {
      kind: 'instance',
      id: i.instanceId,
      name: nameTag(i.tags) ?? i.instanceId,
      reason:
        'describe-instances gives it no private IPv4 address (an IPv6-only subnet?); the engine evaluates IPv4 flows only, so pick an instance with a private IPv4 address',
    };
  }
  const vm = world.nsx.vms.get(ref.externalId);
  if (!vm || vmIpv4(vm) !== undefined) return undefined;
  const off = vm.powerState !== 'VM_RUNNING';
  return {
    kind: 'vm',
    id: vm.externalId,
    name: vm.displayName,
    reason:
      `${off ? 'the VM is powered off and ' : ''}nsx/vifs.json gives it no IPv4 address (no VIF, or a VIF without ip_address_info: VMware Tools not running); ` +
      `${off ? 'power it on, ' : ''}start VMware Tools in the guest and export nsx/vifs.json again, or pick another VM`,
  };
}

/** Every endpoint of the matrix that has no IPv4 address (instances first, in world order). */
export function unaddressedEndpoints(world: World, includeTerminated = false): UnaddressedEndpoint[] {
  const refs: EndpointRef[] = [
    ...[...world.ec2.instances.values()]
      .filter((i) => includeTerminated || i.state !== 'terminated')
      .map((i) => ({ kind: 'instance' as const, instanceId: i.instanceId })),
    ...[...world.nsx.vms.values()].map((vm) => ({ kind: 'vm' as const, externalId: vm.externalId })),
  ];
  return refs.flatMap((r) => missingAddress(world, r) ?? []);
}

export function resolveEndpoint(world: World, ref: EndpointRef): Endpoint {
  const none = missingAddress(world, ref);
  if (none) throw new UnknownEndpointError(`${none.name} has no IPv4 address in the snapshot: ${none.reason}`);
  if (ref.kind === 'instance') {
    const instance = world.ec2.instances.get(ref.instanceId);
    if (!instance) throw new UnknownEndpointError(`no instance ${ref.instanceId} in the world`);
    const eni = world.ec2.networkInterfaces.get(instance.networkInterfaceId);
    const ip = instanceIpv4(instance)!;
    const ipNum = ipToNumber(ip);
    return {
      kind: 'instance',
      instance,
      eni,
      subnet: world.ec2.subnets.get(instance.subnetId),
      groupIds: eni?.groupIds ?? [],
      groupKey: (eni?.groupIds ?? []).join(','),
      ip,
      ipNum,
      name: nameTag(instance.tags) ?? instance.instanceId,
      member: { ip: ipNum },
      key: `ip:${ip}`,
      summary: { kind: 'instance', id: instance.instanceId, name: nameTag(instance.tags) ?? instance.instanceId, ip },
    };
  }
  const vm = world.nsx.vms.get(ref.externalId);
  if (!vm) throw new UnknownEndpointError(`no VM with external id ${ref.externalId} in the world`);
  const ip = vmIpv4(vm)!;
  const segment =
    vm.segmentPath !== undefined ? [...world.nsx.segments.values()].find((s) => s.path === vm.segmentPath) : segmentForIp(world, ip);
  const ipNum = ipToNumber(ip);
  return {
    kind: 'vm',
    vm,
    segment,
    ip,
    ipNum,
    name: vm.displayName,
    member: { ip: ipNum, vm, ...(segment ? { segmentPath: segment.path } : {}) },
    key: `vm:${vm.externalId}`,
    summary: { kind: 'vm', id: vm.externalId, name: vm.displayName, ip },
  };
}
