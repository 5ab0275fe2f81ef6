// SDDC ↔ customer VPC links, `GET /vmc/api/orgs/{org}/account-link/sddc-connections?sddc={sddc}`: the
// connected VPC and subnet, the cross-link ENIs with their addresses, and the VPC's main route table.
// It does not say which ENI is active (the NSX linked-vpcs API does).
// Mock notes: one connection (the world has one linked VPC, single AZ); `eni_group` (deprecated) is
// not rendered; without `sddc=` every connection of the org is listed, as VMC does.
import { mainRouteTable, vpcCidrs } from '../../../src/world';
import { derivedUuid } from '../ids';
import type { VmcCall, VmcRoute } from './call';
import { requireOrg } from './orgs';
import { vmcJson } from './protocol';

export function renderSddcConnections(call: VmcCall): Record<string, unknown>[] {
  const world = call.ctx.world;
  const sddc = world.nsx.sddc;
  const linked = world.nsx.linkedVpc;
  const wanted = call.url.searchParams.get('sddc');
  if (!sddc || !linked || (wanted !== null && wanted !== sddc.id)) return [];
  const vpc = world.ec2.vpcs.get(linked.linkedVpcId);
  const enis = linked.crossLinkEniIds.map((id) => world.ec2.networkInterfaces.get(id)).filter((e) => e !== undefined);
  const subnet = enis[0] ? world.ec2.subnets.get(enis[0].subnetId) : undefined;
  return [
    {
      vpc_id: linked.linkedVpcId,
      cidr_block_vpc: vpc ? vpcCidrs(vpc)[0] : linked.linkedVpcAddresses[0],
      subnet_id: subnet?.subnetId,
      cidr_block_subnet: subnet?.cidrBlock,
      subnet_availability_zone: subnet?.availabilityZone,
      connected_account_id: derivedUuid('connected-account', linked.linkedAccount),
      sddc_id: sddc.id,
      org_id: sddc.orgId,
      cgw_present: true,
      connection_order: 0,
      state: 'ACTIVE',
      default_route_table: mainRouteTable(world, linked.linkedVpcId)?.routeTableId,
      customer_eni_infos: enis.map((e) => ({
        eni_id: e.networkInterfaceId,
        primary_ip_address: e.privateIpAddress,
        secondary_ip_addresses: [...e.secondaryPrivateIpAddresses],
      })),
    },
  ];
}

export const sddcConnectionRoutes: VmcRoute[] = [
  {
    method: 'GET',
    pattern: '/vmc/api/orgs/:org/account-link/sddc-connections',
    operation: 'GET sddc-connections',
    handle: (call, p) => (requireOrg(call.ctx.world, p.org!), vmcJson(renderSddcConnections(call))),
  },
];
