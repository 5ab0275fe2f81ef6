// The CGW has no rule for the VM on the VPC interface, or one applied to the wrong interface
// (Internet instead of VPC Interface): the Default Uplink Rule drops the traffic in both directions.
import { allow, scenario } from 'vmc-reach';

scenario('CGW rule missing, then applied to the wrong interface', ({ sddc, aws, step, ping }) => {
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('CJ-VM on the Internet interface', { sequence: 10, from: 'ANY', to: group, appliedTo: 'internet' });
  const sg = aws.securityGroup('web-sg', { ingress: [allow('icmp', undefined, { cidr: '192.168.100.0/24' })] });
  const defaultSg = aws.defaultSecurityGroup();
  aws.authorizeIngress(defaultSg, allow('icmp', undefined, { sg }));
  const web = aws.instance('web-01', { securityGroups: [sg] });
  step('no CGW rule on the VPC interface', () => {
    ping(web, vm).expect('unreachable', 'CGW_DEFAULT_DROP');
    ping(vm, web).expect('unreachable', 'CGW_DEFAULT_DROP');
  });
});
