// A segment connected or disconnected between probes (`nsx:segment-connectivity`). On a segment the
// run adopted (a foreign object) the current connectivity is recorded first and restored exactly at
// teardown; a segment the run created goes away with its own entry.
import type { Change } from '../dsl/spec';
import type { Provisioned } from '../run/provisioned';
import type { RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';

const type = 'nsx:segment-connectivity';

export async function applySegmentConnectivity(
  ctx: RunContext,
  change: Extract<Change, { type: 'segment-connectivity' }>,
  out: Provisioned,
): Promise<string> {
  const seg = out.segments.get(change.segment.name)!;
  const owned = ctx.ledger.entries().some((e) => e.type === 'nsx:segment' && e.action === 'created' && e.id === seg.id);
  if (!owned) {
    const before = (await ctx.nsx.segments.get(seg.id)).advanced_config?.connectivity ?? 'ON';
    await ctx.ledger.record({
      action: 'changed',
      type,
      id: seg.id,
      name: change.segment.name,
      revert: { action: 'PATCH segment', params: { id: seg.id, connectivity: before } },
    });
  }
  await ctx.nsx.segments.patch(seg.id, { advanced_config: { connectivity: change.connectivity } });
  return `segment ${change.segment.name} connectivity ${change.connectivity}`;
}

export const segmentConnectivity = {
  type,
  async remove(c, e) {
    const p = e.revert!.params as { id: string; connectivity: 'ON' | 'OFF' };
    await c.nsx.segments.patch(p.id, { advanced_config: { connectivity: p.connectivity } });
    return 'reverted';
  },
} satisfies ResourceKind<typeof type>;
