// The application's port is open while ICMP is blocked on purpose (common in hardened environments): a
// ping says unreachable, yet HTTPS passes. The default SG on the cross-link ENI admits TCP 443 from the
// application's SG only, and the CGW opens HTTPS only. The TCP probe with a listener proves the port
// end to end; without a listener, the destination's RST (refused) proves the path open too.
import { allow, scenario } from 'vmc-reach';

scenario('Application port open while ICMP is blocked', ({ sddc, aws, step, ping, probe }) => {
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('HTTPS to CJ-VM', { sequence: 10, from: 'ANY', to: group, appliedTo: 'vpc', services: ['/infra/services/HTTPS'] });
  const sg = aws.securityGroup('app-sg');
  aws.authorizeIngress(aws.defaultSecurityGroup(), allow('tcp', 443, { sg }));
  const app = aws.instance('app-01', { securityGroups: [sg] });
  step('EC2 → VM', () => {
    ping(app, vm).expect('unreachable', 'ENI_SG_INGRESS_NO_MATCH');
    probe(app, vm, { tcp: 443, listen: true }).expect('reachable');
    probe(app, vm, { tcp: 443 }).expect('reachable');
  });
});
