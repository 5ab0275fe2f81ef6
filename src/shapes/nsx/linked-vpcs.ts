// The linked (connected) VPC ⇄ world: the cloud-service API's `LinkedVpcInfo`
// (`/cloud-service/api/v1/infra/linked-vpcs`). VMC names the cross-link ENIs here: older SDDCs give the
// active one in `active_eni`, newer (M18+) ones list `traffic_group_eni_mappings[].eni` instead; pyVMC
// reads `active_eni` first, then `traffic_group_eni_mappings[0].eni`, and so does this model.
import { z } from 'zod';
import { isIpv4Cidr, type LinkedVpc } from '../../world';
import { isIpv6Cidr, nsxListSchema } from './common';

const awsId = (prefix: string) =>
  z.string().refine((s) => s.startsWith(`${prefix}-`) && s.length > prefix.length + 1, { error: `is not an id of the form ${prefix}-…` });
const anyCidr = z.string().refine((s) => isIpv4Cidr(s) || isIpv6Cidr(s), { error: 'is not a CIDR' });

export const linkedVpcJsonSchema = z.looseObject({
  linked_vpc_id: awsId('vpc'),
  linked_account: z.string().default(''),
  linked_vpc_addresses: z.array(anyCidr).default([]),
  linked_vpc_subnets: z.array(z.looseObject({ id: awsId('subnet'), cidr: anyCidr, availability_zone: z.string().default('') })).default([]),
  active_eni: awsId('eni').optional(),
  traffic_group_eni_mappings: z
    .array(z.looseObject({ eni: awsId('eni'), traffic_group_id: z.string().optional(), traffic_group_name: z.string().optional() }))
    .default([]),
  route_table_ids: z.array(awsId('rtb')).default([]),
});

export const linkedVpcsJsonSchema = nsxListSchema(linkedVpcJsonSchema);

export type LinkedVpcJson = z.output<typeof linkedVpcJsonSchema>;

/** The active cross-link ENI as VMC writes it: `active_eni`, else `traffic_group_eni_mappings[0].eni`. */
export const activeEniOf = (l: LinkedVpcJson): string | undefined => l.active_eni ?? l.traffic_group_eni_mappings[0]?.eni;

/** Every cross-link ENI the linked-vpcs answer names (the active one first). */
export function namedCrossLinkEnis(l: LinkedVpcJson): string[] {
  const out = new Set<string>();
  const active = activeEniOf(l);
  if (active) out.add(active);
  for (const m of l.traffic_group_eni_mappings) out.add(m.eni);
  return [...out];
}

export function linkedVpcJson(l: LinkedVpc): Record<string, unknown> {
  return {
    linked_vpc_id: l.linkedVpcId,
    linked_account: l.linkedAccount,
    linked_vpc_addresses: [...l.linkedVpcAddresses],
    linked_vpc_subnets: l.subnets.map((s) => ({ id: s.id, cidr: s.cidr, availability_zone: s.availabilityZone })),
    active_eni: l.activeEni,
    route_table_ids: [...l.routeTableIds],
  };
}
