// The NSX distributed firewall at the VM: the CGW allows the VPC both ways, but an Application-category
// DFW rule applied to the VM drops traffic into it (DFW_RULE_DROP); the VM's own traffic out still passes.
import { scenario } from 'vmc-reach';

scenario('DFW: an Application DROP on the VM that the CGW allows', ({ sddc, aws, step, ping }) => {
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('VPC to CJ-VM', { sequence: 10, from: 'connected_vpc', to: group, appliedTo: 'vpc', direction: 'IN' });
  sddc.cgwRule('CJ-VM to VPC', { sequence: 20, from: group, to: 'connected_vpc', appliedTo: 'vpc', direction: 'OUT' });
  sddc.dfwRule('drop the VPC at CJ-VM', {
    category: 'Application',
    sequence: 10,
    from: 'connected_vpc',
    to: group,
    appliedTo: group,
    direction: 'IN',
    action: 'DROP',
  });
  const app = aws.instance('app-01', { securityGroups: [aws.defaultSecurityGroup()] });
  step('the CGW allows, the DFW drops inbound', () => {
    ping(app, vm).expect('unreachable', 'DFW_RULE_DROP');
    ping(vm, app).expect('reachable');
  });
});
