// A powered-off VM: the instance's pings find nobody (VM_POWERED_OFF), and no probe can run from it.
import { scenario } from 'vmc-reach';

scenario('VM powered off', ({ sddc, aws, step, ping }) => {
  const off = sddc.vm('CJ-VM02-OFF');
  const group = sddc.group('CJ-VM02', { vmName: 'CJ-VM02-OFF' });
  sddc.cgwRule('to CJ-VM02', { sequence: 10, from: 'ANY', to: group, appliedTo: 'vpc' });
  const app = aws.instance('app-01', { securityGroups: [aws.defaultSecurityGroup()] });
  step('powered off', () => {
    ping(app, off).expect('unreachable', 'VM_POWERED_OFF');
    ping(off, app).expectProbeError(/not an SSM managed node/);
  });
});
