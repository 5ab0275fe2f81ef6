// Unit tests for RunInstances, the clock-driven instance states, Stop/Start/Terminate and Describe.
import { looksLikeId } from '../ids';
import { instantLatency, type LatencyProfile } from '../world';
import { expectWorldError, fakeClock, newWorldWithVpc } from '../test-support';
import {
  describeInstances,
  getInstance,
  reservationIdOf,
  runInstances,
  runReservation,
  startInstances,
  stopInstances,
  terminateInstances,
} from './instances';
import { createSubnet } from './subnets';
import { describeNetworkInterfaces, getNetworkInterface } from './network-interfaces';
import { createSecurityGroup } from './security-groups';
import { createVpc, defaultSecurityGroup } from './vpcs';
import { createRoute } from './route-tables';
import { instanceStateCodes } from './types';

const ami = 'ami-0123456789abcdef0';
const latency: LatencyProfile = { ...instantLatency, instanceBootMs: 1_000, instanceShutdownMs: 500, terminatedVisibleMs: 10_000 };

/** A world whose instances take time to change state, with the clock in the test's hands. */
const timed = () => {
  const clock = fakeClock();
  return { ...newWorldWithVpc({ clock: clock.now, latency }), clock };
};

describe('runInstances', () => {
  it('returns a pending instance with a real-looking id in the subnet', () => {
    const { world, vpc, subnet } = newWorldWithVpc();
    const inst = runInstances(world, { imageId: ami, subnetId: subnet.subnetId, tags: [{ key: 'Name', value: 'CJ-AWS01' }] });
    expect(looksLikeId('i', inst.instanceId)).toBe(true);
    expect(inst).toMatchObject({
      state: 'pending',
      imageId: ami,
      instanceType: 't3.micro',
      subnetId: subnet.subnetId,
      vpcId: vpc.vpcId,
      ownerId: world.accountId,
      tags: [{ key: 'Name', value: 'CJ-AWS01' }],
    });
    expect(instanceStateCodes[inst.state]).toBe(0);
  });

  it('allocates the first usable address of the subnet (network + 4) to the first instance', () => {
    const { world, subnet } = newWorldWithVpc();
    expect(runInstances(world, { imageId: ami, subnetId: subnet.subnetId }).privateIpAddress).toBe('10.0.1.4');
    expect(runInstances(world, { imageId: ami, subnetId: subnet.subnetId }).privateIpAddress).toBe('10.0.1.5');
  });

  it('creates an attached primary ENI wearing the VPC default SG when no group is given', () => {
    const { world, subnet, defaultSg } = newWorldWithVpc();
    const inst = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    const eni = getNetworkInterface(world, inst.networkInterfaceId);
    expect(eni).toMatchObject({
      subnetId: subnet.subnetId,
      privateIpAddress: inst.privateIpAddress,
      groupIds: [defaultSg.groupId],
      status: 'in-use',
    });
    expect(eni.attachment).toMatchObject({ instanceId: inst.instanceId, deviceIndex: 0, status: 'attached' });
  });

  it('uses the security groups and the private address given', () => {
    const { world, vpc, subnet } = newWorldWithVpc();
    const sg = createSecurityGroup(world, { groupName: 'CJ-SG', description: 'x', vpcId: vpc.vpcId });
    const inst = runInstances(world, {
      imageId: ami,
      subnetId: subnet.subnetId,
      securityGroupIds: [sg.groupId],
      privateIpAddress: '10.0.1.50',
    });
    expect(inst.privateIpAddress).toBe('10.0.1.50');
    expect(getNetworkInterface(world, inst.networkInterfaceId).groupIds).toEqual([sg.groupId]);
  });

  it('returns the same instance for a repeated clientToken and launches nothing more', () => {
    const { world, subnet } = newWorldWithVpc();
    const first = runInstances(world, { imageId: ami, subnetId: subnet.subnetId, clientToken: 'run-1' });
    const again = runInstances(world, { imageId: ami, subnetId: subnet.subnetId, clientToken: 'run-1' });
    expect(again.instanceId).toBe(first.instanceId);
    expect(describeInstances(world)).toHaveLength(1);
    expect(describeNetworkInterfaces(world)).toHaveLength(1);
  });

  it('launches a new instance for a different clientToken', () => {
    const { world, subnet } = newWorldWithVpc();
    const first = runInstances(world, { imageId: ami, subnetId: subnet.subnetId, clientToken: 'run-1' });
    expect(runInstances(world, { imageId: ami, subnetId: subnet.subnetId, clientToken: 'run-2' }).instanceId).not.toBe(first.instanceId);
  });

  it('rejects a security group of another VPC with InvalidParameter', () => {
    const { world, subnet } = newWorldWithVpc();
    const other = createVpc(world, { cidrBlock: '172.31.0.0/16' });
    const foreign = defaultSecurityGroup(world, other.vpcId);
    expectWorldError(world, () => runInstances(world, { imageId: ami, subnetId: subnet.subnetId, securityGroupIds: [foreign.groupId] }), {
      code: 'InvalidParameter',
      message: `Security group ${foreign.groupId} and subnet ${subnet.subnetId} belong to different networks.`,
    });
  });

  it('rejects an address already in use with InvalidIPAddress.InUse', () => {
    const { world, subnet } = newWorldWithVpc();
    runInstances(world, { imageId: ami, subnetId: subnet.subnetId, privateIpAddress: '10.0.1.10' });
    expectWorldError(world, () => runInstances(world, { imageId: ami, subnetId: subnet.subnetId, privateIpAddress: '10.0.1.10' }), {
      code: 'InvalidIPAddress.InUse',
      message: 'Address 10.0.1.10 is in use.',
    });
  });

  it('rejects an address outside the subnet with InvalidParameterValue', () => {
    const { world, subnet } = newWorldWithVpc();
    expectWorldError(world, () => runInstances(world, { imageId: ami, subnetId: subnet.subnetId, privateIpAddress: '10.0.2.10' }), {
      code: 'InvalidParameterValue',
      message: "Address 10.0.2.10 does not fall within the subnet's address range",
    });
  });

  it('requires an image id', () => {
    const { world, subnet } = newWorldWithVpc();
    expectWorldError(world, () => runInstances(world, { imageId: '', subnetId: subnet.subnetId }), {
      code: 'MissingParameter',
      message: 'ImageId',
    });
  });

  it('rejects an unknown subnet with InvalidSubnetID.NotFound', () => {
    const { world } = newWorldWithVpc();
    expectWorldError(world, () => runInstances(world, { imageId: ami, subnetId: 'subnet-00000000000000000' }), {
      code: 'InvalidSubnetID.NotFound',
      message: "'subnet-00000000000000000' does not exist",
    });
  });
});

