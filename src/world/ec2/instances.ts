// Instance operations: RunInstances (with its primary ENI), Stop/Start/Terminate, Describe, and the
// clock-driven state machine (pending → running, shutting-down → terminated → gone).
import { ec2Error } from '../errors';
import type { Tag } from '../tags';
import { mustGet, type World } from '../world';
import { getSubnet } from './subnets';
import { createNetworkInterface } from './network-interfaces';
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

export function runInstances(world: World, input: RunInstancesInput): Instance {
  settleInstances(world);
  if (input.clientToken) {
    const earlier = [...world.ec2.instances.values()].find((i) => i.clientToken === input.clientToken);
    if (earlier) return earlier;
  }
  if (!input.imageId) throw ec2Error('MissingParameter', 'The request must contain the parameter ImageId');
  const subnet = getSubnet(world, input.subnetId);
  const instanceId = world.ids.next('i');
  const eni = createNetworkInterface(world, {
    subnetId: subnet.subnetId,
    ...(input.securityGroupIds ? { groupIds: input.securityGroupIds } : {}),
    ...(input.privateIpAddress ? { privateIpAddress: input.privateIpAddress } : {}),
    description: '',
  });
  eni.status = 'in-use';
  eni.attachment = { attachmentId: world.ids.next('eni-attach'), instanceId, instanceOwnerId: world.accountId, deviceIndex: 0, status: 'attached' };
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

export function terminateInstances(world: World, instanceIds: readonly string[]): { instanceId: string; previous: InstanceStateName; current: InstanceStateName }[] {
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
    if (inst.state === 'terminated' || inst.state === 'shutting-down') throw ec2Error('IncorrectInstanceState', `The instance '${inst.instanceId}' is not in a state from which it can be stopped.`);
  }
  for (const inst of insts) if (inst.state !== 'stopped') setState(world, inst, 'stopping');
  world.touch();
  settleInstances(world);
}

/** StartInstances. As StopInstances: all are checked first, then all are started. */
export function startInstances(world: World, instanceIds: readonly string[]): void {
  const insts = instanceIds.map((id) => getInstance(world, id));
  for (const inst of insts) {
    if (inst.state !== 'stopped') throw ec2Error('IncorrectInstanceState', `The instance '${inst.instanceId}' is not in a state from which it can be started.`);
  }
  for (const inst of insts) setState(world, inst, 'pending');
  world.touch();
  settleInstances(world);
}
