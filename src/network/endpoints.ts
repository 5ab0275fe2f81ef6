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

export function resolveEndpoint(world: World, ref: EndpointRef): Endpoint {
  if (ref.kind === 'instance') {
    const instance = world.ec2.instances.get(ref.instanceId);
    if (!instance) throw new UnknownEndpointError(`no instance ${ref.instanceId} in the world`);
    const eni = world.ec2.networkInterfaces.get(instance.networkInterfaceId);
    const ipNum = ipToNumber(instance.privateIpAddress);
    return {
      kind: 'instance',
      instance,
      eni,
      subnet: world.ec2.subnets.get(instance.subnetId),
      groupIds: eni?.groupIds ?? [],
      groupKey: (eni?.groupIds ?? []).join(','),
      ip: instance.privateIpAddress,
      ipNum,
      name: nameTag(instance.tags) ?? instance.instanceId,
      member: { ip: ipNum },
      key: `ip:${instance.privateIpAddress}`,
      summary: { kind: 'instance', id: instance.instanceId, name: nameTag(instance.tags) ?? instance.instanceId, ip: instance.privateIpAddress },
    };
  }
  const vm = world.nsx.vms.get(ref.externalId);
  if (!vm) throw new UnknownEndpointError(`no VM with external id ${ref.externalId} in the world`);
  const ip = vm.ipAddresses[0];
  if (ip === undefined) throw new UnknownEndpointError(`VM ${vm.displayName} has no IPv4 address (VMware Tools not reporting?)`);
  const segment = vm.segmentPath !== undefined
    ? [...world.nsx.segments.values()].find((s) => s.path === vm.segmentPath)
    : segmentForIp(world, ip);
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

