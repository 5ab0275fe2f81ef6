// DescribeInstanceInformation: the managed nodes SSM knows, derived from the world on every read.
// An EC2 instance registers some time after it starts running (latency agentRegistrationMs) and only
// if it has an instance profile: without one the agent cannot talk to SSM, a common real failure the
// mock makes visible. SDDC VMs with a `managedInstanceId` are hybrid nodes (`mi-…`), Online while
// powered on. A node that went down shows ConnectionLost; terminated instances drop out.
// Mock note: agent versions, registration dates of hybrid nodes and activation ids are fixed or
// derived values, not what a real activation records.
import { derivedHex } from '../ids';
import type { World } from '../world';
import { settleInstances } from '../ec2/instance-lifecycle';
import { findImage } from '../ec2/images';
import type { Instance } from '../ec2/types';
import type { Vm } from '../nsx/types';
import type { ManagedNode, PlatformType } from './types';

const agentVersion = '3.3.1142.0';
/** When the mock says hybrid nodes were activated (a fixed date; vCenter does not know it). */
const hybridRegistrationDate = Date.parse('2019-12-01T00:00:00Z');

/** The moment an instance's agent registers: boot, then the agent's registration delay. */
export const registrationTimeOf = (world: World, inst: Instance): number =>
  inst.launchTime + world.latency.instanceBootMs + world.latency.agentRegistrationMs;

function privateDns(world: World, ip: string): string {
  const domain = world.region === 'us-east-1' ? 'ec2.internal' : `${world.region}.compute.internal`;
  return `ip-${ip.replaceAll('.', '-')}.${domain}`;
}

function instanceNode(world: World, inst: Instance, now: number): ManagedNode | undefined {
  if (!inst.iamInstanceProfileArn || inst.state === 'terminated') return undefined;
  const registeredAt = registrationTimeOf(world, inst);
  if (now < registeredAt) return undefined;
  const windows = inst.platform === 'windows';
  const image = findImage(world, inst.imageId);
  const online = inst.state === 'running';
  return {
    instanceId: inst.instanceId,
    resourceType: 'EC2Instance',
    pingStatus: online ? 'Online' : 'ConnectionLost',
    lastPingDateTime: online ? now : registeredAt,
    platformType: windows ? 'Windows' : 'Linux',
    platformName: image?.osName ?? (windows ? 'Microsoft Windows Server 2022 Datacenter' : 'Amazon Linux'),
    platformVersion: image?.osVersion ?? (windows ? '10.0.20348' : '2023'),
    agentVersion,
    isLatestVersion: true,
    ipAddress: inst.privateIpAddress,
    computerName: windows ? `EC2AMAZ-${derivedHex(inst.instanceId, 7).toUpperCase()}` : privateDns(world, inst.privateIpAddress),
    sourceId: inst.instanceId,
    sourceType: 'AWS::EC2::Instance',
    target: { kind: 'instance', instanceId: inst.instanceId },
  };
}

/** SSM's platform name for a vSphere guest OS string (`Ubuntu Linux (64-bit)` → `Ubuntu`). */
function vmPlatform(osName: string | undefined): { type: PlatformType; name: string } {
  const os = osName ?? '';
  if (/windows/i.test(os)) return { type: 'Windows', name: /2022/.test(os) ? 'Microsoft Windows Server 2022 Datacenter' : os };
  if (/ubuntu/i.test(os)) return { type: 'Linux', name: 'Ubuntu' };
  if (/red hat|rhel/i.test(os)) return { type: 'Linux', name: 'Red Hat Enterprise Linux Server' };
  return { type: 'Linux', name: os || 'Linux' };
}

function vmNode(vm: Vm, now: number): ManagedNode | undefined {
  if (vm.managedInstanceId === undefined) return undefined;
  const online = vm.powerState === 'VM_RUNNING';
  const platform = vmPlatform(vm.osName);
  return {
    instanceId: vm.managedInstanceId,
    resourceType: 'ManagedInstance',
    pingStatus: online ? 'Online' : 'ConnectionLost',
    lastPingDateTime: online ? now : hybridRegistrationDate,
    platformType: platform.type,
    platformName: platform.name,
    platformVersion: '',
    agentVersion,
    isLatestVersion: true,
    ipAddress: vm.ipAddresses[0] ?? '',
    computerName: vm.computerName ?? vm.displayName,
    name: vm.displayName,
    iamRole: 'service-role/AmazonEC2RunCommandRoleForManagedInstances',
    activationId: `${derivedHex(vm.managedInstanceId, 8)}-${derivedHex(`a${vm.managedInstanceId}`, 4)}-4${derivedHex(`b${vm.managedInstanceId}`, 3)}-8${derivedHex(`c${vm.managedInstanceId}`, 3)}-${derivedHex(`d${vm.managedInstanceId}`, 12)}`,
    registrationDate: hybridRegistrationDate,
    sourceId: vm.managedInstanceId,
    sourceType: 'AWS::SSM::ManagedInstance',
    target: { kind: 'vm', externalId: vm.externalId },
  };
}

/** Every managed node: EC2 instances first (world order), then the SDDC's hybrid nodes. */
export function describeInstanceInformation(world: World): ManagedNode[] {
  settleInstances(world);
  const now = world.clock();
  const nodes: ManagedNode[] = [];
  for (const inst of world.ec2.instances.values()) {
    const node = instanceNode(world, inst, now);
    if (node) nodes.push(node);
  }
  for (const vm of world.nsx.vms.values()) {
    const node = vmNode(vm, now);
    if (node) nodes.push(node);
  }
  return nodes;
}

/** The managed node with this id, whatever its ping status, or undefined. */
export function findManagedNode(world: World, instanceId: string): ManagedNode | undefined {
  settleInstances(world);
  const now = world.clock();
  if (instanceId.startsWith('mi-')) {
    for (const vm of world.nsx.vms.values()) if (vm.managedInstanceId === instanceId) return vmNode(vm, now);
    return undefined;
  }
  const inst = world.ec2.instances.get(instanceId);
  return inst ? instanceNode(world, inst, now) : undefined;
}
