// nsx/virtual-machines.json and nsx/vifs.json: the Policy API's realized-state lists under
// `/infra/realized-state/enforcement-points/vmc-enforcementpoint/` (`virtual-machines`, `vifs`).
// A VM's addresses come from its VIFs (`owner_vm_id` = the VM's `external_id`).
import { z } from 'zod';
import { anyIp, nsxList, nsxTags } from './common';

export const virtualMachinesSchema = nsxList(
  z.looseObject({
    external_id: z.string().min(1),
    display_name: z.string(),
    power_state: z.enum(['VM_RUNNING', 'VM_STOPPED', 'VM_SUSPENDED', 'UNKNOWN']).default('UNKNOWN'),
    guest_info: z.looseObject({ os_name: z.string().optional(), computer_name: z.string().optional() }).optional(),
    tags: nsxTags,
  }),
);

export const vifsSchema = nsxList(
  z.looseObject({
    owner_vm_id: z.string().min(1),
    ip_address_info: z.array(z.looseObject({ ip_addresses: z.array(anyIp).default([]), source: z.string().optional() })).default([]),
    lport_attachment_id: z.string().optional(),
  }),
);

export type VirtualMachinesJson = z.output<typeof virtualMachinesSchema>;
export type VifsJson = z.output<typeof vifsSchema>;
