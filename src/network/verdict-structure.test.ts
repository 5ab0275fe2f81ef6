// The shape of a verdict: the hop order of design §2 in both flow directions, the forward path before the
// return path, every hop of an allowed flow allowed, and a block that is the last hop and names itself.
// Every reason code is produced by at least one scenario, in each flow direction where the engine has it.
import type { Flow } from './flow';
import { evaluate } from './evaluate';
import { reasonCodes } from './reason-codes';
import { blockedScenarios, scenarioTitle } from './test-support/blocked-scenarios';
import { buildTopology, type Topology, type TopologyOptions } from './test-support/topology';

const far: TopologyOptions = { instances: { 'ec2-a': {}, far: { subnet: 'other' } } };

const allowedFlows: { name: string; topology: TopologyOptions; flow: (t: Topology) => Flow }[] = [
  { name: 'EC2 → VM, same subnet as the cross-link ENI', topology: {}, flow: (t) => t.toVm('ec2-a') },
  { name: 'VM → EC2, same subnet as the cross-link ENI', topology: {}, flow: (t) => t.fromVm('ec2-a') },
  { name: 'EC2 → VM across subnets', topology: far, flow: (t) => t.toVm('far') },
  { name: 'VM → EC2 across subnets', topology: far, flow: (t) => t.fromVm('far') },
  { name: 'EC2 → VM TCP 443 across subnets', topology: far, flow: (t) => t.toVm('far', { protocol: 'tcp', port: 443 }) },
  { name: 'VM → EC2 UDP 53', topology: {}, flow: (t) => t.fromVm('ec2-a', { protocol: 'udp', port: 53 }) },
];

const kinds = (t: Topology, flow: Flow): string[] =>
  evaluate(t.world, flow).hops.map((h) => `${h.path === 'forward' ? '→' : '←'} ${h.kind}`);

describe('hop order (design §2)', () => {
  test('EC2 → VM across subnets: instance, SG egress, NACL out, route, NACL in, ENI SG ingress, CGW, segment, power, DFW, guest; then the reply back', () => {
    const t = buildTopology(far);
    expect(kinds(t, t.toVm('far'))).toEqual([
      '→ instance-state',
      '→ sg-egress',
      '→ nacl-outbound',
      '→ route',
      '→ nacl-inbound',
      '→ eni-sg-ingress',
      '→ cgw',
      '→ segment',
      '→ vm-power',
      '→ dfw',
      '→ guest-firewall',
      '← dfw',
      '← cgw',
      '← sddc-route',
      '← eni-sg-egress',
      '← nacl-outbound',
      '← route',
      '← nacl-inbound',
      '← sg-ingress',
    ]);
  });

  test('VM → EC2 across subnets: power, DFW (at the vNIC, before the segment), segment, CGW, SDDC route, ENI SG egress, NACL out, local route, NACL in, instance, SG ingress, guest; then the reply back', () => {
    const t = buildTopology(far);
    expect(kinds(t, t.fromVm('far'))).toEqual([
      '→ vm-power',
      '→ dfw',
      '→ segment',
      '→ cgw',
      '→ sddc-route',
      '→ eni-sg-egress',
      '→ nacl-outbound',
      '→ route',
      '→ nacl-inbound',
      '→ instance-state',
      '→ sg-ingress',
      '→ guest-firewall',
      '← sg-egress',
      '← nacl-outbound',
      '← route',
      '← nacl-inbound',
      '← eni-sg-ingress',
      '← cgw',
      '← dfw',
    ]);
  });

  test('EC2 → VM inside the cross-link subnet has the same hops without the ACLs', () => {
    const t = buildTopology();
    expect(kinds(t, t.toVm('ec2-a'))).toEqual([
      '→ instance-state',
      '→ sg-egress',
      '→ route',
      '→ eni-sg-ingress',
      '→ cgw',
      '→ segment',
      '→ vm-power',
      '→ dfw',
      '→ guest-firewall',
      '← dfw',
      '← cgw',
      '← sddc-route',
      '← eni-sg-egress',
      '← route',
      '← sg-ingress',
    ]);
  });
});

describe('allowed flows', () => {
  test.each(allowedFlows)('$name: reachable, no block, every hop allowed', ({ topology, flow }) => {
    const t = buildTopology(topology);
    const v = evaluate(t.world, flow(t));
    expect(v.reachable).toBe(true);
    expect(v.blockedBy).toBeNull();
    expect(v.hops.filter((h) => h.outcome !== 'allow' || h.code !== undefined)).toEqual([]);
  });

  test.each(allowedFlows)('$name: the forward hops all precede the return hops, and both are there', ({ topology, flow }) => {
    const t = buildTopology(topology);
    const paths = evaluate(t.world, flow(t)).hops.map((h) => h.path);
    const firstReturn = paths.indexOf('return');
    expect(firstReturn).toBeGreaterThan(0);
    expect(paths.slice(firstReturn).every((p) => p === 'return')).toBe(true);
  });

  test('the verdict names both endpoints with their addresses and the protocol and port', () => {
    const t = buildTopology();
    const v = evaluate(t.world, t.fromVm('ec2-a', { protocol: 'tcp', port: 443 }));
    expect(v.source).toEqual({ kind: 'vm', id: 'vm-a-uuid', name: 'vm-a', ip: '192.168.10.10' });
    expect(v.destination).toEqual({
      kind: 'instance',
      id: t.instances['ec2-a']!.instanceId,
      name: 'ec2-a',
      ip: t.instances['ec2-a']!.privateIpAddress,
    });
    expect(v).toMatchObject({ protocol: 'tcp', port: 443 });
  });
});

describe('blocked flows', () => {
  test.each(blockedScenarios.map((s) => [scenarioTitle(s), s] as const))('%s', (_title, s) => {
    const { t, flow } = s.build();
    const v = evaluate(t.world, flow);
    const b = v.blockedBy!;
    expect({ reachable: v.reachable, code: b?.code, direction: b?.direction }).toEqual({
      reachable: false,
      code: s.code,
      direction: s.path,
    });
    expect(b.hopIndex).toBe(v.hops.length - 1);
    const hop = v.hops[b.hopIndex]!;
    expect({ outcome: hop.outcome, code: hop.code, path: hop.path, resource: hop.resource }).toEqual({
      outcome: 'block',
      code: b.code,
      path: b.direction,
      resource: b.resource,
    });
    expect(v.hops.slice(0, -1).filter((h) => h.outcome !== 'allow')).toEqual([]);
    if (s.path === 'forward') expect(v.hops.some((h) => h.path === 'return')).toBe(false);
  });

  test('every reason code is produced by some blocked scenario', () => {
    expect(new Set(blockedScenarios.map((s) => s.code))).toEqual(new Set(reasonCodes));
  });

  test('every reason code but the four one-sided SG codes is produced in both flow directions', () => {
    const oneWay = new Set(['SG_EGRESS_NO_MATCH', 'SG_INGRESS_NO_MATCH', 'ENI_SG_INGRESS_NO_MATCH', 'ENI_SG_EGRESS_NO_MATCH']);
    for (const code of reasonCodes.filter((c) => !oneWay.has(c))) {
      expect([code, new Set(blockedScenarios.filter((s) => s.code === code).map((s) => s.flow))]).toEqual([code, new Set(['out', 'in'])]);
    }
  });
});
