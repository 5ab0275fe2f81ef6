// evaluateBrief (the matrix cells' mode: no hops, texts or fix) against evaluate: the same status, block
// code and path, and assumption codes, flow by flow, on the benchmark world, the article's worlds, one
// world per reason code, worlds with undecidable hops and random configurations.
import fc from 'fast-check';
import { buildLargeWorld, fullSize } from '../world/test-support/large-world';
import { articleCaseA, articleCaseB, articleCaseC, harnessWorld } from '../world/test-support/article-worlds';
import type { World } from '../world';
import { evaluate, evaluateBrief, iterateMatrixBriefs, matrixFlows, type MatrixOptions } from './evaluate';
import type { Flow } from './flow';
import type { VerdictBrief } from './verdict';
import { build, configArb } from './test-support/configs';
import { cgwRule, load, splice } from './test-support/real-nsx';
import { caseBFiles, editJson } from '../snapshot/test-support';
import { blockedScenarios, scenarioTitle } from './test-support/blocked-scenarios';

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

/** The same over the matrix for each of `options`, with iterateMatrixBriefs's stream (its own loop) too. */
function matrixDisagreements(world: World, options: MatrixOptions[]): unknown[] {
  return options.flatMap((o) => {
    const flows = [...matrixFlows(world, o)];
    const streamed = [...iterateMatrixBriefs(world, o)].map(cellOf);
    const off = flows.flatMap((f, i) =>
      JSON.stringify(streamed[i]) === JSON.stringify(cellOf(evaluate(world, f))) ? [] : [{ flow: f, streamed: streamed[i] }],
    );
    return [
      ...disagreements(world, flows),
      ...off,
      ...(streamed.length === flows.length ? [] : [`${streamed.length} streamed of ${flows.length} flows`]),
    ];
  });
}

const icmpAndTcp: MatrixOptions[] = [{ protocol: 'icmp' }, { protocol: 'tcp', port: 22 }];

const statuses = (world: World, o: MatrixOptions): Set<string> =>
  new Set(
    [...matrixFlows(world, o)].map((f) => {
      const v = evaluateBrief(world, f);
      return v.blockedBy ? v.blockedBy.code : v.status;
    }),
  );

describe('evaluateBrief gives the verdict evaluate gives', () => {
  // A sample of the benchmark's world: the same generator at a tenth of its size (80,000 flows in full).
  const bench = buildLargeWorld({ ...fullSize, instances: 100, vms: 20 });

  test.each<MatrixOptions>([{ protocol: 'icmp' }, { protocol: 'tcp', port: 1003 }])(
    "every flow of the benchmark world's matrix (%o)",
    (o) => {
      expect(matrixDisagreements(bench, [o])).toEqual([]);
    },
  );

  test('the benchmark sample has reachable flows and blocks of several kinds (the comparison is not vacuous)', () => {
    expect(statuses(bench, { protocol: 'icmp' })).toEqual(
      new Set(['reachable', 'SG_INGRESS_NO_MATCH', 'VM_POWERED_OFF', 'CGW_RULE_DROP', 'CGW_RULE_REJECT']),
    );
  });

  test.each([
    ['case A', articleCaseA],
    ['case B', articleCaseB],
    ['case C', articleCaseC],
    ['the harness world', harnessWorld],
  ])("every flow of the article's %s, ICMP and TCP 22", (_name, make) => {
    const world = make();
    expect(matrixDisagreements(world, icmpAndTcp)).toEqual([]);
  });

  test.each(blockedScenarios.map((s) => [scenarioTitle(s), s] as const))(
    'every flow of the world blocking %s (one world per reason code, path and direction)',
    (_title, s) => {
      const { t, flow } = s.build();
      expect(matrixDisagreements(t.world, icmpAndTcp)).toEqual([]);
      expect(cellOf(evaluateBrief(t.world, flow))).toMatchObject({ status: 'unreachable', blockedBy: { code: s.code, direction: s.path } });
    },
  );

  // A group whose one expression names a group the export lacks: membership unknown (NSX_OBJECT_MISSING).
  const parent = '/infra/domains/cgw/groups/parent';
  const groups = [
    {
      resource_type: 'Group',
      id: 'parent',
      display_name: 'parent',
      path: parent,
      expression: [{ resource_type: 'PathExpression', paths: ['/infra/domains/cgw/groups/not-exported'] }],
    },
  ];
  test.each<[string, () => World, string]>([
    [
      'the DFW not in the data',
      () => load(new Map([...caseBFiles()].filter(([name]) => name !== 'nsx/dfw-policies.json'))).world,
      'DFW_NOT_EXPORTED',
    ],
    [
      'a CGW rule allowing to a group of unknown membership',
      () => load(splice({ rules: [cgwRule('to-parent', { destination_groups: [parent] })], groups })).world,
      'NSX_OBJECT_MISSING',
    ],
    [
      'a DFW rule dropping from a group of unknown membership',
      () =>
        load(
          editJson(splice({ groups }), 'nsx/dfw-policies.json', (j) => {
            const rules = j.results[0].rules;
            rules.unshift({
              ...rules[0],
              id: 'drop',
              display_name: 'drop',
              path: `${j.results[0].path}/rules/drop`,
              sequence_number: 1,
              action: 'DROP',
              source_groups: [parent],
              is_default: false,
              rule_id: 3,
            });
          }),
        ).world,
      'NSX_OBJECT_MISSING',
    ],
  ])('every flow of a world with undecidable hops: %s', (_name, make, code) => {
    const world = make();
    expect(matrixDisagreements(world, icmpAndTcp)).toEqual([]);
    expect(
      [...matrixFlows(world, { protocol: 'icmp' })]
        .map((f) => evaluateBrief(world, f))
        .filter((v) => v.status === 'indeterminate')
        .flatMap((v) => v.assumptions.map((a) => a.code)),
    ).toContain(code);
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
