// judge(): the outcome of a probe from its expectation, its observation and the engine's verdict.
import type { Verdict } from '../../network';
import type { Observation } from '../../target/results';
import { judge } from './compare';

const ran = (reachable: boolean): Observation => ({
  kind: 'ran',
  reachable,
  sent: 3,
  received: reachable ? 3 : 0,
  rttMs: null,
  command: 'ping',
  exitCode: reachable ? 0 : 1,
  status: reachable ? 'Success' : 'Failed',
  transcript: '',
  transcriptOrigin: 'model',
  tookMs: 4,
  apiCalls: 2,
});
const infra: Observation = {
  kind: 'infra-error',
  error: 'SSM cannot run commands on i-1: no instance profile',
  command: 'ping',
  transcriptOrigin: 'model',
  tookMs: 4,
  apiCalls: 1,
};
const verdict = (code: string | null): Verdict => ({
  source: { kind: 'instance', id: 'i-1', name: 'a', ip: '10.0.0.1' },
  destination: { kind: 'vm', id: 'vm', name: 'b', ip: '192.168.0.1' },
  protocol: 'icmp',
  status: code === null ? 'reachable' : 'unreachable',
  reachable: code === null,
  assumptions: [],
  blockedBy:
    code === null
      ? null
      : ({
          code,
          direction: 'forward',
          resource: { type: 'security-group', id: 'sg-1' },
          hopIndex: 0,
          fix: { text: '', api: 'ec2', action: 'x', params: {} },
        } as Verdict['blockedBy']),
  hops: [],
});

test.each([
  ['reachable as expected, config agrees', { reachable: true }, ran(true), verdict(null), 'passed', 'agree'],
  [
    'unreachable with the expected code',
    { reachable: false, blockedBy: 'ENI_SG_INGRESS_NO_MATCH' as const },
    ran(false),
    verdict('ENI_SG_INGRESS_NO_MATCH'),
    'passed',
    'agree',
  ],
  [
    'unreachable but the engine names another code',
    { reachable: false, blockedBy: 'ENI_SG_INGRESS_NO_MATCH' as const },
    ran(false),
    verdict('NO_ROUTE'),
    'failed',
    'agree',
  ],
  [
    'expected reachable, packets failed while config allows',
    { reachable: true },
    ran(false),
    verdict(null),
    'failed',
    'config-allows-packets-fail',
  ],
  [
    'expected unreachable, packets passed while config blocks',
    { reachable: false },
    ran(true),
    verdict('CGW_DEFAULT_DROP'),
    'failed',
    'config-blocks-packets-pass',
  ],
  [
    'the probe could not run: an infrastructure error, not unreachable',
    { reachable: false },
    infra,
    verdict('NO_ROUTE'),
    'infra-error',
    'not-comparable',
  ],
  [
    'an expected probe error with the right reason',
    { reachable: false, probeError: /no instance profile/ },
    infra,
    verdict(null),
    'passed',
    'not-comparable',
  ],
  [
    'an expected probe error, but the probe ran',
    { reachable: false, probeError: /no instance profile/ },
    ran(true),
    verdict(null),
    'failed',
    'agree',
  ],
] as const)('%s', (_name, expect_, observed, v, outcome, agreement) => {
  const r = judge(expect_, observed, v);
  expect(r.outcome).toBe(outcome);
  expect(r.agreement).toBe(agreement);
  if (outcome !== 'passed') expect(r.reasons.length).toBeGreaterThan(0);
});

describe('an indeterminate configuration verdict', () => {
  const indeterminate: Verdict = {
    ...verdict(null),
    status: 'indeterminate',
    reachable: false,
    assumptions: [
      {
        code: 'PREFIX_LIST_ENTRIES_MISSING',
        path: 'forward',
        hopKind: 'route',
        resource: { type: 'route-table', id: 'rtb-1' },
        missing: 'pl-0abc',
        what: 'the route to pl-0abc cannot be matched: its entries are not in the snapshot',
        settle: 'aws ec2 get-managed-prefix-list-entries --prefix-list-id pl-0abc',
      },
    ],
  };

  test.each([
    ['packets pass as expected', { reachable: true }, ran(true)],
    ['packets fail as expected', { reachable: false }, ran(false)],
  ] as const)('%s: passes on the packets alone, with a note naming the assumption', (_name, expect_, observed) => {
    const r = judge(expect_, observed, indeterminate);
    expect(r).toMatchObject({ agreement: 'config-indeterminate', outcome: 'passed' });
    expect(r.reasons).toEqual([
      expect.stringMatching(/cannot decide this flow .*judged by its packets alone.*pl-0abc.*\[PREFIX_LIST_ENTRIES_MISSING\]/),
    ]);
  });

  test('packets against the expectation fail the probe, with the note', () => {
    const r = judge({ reachable: true }, ran(false), indeterminate);
    expect(r.outcome).toBe('failed');
    expect(r.reasons[0]).toMatch(/expected reachable, observed unreachable/);
    expect(r.reasons[1]).toMatch(/judged by its packets alone/);
  });

  test('an expected blockedBy cannot be confirmed: the probe fails, saying the data cannot decide', () => {
    const r = judge({ reachable: false, blockedBy: 'NO_ROUTE' }, ran(false), indeterminate);
    expect(r.outcome).toBe('failed');
    expect(r.reasons[0]).toMatch(
      /expected the configuration to block with NO_ROUTE, but the data cannot decide the flow \(indeterminate: pl-0abc missing\)/,
    );
  });

  test('an unreachable verdict that also carries assumptions is compared as before', () => {
    const r = judge({ reachable: false, blockedBy: 'NO_ROUTE' }, ran(false), {
      ...verdict('NO_ROUTE'),
      assumptions: indeterminate.assumptions,
    });
    expect(r).toEqual({ agreement: 'agree', outcome: 'passed', reasons: [] });
  });
});
