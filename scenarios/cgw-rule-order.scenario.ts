// Rule order on the CGW: a DROP at sequence 5 shadows the ALLOW at sequence 10 (first match wins), so
// the instance cannot reach the VM (CGW_RULE_DROP); the VM's own outbound rule still lets it out.
import { scenario } from 'vmc-reach';

scenario('CGW rule order: a DROP before the ALLOW', ({ sddc, aws, step, ping }) => {
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('block the VPC', { sequence: 5, from: 'connected_vpc', to: 'ANY', appliedTo: 'vpc', direction: 'IN', action: 'DROP' });
  sddc.cgwRule('to CJ-VM', { sequence: 10, from: 'ANY', to: group, appliedTo: 'vpc' });
  sddc.cgwRule('from CJ-VM', { sequence: 20, from: group, to: 'ANY', appliedTo: 'vpc' });
  const app = aws.instance('app-01', { securityGroups: [aws.defaultSecurityGroup()] });
  step('DROP at 5, ALLOW at 10', () => {
    ping(app, vm).expect('unreachable', 'CGW_RULE_DROP');
    ping(vm, app).expect('reachable');
  });
});
