// Discovery, VMware side: the SDDC, its linked VPC, segments, groups, CGW rules, DFW security policies
// with their rules, services and the
// realized VMs and VIFs through the VMC and NSX APIs, as snapshot files in the APIs' own shapes.
import type { NsxClient, VmcClient } from '../../clients/vmc';
import { snapshotFileNames as files } from '../../snapshot';

const listResult = (results: unknown[]): string => `${JSON.stringify({ results, result_count: results.length }, null, 2)}\n`;

export async function collectNsxFiles(vmc: VmcClient, nsx: NsxClient): Promise<Map<string, string>> {
  const [sddc, linked, segments, groups, rules, services, vms, vifs, dfw] = await Promise.all([
    vmc.vmc.getSddc(vmc.orgId, vmc.sddcId),
    nsx.listLinkedVpcs(),
    nsx.segments.list(),
    nsx.groups.list(),
    nsx.rules.list(),
    nsx.listServices(),
    nsx.listVirtualMachines(),
    nsx.listVifs(),
    nsx.listSecurityPoliciesWithRules(),
  ]);
  const out = new Map<string, string>();
  out.set(files.sddc, `${JSON.stringify(sddc, null, 2)}\n`);
  out.set(files.linkedVpcs, listResult(linked));
  out.set(files.segments, listResult(segments));
  out.set(files.groups, listResult(groups));
  out.set(files.cgwRules, listResult(rules));
  out.set(files.services, listResult(services));
  out.set(files.virtualMachines, listResult(vms));
  out.set(files.vifs, listResult(vifs));
  out.set(files.dfwPolicies, listResult(dfw));
  return out;
}
