// VMC SDDCs, `GET /vmc/api/orgs/{org}/sddcs` and `GET /vmc/api/orgs/{org}/sddcs/{sddc}`: the world's SDDC
// with `resource_config.nsx_api_public_endpoint_url` pointing at the mocked reverse proxy. On the real
// VMC host (`vmc.vmware.com`, in-process) that is the world's own proxy URL (an `…rp.vmwarevmc.com`
// host the NSX handler answers too); on any other origin (the loopback server) it is that origin with
// the proxy's path, so a client follows it back to the same mock.
// Mock notes: `cloud_password` and the NSX admin passwords are never rendered (secrets); `vpc_info` is
// the VMware-owned underlay VPC with a derived id and the management CIDR; `vc_url` and `nsx_mgr_url`
// are well-formed but nothing answers them; `$filter` and `includeDeleted` are not modelled (ignored:
// there is one SDDC).
import { nsxError, type Sddc, type World } from '../../../src/world';
import { vmwareState } from '../state';
import { derivedUuid } from '../ids';
import type { VmcCall, VmcRoute } from './call';
import { requireOrg } from './orgs';
import { isoTime, vmcJson } from './protocol';

/** The reverse-proxy base URL as a client at `requestUrl` must see it. */
export function proxyUrlFor(requestUrl: string, sddc: Sddc): string {
  const req = new URL(requestUrl);
  if (req.hostname === 'vmc.vmware.com') return sddc.nsxApiPublicEndpointUrl;
  return `${req.origin}${new URL(sddc.nsxApiPublicEndpointUrl).pathname}`;
}

/** `us-west-2` → `US_WEST_2`, as VMC spells regions. */
export const vmcRegion = (region: string): string => region.toUpperCase().replace(/-/g, '_');

const underlayVpcId = (sddc: Sddc): string => `vpc-${derivedUuid('underlay', sddc.id).replace(/-/g, '').slice(0, 17)}`;

function connectedSubnetIds(world: World): string[] {
  const l = world.nsx.linkedVpc;
  if (!l) return [];
  return [
    ...new Set(l.crossLinkEniIds.map((id) => world.ec2.networkInterfaces.get(id)?.subnetId).filter((s): s is string => s !== undefined)),
  ];
}

export function renderSddc(call: VmcCall, sddc: Sddc): Record<string, unknown> {
  const world = call.ctx.world;
  const audit = vmwareState(call.ctx).audit.fields(`vmc:/sddcs/${sddc.id}`);
  const subnets = connectedSubnetIds(world);
  const azs = [...new Set(subnets.map((s) => world.ec2.subnets.get(s)?.availabilityZone).filter((a): a is string => a !== undefined))];
  const host = `sddc-${sddc.managementCidr.split('/')[0]!.replace(/\./g, '-')}.vmwarevmc.com`;
  const linked = world.nsx.linkedVpc;
  return {
    id: sddc.id,
    name: sddc.name,
    org_id: sddc.orgId,
    sddc_state: sddc.sddcState,
    provider: 'AWS',
    account_link_state: linked ? 'LINKED' : 'UNLINKED',
    sddc_access_state: 'ENABLED',
    resource_config: {
      sddc_id: sddc.id,
      nsxt: true,
      nsx_api_public_endpoint_url: proxyUrlFor(call.request.url, sddc),
      nsx_mgr_url: `https://nsx.${host}`,
      vc_url: `https://vcenter.${host}/`,
      cloud_username: 'cloudadmin@vmc.local',
      region: vmcRegion(sddc.region),
      availability_zones: azs,
      deployment_type: 'SingleAZ',
      account_link_sddc_config: linked
        ? [{ connected_account_id: derivedUuid('connected-account', linked.linkedAccount), customer_subnet_ids: subnets }]
        : [],
      vpc_info: { id: underlayVpcId(sddc), vpc_cidr: sddc.managementCidr },
    },
    created: isoTime(audit._create_time),
    updated: isoTime(audit._last_modified_time),
    user_id: 'vmc-reach-mock',
    user_name: 'vmc-reach mock',
    version: 1,
  };
}

function requireSddc(world: World, org: string, sddcId: string): Sddc {
  requireOrg(world, org);
  const sddc = world.nsx.sddc;
  if (!sddc || sddc.id !== sddcId) throw nsxError(404, `SDDC ${sddcId} was not found in organization ${org}.`, 404);
  return sddc;
}

export const sddcRoutes: VmcRoute[] = [
  {
    method: 'GET',
    pattern: '/vmc/api/orgs/:org/sddcs',
    operation: 'GET sddcs',
    handle: (call, p) => {
      requireOrg(call.ctx.world, p.org!);
      return vmcJson([renderSddc(call, call.ctx.world.nsx.sddc!)]);
    },
  },
  {
    method: 'GET',
    pattern: '/vmc/api/orgs/:org/sddcs/:sddc',
    operation: 'GET sddc',
    handle: (call, p) => vmcJson(renderSddc(call, requireSddc(call.ctx.world, p.org!, p.sddc!))),
  },
];
