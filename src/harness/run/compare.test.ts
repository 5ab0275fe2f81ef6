// judge(): the outcome of a probe from its expectation, its observation and the engine's verdict.
import type { Verdict } from '../../network';
import type { Observation } from '../results';
import { judge } from './compare';

const ran = (reachable: boolean): Observation => ({ kind: 'ran', reachable, sent: 3, received: reachable ? 3 : 0, rttMs: null, command: 'ping', exitCode: reachable ? 0 : 1, status: reachable ? 'Success' : 'Failed', transcript: '', apiCalls: 2 });
const infra: Observation = { kind: 'infra-error', error: 'SSM cannot run commands on i-1: no instance profile', command: 'ping', apiCalls: 1 };
const verdict = (code: string | null): Verdict => ({
  source: { kind: 'instance', id: 'i-1', name: 'a', ip: '10.0.0.1' },
  destination: { kind: 'vm', id: 'vm', name: 'b', ip: '192.168.0.1' },
  protocol: 'icmp',
  status: code === null ? 'reachable' : 'unreachable',
  reachable: code === null,
  assumptions: [],
  blockedBy: code === null ? null : ({ code, direction: 'forward', resource: { type: 'security-group', id: 'sg-1' }, hopIndex: 0, fix: { text: '', api: 'ec2', action: 'x', params: {} } } as Verdict['blockedBy']),
  hops: [],
});

test.each([
  ['reachable as expected, config agrees', { reachable: true }, ran(true), verdict(null), 'passed', 'agree'],
  ['unreachable with the expected code', { reachable: false, blockedBy: 'ENI_SG_INGRESS_NO_MATCH' as const }, ran(false), verdict('ENI_SG_INGRESS_NO_MATCH'), 'passed', 'agree'],
  ['unreachable but the engine names another code', { reachable: false, blockedBy: 'ENI_SG_INGRESS_NO_MATCH' as const }, ran(false), verdict('NO_ROUTE'), 'failed', 'agree'],
  ['expected reachable, packets failed while config allows', { reachable: true }, ran(false), verdict(null), 'failed', 'config-allows-packets-fail'],
  ['expected unreachable, packets passed while config blocks', { reachable: false }, ran(true), verdict('CGW_DEFAULT_DROP'), 'failed', 'config-blocks-packets-pass'],
  ['the probe could not run: an infrastructure error, not unreachable', { reachable: false }, infra, verdict('NO_ROUTE'), 'infra-error', 'not-comparable'],
  ['an expected probe error with the right reason', { reachable: false, probeError: /no instance profile/ }, infra, verdict(null), 'passed', 'not-comparable'],
  ['an expected probe error, but the probe ran', { reachable: false, probeError: /no instance profile/ }, ran(true), verdict(null), 'failed', 'agree'],
] as const)('%s', (_name, expect_, observed, v, outcome, agreement) => {
  const r = judge(expect_, observed, v);
  expect(r.outcome).toBe(outcome);
  expect(r.agreement).toBe(agreement);
  if (outcome !== 'passed') expect(r.reasons.length).toBeGreaterThan(0);
});
