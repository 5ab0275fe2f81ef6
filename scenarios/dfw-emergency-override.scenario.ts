// DFW categories decide before sequence numbers: an Emergency-category DROP (a quarantine) overrides an
// Application-category ALLOW for the same traffic, whatever their sequence numbers (DFW_RULE_DROP).
import { scenario } from 'vmc-reach';

scenario('DFW: an Emergency rule overriding an Application allow', ({ sddc, aws, step, ping }) => {
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('VPC to CJ-VM', { sequence: 10, from: 'connected_vpc', to: group, appliedTo: 'vpc', direction: 'IN' });
  sddc.cgwRule('CJ-VM to VPC', { sequence: 20, from: group, to: 'connected_vpc', appliedTo: 'vpc', direction: 'OUT' });
  sddc.dfwRule('allow the VPC', { category: 'Application', sequence: 1, from: 'connected_vpc', to: group, appliedTo: group });
  sddc.dfwRule('quarantine CJ-VM', {
    category: 'Emergency',
    sequence: 100,
    from: 'ANY',
    to: group,
    appliedTo: group,
    direction: 'IN',
    action: 'DROP',
  });
  const app = aws.instance('app-01', { securityGroups: [aws.defaultSecurityGroup()] });
  step('Emergency DROP before Application ALLOW', () => {
    ping(app, vm).expect('unreachable', 'DFW_RULE_DROP');
    ping(vm, app).expect('reachable');
  });
});
