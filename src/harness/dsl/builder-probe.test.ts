// The DSL's TCP/UDP probes: probe(from, to, { tcp | udp | icmp }), the listen option and its scenario
// default, and clear errors for what cannot be a probe.
import { defineScenario, ScenarioDefinitionError, type ScenarioApi } from './builder';
import type { ProbeStep } from './spec';

function probes(
  body: (api: ScenarioApi, ends: { vm: ReturnType<ScenarioApi['sddc']['vm']>; ec2: ReturnType<ScenarioApi['aws']['instance']> }) => void,
): ProbeStep[] {
  const spec = defineScenario('t', (api) => {
    const vm = api.sddc.vm('vm-1');
    const ec2 = api.aws.instance('ec2-1', { securityGroups: [api.aws.defaultSecurityGroup()] });
    body(api, { vm, ec2 });
  });
  return spec.steps.filter((s): s is ProbeStep => s.type === 'probe');
}

test('tcp, udp and icmp probes record their kind and name it in the label', () => {
  const steps = probes(({ probe, ping }, { vm, ec2 }) => {
    probe(ec2, vm, { tcp: 443 }).expect('reachable');
    probe(ec2, vm, { tcp: 22, listen: true }).expect('unreachable', 'CGW_DEFAULT_DROP');
    probe(vm, ec2, { udp: 53 }).expect('reachable');
    probe(ec2, vm, { icmp: true }).expect('reachable');
    ping(ec2, vm).expect('reachable');
  });
  expect(steps.map((s) => [s.label, s.probe])).toEqual([
    ['ec2-1 → vm-1 tcp/443', { protocol: 'tcp', port: 443, listen: false }],
    ['ec2-1 → vm-1 tcp/22 (listener)', { protocol: 'tcp', port: 22, listen: true }],
    ['vm-1 → ec2-1 udp/53', { protocol: 'udp', port: 53 }],
    ['ec2-1 → vm-1', undefined],
    ['ec2-1 → vm-1', undefined],
  ]);
  expect(steps[1]!.expect).toEqual({ reachable: false, blockedBy: 'CGW_DEFAULT_DROP' });
});

test('probeDefaults({ listen: true }) applies to the TCP probes after it; a probe can still say listen: false', () => {
  const steps = probes(({ probe, probeDefaults }, { vm, ec2 }) => {
    probe(ec2, vm, { tcp: 443 }).expect('reachable');
    probeDefaults({ listen: true });
    probe(ec2, vm, { tcp: 443 }).expect('reachable');
    probe(ec2, vm, { tcp: 443, listen: false }).expect('reachable');
  });
  expect(steps.map((s) => s.probe)).toEqual([
    { protocol: 'tcp', port: 443, listen: false },
    { protocol: 'tcp', port: 443, listen: true },
    { protocol: 'tcp', port: 443, listen: false },
  ]);
});

test.each([
  [{ tcp: 0 }, /tcp port 0 is not an integer from 1 to 65535/],
  [{ udp: 70000 }, /udp port 70000 is not an integer/],
  [{ tcp: 443.5 }, /tcp port 443.5/],
  [{ udp: 53, listen: true }, /a UDP probe always starts its responder; drop "listen"/],
  [{ tcp: 443, udp: 53 }, /exactly one of \{ tcp: port \}, \{ udp: port \} or \{ icmp: true \}/],
  [{}, /exactly one of/],
])('probe options %j are refused, naming the probe', (options, message) => {
  expect(() => probes(({ probe }, { vm, ec2 }) => probe(ec2, vm, options as never).expect('reachable'))).toThrow(ScenarioDefinitionError);
  expect(() => probes(({ probe }, { vm, ec2 }) => probe(ec2, vm, options as never).expect('reachable'))).toThrow(message);
});

test('a probe between two instances is refused like a ping', () => {
  expect(() =>
    defineScenario('t', ({ aws, probe }) => {
      const sg = aws.defaultSecurityGroup();
      probe(aws.instance('a', { securityGroups: [sg] }), aws.instance('b', { securityGroups: [sg] }), { tcp: 443 }).expect('reachable');
    }),
  ).toThrow(/probe tcp\/443 a → b: one end must be an EC2 instance and the other an SDDC VM/);
});

test("a NACL entry's port range is checked: tcp/udp only, from ≤ to within 0-65535", () => {
  const withAcl = (entry: object) => () =>
    defineScenario('t', ({ sddc, aws, ping }) => {
      aws.subnet('s', { networkAcl: [{ ruleNumber: 100, egress: false, action: 'allow', cidr: '10.0.0.0/8', ...entry } as never] });
      ping(aws.instance('i', { securityGroups: [aws.defaultSecurityGroup()], subnet: 's' }), sddc.vm('v')).expect('reachable');
    });
  expect(withAcl({ protocol: 'tcp', ports: [1024, 65535] })).not.toThrow();
  expect(withAcl({ protocol: 'tcp', ports: [2000, 1024] })).toThrow(/subnet "s" ACL rule 100 in: ports \[2000,1024\] must be \[from, to\]/);
  expect(withAcl({ protocol: 'icmp', ports: [1, 2] })).toThrow(/ports apply to tcp and udp entries, not icmp/);
});