describe('instance states driven by the clock', () => {
  it('stays pending until instanceBootMs has passed, then is running', () => {
    const { world, subnet, clock } = timed();
    const { instanceId } = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    clock.advance(999);
    expect(getInstance(world, instanceId).state).toBe('pending');
    clock.advance(1);
    expect(getInstance(world, instanceId).state).toBe('running');
  });

  it('is running at once with the instant profile', () => {
    const { world, subnet } = newWorldWithVpc();
    const { instanceId } = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    expect(describeInstances(world, [instanceId])[0]!.state).toBe('running');
  });

  it('terminates through shutting-down, stays visible as terminated, then disappears', () => {
    const { world, subnet, clock } = timed();
    const { instanceId } = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    clock.advance(1_000);
    expect(terminateInstances(world, [instanceId])).toEqual([{ instanceId, previous: 'running', current: 'shutting-down' }]);
    clock.advance(500);
    expect(getInstance(world, instanceId).state).toBe('terminated');
    clock.advance(9_999);
    expect(describeInstances(world).map((i) => i.instanceId)).toEqual([instanceId]);
    clock.advance(1);
    expect(describeInstances(world)).toEqual([]);
    expectWorldError(world, () => getInstance(world, instanceId), {
      code: 'InvalidInstanceID.NotFound',
      message: `The instance ID '${instanceId}' does not exist`,
    });
  });

  it('applies every transition that fell due during one long clock jump', () => {
    const { world, subnet, clock } = timed();
    const { instanceId } = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    clock.advance(1_000);
    terminateInstances(world, [instanceId]);
    clock.advance(500 + 10_000);
    expect(describeInstances(world)).toEqual([]);
  });

  it('deletes the primary ENI and frees its address when the instance is terminated', () => {
    const { world, subnet, clock } = timed();
    const inst = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    clock.advance(1_000);
    terminateInstances(world, [inst.instanceId]);
    expect(describeNetworkInterfaces(world).map((e) => e.networkInterfaceId)).toEqual([inst.networkInterfaceId]);
    clock.advance(500);
    expect(describeNetworkInterfaces(world)).toEqual([]);
    expect(runInstances(world, { imageId: ami, subnetId: subnet.subnetId }).privateIpAddress).toBe(inst.privateIpAddress);
  });

  it('turns a route to the terminated instance into a blackhole', () => {
    const { world, subnet, mainTable } = newWorldWithVpc();
    const inst = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    createRoute(world, { routeTableId: mainTable.routeTableId, destinationCidrBlock: '0.0.0.0/0', instanceId: inst.instanceId });
    terminateInstances(world, [inst.instanceId]);
    describeInstances(world);
    expect(mainTable.routes.find((r) => r.destinationCidrBlock === '0.0.0.0/0')!.state).toBe('blackhole');
  });

  it('bumps the world revision when a transition falls due', () => {
    const { world, subnet, clock } = timed();
    runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    const before = world.revision;
    clock.advance(1_000);
    describeInstances(world);
    expect(world.revision).toBeGreaterThan(before);
  });
});

