// Test data for the reports: an indeterminate verdict built by hand (a CGW rule with an L7 context profile
// on the forward path, the rest allowed) and a probe record carrying it. Test code only.
import type { Verdict } from '../network';
import type { ProbeRecord } from '../harness/results';

export function indeterminateVerdict(instanceId = 'i-0aaa', vmId = 'vm-1'): Verdict {
  const cgw = { type: 'cgw-rule' as const, id: '/infra/domains/cgw/gateway-policies/default/rules/web-l7', name: 'web-l7' };
  return {
    source: { kind: 'instance', id: instanceId, name: 'CJ-AWS01', ip: '172.31.16.20' },
    destination: { kind: 'vm', id: vmId, name: 'CJ-VM01', ip: '192.168.100.10' },
    protocol: 'icmp',
    status: 'indeterminate',
    reachable: false,
    blockedBy: null,
    assumptions: [{
      code: 'CONTEXT_PROFILE', path: 'forward', hopKind: 'cgw', resource: cgw, missing: '/infra/context-profiles/HTTP',
      what: 'the rule matches only traffic the L7 profile HTTP recognises; a snapshot cannot say what the packet carries',
      settle: 'remove the profile from the rule, or probe the flow for real',
    }],
    hops: [
      { path: 'forward', kind: 'sg-egress', resource: { type: 'security-group', id: 'sg-1', name: 'CJ-SG' }, matched: { id: 'sgr-1', summary: 'all traffic to 0.0.0.0/0' }, outcome: 'allow', detail: 'egress allowed' },
      { path: 'forward', kind: 'cgw', resource: cgw, matched: { id: cgw.id, summary: 'ALLOW ANY → cj-vm, HTTP profile' }, outcome: 'indeterminate', detail: 'the rule carries a context profile' },
      { path: 'forward', kind: 'segment', resource: { type: 'segment', id: '/infra/tier-1s/cgw/segments/cj', name: 'cj' }, matched: null, outcome: 'allow', detail: 'routed and connected' },
    ],
  };
}

/** A probe whose packets passed as expected while the configuration verdict is indeterminate. */
export function indeterminateProbe(label = 'l7 probe'): ProbeRecord {
  const v = indeterminateVerdict();
  return {
    scenario: 's', label,
    from: { name: 'CJ-AWS01', kind: 'instance', id: v.source.id, ip: v.source.ip },
    to: { name: 'CJ-VM01', kind: 'vm', id: v.destination.id, ip: v.destination.ip },
    expected: { reachable: true },
    observed: { kind: 'ran', reachable: true, sent: 3, received: 3, rttMs: null, command: 'ping -c 3 192.168.100.10', exitCode: 0, status: 'Success', transcript: '3 packets transmitted, 3 received', apiCalls: 2 },
    verdict: v, agreement: 'config-indeterminate', outcome: 'passed',
    reasons: ['the configuration cannot decide this flow (indeterminate), so the probe is judged by its packets alone'],
    attempts: 1, startedAt: '2026-11-25T00:00:00.000Z', durationMs: 1000,
  };
}
