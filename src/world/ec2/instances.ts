// Instance operations: RunInstances (one instance or a reservation of several, each with its primary
// ENI; clientToken idempotency), Stop/Start/Terminate, Describe, and the clock-driven state machine
// (pending → running, shutting-down → terminated → gone).
import { ec2Error } from '../errors';
import type { Tag } from '../tags';
import { mustGet, type World } from '../world';
import { getSubnet } from './subnets';
import { createNetworkInterface, freeAddressCount } from './network-interfaces';
import { derivedHex } from '../ids';
import { setInstanceState as setState, settleInstances } from './instance-lifecycle';
import type { GuestFirewall, Instance, InstanceStateName } from './types';

export { settleInstances } from './instance-lifecycle';

export interface RunInstancesInput {
  imageId: string;
  instanceType?: string;
  subnetId: string;
  securityGroupIds?: string[];
  privateIpAddress?: string;
  tags?: Tag[];
  iamInstanceProfileArn?: string;
  userData?: string;
  clientToken?: string;
  keyName?: string;
  platform?: 'windows';
  guestFirewall?: GuestFirewall;
}

/** The launch parameters a repeated clientToken must match (EC2's IdempotentParameterMismatch otherwise). */
function sameLaunch(world: World, earlier: Instance, input: RunInstancesInput): boolean {
  const groups = world.ec2.networkInterfaces.get(earlier.networkInterfaceId)?.groupIds;
  const sorted = (xs: readonly string[] | undefined): string => [...(xs ?? [])].sort().join(',');
  return (
    earlier.imageId === input.imageId &&
    earlier.instanceType === (input.instanceType ?? 't3.micro') &&
    earlier.subnetId === input.subnetId &&
    (input.privateIpAddress === undefined || earlier.privateIpAddress === input.privateIpAddress) &&
    (!input.securityGroupIds?.length || groups === undefined || sorted(groups) === sorted(input.securityGroupIds)) &&
    earlier.iamInstanceProfileArn === input.iamInstanceProfileArn &&
    earlier.keyName === input.keyName &&
    earlier.userData === input.userData
  );
}

/** A reservation id derived from its first instance (no id is drawn from the world's generator). */
export const reservationIdOf = (inst: Instance): string => inst.reservationId ?? `r-${derivedHex(inst.instanceId, 17)}`;

export interface RunReservationInput extends RunInstancesInput {
  /** At least this many instances or none (default 1). */
  minCount?: number;
  /** At most this many; EC2 launches as many as it can between the two (default minCount). */
  maxCount?: number;
}

export interface Reservation {
  reservationId: string;
  instances: Instance[];
}

/**
 * RunInstances with MinCount/MaxCount: one reservation of up to maxCount instances. A clientToken used
 * before returns the earlier reservation and launches nothing (IdempotentParameterMismatch if the
 * parameters differ). Everything is checked before anything is created.
 */
export function runReservation(world: World, input: RunReservationInput): Reservation {
  settleInstances(world);
  if (input.clientToken) {
    const earlier = [...world.ec2.instances.values()].filter((i) => i.clientToken === input.clientToken);
    if (earlier.length > 0) {
      if (!sameLaunch(world, earlier[0]!, input)) {
        throw ec2Error(
          'IdempotentParameterMismatch',
          'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
        );
      }
      return { reservationId: reservationIdOf(earlier[0]!), instances: earlier };
    }
  }
  if (!input.imageId) throw ec2Error('MissingParameter', 'The request must contain the parameter ImageId');
  const minCount = input.minCount ?? 1;
  const maxCount = input.maxCount ?? minCount;
  if (!Number.isInteger(minCount) || minCount < 1)
    throw ec2Error('InvalidParameterValue', `Value (${minCount}) for parameter minCount is invalid. Expected a positive integer.`);
  if (!Number.isInteger(maxCount) || maxCount < minCount)
    throw ec2Error(
      'InvalidParameterValue',
      `Value (${maxCount}) for parameter maxCount is invalid. It must be at least minCount (${minCount}).`,
    );
  if (input.privateIpAddress !== undefined && minCount > 1) {
    throw ec2Error('InvalidParameterCombination', 'A private IP address can be given only when launching a single instance (MinCount 1).');
  }
  const subnet = getSubnet(world, input.subnetId);
  const count = input.privateIpAddress !== undefined ? 1 : Math.min(maxCount, freeAddressCount(world, subnet.subnetId));
  if (count < minCount) {
    throw ec2Error(
      'InsufficientFreeAddressesInSubnet',
      `There are not enough free addresses in subnet '${subnet.subnetId}' to satisfy the requested number of instances.`,
    );
  }
  const instances: Instance[] = [];
  for (let n = 0; n < count; n++) instances.push(launchOne(world, input, subnet.subnetId));
  const reservationId = reservationIdOf(instances[0]!);
  // A single-instance reservation's id is derived on read; only shared ones are stored.
  if (instances.length > 1) for (const inst of instances) inst.reservationId = reservationId;
  return { reservationId, instances };
}