describe('terminateInstances', () => {
  it('reports terminated → terminated for an instance already terminated', () => {
    const { world, subnet } = newWorldWithVpc();
    const { instanceId } = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    terminateInstances(world, [instanceId]);
    describeInstances(world);
    expect(terminateInstances(world, [instanceId])).toEqual([{ instanceId, previous: 'terminated', current: 'terminated' }]);
  });

  it('fails on an unknown id with InvalidInstanceID.NotFound and terminates nothing', () => {
    const { world, subnet } = newWorldWithVpc();
    const { instanceId } = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    describeInstances(world);
    expectWorldError(world, () => terminateInstances(world, [instanceId, 'i-00000000000000000']), {
      code: 'InvalidInstanceID.NotFound',
      message: "'i-00000000000000000' does not exist",
    });
  });
});

describe('stopInstances / startInstances', () => {
  it('stops a running instance and starts it again', () => {
    const { world, subnet } = newWorldWithVpc();
    const { instanceId } = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    stopInstances(world, [instanceId]);
    expect(getInstance(world, instanceId).state).toBe('stopped');
    startInstances(world, [instanceId]);
    expect(getInstance(world, instanceId).state).toBe('running');
  });

  it('goes through stopping and pending with a timed profile', () => {
    const { world, subnet, clock } = timed();
    const { instanceId } = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    clock.advance(1_000);
    stopInstances(world, [instanceId]);
    expect(getInstance(world, instanceId).state).toBe('stopping');
    clock.advance(500);
    expect(getInstance(world, instanceId).state).toBe('stopped');
    startInstances(world, [instanceId]);
    expect(getInstance(world, instanceId).state).toBe('pending');
    clock.advance(1_000);
    expect(getInstance(world, instanceId).state).toBe('running');
  });

  it('keeps the ENI and the address of a stopped instance', () => {
    const { world, subnet } = newWorldWithVpc();
    const inst = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    stopInstances(world, [inst.instanceId]);
    expect(getNetworkInterface(world, inst.networkInterfaceId).privateIpAddress).toBe(inst.privateIpAddress);
  });

  it('refuses to stop a terminated instance with IncorrectInstanceState', () => {
    const { world, subnet } = newWorldWithVpc();
    const { instanceId } = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    terminateInstances(world, [instanceId]);
    describeInstances(world);
    expectWorldError(world, () => stopInstances(world, [instanceId]), {
      code: 'IncorrectInstanceState',
      message: `The instance '${instanceId}' is not in a state from which it can be stopped.`,
    });
  });

  it('refuses to start a running instance with IncorrectInstanceState', () => {
    const { world, subnet } = newWorldWithVpc();
    const { instanceId } = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    describeInstances(world);
    expectWorldError(world, () => startInstances(world, [instanceId]), {
      code: 'IncorrectInstanceState',
      message: `The instance '${instanceId}' is not in a state from which it can be started.`,
    });
  });

  it('stops nothing when one of the instances cannot be stopped', () => {
    const { world, subnet } = newWorldWithVpc();
    const a = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    const b = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    terminateInstances(world, [b.instanceId]);
    describeInstances(world);
    expectWorldError(world, () => stopInstances(world, [a.instanceId, b.instanceId]), {
      code: 'IncorrectInstanceState',
      message: b.instanceId,
    });
    expect(getInstance(world, a.instanceId).state).toBe('running');
  });

  it('starts nothing when one of the instances cannot be started', () => {
    const { world, subnet } = newWorldWithVpc();
    const a = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    const b = runInstances(world, { imageId: ami, subnetId: subnet.subnetId });
    stopInstances(world, [a.instanceId]);
    expectWorldError(world, () => startInstances(world, [a.instanceId, b.instanceId]), {
      code: 'IncorrectInstanceState',
      message: b.instanceId,
    });
    expect(getInstance(world, a.instanceId).state).toBe('stopped');
  });
});

