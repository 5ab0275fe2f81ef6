// The realized state of the SDDC's VMs under `/policy/api/v1/infra/realized-state/enforcement-points/
// vmc-enforcementpoint/`: `virtual-machines` (name, power state, tags, guest info) and `vifs` (their
// addresses, `owner_vm_id` = the VM's `external_id`). VMs come from the world (src/world/nsx/vms.ts).
// Mock notes: each VM has one VIF holding all its addresses (the world keeps no NICs); `compute_ids`,
// `host_id` and `_last_sync_time` are not rendered; list filters (`query`, `external_id`) are not
// modelled and answer 501 rather than an unfiltered list.
import { listVms, nsxError, type Vm } from '../../../src/world';
import type { NsxCall, NsxRoute } from './call';
import { nsxListResponse, tagsJson } from './protocol';
import { derivedUuid } from '../ids';

export function renderVirtualMachine(vm: Vm): Record<string, unknown> {
  const guest = { ...(vm.osName !== undefined ? { os_name: vm.osName } : {}), ...(vm.computerName !== undefined ? { computer_name: vm.computerName } : {}) };
  return {
    resource_type: 'VirtualMachine',
    external_id: vm.externalId,
    display_name: vm.displayName,
    power_state: vm.powerState,
    type: 'REGULAR',
    ...(Object.keys(guest).length > 0 ? { guest_info: guest } : {}),
    ...tagsJson(vm.tags),
  };
}

export function renderVif(vm: Vm): Record<string, unknown> {
  return {
    resource_type: 'VirtualNetworkInterface',
    external_id: `${vm.externalId}-4000`,
    owner_vm_id: vm.externalId,
    device_key: '4000',
    device_name: 'Network adapter 1',
    lport_attachment_id: derivedUuid('lport', vm.externalId),
    ip_address_info: vm.ipAddresses.length === 0 ? [] : [{ source: 'VM_TOOLS', ip_addresses: [...vm.ipAddresses] }],
  };
}

const base = '/policy/api/v1/infra/realized-state/enforcement-points/:ep';

function checkQuery(call: NsxCall, ep: string): void {
  if (ep !== 'vmc-enforcementpoint') throw nsxError(500090, `The path=[/infra/realized-state/enforcement-points/${ep}] is invalid: on VMC the enforcement point is vmc-enforcementpoint.`, 404);
  for (const filter of ['query', 'external_id', 'display_name']) {
    if (call.query.has(filter)) throw nsxError(501, `The vmc-reach mock does not filter realized-state lists by ${filter}; list them all and filter in the client.`, 501);
  }
}

export const vmRoutes: NsxRoute[] = [
  {
    method: 'GET',
    pattern: `${base}/virtual-machines`,
    operation: 'GET virtual-machines',
    handle: (call, p) => (checkQuery(call, p.ep!), nsxListResponse(call.query, listVms(call.world).map(renderVirtualMachine))),
  },
  { method: 'GET', pattern: `${base}/vifs`, operation: 'GET vifs', handle: (call, p) => (checkQuery(call, p.ep!), nsxListResponse(call.query, listVms(call.world).map(renderVif))) },
];
