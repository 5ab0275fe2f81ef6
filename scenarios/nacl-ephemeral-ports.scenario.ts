// A network ACL that allows the service's port but not the ephemeral ports the replies come back to
// (NACLs are stateless): the TCP handshake never completes and the UDP datagram arrives but its reply is
// lost (NACL_INBOUND_DENY on the return path). The same rules plus inbound 1024-65535 from the SDDC
// segment work, for TCP and UDP.
import { allow, freeRange, scenario, vpcCidr } from 'vmc-reach';

const segment = '192.168.100.0/24';

scenario('NACL allowing the service port but not the ephemeral reply ports', ({ sddc, aws, step, probe }) => {
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('to CJ-VM', { sequence: 10, from: 'ANY', to: group, appliedTo: 'vpc' });
  const sg = aws.securityGroup('app-sg');
  const defaultSg = aws.defaultSecurityGroup();
  aws.authorizeIngress(defaultSg, allow('tcp', 443, { sg }));
  aws.authorizeIngress(defaultSg, allow('udp', 53, { sg }));
  const serviceRules = [
    {
      ruleNumber: 100,
      egress: true,
      protocol: 'tcp' as const,
      ports: [443, 443] as [number, number],
      action: 'allow' as const,
      cidr: segment,
    },
    {
      ruleNumber: 110,
      egress: true,
      protocol: 'udp' as const,
      ports: [53, 53] as [number, number],
      action: 'allow' as const,
      cidr: segment,
    },
    {
      ruleNumber: 100,
      egress: false,
      protocol: 'tcp' as const,
      ports: [443, 443] as [number, number],
      action: 'allow' as const,
      cidr: segment,
    },
    {
      ruleNumber: 110,
      egress: false,
      protocol: 'udp' as const,
      ports: [53, 53] as [number, number],
      action: 'allow' as const,
      cidr: segment,
    },
    // The SSM agent's own traffic stays inside the VPC in this model; allow the VPC both ways.
    { ruleNumber: 200, egress: true, protocol: 'all' as const, action: 'allow' as const, cidr: vpcCidr() },
    { ruleNumber: 200, egress: false, protocol: 'all' as const, action: 'allow' as const, cidr: vpcCidr() },
  ];
  aws.subnet('service-ports-only', { cidr: freeRange(28), networkAcl: serviceRules });
  aws.subnet('with-ephemeral', {
    cidr: freeRange(28),
    networkAcl: [
      ...serviceRules,
      { ruleNumber: 120, egress: false, protocol: 'tcp', ports: [1024, 65535], action: 'allow', cidr: segment },
      { ruleNumber: 130, egress: false, protocol: 'udp', ports: [1024, 65535], action: 'allow', cidr: segment },
    ],
  });
  const strict = aws.instance('app-strict', { securityGroups: [sg], subnet: 'service-ports-only' });
  const fixed = aws.instance('app-fixed', { securityGroups: [sg], subnet: 'with-ephemeral' });
  step('replies to ephemeral ports denied', () => {
    probe(strict, vm, { tcp: 443, listen: true }).expect('unreachable', 'NACL_INBOUND_DENY');
    probe(strict, vm, { udp: 53 }).expect('unreachable', 'NACL_INBOUND_DENY');
  });
  step('ephemeral range 1024-65535 allowed in', () => {
    probe(fixed, vm, { tcp: 443, listen: true }).expect('reachable');
    probe(fixed, vm, { udp: 53 }).expect('reachable');
  });
});
