// CGW segments ⇄ world: the Policy API's `Segment` under `/infra/tier-1s/cgw/segments`. `subnets` may hold
// one IPv4 and one IPv6 subnet (`SegmentIpSubnets`, dual stack); the IPv6 one is kept apart and never
// consulted by an IPv4 flow. `type` and `advanced_config.connectivity` are kept as given; when one is
// absent it is derived from the other (DISCONNECTED ⇔ OFF), as NSX on VMC derives them.
import { z } from 'zod';
import { formatCidr, isIpv4Cidr, parseCidr, type Segment, type SegmentSubnet } from '../../world';
import { ipv6Network, isIpv6Cidr, nsxListSchema, nsxTagsSchema, parentPath, tagsFromJson, tagsJson } from './common';

const gatewayCidr = z.string().refine((s) => isIpv4Cidr(s) || isIpv6Cidr(s), { error: 'is not an IPv4 or IPv6 CIDR' });

export const segmentJsonSchema = z.looseObject({
  id: z.string().min(1),
  display_name: z.string().optional(),
  description: z.string().optional(),
  path: z.string().optional(),
  type: z.enum(['ROUTED', 'EXTENDED', 'ROUTED_AND_EXTENDED', 'DISCONNECTED']).optional(),
  subnets: z
    .array(z.looseObject({ gateway_address: gatewayCidr, network: gatewayCidr.optional(), dhcp_ranges: z.array(z.string()).optional() }))
    .default([]),
  advanced_config: z.looseObject({ connectivity: z.enum(['ON', 'OFF']).default('ON') }).optional(),
  _revision: z.number().int().default(0),
  tags: nsxTagsSchema,
});

export const segmentsJsonSchema = nsxListSchema(segmentJsonSchema);

export type SegmentJson = z.output<typeof segmentJsonSchema>;

export const defaultSegmentPath = (id: string): string => `/infra/tier-1s/cgw/segments/${id}`;

function subnetFromJson(s: SegmentJson['subnets'][number], v4: boolean): SegmentSubnet {
  return {
    gatewayAddress: s.gateway_address,
    network: s.network ?? (v4 ? formatCidr(parseCidr(s.gateway_address)) : ipv6Network(s.gateway_address)),
    ...(s.dhcp_ranges ? { dhcpRanges: [...s.dhcp_ranges] } : {}),
  };
}

export function segmentFromJson(s: SegmentJson): Segment {
  const connectivity = s.advanced_config?.connectivity ?? (s.type === 'DISCONNECTED' ? 'OFF' : 'ON');
  const v4 = s.subnets.filter((x) => isIpv4Cidr(x.gateway_address));
  const v6 = s.subnets.filter((x) => !isIpv4Cidr(x.gateway_address));
  return {
    id: s.id,
    displayName: s.display_name ?? s.id,
    ...(s.description !== undefined ? { description: s.description } : {}),
    path: s.path ?? defaultSegmentPath(s.id),
    type: s.type ?? (connectivity === 'OFF' ? 'DISCONNECTED' : 'ROUTED'),
    connectivity,
    subnets: v4.map((x) => subnetFromJson(x, true)),
    ...(v6.length > 0 ? { ipv6Subnets: v6.map((x) => subnetFromJson(x, false)) } : {}),
    revision: s._revision,
    tags: tagsFromJson(s.tags),
  };
}

const subnetJson = (sub: SegmentSubnet): Record<string, unknown> => ({
  gateway_address: sub.gatewayAddress,
  network: sub.network,
  dhcp_ranges: sub.dhcpRanges,
});

/** A segment as NSX lists it (without the audit fields). */
export function segmentJson(s: Segment): Record<string, unknown> {
  return {
    type: s.type,
    subnets: [...s.subnets, ...(s.ipv6Subnets ?? [])].map(subnetJson),
    connectivity_path: parentPath(s.path),
    advanced_config: { connectivity: s.connectivity },
    resource_type: 'Segment',
    id: s.id,
    display_name: s.displayName,
    ...(s.description !== undefined ? { description: s.description } : {}),
    tags: tagsJson(s.tags),
    path: s.path,
    relative_path: s.id,
    parent_path: parentPath(s.path),
    _revision: s.revision,
  };
}
