// CGW segment operations (`/infra/tier-1s/cgw/segments/{id}`): PATCH create-or-merge, PUT with
// `_revision`, DELETE refused while referenced, and the managed-route side effects in the VPC.
import { nsxError } from '../errors';
import { cidrContainsIp, formatCidr, ipToNumber, isIpv4Cidr, parseCidr } from '../cidr';
import type { NsxTag } from '../tags';
import { mustGetNsx, type World } from '../world';
import type { Segment, SegmentSubnet, SegmentType } from './types';
import { scheduleManagedRoutes } from './managed-routes';

export const segmentPath = (id: string): string => `/infra/tier-1s/cgw/segments/${id}`;

export interface SegmentInput {
  displayName?: string;
  description?: string;
  subnets?: { gatewayAddress: string; dhcpRanges?: string[] }[];
  type?: SegmentType;
  connectivity?: 'ON' | 'OFF';
  tags?: NsxTag[];
}

function toSubnets(subnets: NonNullable<SegmentInput['subnets']>): SegmentSubnet[] {
  return subnets.map((s) => {
    if (!isIpv4Cidr(s.gatewayAddress))
      throw nsxError(255, `Invalid gateway address ${s.gatewayAddress}: expected an address with prefix, e.g. 192.168.1.1/24.`, 400);
    return {
      gatewayAddress: s.gatewayAddress,
      network: formatCidr(parseCidr(s.gatewayAddress)),
      ...(s.dhcpRanges ? { dhcpRanges: [...s.dhcpRanges] } : {}),
    };
  });
}

function checkOverlap(world: World, id: string, subnets: SegmentSubnet[]): void {
  for (const other of world.nsx.segments.values()) {
    if (other.id === id) continue;
    for (const a of other.subnets)
      for (const b of subnets) {
        const ca = parseCidr(a.network);
        const cb = parseCidr(b.network);
        if (cidrContainsIp(ca, cb.network) || cidrContainsIp(cb, ca.network)) {
          throw nsxError(503040, `Segment ${id} subnet ${b.network} overlaps segment ${other.id} subnet ${a.network}.`, 400);
        }
      }
  }
}

/** PATCH: creates the segment if absent, else merges the given fields. */
export function patchSegment(world: World, id: string, input: SegmentInput): Segment {
  return writeSegment(world, id, input, world.nsx.segments.get(id));
}

/** PUT: create, or full replace of an existing segment, which needs the current `_revision`. */
export function putSegment(world: World, id: string, input: SegmentInput, revision?: number): Segment {
  const existing = world.nsx.segments.get(id);
  if (existing && revision !== existing.revision) {
    throw nsxError(
      604,
      `The object was modified by somebody else (revision ${revision ?? 'missing'}, current ${existing.revision}). Refetch and retry.`,
      412,
    );
  }
  return writeSegment(world, id, { connectivity: 'ON', type: 'ROUTED', tags: [], ...input }, undefined, existing);
}

/**
 * Validates and stores a segment built from `input` over `base` (the segment merged into: PATCH passes
 * the existing one, PUT none). `previous`, the segment being replaced, gives the next `_revision`.
 * Nothing is stored when validation fails; a replaced segment keeps its place in the list.
 */
function writeSegment(world: World, id: string, input: SegmentInput, base: Segment | undefined, previous = base): Segment {
  const subnets = input.subnets ? toSubnets(input.subnets) : (base?.subnets ?? []);
  if (!base && subnets.length === 0) throw nsxError(255, `Segment ${id}: a routed CGW segment needs subnets[].gateway_address.`, 400);
  checkOverlap(world, id, subnets);
  let connectivity = input.connectivity ?? base?.connectivity ?? 'ON';
  let type = input.type ?? base?.type ?? 'ROUTED';
  // NSX on VMC derives one from the other: DISCONNECTED type ⇔ connectivity OFF. A routed type sent
  // without connectivity reconnects (PowerCLI toggles `type` between DISCONNECTED and ROUTED).
  if (input.type === 'DISCONNECTED') connectivity = 'OFF';
  if ((input.type === 'ROUTED' || input.type === 'ROUTED_AND_EXTENDED') && input.connectivity === undefined) connectivity = 'ON';
  if (input.connectivity === 'OFF' && type === 'ROUTED') type = 'DISCONNECTED';
  if (input.connectivity === 'ON' && type === 'DISCONNECTED') type = 'ROUTED';
  const seg: Segment = {
    id,
    path: segmentPath(id),
    displayName: input.displayName ?? base?.displayName ?? id,
    type,
    connectivity,
    subnets,
    revision: previous ? previous.revision + 1 : 0,
    tags: input.tags ? [...input.tags] : (base?.tags ?? []),
  };
  const description = input.description ?? base?.description;
  if (description) seg.description = description;
  world.nsx.segments.set(id, seg);
  world.touch();
  scheduleManagedRoutes(world);
  return seg;
}

export const getSegment = (world: World, id: string): Segment => mustGetNsx(world.nsx.segments, id, `segment ${id}`);

export function listSegments(world: World): Segment[] {
  return [...world.nsx.segments.values()];
}

/** The segment whose subnet holds `ip`, if any. */
export function segmentForIp(world: World, ip: string): Segment | undefined {
  const n = ipToNumber(ip);
  for (const s of world.nsx.segments.values()) if (s.subnets.some((sub) => cidrContainsIp(parseCidr(sub.network), n))) return s;
  return undefined;
}

/** DELETE: refused while a group or rule refers to the segment or a VM sits on it. */
export function deleteSegment(world: World, id: string): void {
  const seg = getSegment(world, id);
  const referenced =
    [...world.nsx.groups.values()].some((g) => JSON.stringify(g.expression).includes(`"${seg.path}"`)) ||
    [...world.nsx.cgwRules.values()].some((r) => [...r.sourceGroups, ...r.destinationGroups, ...r.scope].includes(seg.path));
  const occupied = [...world.nsx.vms.values()].some(
    (vm) => vm.segmentPath === seg.path || vm.ipAddresses.some((ip) => segmentForIp(world, ip) === seg),
  );
  if (referenced || occupied) {
    throw nsxError(
      500030,
      `Segment ${seg.path} cannot be deleted as either it has children or it is being referenced by other objects.`,
      400,
    );
  }
  world.nsx.segments.delete(id);
  world.touch();
  scheduleManagedRoutes(world);
}
