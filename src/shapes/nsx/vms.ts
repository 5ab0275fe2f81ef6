// SDDC VMs ⇄ world: the Policy API's realized-state `VirtualMachine` and `VirtualNetworkInterface` (VIF)
// lists under `/infra/realized-state/enforcement-points/vmc-enforcementpoint/`. A VIF belongs to the VM
// whose `external_id` is its `owner_vm_id`. A VIF without `ip_address_info` and a VM without any VIF
// (powered off, or no NIC) are normal: the VM then has no IPv4 address (`ipAddresses: []`).
import { z } from 'zod';
import { isIpv4, type Vif, type Vm } from '../../world';
import { nsxListSchema, nsxTagsSchema, tagsFromJson, tagsJson } from './common';

export const virtualMachineJsonSchema = z.looseObject({
  external_id: z.string().min(1),
  display_name: z.string(),
  power_state: z.enum(['VM_RUNNING', 'VM_STOPPED', 'VM_SUSPENDED', 'UNKNOWN']).default('UNKNOWN'),
  guest_info: z.looseObject({ os_name: z.string().optional(), computer_name: z.string().optional() }).optional(),
  tags: nsxTagsSchema,
});

export const vifJsonSchema = z.looseObject({
  owner_vm_id: z.string().min(1),
  external_id: z.string().optional(),
  device_key: z.string().optional(),
  device_name: z.string().optional(),
  mac_address: z.string().optional(),
  ip_address_info: z.array(z.looseObject({ ip_addresses: z.array(z.string()).default([]), source: z.string().optional() })).default([]),
  lport_attachment_id: z.string().optional(),
});

export const virtualMachinesJsonSchema = nsxListSchema(virtualMachineJsonSchema);
export const vifsJsonSchema = nsxListSchema(vifJsonSchema);

export type VirtualMachineJson = z.output<typeof virtualMachineJsonSchema>;
export type VifJson = z.output<typeof vifJsonSchema>;

/** A VM without its VIFs (`ipAddresses: []`); `addVif` adds them. */
export function vmFromJson(v: VirtualMachineJson): Vm {
  return {
    externalId: v.external_id,
    displayName: v.display_name,
    powerState: v.power_state,
    tags: tagsFromJson(v.tags),
    ipAddresses: [],
    ...(v.guest_info?.os_name !== undefined ? { osName: v.guest_info.os_name } : {}),
    ...(v.guest_info?.computer_name !== undefined ? { computerName: v.guest_info.computer_name } : {}),
  };
}

export function vifFromJson(v: VifJson): Vif {
  const ips = v.ip_address_info.flatMap((i) => i.ip_addresses);
  return {
    externalId: v.external_id ?? `${v.owner_vm_id}-${v.device_key ?? '4000'}`,
    ...(v.mac_address !== undefined ? { macAddress: v.mac_address } : {}),
    ipAddresses: [...new Set(ips)],
    ...(v.lport_attachment_id !== undefined ? { lportAttachmentId: v.lport_attachment_id } : {}),
    ...(v.device_key !== undefined ? { deviceKey: v.device_key } : {}),
    ...(v.device_name !== undefined ? { deviceName: v.device_name } : {}),
  };
}

/**
 * Attaches a VIF to its VM: the VM gains its IPv4 addresses, and keeps the VIF when it carries a MAC
 * address (real exports do; the one-VIF-per-VM form a world without NIC data is written as does not,
 * so that such a world reads back as it was).
 */
export function addVif(vm: Vm, vif: Vif): void {
  if (vif.macAddress !== undefined) (vm.vifs ??= []).push(vif);
  for (const ip of vif.ipAddresses) if (isIpv4(ip) && !vm.ipAddresses.includes(ip)) vm.ipAddresses.push(ip);
}

export function vmJson(vm: Vm): Record<string, unknown> {
  return {
    external_id: vm.externalId,
    power_state: vm.powerState,
    type: 'REGULAR',
    guest_info:
      vm.osName === undefined && vm.computerName === undefined ? undefined : { os_name: vm.osName, computer_name: vm.computerName },
    resource_type: 'VirtualMachine',
    display_name: vm.displayName,
    tags: tagsJson(vm.tags),
  };
}

/**
 * The VIFs of a VM as NSX lists them. A VM the world holds without VIF data gets one VIF (device 4000)
 * with its addresses; `lportAttachment` derives the attachment id the writer prints for it.
 */
export function vifsJson(vm: Vm, lportAttachment: (vm: Vm) => string): Record<string, unknown>[] {
  const vifs: Vif[] = vm.vifs ?? [
    {
      externalId: `${vm.externalId}-4000`,
      ipAddresses: [...vm.ipAddresses],
      deviceKey: '4000',
      deviceName: 'Network adapter 1',
      lportAttachmentId: lportAttachment(vm),
    },
  ];
  return vifs.map((v) => ({
    external_id: v.externalId,
    owner_vm_id: vm.externalId,
    device_key: v.deviceKey,
    device_name: v.deviceName,
    ...(v.macAddress !== undefined ? { mac_address: v.macAddress } : {}),
    lport_attachment_id: v.lportAttachmentId,
    ip_address_info: v.ipAddresses.length === 0 ? [] : [{ source: 'VM_TOOLS', ip_addresses: [...v.ipAddresses] }],
    resource_type: 'VirtualNetworkInterface',
  }));
}