/** RunInstances for one instance (MinCount = MaxCount = 1). */
export function runInstances(world: World, input: RunInstancesInput): Instance {
  return runReservation(world, input).instances[0]!;
}

function launchOne(world: World, input: RunInstancesInput, subnetId: string): Instance {
  const subnet = getSubnet(world, subnetId);
  const instanceId = world.ids.next('i');
  const eni = createNetworkInterface(world, {
    subnetId: subnet.subnetId,
    ...(input.securityGroupIds ? { groupIds: input.securityGroupIds } : {}),
    ...(input.privateIpAddress ? { privateIpAddress: input.privateIpAddress } : {}),
    description: '',
  });
  eni.status = 'in-use';
  eni.attachment = {
    attachmentId: world.ids.next('eni-attach'),
    instanceId,
    instanceOwnerId: world.accountId,
    deviceIndex: 0,
    status: 'attached',
  };
  const inst: Instance = {
    instanceId,
    imageId: input.imageId,
    instanceType: input.instanceType ?? 't3.micro',
    ownerId: world.accountId,
    state: 'pending',
    subnetId: subnet.subnetId,
    vpcId: subnet.vpcId,
    privateIpAddress: eni.privateIpAddress,
    networkInterfaceId: eni.networkInterfaceId,
    availabilityZone: subnet.availabilityZone,
    launchTime: world.clock(),
    tags: [...(input.tags ?? [])],
    ...(input.iamInstanceProfileArn ? { iamInstanceProfileArn: input.iamInstanceProfileArn } : {}),
    ...(input.userData ? { userData: input.userData } : {}),
    ...(input.clientToken ? { clientToken: input.clientToken } : {}),
    ...(input.keyName ? { keyName: input.keyName } : {}),
    ...(input.platform ? { platform: input.platform } : {}),
    ...(input.guestFirewall ? { guestFirewall: input.guestFirewall } : {}),
  };
  world.ec2.instances.set(instanceId, inst);
  setState(world, inst, 'pending');
  world.touch();
  return inst;
}

export function getInstance(world: World, instanceId: string): Instance {
  settleInstances(world);
  return mustGet(world.ec2.instances, instanceId, 'InvalidInstanceID.NotFound', 'instance ID');
}

export function describeInstances(world: World, instanceIds: readonly string[] = []): Instance[] {
  settleInstances(world);
  if (instanceIds.length === 0) return [...world.ec2.instances.values()];
  return instanceIds.map((id) => getInstance(world, id));
}

export function terminateInstances(
  world: World,
  instanceIds: readonly string[],
): { instanceId: string; previous: InstanceStateName; current: InstanceStateName }[] {
  const insts = instanceIds.map((id) => getInstance(world, id));
  return insts.map((inst) => {
    const previous = inst.state;
    if (previous !== 'terminated' && previous !== 'shutting-down') setState(world, inst, 'shutting-down');
    world.touch();
    return { instanceId: inst.instanceId, previous, current: inst.state };
  });
}

/** StopInstances. Every instance is checked before any is stopped: one wrong state fails the call and changes nothing. */
export function stopInstances(world: World, instanceIds: readonly string[]): void {
  const insts = instanceIds.map((id) => getInstance(world, id));
  for (const inst of insts) {
    if (inst.state === 'terminated' || inst.state === 'shutting-down')
      throw ec2Error('IncorrectInstanceState', `The instance '${inst.instanceId}' is not in a state from which it can be stopped.`);
  }
  for (const inst of insts) if (inst.state !== 'stopped') setState(world, inst, 'stopping');
  world.touch();
  settleInstances(world);
}

/** StartInstances. As StopInstances: all are checked first, then all are started. */
export function startInstances(world: World, instanceIds: readonly string[]): void {
  const insts = instanceIds.map((id) => getInstance(world, id));
  for (const inst of insts) {
    if (inst.state !== 'stopped')
      throw ec2Error('IncorrectInstanceState', `The instance '${inst.instanceId}' is not in a state from which it can be started.`);
  }
  for (const inst of insts) setState(world, inst, 'pending');
  world.touch();
  settleInstances(world);
}
