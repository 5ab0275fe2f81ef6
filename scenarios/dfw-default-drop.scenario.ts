// A zero-trust DFW: the default layer-3 rule set to DROP (a change to VMC's default section, recorded and
// reverted exactly), with explicit ALLOW rules for the connected VPC both ways: the VPC and the VM still
// reach each other; nothing else would.
import { scenario } from 'vmc-reach';

scenario('DFW: the default rule DROP with an explicit allow for the VPC', ({ sddc, aws, step, ping }) => {
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('VPC to CJ-VM', { sequence: 10, from: 'connected_vpc', to: group, appliedTo: 'vpc', direction: 'IN' });
  sddc.cgwRule('CJ-VM to VPC', { sequence: 20, from: group, to: 'connected_vpc', appliedTo: 'vpc', direction: 'OUT' });
  sddc.dfwDefaultRule('DROP');
  sddc.dfwRule('VPC to CJ-VM', {
    category: 'Application',
    sequence: 10,
    from: 'connected_vpc',
    to: group,
    appliedTo: group,
    direction: 'IN',
  });
  sddc.dfwRule('CJ-VM to VPC', {
    category: 'Application',
    sequence: 20,
    from: group,
    to: 'connected_vpc',
    appliedTo: group,
    direction: 'OUT',
  });
  const app = aws.instance('app-01', { securityGroups: [aws.defaultSecurityGroup()] });
  step('default DROP, the VPC allowed explicitly', () => {
    ping(app, vm).expect('reachable');
    ping(vm, app).expect('reachable');
  });
});