describe('runReservation', () => {
  it('launches MaxCount instances sharing one reservation id', () => {
    const { world, subnet } = newWorldWithVpc();
    const r = runReservation(world, { imageId: ami, subnetId: subnet.subnetId, minCount: 1, maxCount: 3 });
    expect(r.instances).toHaveLength(3);
    expect(r.instances.map((i) => reservationIdOf(i))).toEqual([r.reservationId, r.reservationId, r.reservationId]);
    expect(r.reservationId).toMatch(/^r-[0-9a-f]{17}$/);
  });

  it('launches as many as the subnet has addresses for, and fails below MinCount', () => {
    const { world, vpc } = newWorldWithVpc();
    const small = createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.9.0/28' }); // 11 usable addresses
    expect(runReservation(world, { imageId: ami, subnetId: small.subnetId, minCount: 1, maxCount: 20 }).instances).toHaveLength(11);
    expectWorldError(world, () => runReservation(world, { imageId: ami, subnetId: small.subnetId, minCount: 1 }), {
      code: 'InsufficientFreeAddressesInSubnet',
      message: 'not enough free addresses',
    });
  });

  it('refuses a private address with MinCount above 1', () => {
    const { world, subnet } = newWorldWithVpc();
    expectWorldError(
      world,
      () => runReservation(world, { imageId: ami, subnetId: subnet.subnetId, minCount: 2, privateIpAddress: '10.0.1.9' }),
      { code: 'InvalidParameterCombination', message: 'single instance' },
    );
  });

  it('says IdempotentParameterMismatch when a clientToken comes back with other parameters', () => {
    const { world, subnet } = newWorldWithVpc();
    runInstances(world, { imageId: ami, subnetId: subnet.subnetId, clientToken: 'run-1' });
    expectWorldError(
      world,
      () => runInstances(world, { imageId: ami, instanceType: 'm5.large', subnetId: subnet.subnetId, clientToken: 'run-1' }),
      {
        code: 'IdempotentParameterMismatch',
        message: 'inconsistent with arguments used in previous request',
      },
    );
  });
});
