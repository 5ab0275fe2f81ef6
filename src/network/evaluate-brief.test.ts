// evaluateBrief (the matrix cells' mode: no hops, texts or fix) against evaluate: the same status, block
// code and path, and assumption codes, flow by flow, on the benchmark world, the article's worlds and
// random configurations.
import fc from 'fast-check';
import { buildLargeWorld, fullSize } from '../../bench/large-world';
import { articleCaseA, articleCaseB, articleCaseC, harnessWorld } from '../snapshot/article-worlds';
import type { World } from '../world';
import { evaluate, evaluateBrief, matrixFlows, type MatrixOptions } from './evaluate';
import type { Flow } from './flow';
import type { VerdictBrief } from './verdict';
import { build, configArb } from './test-configs';

/** What a cell is made of, comparable with toEqual. */
const cellOf = (v: VerdictBrief): unknown => ({
  source: v.source.id,
  destination: v.destination.id,
  status: v.status,
  blockedBy: v.blockedBy ? { code: v.blockedBy.code, direction: v.blockedBy.direction } : null,
  assumptions: v.assumptions.map((a) => a.code),
});

/** The flows whose brief form differs from the full verdict's, with both (empty when they agree). */
function disagreements(world: World, flows: Iterable<Flow>): unknown[] {
  const out: unknown[] = [];
  for (const f of flows) {
    const full = cellOf(evaluate(world, f));
    const brief = cellOf(evaluateBrief(world, f));
    if (JSON.stringify(full) !== JSON.stringify(brief)) out.push({ flow: f, full, brief });
  }
  return out;
}

const statuses = (world: World, o: MatrixOptions): Set<string> => new Set([...matrixFlows(world, o)].map((f) => {
  const v = evaluateBrief(world, f);
  return v.blockedBy ? v.blockedBy.code : v.status;
}));

describe('evaluateBrief gives the verdict evaluate gives', () => {
  // A sample of the benchmark's world: the same generator at a tenth of its size (80,000 flows in full).
  const bench = buildLargeWorld({ ...fullSize, instances: 100, vms: 20 });

  test.each<MatrixOptions>([{ protocol: 'icmp' }, { protocol: 'tcp', port: 1003 }])('every flow of the benchmark world\'s matrix (%o)', (o) => {
    expect(disagreements(bench, matrixFlows(bench, o))).toEqual([]);
  });

  test('the benchmark sample has reachable flows and blocks of several kinds (the comparison is not vacuous)', () => {
    expect(statuses(bench, { protocol: 'icmp' })).toEqual(new Set(['reachable', 'SG_INGRESS_NO_MATCH', 'VM_POWERED_OFF', 'CGW_RULE_DROP', 'CGW_RULE_REJECT']));
  });

  test.each([
    ['case A', articleCaseA],
    ['case B', articleCaseB],
    ['case C', articleCaseC],
    ['the harness world', harnessWorld],
  ])('every flow of the article\'s %s, ICMP and TCP 22', (_name, make) => {
    const world = make();
    expect(disagreements(world, [...matrixFlows(world, { protocol: 'icmp' }), ...matrixFlows(world, { protocol: 'tcp', port: 22 })])).toEqual([]);
  });

  test('every flow of random configurations (SG, NACL, route and CGW rules, endpoint states, prefix lists)', () => {
    fc.assert(
      fc.property(configArb(), (c) => {
        const b = build(c);
        expect(disagreements(b.t.world, b.flows)).toEqual([]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
