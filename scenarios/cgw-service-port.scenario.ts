// A CGW rule with the HTTPS service opens TCP 443 to the VM but not 8443 (an application's second port):
// the security groups allow both, so 8443 stops at the CGW's default uplink rule (CGW_DEFAULT_DROP). A
// REJECT rule answers instead of dropping: a TCP SYN gets a RST (refused, which the configuration
// attributes to the rule, so it is no proof of an open path) and a UDP datagram an ICMP error.
import { allow, scenario } from 'vmc-reach';

scenario('CGW service opening 443 but not 8443', ({ sddc, aws, step, probe, probeDefaults }) => {
  probeDefaults({ listen: true });
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('reject SSH and DNS to CJ-VM', {
    sequence: 5,
    from: 'ANY',
    to: group,
    appliedTo: 'vpc',
    services: ['/infra/services/SSH', '/infra/services/DNS-UDP'],
    action: 'REJECT',
  });
  sddc.cgwRule('HTTPS to CJ-VM', { sequence: 10, from: 'ANY', to: group, appliedTo: 'vpc', services: ['/infra/services/HTTPS'] });
  const sg = aws.securityGroup('web-sg');
  const defaultSg = aws.defaultSecurityGroup();
  for (const port of [443, 8443, 22]) aws.authorizeIngress(defaultSg, allow('tcp', port, { sg }));
  aws.authorizeIngress(defaultSg, allow('udp', 53, { sg }));
  const web = aws.instance('web-01', { securityGroups: [sg] });
  step('EC2 → VM', () => {
    probe(web, vm, { tcp: 443 }).expect('reachable');
    probe(web, vm, { tcp: 8443 }).expect('unreachable', 'CGW_DEFAULT_DROP');
  });
  step('a REJECT rule answers', () => {
    probe(web, vm, { tcp: 22, listen: false }).expect('unreachable', 'CGW_RULE_REJECT');
    probe(web, vm, { udp: 53 }).expect('unreachable', 'CGW_RULE_REJECT');
  });
});
