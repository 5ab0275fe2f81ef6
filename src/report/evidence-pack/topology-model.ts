// The topology the evidence pack draws, as plain data read off a World (the configuration the run
// discovered): the connected VPC with its subnets (their instances, route table and NACL), its route
// tables (main or custom, with the routes towards the SDDC), the cross-link ENIs (the active one marked),
// and the SDDC side: the edge with its compute gateway, the segments and their VMs. Every instance and
// cross-link ENI carries the security groups it wears (id, name, whether it is the VPC's default SG).
import { inCidr, type World } from '../../world';

export interface DrawnGroup {
  id: string;
  name?: string;
  isDefault: boolean;
}

export interface TopologyModel {
  region: string;
  vpc: { id: string; cidr: string; ownerId: string } | null;
  subnets: {
    id: string;
    name?: string;
    cidr: string;
    az: string;
    routeTableId?: string;
    naclId?: string;
    instances: { id: string; name: string; ip: string; state: string; groups: DrawnGroup[] }[];
  }[];
  routeTables: { id: string; main: boolean; subnets: string[]; routes: string[] }[];
  enis: { id: string; ip: string; subnetId: string; active: boolean; groups: DrawnGroup[] }[];
  sddc: { name: string; managementCidr: string; activeEni: string; linkedAccount: string } | null;
  segments: {
    path: string;
    name: string;
    cidr: string;
    connected: boolean;
    type: string;
    vms: { id: string; name: string; ip: string; power: string }[];
  }[];
}

const nameTag = (tags: { key: string; value: string }[]): string | undefined => tags.find((t) => t.key === 'Name')?.value;

export function topologyOf(world: World): TopologyModel {
  const linked = world.nsx.linkedVpc;
  const vpc = (linked && world.ec2.vpcs.get(linked.linkedVpcId)) ?? [...world.ec2.vpcs.values()][0];
  const vpcId = vpc?.vpcId;
  const routeTables = [...world.ec2.routeTables.values()].filter((r) => r.vpcId === vpcId);
  const mainTable = routeTables.find((r) => r.associations.some((a) => a.main));
  const subnets = [...world.ec2.subnets.values()].filter((s) => s.vpcId === vpcId);
  const tableOf = (subnetId: string): string | undefined =>
    routeTables.find((r) => r.associations.some((a) => a.subnetId === subnetId))?.routeTableId ?? mainTable?.routeTableId;
  const naclOf = (subnetId: string): string | undefined =>
    [...world.ec2.networkAcls.values()].find((n) => n.associations.some((a) => a.subnetId === subnetId))?.networkAclId;
  const crossLink = new Set(linked?.crossLinkEniIds ?? []);
  const segments = [...world.nsx.segments.values()];
  const vms = [...world.nsx.vms.values()];
  // A group id the data does not hold (another account's, a deleted one) is still drawn, by id alone.
  const groupsOf = (ids: readonly string[]): DrawnGroup[] =>
    ids.map((id) => {
      const g = world.ec2.securityGroups.get(id);
      return g ? { id, name: g.groupName, isDefault: g.groupName === 'default' && g.vpcId === vpcId } : { id, isDefault: false };
    });
  const segmentOfVm = (vm: (typeof vms)[number]): string | undefined =>
    vm.segmentPath ?? segments.find((s) => s.subnets.some((sub) => vm.ipAddresses.some((ip) => safeIn(ip, sub.network))))?.path;
  return {
    region: world.region,
    vpc: vpc ? { id: vpc.vpcId, cidr: vpc.cidrBlock, ownerId: vpc.ownerId } : null,
    subnets: subnets.map((s) => ({
      id: s.subnetId,
      ...(nameTag(s.tags) ? { name: nameTag(s.tags)! } : {}),
      cidr: s.cidrBlock,
      az: s.availabilityZone,
      ...(tableOf(s.subnetId) ? { routeTableId: tableOf(s.subnetId)! } : {}),
      ...(naclOf(s.subnetId) ? { naclId: naclOf(s.subnetId)! } : {}),
      instances: [...world.ec2.instances.values()]
        .filter((i) => i.subnetId === s.subnetId && i.state !== 'terminated')
        .map((i) => ({
          id: i.instanceId,
          name: nameTag(i.tags) ?? i.instanceId,
          ip: i.privateIpAddress,
          state: i.state,
          groups: groupsOf(world.ec2.networkInterfaces.get(i.networkInterfaceId)?.groupIds ?? []),
        })),
    })),
    routeTables: routeTables.map((r) => ({
      id: r.routeTableId,
      main: r.associations.some((a) => a.main),
      subnets: r.associations.flatMap((a) => (a.subnetId ? [a.subnetId] : [])),
      routes: r.routes.map(
        (rt) =>
          `${rt.destinationCidrBlock ?? rt.destinationPrefixListId ?? '?'} → ${rt.gatewayId ?? rt.networkInterfaceId ?? rt.instanceId ?? rt.transitGatewayId ?? rt.vpcPeeringConnectionId ?? rt.natGatewayId ?? '?'}${rt.state === 'blackhole' ? ' (blackhole)' : ''}`,
      ),
    })),
    enis: [...world.ec2.networkInterfaces.values()]
      .filter((e) => crossLink.has(e.networkInterfaceId))
      .map((e) => ({
        id: e.networkInterfaceId,
        ip: e.privateIpAddress,
        subnetId: e.subnetId,
        active: e.networkInterfaceId === linked?.activeEni,
        groups: groupsOf(e.groupIds),
      })),
    sddc:
      world.nsx.sddc && linked
        ? {
            name: world.nsx.sddc.name,
            managementCidr: world.nsx.sddc.managementCidr,
            activeEni: linked.activeEni,
            linkedAccount: linked.linkedAccount,
          }
        : null,
    segments: segments.map((s) => ({
      path: s.path,
      name: s.displayName,
      cidr: s.subnets.map((x) => x.network).join(', '),
      connected: s.connectivity === 'ON' && s.type !== 'DISCONNECTED',
      type: s.type,
      vms: vms
        .filter((v) => segmentOfVm(v) === s.path)
        .map((v) => ({ id: v.externalId, name: v.displayName, ip: v.ipAddresses[0] ?? '', power: v.powerState })),
    })),
  };
}

function safeIn(ip: string, cidr: string): boolean {
  try {
    return inCidr(ip, cidr);
  } catch {
    return false;
  }
}
