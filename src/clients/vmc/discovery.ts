// Discovery, from an org id and an SDDC id to everything the harness needs about the VMware side:
// the SDDC (must be READY and NSX-T), its NSX reverse-proxy URL and the two API bases, the connected
// VPC with its subnets, the active cross-link ENI (`active_eni`, or on newer multi-edge SDDCs
// `traffic_group_eni_mappings[0].eni`), every cross-link ENI (the SDDC connection's, plus any the
// linked-vpcs answer names), and the route tables VMC keeps updated
// (`route_table_ids`, else the connection's main route table).
import { VmcClientError } from './errors';
import type { NsxClient } from './nsx/nsx-client';
import type { VmcApi } from './vmc-api';
import type { Sddc } from './schemas';
import { activeEniOf, namedCrossLinkEnis } from '../../shapes/nsx';

export interface ConnectedVpc {
  vpcId: string;
  cidrs: string[];
  subnets: { id: string; cidr: string; availabilityZone?: string }[];
  /** The cross-link ENI that carries the traffic now. */
  activeEni: string;
  /** Where the active ENI was read from. */
  activeEniSource: 'active_eni' | 'traffic_group_eni_mappings';
  crossLinkEnis: { eniId: string; privateIp?: string }[];
  /** The route tables VMC programs with the SDDC's networks. */
  managedRouteTableIds: string[];
  /** The connected subnet (where the cross-link ENIs are). */
  connectedSubnetId?: string;
}

export interface VmcDiscovery {
  orgId: string;
  sddc: Sddc;
  /** `resource_config.nsx_api_public_endpoint_url` (`…/sks-nsxt-manager`). */
  proxyUrl: string;
  policyBaseUrl: string;
  cloudServiceBaseUrl: string;
  connectedVpc: ConnectedVpc;
}

/** The SDDC's proxy URL; throws unless the SDDC is READY and NSX-T. */
export function proxyUrlOf(sddc: Sddc): string {
  if (sddc.sddc_state !== 'READY')
    throw new VmcClientError(`SDDC ${sddc.id} (${sddc.name}) is ${sddc.sddc_state}, not READY: its NSX API cannot be used yet`);
  if (sddc.resource_config.nsxt === false) throw new VmcClientError(`SDDC ${sddc.id} (${sddc.name}) is not an NSX-T SDDC`);
  return sddc.resource_config.nsx_api_public_endpoint_url.replace(/\/+$/, '');
}

/** The SDDC connection's ENIs (with their IPs), then any the linked-vpcs answer names that it lacks. */
function crossLinkEnisOf(
  named: readonly string[],
  infos: readonly { eni_id: string; primary_ip_address?: string | undefined }[],
): ConnectedVpc['crossLinkEnis'] {
  const out = infos.map((e) => ({ eniId: e.eni_id, ...(e.primary_ip_address !== undefined ? { privateIp: e.primary_ip_address } : {}) }));
  for (const eniId of named) if (!out.some((e) => e.eniId === eniId)) out.push({ eniId });
  return out;
}

export async function discoverConnectedVpc(vmc: VmcApi, nsx: NsxClient, orgId: string, sddcId: string): Promise<ConnectedVpc> {
  const [linked] = await nsx.listLinkedVpcs();
  if (!linked) throw new VmcClientError(`SDDC ${sddcId} has no connected (linked) VPC in ${nsx.cloudServiceBase}/infra/linked-vpcs`);
  const activeEni = activeEniOf(linked);
  if (!activeEni)
    throw new VmcClientError(
      `linked VPC ${linked.linked_vpc_id} names no active ENI (neither active_eni nor traffic_group_eni_mappings[0].eni)`,
    );
  const connection = (await vmc.listSddcConnections(orgId, sddcId)).find((c) => c.vpc_id === linked.linked_vpc_id);
  const managed =
    linked.route_table_ids.length > 0 ? linked.route_table_ids : connection?.default_route_table ? [connection.default_route_table] : [];
  return {
    vpcId: linked.linked_vpc_id,
    cidrs: linked.linked_vpc_addresses,
    subnets: linked.linked_vpc_subnets.map((s) => ({
      id: s.id,
      cidr: s.cidr,
      ...(s.availability_zone !== undefined ? { availabilityZone: s.availability_zone } : {}),
    })),
    activeEni,
    activeEniSource: linked.active_eni !== undefined ? 'active_eni' : 'traffic_group_eni_mappings',
    crossLinkEnis: crossLinkEnisOf(namedCrossLinkEnis(linked), connection?.customer_eni_infos ?? []),
    managedRouteTableIds: managed,
    ...(connection?.subnet_id !== undefined ? { connectedSubnetId: connection.subnet_id } : {}),
  };
}
