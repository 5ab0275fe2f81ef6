// The linked (connected) VPC ⇄ nsx/linked-vpcs.json, through the NSX shapes (src/shapes/nsx/linked-vpcs.ts).
// The active cross-link ENI is `active_eni`, or on newer SDDCs `traffic_group_eni_mappings[0].eni`. The
// cross-link ENIs are found by what VMC really writes: first the ENIs the linked-vpcs answer names
// (`active_eni`, `traffic_group_eni_mappings[].eni`), then the linked VPC's ENIs whose description starts
// with "VMware VMC Interface" (the console also shows "VMware VMC Interface DO NOT USE"). One connected
// VPC per SDDC: results[0] is used.
import { isIpv4Cidr, type LinkedVpc, type NetworkInterface, type World } from '../../world';
import { files } from '../layout';
import { activeEniOf, linkedVpcJson, linkedVpcsJsonSchema, namedCrossLinkEnis } from '../../shapes/nsx';
import type { SnapshotSource } from '../snapshot-source';
import { nsxListJson } from '../json-shapes';

export const crossLinkEniDescription = 'VMware VMC Interface';

/** An ENI VMC created for the SDDC, by its description (`VMware VMC Interface…`). */
export const isCrossLinkEniDescription = (description: string | undefined): boolean =>
  (description ?? '').trim().toLowerCase().startsWith(crossLinkEniDescription.toLowerCase());

/**
 * The cross-link ENIs of `vpcId`: those `named` by the linked-vpcs answer, then those VMC's description
 * marks; in the order of the ENI export (named ones the export lacks last).
 */
export function crossLinkEnis(enis: Iterable<NetworkInterface>, vpcId: string, named: readonly string[]): string[] {
  const wanted = new Set(named);
  const out: string[] = [];
  for (const eni of enis) {
    if (wanted.delete(eni.networkInterfaceId) || (eni.vpcId === vpcId && isCrossLinkEniDescription(eni.description)))
      out.push(eni.networkInterfaceId);
  }
  return [...out, ...wanted];
}

export function readLinkedVpc(src: SnapshotSource, world: World): void {
  const file = files.linkedVpcs;
  const json = src.read(file, linkedVpcsJsonSchema);
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
  const activeEni = activeEniOf(l);
  if (activeEni === undefined) {
    src.invalid(
      file,
      `${at}.active_eni`,
      undefined,
      'is missing, and so is traffic_group_eni_mappings[0].eni: the linked VPC needs its active cross-link ENI',
    );
  }
  if (!world.ec2.networkInterfaces.has(activeEni)) src.dangling(file, `${at}.active_eni`, activeEni, files.networkInterfaces);
  l.traffic_group_eni_mappings.forEach((m, k) => {
    if (!world.ec2.networkInterfaces.has(m.eni))
      src.warn(
        file,
        `${at}.traffic_group_eni_mappings[${k}].eni`,
        `ENI ${m.eni} is not in ${files.networkInterfaces}; routes to it are still recognised as routes to a cross-link ENI`,
      );
  });
  const v4 = l.linked_vpc_addresses.filter(isIpv4Cidr); // IPv6 ones are not consulted by IPv4 flows
  const linked: LinkedVpc = {
    linkedVpcId: vpc.vpcId,
    linkedAccount: l.linked_account || world.accountId,
    linkedVpcAddresses: v4.length > 0 ? v4 : [vpc.cidrBlock, ...vpc.secondaryCidrBlocks],
    subnets: l.linked_vpc_subnets.map((s) => ({ id: s.id, cidr: s.cidr, availabilityZone: s.availability_zone })),
    activeEni,
    crossLinkEniIds: crossLinkEnis(world.ec2.networkInterfaces.values(), vpc.vpcId, namedCrossLinkEnis(l)),
    routeTableIds: [...l.route_table_ids],
  };
  world.nsx.linkedVpc = linked;
}

export function renderLinkedVpcs(world: World): unknown {
  const l = world.nsx.linkedVpc;
  return nsxListJson(l ? [linkedVpcJson(l)] : []);
}
