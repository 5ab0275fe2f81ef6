// The legs the drawing draws per probe, read off the engine's verdicts on the article's case B snapshot:
// where a blocked leg stops, a reply leg when only the reply is blocked, probes the drawing cannot place.
import { join } from 'node:path';
import { evaluate, type Verdict } from '../../network';
import { readSnapshotFiles, worldFromSnapshotFiles } from '../../snapshot';
import type { World } from '../../world';
import { legsOf, stationKinds, type DrawnProbe } from './topology-legs';
import { topologyOf, type TopologyModel } from './topology-model';

let world: World;
let model: TopologyModel;
let aws02: string;
let vm: string;
beforeAll(async () => {
  world = worldFromSnapshotFiles(await readSnapshotFiles(join(__dirname, '../../../fixtures/snapshots/article-case-b')));
  model = topologyOf(world);
  aws02 = [...world.ec2.instances.values()].find((i) => i.tags.some((t) => t.value === 'CJ-AWS02'))!.instanceId;
  vm = [...world.nsx.vms.values()].find((v) => v.displayName === 'CJ-VM01')!.externalId;
});

const probe = (from: DrawnProbe['from'], to: DrawnProbe['to'], verdict: Verdict | null): DrawnProbe => ({
  n: 1,
  label: 'p',
  from,
  to,
  verdict,
});
const ec2 = (): DrawnProbe['from'] => ({ kind: 'instance', id: aws02 });
const sddc = (): DrawnProbe['from'] => ({ kind: 'vm', id: vm });

test("case B's CJ-AWS02 → CJ-VM01 is one red leg, left to right, stopping at the active cross-link ENI", () => {
  const v = evaluate(world, { source: { kind: 'instance', instanceId: aws02 }, destination: { kind: 'vm', externalId: vm } });
  const d = legsOf(model, probe(ec2(), sddc(), v));
  expect(d.legs).toHaveLength(1);
  const leg = d.legs[0]!;
  expect([leg.dir, leg.cls, leg.reply, stationKinds[leg.stop!]]).toEqual(['ltr', 'blocked', false, 'eni']);
  expect(leg.keys.eni).toBe(`eni:${world.nsx.linkedVpc!.activeEni}`);
  expect(leg.blockHop?.code).toBe('ENI_SG_INGRESS_NO_MATCH');
});

test('a reachable probe from the VM is one leg, right to left, with no stop', () => {
  const v = evaluate(world, { source: { kind: 'vm', externalId: vm }, destination: { kind: 'instance', instanceId: aws02 } });
  const d = legsOf(model, probe(sddc(), ec2(), v));
  expect(d.legs.map((l) => [l.dir, l.cls, l.stop])).toEqual([['rtl', 'reachable', null]]);
});

test('a block on the return path: the request runs to its end, the reply leg runs back and stops at the blocking hop', () => {
  const v = evaluate(world, { source: { kind: 'instance', instanceId: aws02 }, destination: { kind: 'vm', externalId: vm } });
  const hop = v.hops[v.blockedBy!.hopIndex]!;
  const onReturn: Verdict = {
    ...v,
    blockedBy: { ...v.blockedBy!, direction: 'return' },
    hops: v.hops.map((h) => (h === hop ? { ...h, path: 'return' as const, kind: 'eni-sg-egress' as const } : h)),
  };
  const d = legsOf(model, probe(sddc(), ec2(), onReturn));
  expect(d.legs.map((l) => [l.reply, l.dir, l.stop === null ? null : stationKinds[l.stop]])).toEqual([
    [false, 'rtl', null],
    [true, 'ltr', 'eni'],
  ]);
});

test('a probe the drawing cannot place says why instead of a line', () => {
  expect(legsOf(model, probe(ec2(), { kind: 'vm', id: 'no-such-vm' }, null)).notDrawn).toMatch(/VM no-such-vm is on no drawn segment/);
  expect(legsOf(model, probe(ec2(), ec2(), null)).notDrawn).toMatch(/both ends are EC2 instances/);
});
