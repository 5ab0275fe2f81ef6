// SSM agents on SDDC VMs ⇄ ssm/describe-instance-information.json (optional). A hybrid managed node
// (`mi-…`) becomes a VM's managedInstanceId when it matches exactly one VM: by IP address, else by
// computer name (short host name too), else by the node's Name. Other nodes (EC2 `i-…`, on-premises
// servers) are ignored.
import type { Vm, World } from '../world';
import { files } from './layout';
import { ssmInstancesSchema } from './schemas/ssm';
import type { SnapshotSource } from './snapshot-source';

const host = (name: string): string => name.toLowerCase().split('.')[0]!;

function matchVm(
  vms: readonly Vm[],
  node: { IPAddress?: string | undefined; ComputerName?: string | undefined; Name?: string | undefined },
): Vm | undefined {
  const tries: ((vm: Vm) => boolean)[] = [
    (vm) => node.IPAddress !== undefined && vm.ipAddresses.includes(node.IPAddress),
    (vm) => node.ComputerName !== undefined && vm.computerName !== undefined && host(vm.computerName) === host(node.ComputerName),
    (vm) => node.Name !== undefined && vm.displayName === node.Name,
  ];
  for (const t of tries) {
    const found = vms.filter(t);
    if (found.length === 1) return found[0];
    if (found.length > 1) return undefined;
  }
  return undefined;
}

export function readSsmNodes(src: SnapshotSource, world: World): void {
  const json = src.readOptional(files.ssmInstances, ssmInstancesSchema);
  const vms = [...world.nsx.vms.values()];
  for (const node of json?.InstanceInformationList ?? []) {
    if (!node.InstanceId.startsWith('mi-')) continue;
    const vm = matchVm(vms, node);
    if (vm && vm.managedInstanceId === undefined) vm.managedInstanceId = node.InstanceId;
  }
}

export function renderSsmNodes(world: World): unknown {
  const nodes = [...world.nsx.vms.values()].filter((vm) => vm.managedInstanceId !== undefined);
  if (nodes.length === 0) return undefined;
  return {
    InstanceInformationList: nodes.map((vm) => ({
      InstanceId: vm.managedInstanceId,
      PingStatus: vm.powerState === 'VM_RUNNING' ? 'Online' : 'ConnectionLost',
      PlatformType: /windows/i.test(vm.osName ?? '') ? 'Windows' : 'Linux',
      PlatformName: vm.osName ?? '',
      ResourceType: 'ManagedInstance',
      Name: vm.displayName,
      IPAddress: vm.ipAddresses[0],
      ComputerName: vm.computerName ?? vm.displayName,
    })),
  };
}
