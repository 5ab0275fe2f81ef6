// Instance operations: RunInstances (with its primary ENI), Stop/Start/Terminate, Describe, and the
// clock-driven state machine (pending → running, shutting-down → terminated → gone).
import { ec2Error } from '../errors';
import type { Tag } from '../tags';
import { mustGet, type World } from '../world';
import { getSubnet } from './subnets';
import { createNetworkInterface } from './network-interfaces';
import type { GuestFirewall, Instance, InstanceStateName } from './types';

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

/** Applies due state transitions. Every read and write of instances calls it first. */
export function settleInstances(world: World): void {
  const now = world.clock();
  for (const inst of [...world.ec2.instances.values()]) {
    if (inst.stateTransitionAt === undefined || inst.stateTransitionAt > now) continue;
    const next: Partial<Record<InstanceStateName, InstanceStateName>> = { pending: 'running', 'shutting-down': 'terminated', stopping: 'stopped' };
    if (inst.state === 'terminated') {
      world.ec2.instances.delete(inst.instanceId);
    } else if (next[inst.state]) {
      setState(world, inst, next[inst.state]!);
    }
    world.touch();
  }
}

function setState(world: World, inst: Instance, state: InstanceStateName): void {
  inst.state = state;
  const now = world.clock();
  delete inst.stateTransitionAt;
  if (state === 'pending') inst.stateTransitionAt = now + world.latency.instanceBootMs;
  if (state === 'shutting-down' || state === 'stopping') inst.stateTransitionAt = now + world.latency.instanceShutdownMs;
  if (state === 'terminated') {
    inst.stateTransitionAt = now + world.latency.terminatedVisibleMs;
    const eni = world.ec2.networkInterfaces.get(inst.networkInterfaceId);
    if (eni) world.ec2.networkInterfaces.delete(eni.networkInterfaceId);
  }
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

export function stopInstances(world: World, instanceIds: readonly string[]): void {
  for (const inst of instanceIds.map((id) => getInstance(world, id))) {
    if (inst.state === 'terminated' || inst.state === 'shutting-down') throw ec2Error('IncorrectInstanceState', `The instance '${inst.instanceId}' is not in a state from which it can be stopped.`);
    if (inst.state !== 'stopped') setState(world, inst, 'stopping');
  }
  world.touch();
  settleInstances(world);
}

export function startInstances(world: World, instanceIds: readonly string[]): void {
  for (const inst of instanceIds.map((id) => getInstance(world, id))) {
    if (inst.state !== 'stopped') throw ec2Error('IncorrectInstanceState', `The instance '${inst.instanceId}' is not in a state from which it can be started.`);
    setState(world, inst, 'pending');
  }
  world.touch();
  settleInstances(world);
}
