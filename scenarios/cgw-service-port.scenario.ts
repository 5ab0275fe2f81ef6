// A CGW rule with the HTTPS service opens TCP 443 to the VM but not 8443 (an application's second port):
// the security groups allow both, so 8443 stops at the CGW's default uplink rule (CGW_DEFAULT_DROP).
import { allow, scenario } from 'vmc-reach';

scenario('CGW service opening 443 but not 8443', ({ sddc, aws, step, probe, probeDefaults }) => {
  probeDefaults({ listen: true });
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('HTTPS to CJ-VM', { sequence: 10, from: 'ANY', to: group, appliedTo: 'vpc', services: ['/infra/services/HTTPS'] });
  const sg = aws.securityGroup('web-sg');
  const defaultSg = aws.defaultSecurityGroup();
  aws.authorizeIngress(defaultSg, allow('tcp', 443, { sg }));
  aws.authorizeIngress(defaultSg, allow('tcp', 8443, { sg }));
  const web = aws.instance('web-01', { securityGroups: [sg] });
  step('EC2 → VM', () => {
    probe(web, vm, { tcp: 443 }).expect('reachable');
    probe(web, vm, { tcp: 8443 }).expect('unreachable', 'CGW_DEFAULT_DROP');
  });
});
