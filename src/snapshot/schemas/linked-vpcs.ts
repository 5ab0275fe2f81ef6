// nsx/linked-vpcs.json: the cloud-service API's `GET /cloud-service/api/v1/infra/linked-vpcs` list result.
// Older SDDCs name the active cross-link ENI in `active_eni`; newer ones may only have
// `traffic_group_eni_mappings[0].eni`.
import { z } from 'zod';
import { awsId, ipv4Cidr, nsxList } from './common';

export const linkedVpcSchema = z.looseObject({
  linked_vpc_id: awsId('vpc'),
  linked_account: z.string().default(''),
  linked_vpc_addresses: z.array(ipv4Cidr).default([]),
  linked_vpc_subnets: z
    .array(z.looseObject({ id: awsId('subnet'), cidr: ipv4Cidr, availability_zone: z.string().default('') }))
    .default([]),
  active_eni: awsId('eni').optional(),
  traffic_group_eni_mappings: z.array(z.looseObject({ eni: awsId('eni') })).default([]),
  route_table_ids: z.array(awsId('rtb')).default([]),
});

export const linkedVpcsSchema = nsxList(linkedVpcSchema);

export type LinkedVpcsJson = z.output<typeof linkedVpcsSchema>;
