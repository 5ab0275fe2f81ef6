// Unit tests for the managed nodes: registration needs an instance profile and takes time; SDDC VMs
// with the agent are hybrid nodes; nodes that go down show ConnectionLost.
import { describeInstanceInformation, findManagedNode } from './instance-information';
import { stopInstances, terminateInstances } from '../ec2/instances';
import { setVmPowerState } from '../nsx/vms';
import { ssmWorld } from '../test-support';

describe('describeInstanceInformation', () => {
  it('lists an instance with an instance profile, never one without', () => {
    const { world, withProfile, noProfile } = ssmWorld();
    const ids = describeInstanceInformation(world).map((n) => n.instanceId);
    expect(ids).toContain(withProfile.instanceId);
    expect(ids).not.toContain(noProfile.instanceId);
  });

  it('lists an instance only after boot plus the agent registration delay', () => {
    const { world, clock, withProfile } = ssmWorld({ instanceBootMs: 1_000, agentRegistrationMs: 5_000 });
    clock.advance(5_999);
    expect(findManagedNode(world, withProfile.instanceId)).toBeUndefined();
    clock.advance(1);
    expect(findManagedNode(world, withProfile.instanceId)).toMatchObject({
      pingStatus: 'Online',
      resourceType: 'EC2Instance',
      platformType: 'Linux',
    });
  });

  it('shows SDDC VMs with the agent as hybrid managed nodes with their platform', () => {
    const { world } = ssmWorld();
    const vms = describeInstanceInformation(world).filter((n) => n.resourceType === 'ManagedInstance');
    expect(vms.map((n) => [n.instanceId, n.platformType, n.name, n.ipAddress])).toEqual([
      ['mi-0123456789abcdef0', 'Linux', 'CJ-VM01', '192.168.100.10'],
      ['mi-0fedcba9876543210', 'Windows', 'CJ-WIN01', '192.168.100.11'],
    ]);
  });

  it('shows a stopped instance and a powered-off VM as ConnectionLost, and drops a terminated instance', () => {
    const { world, withProfile, linuxVm } = ssmWorld();
    stopInstances(world, [withProfile.instanceId]);
    setVmPowerState(world, linuxVm.externalId, 'VM_STOPPED');
    expect(findManagedNode(world, withProfile.instanceId)?.pingStatus).toBe('ConnectionLost');
    expect(findManagedNode(world, linuxVm.managedInstanceId!)?.pingStatus).toBe('ConnectionLost');
    terminateInstances(world, [withProfile.instanceId]);
    expect(findManagedNode(world, withProfile.instanceId)).toBeUndefined();
  });
});
