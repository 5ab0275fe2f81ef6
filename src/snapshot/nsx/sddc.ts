// The SDDC record ⇄ vmc/sddc.json (optional; the VMC API's SDDC GET). Regions are VMC-style
// (`AP_NORTHEAST_1`) in the file and AWS-style in the world.
import type { Sddc, World } from '../../world';
import { files } from '../layout';
import { sddcSchema } from '../schemas/sddc';
import type { SnapshotSource } from '../snapshot-source';
import { awsRegion, vmcRegion } from '../derived-values';

export function readSddc(src: SnapshotSource, world: World): void {
  const json = src.readOptional(files.sddc, sddcSchema);
  if (!json) return;
  const rc = json.resource_config;
  const managementCidr = rc.vpc_cidr ?? rc.vpc_info?.vpc_cidr;
  if (managementCidr === undefined)
    src.invalid(files.sddc, 'resource_config.vpc_cidr', undefined, 'is missing: the SDDC management CIDR is needed');
  const sddc: Sddc = {
    id: json.id,
    name: json.name,
    orgId: json.org_id,
    region: awsRegion(rc.region),
    sddcState: json.sddc_state,
    nsxApiPublicEndpointUrl: rc.nsx_api_public_endpoint_url,
    managementCidr,
  };
  world.nsx.sddc = sddc;
}

export function renderSddc(world: World): unknown {
  const s = world.nsx.sddc;
  if (!s) return undefined;
  return {
    id: s.id,
    name: s.name,
    org_id: s.orgId,
    provider: 'AWS',
    sddc_state: s.sddcState,
    resource_config: {
      nsx_api_public_endpoint_url: s.nsxApiPublicEndpointUrl,
      nsxt: true,
      region: vmcRegion(s.region),
      vpc_cidr: s.managementCidr,
    },
  };
}
