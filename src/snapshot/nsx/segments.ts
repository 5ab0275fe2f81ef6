// CGW segments ⇄ nsx/segments.json, through the NSX shapes (src/shapes/nsx/segments.ts): dual-stack
// subnets load (the IPv6 one is kept apart), `type` and `advanced_config.connectivity` as given.
import type { World } from '../../world';
import { files } from '../layout';
import { segmentFromJson, segmentJson, segmentsJsonSchema } from '../../shapes/nsx';
import type { SnapshotSource } from '../snapshot-source';
import { nsxListJson } from '../json-shapes';

export function readSegments(src: SnapshotSource, world: World): void {
  const json = src.read(files.segments, segmentsJsonSchema);
  json.results.forEach((s, i) => {
    if (world.nsx.segments.has(s.id)) src.duplicate(files.segments, `results[${i}].id`, s.id);
    const segment = segmentFromJson(s);
    world.nsx.segments.set(segment.id, segment);
  });
}

export function renderSegments(world: World): unknown {
  return nsxListJson([...world.nsx.segments.values()].map(segmentJson));
}
