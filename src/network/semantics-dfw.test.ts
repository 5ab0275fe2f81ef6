// Semantic table, the NSX distributed firewall at the VM's vNIC (design §2 step 7b): categories in
// order, policy and rule sequence numbers, Applied-To (rule scope, else policy scope), direction,
// JUMP_TO_APPLICATION, the default layer-3 rule, stateless policies checking the reply, unknown data,
// and a world whose data does not hold the DFW. The CGW allows everything (test topology default).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { patchDfwPolicy, patchDfwRule, patchGroup, type DfwPolicyInput, type GroupExpression } from '../world';
import { securityPolicyFromJson, securityPolicyJsonSchema, dfwRuleJsonSchema, dfwRuleFromJson } from '../shapes/nsx';
import { evaluate } from './evaluate';
import { blocked, buildTopology, hopsOf, runCase, type SemanticCase, type Topology } from './test-support/topology';

const sp = (id: string): string => `/infra/domains/cgw/security-policies/${id}`;
const rulePath = (policy: string, id: string): string => `${sp(policy)}/rules/${id}`;
const policy = (t: Topology, id: string, input: DfwPolicyInput) => patchDfwPolicy(t.world, id, input);
const group = (t: Topology, id: string, ...expression: GroupExpression[]): string => patchGroup(t.world, 'cgw', id, { expression }).path;
const ips = (...ipAddresses: string[]): GroupExpression => ({ resourceType: 'IPAddressExpression', ipAddresses });
const defaultRule = rulePath('default-layer3-section', 'default-layer3-rule');
const dropDefault = (t: Topology) => void patchDfwRule(t.world, 'default-layer3-section', 'default-layer3-rule', { action: 'DROP' });
const real = (file: string): unknown => JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'real', 'nsx', file), 'utf8'));

const cases: SemanticCase[] = [
  {
    name: "VMC's default section (default rule ALLOW) lets EC2 → VM through",
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'dfw', id: defaultRule },
  },
  {
    name: 'an Application DROP on the VM blocks EC2 → VM although the CGW allows',
    setup: (t) => void policy(t, 'app', { category: 'Application', rules: [{ id: 'drop', action: 'DROP' }] }),
    flow: (t) => t.toVm('ec2-a'),
    expected: blocked('DFW_RULE_DROP', 'forward', rulePath('app', 'drop')),
  },
  {
    name: 'the same DROP blocks VM → EC2 before the CGW',
    setup: (t) => void policy(t, 'app', { rules: [{ id: 'drop', action: 'DROP' }] }),
    flow: (t) => t.fromVm('ec2-a'),
    expected: blocked('DFW_RULE_DROP', 'forward', rulePath('app', 'drop')),
  },
  {
    // Found by the lab oracle: the vNIC's REJECT answers with a RST although the segment is disconnected.
    name: 'VM → EC2: the DFW at the vNIC decides before a disconnected segment',
    topology: { segmentConnectivity: 'OFF' },
    setup: (t) => void policy(t, 'app', { rules: [{ id: 'reject', action: 'REJECT' }] }),
    flow: (t) => t.fromVm('ec2-a'),
    expected: blocked('DFW_RULE_REJECT', 'forward', rulePath('app', 'reject')),
  },
  {
    name: 'an Emergency DROP overrides an Application ALLOW whatever their sequence numbers',
    setup: (t) => {
      policy(t, 'app', { category: 'Application', sequenceNumber: 1, rules: [{ id: 'allow', action: 'ALLOW', sequenceNumber: 1 }] });
      policy(t, 'emergency', {
        category: 'Emergency',
        sequenceNumber: 99,
        rules: [{ id: 'quarantine', action: 'DROP', sequenceNumber: 99 }],
      });
    },
    flow: (t) => t.toVm('ec2-a'),
    expected: blocked('DFW_RULE_DROP', 'forward', rulePath('emergency', 'quarantine')),
  },
  {
    name: 'within a category the lower policy sequence number decides first',
    setup: (t) => {
      policy(t, 'b', { sequenceNumber: 20, rules: [{ id: 'drop', action: 'DROP' }] });
      policy(t, 'a', { sequenceNumber: 10, rules: [{ id: 'allow', action: 'ALLOW' }] });
    },
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'dfw', id: rulePath('a', 'allow') },
  },
  {
    name: 'the default rule set to DROP blocks EC2 → VM',
    setup: dropDefault,
    flow: (t) => t.toVm('ec2-a'),
    expected: blocked('DFW_DEFAULT_DROP', 'forward', defaultRule),
  },
  {
    name: 'the default rule DROP with an explicit ALLOW for the VPC lets EC2 → VM through',
    setup: (t) => {
      dropDefault(t);
      policy(t, 'vpc', { rules: [{ id: 'from-vpc', action: 'ALLOW', sourceGroups: ['10.0.0.0/16'] }] });
    },
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'dfw', id: rulePath('vpc', 'from-vpc') },
  },
  {
    name: 'a policy applied to another group does not touch the VM',
    setup: (t) =>
      void policy(t, 'other', { scope: [group(t, 'elsewhere', ips('192.168.99.0/24'))], rules: [{ id: 'drop', action: 'DROP' }] }),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: "a rule's own scope overrides its policy's",
    setup: (t) =>
      void policy(t, 'other', {
        scope: [group(t, 'elsewhere', ips('192.168.99.0/24'))],
        rules: [{ id: 'drop', action: 'DROP', scope: [group(t, 'vm', ips('192.168.10.10'))] }],
      }),
    flow: (t) => t.toVm('ec2-a'),
    expected: blocked('DFW_RULE_DROP', 'forward', rulePath('other', 'drop')),
  },
  {
    name: 'an OUT rule does not see traffic into the VM',
    setup: (t) => void policy(t, 'app', { rules: [{ id: 'drop-out', action: 'DROP', direction: 'OUT' }] }),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'a disabled DROP is skipped',
    setup: (t) => void policy(t, 'app', { rules: [{ id: 'drop', action: 'DROP', disabled: true }] }),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'a DROP for TCP only leaves ICMP alone',
    setup: (t) => void policy(t, 'app', { rules: [{ id: 'drop-ssh', action: 'DROP', services: ['/infra/services/SSH'] }] }),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'JUMP_TO_APPLICATION skips the rest of Environment',
    setup: (t) => {
      policy(t, 'env', {
        category: 'Environment',
        rules: [
          { id: 'jump', action: 'JUMP_TO_APPLICATION', sequenceNumber: 1 },
          { id: 'drop', action: 'DROP', sequenceNumber: 2 },
        ],
      });
    },
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'dfw', id: defaultRule },
  },
  {
    name: "a stateless policy's rules see the reply: an ALLOW only inbound drops the VM's reply at the default DROP",
    setup: (t) => {
      dropDefault(t);
      policy(t, 'stateless', { stateful: false, rules: [{ id: 'in-only', action: 'ALLOW', direction: 'IN' }] });
    },
    flow: (t) => t.toVm('ec2-a'),
    expected: blocked('DFW_DEFAULT_DROP', 'return', defaultRule),
  },
  {
    name: 'a stateful policy passes the reply of the same flow',
    setup: (t) => {
      dropDefault(t);
      policy(t, 'stateful', { stateful: true, rules: [{ id: 'in-only', action: 'ALLOW', direction: 'IN' }] });
    },
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
];

