// Set-up for the SSM unit tests (test code only): a world with an SDDC, one EC2 instance with an
// instance profile, one without, a Linux VM and a Windows VM running the agent, and a fake clock. The
// world holds no script runner: tests pass echoRunner to the calls that settle commands.
import { instantLatency, type LatencyProfile, type ScriptRunner } from '../world';
import { runInstances } from '../ec2/instances';
import { addVm } from '../nsx/vms';
import { fakeClock } from './clock';
import { newWorldWithSddc } from './worlds';

export const profileArn = 'arn:aws:iam::123456789012:instance-profile/SSMInstanceProfile';

/** Prints `ran: <commands>` and exits with the number in a line `exit N` (0 by default). */
export const echoRunner: ScriptRunner = (_world, req) => {
  const exit = /exit (\d+)/.exec(req.commands.join('\n'));
  return { stdout: `ran: ${req.commands.join('; ')}\n`, stderr: '', exitCode: exit ? Number(exit[1]) : 0, durationMs: 2_000 };
};

export function ssmWorld(latency: Partial<LatencyProfile> = {}) {
  const clock = fakeClock();
  const base = newWorldWithSddc({ clock: clock.now, latency: { ...instantLatency, ...latency } });
  const { world, subnet } = base;
  const withProfile = runInstances(world, {
    imageId: 'ami-0123456789abcdef0',
    subnetId: subnet.subnetId,
    iamInstanceProfileArn: profileArn,
    tags: [{ key: 'Name', value: 'web' }],
  });
  const noProfile = runInstances(world, { imageId: 'ami-0123456789abcdef0', subnetId: subnet.subnetId });
  const linuxVm = addVm(world, {
    externalId: 'vm-linux',
    displayName: 'CJ-VM01',
    powerState: 'VM_RUNNING',
    tags: [],
    ipAddresses: ['192.168.100.10'],
    osName: 'Ubuntu Linux (64-bit)',
    managedInstanceId: 'mi-0123456789abcdef0',
  });
  const windowsVm = addVm(world, {
    externalId: 'vm-win',
    displayName: 'CJ-WIN01',
    powerState: 'VM_RUNNING',
    tags: [],
    ipAddresses: ['192.168.100.11'],
    osName: 'Microsoft Windows Server 2022 (64-bit)',
    managedInstanceId: 'mi-0fedcba9876543210',
  });
  return { ...base, clock, withProfile, noProfile, linuxVm, windowsVm };
}
