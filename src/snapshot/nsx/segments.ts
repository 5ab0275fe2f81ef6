// CGW segments ⇄ nsx/segments.json. `type` and `advanced_config.connectivity` imply each other when one
// is absent (DISCONNECTED ⇔ OFF), as NSX on VMC derives them.
import { formatCidr, parseCidr, segmentPath, type Segment, type World } from '../../world';
import { files } from '../layout';
import { segmentsSchema } from '../schemas/segments';
import type { SnapshotSource } from '../snapshot-source';
import { nsxListJson, nsxTagsJson, parentPath } from '../json-shapes';

export function readSegments(src: SnapshotSource, world: World): void {
  const json = src.read(files.segments, segmentsSchema);
  json.results.forEach((s, i) => {
    if (world.nsx.segments.has(s.id)) src.duplicate(files.segments, `results[${i}].id`, s.id);
    const connectivity = s.advanced_config?.connectivity ?? (s.type === 'DISCONNECTED' ? 'OFF' : 'ON');
    const segment: Segment = {
      id: s.id,
      displayName: s.display_name ?? s.id,
      path: s.path ?? segmentPath(s.id),
      type: s.type ?? (connectivity === 'OFF' ? 'DISCONNECTED' : 'ROUTED'),
      connectivity,
      subnets: s.subnets.map((sub) => ({
        gatewayAddress: sub.gateway_address,
        network: sub.network ?? formatCidr(parseCidr(sub.gateway_address)),
        ...(sub.dhcp_ranges ? { dhcpRanges: [...sub.dhcp_ranges] } : {}),
      })),
      revision: s._revision,
      tags: s.tags.map((t) => ({ scope: t.scope, tag: t.tag })),
    };
    world.nsx.segments.set(segment.id, segment);
  });
}

export function renderSegments(world: World): unknown {
  return nsxListJson(
    [...world.nsx.segments.values()].map((s) => ({
      type: s.type,
      subnets: s.subnets.map((sub) => ({ gateway_address: sub.gatewayAddress, network: sub.network, dhcp_ranges: sub.dhcpRanges })),
      connectivity_path: parentPath(s.path),
      advanced_config: { connectivity: s.connectivity },
      resource_type: 'Segment',
      id: s.id,
      display_name: s.displayName,
      tags: nsxTagsJson(s.tags),
      path: s.path,
      relative_path: s.id,
      parent_path: parentPath(s.path),
      _revision: s.revision,
    })),
  );
}
