// SDDC VMs ⇄ nsx/virtual-machines.json and nsx/vifs.json. A VM's addresses are the IPv4 addresses of
// its VIFs (`owner_vm_id` = `external_id`); the segment is left to the engine, which finds it by address.
// The writer gives each VM one VIF holding all its addresses (the world does not keep NICs).
import { isIpv4, type Vm, type World } from '../../world';
import { files } from '../layout';
import { vifsSchema, virtualMachinesSchema } from '../schemas/virtual-machines';
import type { SnapshotSource } from '../snapshot-source';
import { nsxListJson, nsxTagsJson } from '../json-shapes';
import { derivedUuid } from '../derived-values';

export function readVms(src: SnapshotSource, world: World): void {
  const vms = src.read(files.virtualMachines, virtualMachinesSchema);
  vms.results.forEach((v, i) => {
    if (world.nsx.vms.has(v.external_id)) src.duplicate(files.virtualMachines, `results[${i}].external_id`, v.external_id);
    const vm: Vm = {
      externalId: v.external_id,
      displayName: v.display_name,
      powerState: v.power_state,
      tags: v.tags.map((t) => ({ scope: t.scope, tag: t.tag })),
      ipAddresses: [],
      ...(v.guest_info?.os_name !== undefined ? { osName: v.guest_info.os_name } : {}),
      ...(v.guest_info?.computer_name !== undefined ? { computerName: v.guest_info.computer_name } : {}),
    };
    world.nsx.vms.set(vm.externalId, vm);
  });
  const vifs = src.read(files.vifs, vifsSchema);
  vifs.results.forEach((vif, i) => {
    const vm = world.nsx.vms.get(vif.owner_vm_id) ?? src.dangling(files.vifs, `results[${i}].owner_vm_id`, vif.owner_vm_id, files.virtualMachines);
    for (const info of vif.ip_address_info) {
      for (const ip of info.ip_addresses) if (isIpv4(ip) && !vm.ipAddresses.includes(ip)) vm.ipAddresses.push(ip);
    }
  });
}

export function renderVirtualMachines(world: World): unknown {
  return nsxListJson(
    [...world.nsx.vms.values()].map((vm) => ({
      external_id: vm.externalId,
      power_state: vm.powerState,
      type: 'REGULAR',
      guest_info: vm.osName === undefined && vm.computerName === undefined ? undefined : { os_name: vm.osName, computer_name: vm.computerName },
      resource_type: 'VirtualMachine',
      display_name: vm.displayName,
      tags: nsxTagsJson(vm.tags),
    })),
  );
}

export function renderVifs(world: World): unknown {
  return nsxListJson(
    [...world.nsx.vms.values()].map((vm) => ({
      external_id: `${vm.externalId}-4000`,
      owner_vm_id: vm.externalId,
      device_key: '4000',
      device_name: 'Network adapter 1',
      lport_attachment_id: derivedUuid('lport', vm.externalId),
      ip_address_info: vm.ipAddresses.length === 0 ? [] : [{ source: 'VM_TOOLS', ip_addresses: [...vm.ipAddresses] }],
      resource_type: 'VirtualNetworkInterface',
    })),
  );
}
