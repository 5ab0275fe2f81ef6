// The VM's segment is disconnected from the compute gateway between probes: VMC withdraws its route
// from the VPC and the VM is cut off in both directions (SEGMENT_DISCONNECTED); reconnected, it works
// again. The adopted segment's connectivity is a change to a foreign resource, reverted at teardown.
import { scenario } from 'vmc-reach';

scenario('segment disconnected, then reconnected', ({ sddc, aws, step, ping, setConnectivity }) => {
  const seg = sddc.segment('CJ-Segment', { gateway: '192.168.100.1/24' });
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('CJ-VM both ways', { sequence: 10, from: group, to: 'ANY', appliedTo: 'vpc' });
  sddc.cgwRule('to CJ-VM', { sequence: 11, from: 'ANY', to: group, appliedTo: 'vpc' });
  const defaultSg = aws.defaultSecurityGroup();
  const app = aws.instance('app-01', { securityGroups: [defaultSg] });
  step('connected', () => {
    ping(app, vm).expect('reachable');
  });
  step('disconnected', () => {
    setConnectivity(seg, 'OFF');
    ping(app, vm).expect('unreachable', 'SEGMENT_DISCONNECTED');
    ping(vm, app).expect('unreachable', 'SEGMENT_DISCONNECTED');
  });
  step('reconnected', () => {
    setConnectivity(seg, 'ON');
    ping(app, vm).expect('reachable');
    ping(vm, app).expect('reachable');
  });
});
