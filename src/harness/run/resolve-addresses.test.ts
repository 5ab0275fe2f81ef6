// Addresses and VM names made concrete for the VPC at hand: free ranges avoid existing subnets and each
// other, vpcCidr() is the VPC's primary CIDR, VM names follow live.vms, and a full VPC is said so.
import { defineScenario, allow, freeRange, vpcCidr } from '../dsl/builder';
import { allocateFreeRange, resolveScenario } from './resolve-addresses';

const vpc = { vpcId: 'vpc-1', cidrs: ['10.20.0.0/16'], subnetCidrs: ['10.20.0.0/24', '10.20.1.0/28'] };

test('a free /28 is the first range of the VPC that no subnet overlaps', () => {
  expect(allocateFreeRange(vpc, 28, vpc.subnetCidrs)).toBe('10.20.1.16/28');
});

test('a VPC whose subnets cover it has no free range, and the error says which VPC', () => {
  expect(() =>
    allocateFreeRange({ vpcId: 'vpc-full', cidrs: ['10.0.0.0/24'], subnetCidrs: ['10.0.0.0/25', '10.0.0.128/25'] }, 28, [
      '10.0.0.0/25',
      '10.0.0.128/25',
    ]),
  ).toThrow(/no free \/28 left in the connected VPC vpc-full/);
});

test('a scenario resolves to literal addresses on any VPC: two distinct free ranges, rules from the VPC CIDR, VM names from the config', () => {
  const spec = defineScenario('t', ({ sddc, aws, ping }) => {
    const vm = sddc.vm('CJ-VM01');
    sddc.group('g', { vmName: 'CJ-VM01' });
    const sg = aws.securityGroup('sg', { ingress: [allow('icmp', undefined, { cidr: vpcCidr() })] });
    aws.subnet('a', { routeTable: { sddcRoutes: [] } });
    aws.subnet('b', {
      cidr: freeRange(27),
      networkAcl: [{ ruleNumber: 100, egress: true, protocol: 'all', action: 'allow', cidr: vpcCidr() }],
    });
    const i = aws.instance('i', { securityGroups: [sg], subnet: 'a' });
    ping(i, vm).expect('reachable');
  });
  const { spec: out, resolved } = resolveScenario(spec, vpc, { 'CJ-VM01': 'customer-app-7' });
  expect(out.subnets.map((s) => s.cidr)).toEqual(['10.20.1.16/28', '10.20.1.32/27']);
  expect(out.subnets[1]!.networkAcl![0]!.cidr).toBe('10.20.0.0/16');
  expect(out.securityGroups[0]!.rules[0]!.peer).toEqual({ cidr: '10.20.0.0/16' });
  expect(out.vms[0]!.sddcName).toBe('customer-app-7');
  expect(out.groups[0]!.members).toEqual([{ vmName: 'customer-app-7' }]);
  expect(resolved).toContainEqual({ what: 'subnet a', value: '10.20.1.16/28' });
  expect(resolved).toContainEqual({ what: 'VM CJ-VM01', value: 'customer-app-7' });
});
