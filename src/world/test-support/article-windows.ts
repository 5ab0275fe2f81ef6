// The SSM tests' world (test code only): the article's case B (CJ-AWS01 in the default SG reaches
// CJ-VM01 both ways; CJ-AWS02 in CJ-SG is blocked towards the VM by the default SG on the cross-link
// ENI) plus a Windows VM on the same segment, in the CJ-VM group so the CGW lets it through.
import { addVm, nameTag, patchGroup, type World } from '..';
import { articleCaseB } from './article-worlds';

export const windowsVm = { name: 'CJ-WIN01', ip: '192.168.100.11', managedInstanceId: 'mi-0fedcba9876543210' };

export function caseBWithWindows(): World {
  const world = articleCaseB();
  addVm(world, {
    externalId: 'win-1',
    displayName: windowsVm.name,
    powerState: 'VM_RUNNING',
    tags: [],
    ipAddresses: [windowsVm.ip],
    osName: 'Microsoft Windows Server 2022 (64-bit)',
    managedInstanceId: windowsVm.managedInstanceId,
  });
  const name = (value: string) => ({
    resourceType: 'Condition' as const,
    memberType: 'VirtualMachine',
    key: 'Name',
    operator: 'EQUALS',
    value,
  });
  patchGroup(world, 'cgw', 'cj-vm', {
    expression: [name('CJ-VM01'), { resourceType: 'ConjunctionOperator', conjunctionOperator: 'OR' }, name(windowsVm.name)],
  });
  return world;
}

/** The id and address of the instance with this Name tag. */
export function instanceNamed(world: World, name: string): { id: string; ip: string } {
  const inst = [...world.ec2.instances.values()].find((i) => nameTag(i.tags) === name)!;
  return { id: inst.instanceId, ip: inst.privateIpAddress };
}

/** CJ-VM01's hybrid node id and address. */
export function linuxVm(world: World): { id: string; ip: string } {
  const vm = [...world.nsx.vms.values()].find((v) => v.displayName === 'CJ-VM01')!;
  return { id: vm.managedInstanceId!, ip: vm.ipAddresses[0]! };
}
