// The linked (connected) VPC ⇄ nsx/linked-vpcs.json. The active cross-link ENI is `active_eni`, or on
// newer SDDCs `traffic_group_eni_mappings[0].eni`. The cross-link ENIs are the linked VPC's ENIs described
// "VMware VMC Interface", plus those named here. One connected VPC per SDDC: results[0] is used.
import type { LinkedVpc, World } from '../../world';
import { files } from '../layout';
import { linkedVpcsSchema } from '../schemas/linked-vpcs';
import type { SnapshotSource } from '../snapshot-source';
import { nsxListJson } from '../json-shapes';

export const crossLinkEniDescription = 'VMware VMC Interface';

export function readLinkedVpc(src: SnapshotSource, world: World): void {
  const file = files.linkedVpcs;
  const json = src.read(file, linkedVpcsSchema);
  const l = json.results[0];
  if (!l) return;
  const at = 'results[0]';
  const vpc = world.ec2.vpcs.get(l.linked_vpc_id) ?? src.dangling(file, `${at}.linked_vpc_id`, l.linked_vpc_id, files.vpcs);
  l.linked_vpc_subnets.forEach((s, k) => {
    if (!world.ec2.subnets.has(s.id)) src.dangling(file, `${at}.linked_vpc_subnets[${k}].id`, s.id, files.subnets);
  });
  l.route_table_ids.forEach((id, k) => {
    if (!world.ec2.routeTables.has(id)) src.dangling(file, `${at}.route_table_ids[${k}]`, id, files.routeTables);
  });
  l.traffic_group_eni_mappings.forEach((m, k) => {
    if (!world.ec2.networkInterfaces.has(m.eni)) src.dangling(file, `${at}.traffic_group_eni_mappings[${k}].eni`, m.eni, files.networkInterfaces);
  });
  const activeEni = l.active_eni ?? l.traffic_group_eni_mappings[0]?.eni;
  if (activeEni === undefined) {
    src.invalid(file, `${at}.active_eni`, undefined, 'is missing, and so is traffic_group_eni_mappings[0].eni: the linked VPC needs its active cross-link ENI');
  }
  if (!world.ec2.networkInterfaces.has(activeEni)) src.dangling(file, `${at}.active_eni`, activeEni, files.networkInterfaces);
  const crossLink = new Set<string>();
  for (const eni of world.ec2.networkInterfaces.values()) {
    if (eni.vpcId === vpc.vpcId && eni.description === crossLinkEniDescription) crossLink.add(eni.networkInterfaceId);
  }
  crossLink.add(activeEni);
  for (const m of l.traffic_group_eni_mappings) crossLink.add(m.eni);
  const linked: LinkedVpc = {
    linkedVpcId: vpc.vpcId,
    linkedAccount: l.linked_account || world.accountId,
    linkedVpcAddresses: l.linked_vpc_addresses.length > 0 ? l.linked_vpc_addresses : [vpc.cidrBlock, ...vpc.secondaryCidrBlocks],
    subnets: l.linked_vpc_subnets.map((s) => ({ id: s.id, cidr: s.cidr, availabilityZone: s.availability_zone })),
    activeEni,
    crossLinkEniIds: [...crossLink],
    routeTableIds: [...l.route_table_ids],
  };
  world.nsx.linkedVpc = linked;
}

export function renderLinkedVpcs(world: World): unknown {
  const l = world.nsx.linkedVpc;
  return nsxListJson(
    l
      ? [
          {
            linked_vpc_id: l.linkedVpcId,
            linked_account: l.linkedAccount,
            linked_vpc_addresses: [...l.linkedVpcAddresses],
            linked_vpc_subnets: l.subnets.map((s) => ({ id: s.id, cidr: s.cidr, availability_zone: s.availabilityZone })),
            active_eni: l.activeEni,
            route_table_ids: [...l.routeTableIds],
          },
        ]
      : [],
  );
}
