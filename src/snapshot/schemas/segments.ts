// nsx/segments.json: the Policy API's `GET /policy/api/v1/infra/tier-1s/cgw/segments` list result.
import { z } from 'zod';
import { ipv4Cidr, nsxList, nsxTags } from './common';

export const segmentSchema = z.looseObject({
  id: z.string().min(1),
  display_name: z.string().optional(),
  path: z.string().optional(),
  type: z.enum(['ROUTED', 'EXTENDED', 'ROUTED_AND_EXTENDED', 'DISCONNECTED']).optional(),
  subnets: z
    .array(
      z.looseObject({
        gateway_address: ipv4Cidr,
        network: ipv4Cidr.optional(),
        dhcp_ranges: z.array(z.string()).optional(),
      }),
    )
    .default([]),
  advanced_config: z.looseObject({ connectivity: z.enum(['ON', 'OFF']).default('ON') }).optional(),
  _revision: z.number().int().default(0),
  tags: nsxTags,
});

export const segmentsSchema = nsxList(segmentSchema);

export type SegmentsJson = z.output<typeof segmentsSchema>;
