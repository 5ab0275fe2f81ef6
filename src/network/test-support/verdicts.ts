// Test data: an indeterminate verdict built by hand (a CGW rule with an L7 context profile on the forward
// path, the rest allowed), for the renderers until the engine's own worlds produce one. Test code only.
import type { Verdict } from '../verdict';

export function indeterminateVerdict(instanceId = 'i-0aaa', vmId = 'vm-1'): Verdict {
  const cgw = { type: 'cgw-rule' as const, id: '/infra/domains/cgw/gateway-policies/default/rules/web-l7', name: 'web-l7' };
  return {
    source: { kind: 'instance', id: instanceId, name: 'CJ-AWS01', ip: '172.31.16.20' },
    destination: { kind: 'vm', id: vmId, name: 'CJ-VM01', ip: '192.168.100.10' },
    protocol: 'icmp',
    status: 'indeterminate',
    reachable: false,
    blockedBy: null,
    assumptions: [
      {
        code: 'CONTEXT_PROFILE',
        path: 'forward',
        hopKind: 'cgw',
        resource: cgw,
        missing: '/infra/context-profiles/HTTP',
        what: 'the rule matches only traffic the L7 profile HTTP recognises; a snapshot cannot say what the packet carries',
        settle: 'remove the profile from the rule, or probe the flow for real',
      },
    ],
    hops: [
      {
        path: 'forward',
        kind: 'sg-egress',
        resource: { type: 'security-group', id: 'sg-1', name: 'CJ-SG' },
        matched: { id: 'sgr-1', summary: 'all traffic to 0.0.0.0/0' },
        outcome: 'allow',
        detail: 'egress allowed',
      },
      {
        path: 'forward',
        kind: 'cgw',
        resource: cgw,
        matched: { id: cgw.id, summary: 'ALLOW ANY → cj-vm, HTTP profile' },
        outcome: 'indeterminate',
        detail: 'the rule carries a context profile',
      },
      {
        path: 'forward',
        kind: 'segment',
        resource: { type: 'segment', id: '/infra/tier-1s/cgw/segments/cj', name: 'cj' },
        matched: null,
        outcome: 'allow',
        detail: 'routed and connected',
      },
    ],
  };
}
