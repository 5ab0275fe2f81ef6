// The drawing's layout and channel routing on the article's case B snapshot with every instance ↔ VM probe:
// deterministic, no two legs share a horizontal run or a vertical lane, a blocked leg ends at its ✗.
import { join } from 'node:path';
import { evaluate } from '../../network';
import { readSnapshotFiles, worldFromSnapshotFiles } from '../../snapshot';
import { layoutTopology, PILL_W, type Layout, type Point } from './topology-layout';
import { legsOf, type DrawnProbe } from './topology-legs';
import { topologyOf } from './topology-model';

let make: () => Layout;
beforeAll(async () => {
  const world = worldFromSnapshotFiles(await readSnapshotFiles(join(__dirname, '../../../fixtures/snapshots/article-case-b')));
  const model = topologyOf(world);
  let n = 0;
  const probes: DrawnProbe[] = [...world.ec2.instances.values()].flatMap((i) =>
    [...world.nsx.vms.values()].flatMap((v) => {
      const inst = { kind: 'instance' as const, instanceId: i.instanceId };
      const vm = { kind: 'vm' as const, externalId: v.externalId };
      return [
        {
          n: ++n,
          label: 'to vm',
          from: { kind: 'instance' as const, id: i.instanceId },
          to: { kind: 'vm' as const, id: v.externalId },
          verdict: evaluate(world, { source: inst, destination: vm }),
        },
        {
          n: ++n,
          label: 'to ec2',
          from: { kind: 'vm' as const, id: v.externalId },
          to: { kind: 'instance' as const, id: i.instanceId },
          verdict: evaluate(world, { source: vm, destination: inst }),
        },
      ];
    }),
  );
  make = () =>
    layoutTopology(
      model,
      probes.map((p) => legsOf(model, p)),
    );
});

const segments = (l: Layout): { leg: number; a: Point; b: Point }[] =>
  l.legs.flatMap((r, k) => r.pieces.flatMap((p) => p.points.slice(1).map((b, s) => ({ leg: k, a: p.points[s]!, b }))));
const overlap = (a: number, b: number, c: number, d: number): boolean =>
  Math.max(Math.min(a, b), Math.min(c, d)) < Math.min(Math.max(a, b), Math.max(c, d));

test('the same configuration and probes give the same drawing', () => {
  expect(make()).toEqual(make());
});

test('no two legs run along the same horizontal or vertical stretch', () => {
  const segs = segments(make());
  expect(segs.length).toBeGreaterThan(20);
  const shared = segs.flatMap((s, i) =>
    segs
      .slice(i + 1)
      .filter(
        (t) =>
          t.leg !== s.leg &&
          ((s.a[1] === s.b[1] && t.a[1] === t.b[1] && s.a[1] === t.a[1] && overlap(s.a[0], s.b[0], t.a[0], t.b[0])) ||
            (s.a[0] === s.b[0] && t.a[0] === t.b[0] && s.a[0] === t.a[0] && overlap(s.a[1], s.b[1], t.a[1], t.b[1]))),
      ),
  );
  expect(shared).toEqual([]);
});

test('a blocked leg ends at the near edge of its ✗, a passing leg with an arrow', () => {
  const l = make();
  const blocked = l.legs.filter((r) => r.leg.stop !== null);
  expect(blocked.length).toBeGreaterThan(0);
  for (const r of blocked) {
    const pill = r.pills.find((p) => p.kind === 'block')!;
    if (!r.pieces.length) continue; // stopped at its source: only the ✗
    const last = r.pieces.at(-1)!.points.at(-1)!;
    expect(last).toEqual([r.leg.dir === 'ltr' ? pill.x - PILL_W / 2 : pill.x + PILL_W / 2, pill.y]);
    expect(r.pieces.some((p) => p.arrow)).toBe(false);
  }
  for (const r of l.legs.filter((x) => x.leg.stop === null)) expect(r.pieces.at(-1)!.arrow).toBe(true);
});
