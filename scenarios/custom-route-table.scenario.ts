// An instance in a subnet with its own route table: VMC only programs the main route table, so the
// SDDC's segment has no route there. EC2 → VM fails on the way out (NO_ROUTE, forward); VM → EC2 gets
// to the instance but its reply has no way back (NO_ROUTE on the return path). Adding the route fixes
// a second subnet.
import { allow, freeRange, vpcCidr } from '../src/harness/dsl/builder';
import { scenario } from '../src/harness/jest/scenario';

scenario('custom route table without the SDDC route', ({ sddc, aws, step, ping }) => {
  const seg = sddc.segment('CJ-Segment', { gateway: '192.168.100.1/24' });
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('CJ-VM both ways', { sequence: 10, from: group, to: 'connected_vpc', appliedTo: 'vpc' });
  sddc.cgwRule('to CJ-VM', { sequence: 11, from: 'connected_vpc', to: group, appliedTo: 'vpc' });
  const defaultSg = aws.defaultSecurityGroup();
  aws.authorizeIngress(defaultSg, allow('icmp', undefined, { cidr: vpcCidr() }));
  const sg = aws.securityGroup('app-sg', { ingress: [allow('icmp', undefined, { cidr: '192.168.100.0/24' })] });
  aws.subnet('no-sddc-route', { cidr: freeRange(28), routeTable: { sddcRoutes: [] } });
  aws.subnet('with-sddc-route', { cidr: freeRange(28), routeTable: { sddcRoutes: [seg] } });
  const lost = aws.instance('app-lost', { securityGroups: [sg], subnet: 'no-sddc-route' });
  const fixed = aws.instance('app-routed', { securityGroups: [sg], subnet: 'with-sddc-route' });
  step('no route to the segment', () => {
    ping(lost, vm).expect('unreachable', 'NO_ROUTE');
    ping(vm, lost).expect('unreachable', 'NO_ROUTE');
  });
  step('the route added to the custom table', () => {
    ping(fixed, vm).expect('reachable');
    ping(vm, fixed).expect('reachable');
  });
});
