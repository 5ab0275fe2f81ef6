// The realized state of the SDDC's VMs under `/policy/api/v1/infra/realized-state/enforcement-points/
// vmc-enforcementpoint/`: `virtual-machines` (name, power state, tags, guest info) and `vifs` (their
// addresses and MAC, `owner_vm_id` = the VM's `external_id`), written by the NSX shapes
// (src/shapes/nsx/vms.ts). VMs come from the world (src/world/nsx/vms.ts).
// Mock notes: a VM the world holds without NIC data gets one VIF holding all its addresses; `compute_ids`,
// `host_id` and `_last_sync_time` are not rendered; list filters (`query`, `external_id`) are not
// modelled and answer 501 rather than an unfiltered list.
import { listVms, nsxError, type Vm } from '../../../src/world';
import type { NsxCall, NsxRoute } from './call';
import { nsxListResponse } from './protocol';
import { vifsJson, vmJson } from '../../../src/shapes/nsx';
import { derivedUuid } from '../ids';

export const renderVirtualMachine = (vm: Vm): Record<string, unknown> => vmJson(vm);

/** A VM's VIFs as the NSX shapes write them (one per NIC the world knows, else one holding its addresses). */
export const renderVifs = (vm: Vm): Record<string, unknown>[] => vifsJson(vm, (v) => derivedUuid('lport', v.externalId));

const base = '/policy/api/v1/infra/realized-state/enforcement-points/:ep';

function checkQuery(call: NsxCall, ep: string): void {
  if (ep !== 'vmc-enforcementpoint')
    throw nsxError(
      500090,
      `The path=[/infra/realized-state/enforcement-points/${ep}] is invalid: on VMC the enforcement point is vmc-enforcementpoint.`,
      404,
    );
  for (const filter of ['query', 'external_id', 'display_name']) {
    if (call.query.has(filter))
      throw nsxError(
        501,
        `The vmc-reach mock does not filter realized-state lists by ${filter}; list them all and filter in the client.`,
        501,
      );
  }
}

export const vmRoutes: NsxRoute[] = [
  {
    method: 'GET',
    pattern: `${base}/virtual-machines`,
    operation: 'GET virtual-machines',
    handle: (call, p) => (checkQuery(call, p.ep!), nsxListResponse(call.query, listVms(call.world).map(renderVirtualMachine))),
  },
  {
    method: 'GET',
    pattern: `${base}/vifs`,
    operation: 'GET vifs',
    handle: (call, p) => (checkQuery(call, p.ep!), nsxListResponse(call.query, listVms(call.world).flatMap(renderVifs))),
  },
];
