// A network ACL on the instance's subnet lets echo requests in but has no outbound rule for the replies:
// NACLs are stateless, so VM → EC2 fails on the reply's way out (NACL_OUTBOUND_DENY on the return path),
// while EC2 → VM fails at once (the request is denied going out).
import { allow, freeRange, vpcCidr } from '../src/harness/dsl/builder';
import { scenario } from '../src/harness/jest/scenario';

scenario('NACL denying ICMP replies (stateless return path)', ({ sddc, aws, step, ping }) => {
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('CJ-VM both ways', { sequence: 10, from: group, to: 'ANY', appliedTo: 'vpc' });
  sddc.cgwRule('to CJ-VM', { sequence: 11, from: 'ANY', to: group, appliedTo: 'vpc' });
  const defaultSg = aws.defaultSecurityGroup();
  aws.authorizeIngress(defaultSg, allow('icmp', undefined, { cidr: vpcCidr() }));
  const sg = aws.securityGroup('db-sg', { ingress: [allow('icmp', undefined, { cidr: '192.168.100.0/24' })] });
  aws.subnet('strict-acl', {
    cidr: freeRange(28),
    networkAcl: [
      { ruleNumber: 100, egress: false, protocol: 'icmp', icmpType: 8, action: 'allow', cidr: '192.168.100.0/24' },
      { ruleNumber: 110, egress: false, protocol: 'all', action: 'allow', cidr: vpcCidr() },
      { ruleNumber: 100, egress: true, protocol: 'all', action: 'allow', cidr: vpcCidr() },
    ],
  });
  const db = aws.instance('db-01', { securityGroups: [sg], subnet: 'strict-acl' });
  step('echo requests allowed in, replies not allowed out', () => {
    ping(vm, db).expect('unreachable', 'NACL_OUTBOUND_DENY');
    ping(db, vm).expect('unreachable', 'NACL_OUTBOUND_DENY');
  });
});
