// The lab's shape, derived from a World: which nodes exist, how they are wired to the two routers and
// with which addresses. Instances of the connected VPC hang off the VPC router, each by its own veth
// (router side `i<k>`, holding the subnet's router address, base+1, as AWS's VPC router does); VMs hang
// off the SDDC edge (`vm<k>`, holding the segment's gateway); the active cross-link ENI is the link
// between the two routers (`xlink`: the ENI's address on the edge side, the ENI subnet's router address
// on the VPC side). Instances outside the connected VPC get a node with no link.
import type { Instance, NetworkInterface, Segment, Vm, World } from '../world';
import { cidrContainsIp, ipToNumber, numberToIp, parseCidr, segmentIsRouted } from '../world';
import { resolveEndpoint, vmIpv4 } from '../network/endpoints';

export interface InstanceNode {
  ns: string;
  instance: Instance;
  ip: string;
  subnetId: string;
  /** Router-side interface; undefined for an instance outside the connected VPC. */
  ifname?: string;
  gateway: string;
  up: boolean;
  groupIds: string[];
}

export interface VmNode {
  ns: string;
  vm: Vm;
  ip: string;
  ifname: string;
  segment?: Segment;
  /** The segment gateway the VM uses (none without a segment). */
  gateway?: string;
  /** The edge routes to the VM: its segment is routed and connected, and holds its address. */
  routed: boolean;
  up: boolean;
}

export interface CrossLink {
  eni: NetworkInterface;
  subnetId: string;
  /** The ENI subnet's router address (VPC side of the link). */
  routerIp: string;
}

export interface LabTopology {
  /** The connected VPC (the linked VPC, else the world's only VPC). */
  vpcId?: string;
  instances: InstanceNode[];
  vms: VmNode[];
  crossLink?: CrossLink;
  /** Subnets of the connected VPC that have a router interface, with the interfaces in them. */
  subnets: Map<string, string[]>;
}

export const crossLinkIfname = 'xlink';
export const nodeIfname = 'eth0';

/** The VPC router's address in a subnet: the network address + 1. */
export function subnetRouterIp(cidr: string): string {
  return numberToIp(parseCidr(cidr).network + 1);
}

function connectedVpcId(world: World): string | undefined {
  const linked = world.nsx.linkedVpc?.linkedVpcId;
  if (linked) return linked;
  const vpcs = [...world.ec2.vpcs.keys()];
  return vpcs.length === 1 ? vpcs[0] : undefined;
}

/** A segment's IPv4 subnets (the lab is IPv4 only). */
export const ipv4Subnets = (segment: Segment): Segment['subnets'] => segment.subnets.filter((s) => !s.network.includes(':'));

function segmentGateway(segment: Segment | undefined, ip: string): string | undefined {
  const subnets = segment ? ipv4Subnets(segment) : [];
  if (subnets.length === 0) return undefined;
  const n = ipToNumber(ip);
  const sub = subnets.find((s) => cidrContainsIp(parseCidr(s.network), n)) ?? subnets[0]!;
  return sub.gatewayAddress.split('/')[0];
}

export function labTopology(world: World): LabTopology {
  const vpcId = connectedVpcId(world);
  const subnets = new Map<string, string[]>();
  const join = (subnetId: string, ifname: string) => subnets.set(subnetId, [...(subnets.get(subnetId) ?? []), ifname]);

  const instances: InstanceNode[] = [];
  let k = 0;
  for (const instance of world.ec2.instances.values()) {
    if (instance.state === 'terminated' || !instance.privateIpAddress) continue;
    const subnet = world.ec2.subnets.get(instance.subnetId);
    const inVpc = subnet !== undefined && subnet.vpcId === vpcId;
    const ifname = inVpc ? `i${k++}` : undefined;
    if (ifname) join(instance.subnetId, ifname);
    instances.push({
      ns: instance.instanceId,
      instance,
      ip: instance.privateIpAddress,
      subnetId: instance.subnetId,
      ...(ifname ? { ifname } : {}),
      gateway: subnet ? subnetRouterIp(subnet.cidrBlock) : instance.privateIpAddress,
      up: instance.state === 'running',
      groupIds: world.ec2.networkInterfaces.get(instance.networkInterfaceId)?.groupIds ?? [],
    });
  }

  let crossLink: CrossLink | undefined;
  const activeId = world.nsx.linkedVpc?.activeEni;
  const eni = activeId === undefined ? undefined : world.ec2.networkInterfaces.get(activeId);
  const eniSubnet = eni && world.ec2.subnets.get(eni.subnetId);
  if (eni && eniSubnet && eniSubnet.vpcId === vpcId) {
    crossLink = { eni, subnetId: eni.subnetId, routerIp: subnetRouterIp(eniSubnet.cidrBlock) };
    join(eni.subnetId, crossLinkIfname);
  }

  const vms: VmNode[] = [];
  let v = 0;
  for (const vm of world.nsx.vms.values()) {
    const ip = vmIpv4(vm);
    if (ip === undefined) continue;
    const e = resolveEndpoint(world, { kind: 'vm', externalId: vm.externalId });
    const segment = e.kind === 'vm' ? e.segment : undefined;
    const gateway = segmentGateway(segment, ip);
    const holds = segment ? ipv4Subnets(segment).some((s) => cidrContainsIp(parseCidr(s.network), ipToNumber(ip))) : false;
    vms.push({
      ns: vm.externalId,
      vm,
      ip,
      ifname: `vm${v++}`,
      ...(segment ? { segment } : {}),
      ...(gateway ? { gateway } : {}),
      routed: segment !== undefined && segmentIsRouted(segment) && holds,
      up: vm.powerState === 'VM_RUNNING',
    });
  }
  return { ...(vpcId ? { vpcId } : {}), instances, vms, ...(crossLink ? { crossLink } : {}), subnets };
}