describe('distributed firewall semantics', () => {
  test.each(cases)('$name', (c) => {
    const r = runCase(c);
    expect(r.outcome).toEqual(r.expected);
    if (r.matched) expect(r.matched.actual).toBe(r.matched.expected);
  });
});

describe('what the data cannot decide', () => {
  test('a world without the DFW in its data: indeterminate with DFW_NOT_EXPORTED, never a silent allow', () => {
    const t = buildTopology();
    t.world.nsx.dfwPolicies = null;
    const v = evaluate(t.world, t.toVm('ec2-a'));
    expect([v.status, v.assumptions.map((a) => [a.code, a.hopKind, a.path])]).toEqual([
      'indeterminate',
      [['DFW_NOT_EXPORTED', 'dfw', 'forward']],
    ]);
  });

  test('a DROP from a group missing from the data makes the hop indeterminate (NSX_OBJECT_MISSING)', () => {
    const t = buildTopology();
    policy(t, 'app', { rules: [{ id: 'drop', action: 'DROP' }] });
    t.world.nsx.dfwPolicies!.get('app')!.rules.get('drop')!.sourceGroups = ['/infra/domains/cgw/groups/gone'];
    t.world.touch();
    const v = evaluate(t.world, t.toVm('ec2-a'));
    expect([v.status, hopsOf(v, 'dfw')[0]?.outcome, v.assumptions.map((a) => a.code)]).toEqual([
      'indeterminate',
      'indeterminate',
      ['NSX_OBJECT_MISSING'],
    ]);
  });

  test('the block names the rule path and gives the NSX PATCH that opens it', () => {
    const t = buildTopology();
    policy(t, 'app', { rules: [{ id: 'drop', action: 'DROP', sequenceNumber: 10 }] });
    const fix = evaluate(t.world, t.toVm('ec2-a')).blockedBy?.fix;
    expect([
      fix?.api,
      fix?.action.startsWith('PATCH /policy/api/v1/infra/domains/cgw/security-policies/app/rules/'),
      fix?.params.action,
      fix?.params.sequence_number,
    ]).toEqual(['nsx', true, 'ALLOW', 9]);
  });
});

describe('real payloads', () => {
  test('a real DFW rule (salt, DROP from a group, scope ANY) drops EC2 → VM when the instance is in the group', () => {
    const t = buildTopology();
    group(t, 'SG_CGW_001', ips(t.instances['ec2-a']!.privateIpAddress!));
    const rule = dfwRuleFromJson(dfwRuleJsonSchema.parse(real('salt-cgw-dfw-rule.json')), 'SP_1', 1026);
    policy(t, 'SP_1', { rules: [{ ...rule, id: rule.id }] });
    expect(evaluate(t.world, t.toVm('ec2-a')).blockedBy?.code).toBe('DFW_RULE_DROP');
  });

  test('a real stateless ICMP policy (sapcc) read through the shapes allows the ping and checks its reply', () => {
    const t = buildTopology();
    const p = securityPolicyFromJson(securityPolicyJsonSchema.parse(real('sapcc-dfw-security-policy-icmp.json')), () => 5000);
    t.world.nsx.dfwPolicies!.set(p.id, p);
    dropDefault(t);
    const v = evaluate(t.world, t.toVm('ec2-a'));
    expect([v.status, hopsOf(v, 'dfw', 'return')[0]?.matched?.id]).toEqual(['reachable', rulePath('ICMP_Allow', 'ICMP')]);
  });

  test('a real default section (sapcc, is_default) reads as the default section', () => {
    const p = securityPolicyFromJson(securityPolicyJsonSchema.parse(real('sapcc-dfw-default-section.json')), () => 1);
    expect([p.isDefault, p.category, p.stateful, p.rules.size]).toEqual([true, 'Application', true, 0]);
  });
});
