// The instance's security group allows only HTTPS out: pings to the SDDC never leave the instance
// (SG_EGRESS_NO_MATCH), while the VM's pings in are answered (SGs are stateful).
import { allow, scenario } from 'vmc-reach';

scenario('instance security group egress restricted', ({ sddc, aws, step, ping }) => {
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('CJ-VM both ways', { sequence: 10, from: group, to: 'ANY', appliedTo: 'vpc' });
  sddc.cgwRule('to CJ-VM', { sequence: 11, from: 'ANY', to: group, appliedTo: 'vpc' });
  const sg = aws.securityGroup('locked-sg', {
    ingress: [allow('icmp', undefined, { cidr: '192.168.100.0/24' })],
    egress: [allow('tcp', 443)],
  });
  aws.authorizeIngress(aws.defaultSecurityGroup(), allow('all', undefined, { sg }));
  const locked = aws.instance('locked-01', { securityGroups: [sg] });
  step('egress only to HTTPS', () => {
    ping(locked, vm).expect('unreachable', 'SG_EGRESS_NO_MATCH');
    ping(vm, locked).expect('reachable');
  });
});
