// The text forms of a verdict with the third state: an indeterminate verdict (built by hand) drawn hop by
// hop with `?` on the undecided hop and an "Assumptions" block, its matrix cell, the status counts, and
// the "no IPv4 address" rows of the matrix, and the streamed matrix (MatrixRows) against renderMatrix.
import { articleCaseB } from '../world/test-support/article-worlds';
import type { UnaddressedEndpoint } from './endpoints';
import { evaluateMatrix, iterateMatrixBriefs } from './evaluate';
import { renderAssumptions, renderMatrix, renderVerdict, statusCounts, verdictCell } from './explain';
import { MatrixRows } from './matrix-rows';
import { indeterminateVerdict } from './test-support/verdicts';
import type { Verdict } from './verdict';

const v = indeterminateVerdict();

test('the status line says INDETERMINATE', () => {
  expect(renderVerdict(v).split('\n')[0]).toBe(
    'CJ-AWS01 (i-0aaa, 172.31.16.20) → CJ-VM01 (vm-1, 192.168.100.10)  ICMP echo: INDETERMINATE',
  );
});

test('the undecided hop is marked ?, the others ✓', () => {
  const marks = renderVerdict(v)
    .split('\n')
    .flatMap((l) => /^\s+\d+ (\S) (\S+)/.exec(l)?.slice(1, 3).join(' ') ?? []);
  expect(marks).toEqual(['✓ sg-egress', '? cgw', '✓ segment']);
});

test('the Assumptions block says what could not be judged, on which object, and what would settle it', () => {
  const text = renderVerdict(v);
  expect(text).toContain('Assumptions (the data cannot decide these hops; the verdict would be reachable only if each allows):');
  expect(text).toContain(
    '  1. the rule matches only traffic the L7 profile HTTP recognises; a snapshot cannot say what the packet carries',
  );
  expect(text).toContain(
    '     object: /infra/domains/cgw/gateway-policies/default/rules/web-l7 (web-l7), cgw on the forward path; missing: /infra/context-profiles/HTTP [CONTEXT_PROFILE]',
  );
  expect(text).toContain('     to settle it: remove the profile from the rule, or probe the flow for real');
  expect(text.split('\n').at(-1)).toBe(
    'indeterminate: 3 hops checked, none blocked, 1 could not be judged from the data (see the assumptions)',
  );
});

test('a fully determined verdict has no Assumptions block', () => {
  expect(renderAssumptions({ ...v, status: 'reachable', reachable: true, assumptions: [] })).toEqual([]);
});

test('the matrix cell of an indeterminate verdict names the kinds of missing data', () => {
  expect(verdictCell(v)).toBe('indeterminate (CONTEXT_PROFILE)');
  const back: Verdict = { ...v, source: v.destination, destination: v.source, status: 'reachable', reachable: true, assumptions: [] };
  expect(renderMatrix([v, back]).split('\n')[1]).toMatch(
    /^CJ-AWS01 172\.31\.16\.20\s+CJ-VM01 192\.168\.100\.10\s+indeterminate \(CONTEXT_PROFILE\)\s+reachable$/,
  );
});

test('statusCounts counts each of the three states', () => {
  const blocked = { ...v, status: 'unreachable' as const };
  expect(statusCounts([v, v, blocked])).toEqual({ reachable: 0, unreachable: 1, indeterminate: 2 });
});

test('an endpoint without an IPv4 address is a row of its own, not a verdict', () => {
  const rows = renderMatrix(
    [v],
    [
      { kind: 'vm', id: 'vm-2', name: 'CJ-VM02', reason: 'no VIF' },
      { kind: 'instance', id: 'i-6', name: 'v6-only', reason: 'IPv6 only' },
    ],
  ).split('\n');
  expect(rows.slice(2)).toEqual([
    expect.stringMatching(/^\(every instance\)\s+CJ-VM02 \(no IPv4 address\)\s+no IPv4 address\s+no IPv4 address$/),
    expect.stringMatching(/^v6-only \(no IPv4 address\)\s+\(every VM\)\s+no IPv4 address\s+no IPv4 address$/),
  ]);
});

test('MatrixRows, fed the brief verdicts one at a time, gives the text renderMatrix gives the full ones', () => {
  const world = articleCaseB();
  const vm = [...world.nsx.vms.values()][0]!;
  vm.displayName = '仮想マシン-01'; // wide characters: columns padded by display width
  const unaddressed: UnaddressedEndpoint[] = [
    { kind: 'vm', id: 'vm-2', name: 'CJ-VM02', reason: 'no VIF' },
    { kind: 'instance', id: 'i-6', name: 'v6-only', reason: 'IPv6 only' },
  ];
  const rows = new MatrixRows();
  for (const b of iterateMatrixBriefs(world, { protocol: 'tcp', port: 22 })) rows.add(b);
  const expected = renderMatrix(evaluateMatrix(world, { protocol: 'tcp', port: 22 }), unaddressed);
  expect([...rows.lines(unaddressed)].join('\n')).toBe(expected);
  expect(expected).toContain('仮想マシン-01');
  expect(rows.flows).toBe(4);
});
