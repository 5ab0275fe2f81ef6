// An instance launched without an instance profile: its SSM agent never registers, so a probe from it
// cannot run. The harness says so (an infrastructure error with the reason), never "unreachable";
// probes to it still run from the VM.
import { scenario } from 'vmc-reach';

scenario('instance without an SSM instance profile', ({ sddc, aws, step, ping }) => {
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('CJ-VM both ways', { sequence: 10, from: group, to: 'ANY', appliedTo: 'vpc' });
  sddc.cgwRule('to CJ-VM', { sequence: 11, from: 'ANY', to: group, appliedTo: 'vpc' });
  const bare = aws.instance('no-profile-01', { securityGroups: [aws.defaultSecurityGroup()], instanceProfile: false });
  step('no instance profile', () => {
    ping(bare, vm).expectProbeError(/no instance profile/);
    ping(vm, bare).expect('reachable');
  });
});
