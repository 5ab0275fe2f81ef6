// NSX segments on the compute gateway, `/policy/api/v1/infra/tier-1s/cgw/segments[/{id}]`: list, get,
// PATCH create-or-merge (200, empty body), PUT create-or-replace (`_revision` needed to replace;
// returns the segment), DELETE (refused while referenced or with VMs on it). Backed by
// src/world/nsx/segments.ts; a routed segment reaches the connected VPC's managed route tables after
// the latency profile's realization delay.
// Mock notes: only tier-1 `cgw` exists (others 404); `domain_name`, `transport_zone_path`,
// `dhcp_config_path` and `advanced_config` fields other than `connectivity` are accepted and not kept;
// a PATCH carrying a stale `_revision` gets 412 like a PUT.
import { z } from 'zod';
import {
  getSegment,
  listSegments,
  nsxError,
  patchSegment,
  putSegment,
  deleteSegment,
  segmentPath,
  type Segment,
  type SegmentInput,
} from '../../../src/world';
import type { NsxAudit } from './audit';
import type { NsxCall, NsxRoute } from './call';
import { checkBodyId, nsxEmpty, nsxJson, nsxListResponse, policyFields, readBody, readOnlyFields, tagsJson, tagsSchema } from './protocol';
import { checkPatchRevision } from './revisions';

export function renderSegment(audit: NsxAudit, s: Segment): Record<string, unknown> {
  return {
    resource_type: 'Segment',
    display_name: s.displayName,
    ...(s.description !== undefined ? { description: s.description } : {}),
    type: s.type,
    subnets: [...s.subnets, ...(s.ipv6Subnets ?? [])].map((sub) => ({
      gateway_address: sub.gatewayAddress,
      network: sub.network,
      ...(sub.dhcpRanges ? { dhcp_ranges: [...sub.dhcpRanges] } : {}),
    })),
    connectivity_path: '/infra/tier-1s/cgw',
    advanced_config: { connectivity: s.connectivity },
    ...tagsJson(s.tags),
    ...policyFields(audit, { id: s.id, path: s.path, revision: s.revision }),
  };
}

const segmentBody = z.strictObject({
  ...readOnlyFields,
  resource_type: z.literal('Segment').optional(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  subnets: z
    .array(
      z.strictObject({
        gateway_address: z.string(),
        dhcp_ranges: z.array(z.string()).optional(),
        network: z.string().optional(),
        dhcp_config: z.unknown().optional(),
      }),
    )
    .optional(),
  type: z.enum(['ROUTED', 'EXTENDED', 'ROUTED_AND_EXTENDED', 'DISCONNECTED']).optional(),
  advanced_config: z.looseObject({ connectivity: z.enum(['ON', 'OFF']).optional() }).optional(),
  connectivity_path: z.literal('/infra/tier-1s/cgw').optional(),
  admin_state: z.enum(['UP', 'DOWN']).optional(),
  domain_name: z.string().optional(),
  transport_zone_path: z.string().optional(),
  dhcp_config_path: z.string().optional(),
  tags: tagsSchema.optional(),
});

function toInput(b: z.output<typeof segmentBody>): SegmentInput {
  const input: SegmentInput = {};
  if (b.display_name !== undefined) input.displayName = b.display_name;
  if (b.description !== undefined) input.description = b.description;
  if (b.subnets !== undefined)
    input.subnets = b.subnets.map((s) => ({ gatewayAddress: s.gateway_address, ...(s.dhcp_ranges ? { dhcpRanges: s.dhcp_ranges } : {}) }));
  if (b.type !== undefined) input.type = b.type;
  if (b.advanced_config?.connectivity !== undefined) input.connectivity = b.advanced_config.connectivity;
  if (b.tags !== undefined) input.tags = b.tags.map((t) => ({ scope: t.scope, tag: t.tag }));
  return input;
}

function requireCgw(tier1: string): void {
  if (tier1 !== 'cgw')
    throw nsxError(500090, `The path=[/infra/tier-1s/${tier1}] is invalid: on VMC the compute gateway is tier-1 cgw.`, 404);
}

const base = '/policy/api/v1/infra/tier-1s/:tier1/segments';

async function write(call: NsxCall, tier1: string, id: string, put: boolean): Promise<Segment> {
  requireCgw(tier1);
  const body = await readBody(call.request, segmentBody, `Segment ${id}`);
  checkBodyId(body.id, id, `Segment ${id}`);
  let seg: Segment;
  if (put) {
    seg = putSegment(call.world, id, toInput(body), body._revision);
  } else {
    checkPatchRevision(call.world.nsx.segments.get(id), body._revision);
    seg = patchSegment(call.world, id, toInput(body));
  }
  call.state.audit.written(seg.path, call.user);
  return seg;
}

export const segmentRoutes: NsxRoute[] = [
  {
    method: 'GET',
    pattern: base,
    operation: 'GET segments',
    handle: (call, p) => (
      requireCgw(p.tier1!),
      nsxListResponse(
        call.query,
        listSegments(call.world).map((s) => renderSegment(call.state.audit, s)),
      )
    ),
  },
  {
    method: 'GET',
    pattern: `${base}/:id`,
    operation: 'GET segment',
    handle: (call, p) => (requireCgw(p.tier1!), nsxJson(renderSegment(call.state.audit, getSegment(call.world, p.id!)))),
  },
  {
    method: 'PATCH',
    pattern: `${base}/:id`,
    operation: 'PATCH segment',
    handle: async (call, p) => (await write(call, p.tier1!, p.id!, false), nsxEmpty()),
  },
  {
    method: 'PUT',
    pattern: `${base}/:id`,
    operation: 'PUT segment',
    handle: async (call, p) => nsxJson(renderSegment(call.state.audit, await write(call, p.tier1!, p.id!, true))),
  },
  {
    method: 'DELETE',
    pattern: `${base}/:id`,
    operation: 'DELETE segment',
    handle: (call, p) => {
      requireCgw(p.tier1!);
      deleteSegment(call.world, p.id!);
      call.state.audit.deleted(segmentPath(p.id!));
      return nsxEmpty();
    },
  },
];
