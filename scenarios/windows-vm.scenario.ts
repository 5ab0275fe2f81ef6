// A Windows VM probed with PowerShell (AWS-RunPowerShellScript, Windows ping output) through its SSM
// hybrid managed node, both ways with an instance in the default SG; RDP checked with Test-NetConnection
// from the VM, and towards the VM with a .NET TcpListener started on it through SSM.
import { scenario } from 'vmc-reach';

scenario('Windows VM probed with PowerShell', ({ sddc, aws, step, ping, probe }) => {
  const win = sddc.vm('CJ-WIN01', { os: 'windows' });
  const group = sddc.group('CJ-WIN', { vmName: 'CJ-WIN01' });
  sddc.cgwRule('CJ-WIN both ways', { sequence: 10, from: group, to: 'ANY', appliedTo: 'vpc' });
  sddc.cgwRule('to CJ-WIN', { sequence: 11, from: 'ANY', to: group, appliedTo: 'vpc' });
  const app = aws.instance('app-01', { securityGroups: [aws.defaultSecurityGroup()] });
  step('Windows ↔ EC2', () => {
    ping(win, app).expect('reachable');
    ping(app, win).expect('reachable');
    probe(win, app, { tcp: 22 }).expect('reachable');
    probe(app, win, { tcp: 3389, listen: true }).expect('reachable');
  });
});
