// SDDC VMs ⇄ nsx/virtual-machines.json and nsx/vifs.json, through the NSX shapes (src/shapes/nsx/vms.ts).
// A VM's VIFs (`owner_vm_id` = `external_id`) give its MAC and addresses; its IPv4 addresses are its
// `ipAddresses`. A VIF without `ip_address_info`, or a VM without VIF (powered off), loads: the VM has
// no IPv4 address. A VIF whose VM is not in the data loads with a warning and is ignored.
import type { World } from '../../world';
import { files } from '../layout';
import { addVif, vifFromJson, vifsJson, vifsJsonSchema, virtualMachinesJsonSchema, vmFromJson, vmJson } from '../../shapes/nsx';
import type { SnapshotSource } from '../snapshot-source';
import { nsxListJson } from '../json-shapes';
import { derivedUuid } from '../derived-values';

export function readVms(src: SnapshotSource, world: World): void {
  const vms = src.read(files.virtualMachines, virtualMachinesJsonSchema);
  vms.results.forEach((v, i) => {
    if (world.nsx.vms.has(v.external_id)) src.duplicate(files.virtualMachines, `results[${i}].external_id`, v.external_id);
    const vm = vmFromJson(v);
    world.nsx.vms.set(vm.externalId, vm);
  });
  const vifs = src.read(files.vifs, vifsJsonSchema);
  vifs.results.forEach((json, i) => {
    const vm = world.nsx.vms.get(json.owner_vm_id);
    if (!vm)
      return src.warn(
        files.vifs,
        `results[${i}].owner_vm_id`,
        `VM ${json.owner_vm_id} is not in ${files.virtualMachines}; the VIF is ignored`,
      );
    addVif(vm, vifFromJson(json));
  });
}

export function renderVirtualMachines(world: World): unknown {
  return nsxListJson([...world.nsx.vms.values()].map(vmJson));
}

export function renderVifs(world: World): unknown {
  return nsxListJson([...world.nsx.vms.values()].flatMap((vm) => vifsJson(vm, (v) => derivedUuid('lport', v.externalId))));
}
