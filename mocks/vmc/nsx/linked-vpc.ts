// The connected ("linked") VPC through the cloud-service API, `/cloud-service/api/v1/infra/linked-vpcs[/{id}]`
// (under the reverse-proxy URL without `/sks-nsxt-manager`; the form with it is answered too, as pyVMC
// uses it): the VPC, its subnets, the active cross-link ENI and the route tables VMC keeps updated.
// Backed by src/world/nsx/linked-vpc.ts; the common fields are the NSX shapes' (src/shapes/nsx/linked-vpcs.ts). The active ENI is in `active_eni` (older SDDCs) and/or
// `traffic_group_eni_mappings[0].eni` (newer multi-edge SDDCs), per the mock's `linkedVpcStyle`.
// Mock notes: managed-prefix-list mode is always DISABLED and the actions that change it, IPv6 mode and
// `connected-services` are not modelled (501); the object `id` is a UUID derived from the VPC id, and
// a GET by the VPC id itself is answered too; `arn_role`/`external_id` are made-up but well-formed.
import { getLinkedVpc, nsxError, type LinkedVpc } from '../../../src/world';
import type { NsxAudit } from './audit';
import type { NsxRoute } from './call';
import { derivedUuid } from '../ids';
import { linkedVpcJson } from '../../../src/shapes/nsx';
import { nsxJson, nsxListResponse, policyFields } from './protocol';
import type { VmwareMockState } from '../state';

const linkedVpcObjectId = (l: LinkedVpc): string => derivedUuid('linked-vpc', l.linkedVpcId);

export function renderLinkedVpc(audit: NsxAudit, style: VmwareMockState['linkedVpcStyle'], l: LinkedVpc): Record<string, unknown> {
  const id = linkedVpcObjectId(l);
  const { active_eni: _active, route_table_ids: _tables, ...common } = linkedVpcJson(l);
  return {
    resource_type: 'LinkedVpcInfo',
    ...common,
    linked_vpc_ipv6_addresses: [],
    ...(style !== 'traffic-groups' ? { active_eni: l.activeEni } : {}),
    ...(style !== 'active-eni'
      ? { traffic_group_eni_mappings: [{ eni: l.activeEni, traffic_group_id: 'default', traffic_group_name: 'Default Traffic Group' }] }
      : {}),
    route_table_ids: [...l.routeTableIds],
    linked_vpc_nat_ips: [],
    linked_vpc_managed_prefix_list_info: { managed_prefix_list_mode: 'DISABLED', managed_prefix_lists: [] },
    arn_role: `arn:aws:iam::${l.linkedAccount}:role/vmware-sddc-formation-${id.slice(0, 8)}-RemoteRoleService`,
    service_arn_role: `arn:aws:iam::${l.linkedAccount}:role/vmware-sddc-formation-${id.slice(0, 8)}-RemoteRolePayer`,
    external_id: derivedUuid('external-id', l.linkedVpcId),
    ...policyFields(audit, { id, path: `/infra/linked-vpcs/${id}`, revision: 0, systemOwned: true }),
  };
}

const base = '/cloud-service/api/v1/infra/linked-vpcs';

export const linkedVpcRoutes: NsxRoute[] = [
  {
    method: 'GET',
    pattern: base,
    operation: 'GET linked-vpcs',
    handle: (call) => {
      const l = call.world.nsx.linkedVpc;
      return nsxListResponse(call.query, l ? [renderLinkedVpc(call.state.audit, call.state.linkedVpcStyle, l)] : []);
    },
  },
  {
    method: 'GET',
    pattern: `${base}/:id`,
    operation: 'GET linked-vpc',
    handle: (call, p) => {
      const l = getLinkedVpc(call.world);
      if (p.id !== linkedVpcObjectId(l) && p.id !== l.linkedVpcId)
        throw nsxError(500090, `The path=[/infra/linked-vpcs/${p.id!}] is invalid: no such linked VPC.`, 404);
      return nsxJson(renderLinkedVpc(call.state.audit, call.state.linkedVpcStyle, l));
    },
  },
];
