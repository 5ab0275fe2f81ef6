// What `vmc-reach mock serve` prints about the VMware side: the CSP API token the mock accepts, the org
// and SDDC ids, and the CSP, VMC and NSX base URLs on the served origin, plus the environment the
// VMC client reads (src/clients/vmc/env.ts), so another process can point at the mock.
import type { MockContext } from '../mock-context';
import { vmwareState } from './state';

export function describeVmcEndpoints(ctx: MockContext, baseUrl: string): string[] {
  const base = baseUrl.replace(/\/+$/, '');
  const token = [...vmwareState(ctx).csp.apiTokens][0] ?? '';
  const sddc = ctx.world.nsx.sddc;
  const lines = [`VMware CSP API token (accepted by the mock): ${token}`, `CSP:   ${base}/csp/gateway/am/api/auth/api-tokens/authorize`];
  if (!sddc) return [...lines, 'VMC:   (the mock world has no SDDC: no org or SDDC to show)'];
  const proxy = `${base}${new URL(sddc.nsxApiPublicEndpointUrl).pathname}`;
  return [
    ...lines,
    `Org id: ${sddc.orgId}   SDDC id: ${sddc.id} (${sddc.name})`,
    `VMC:   ${base}/vmc/api/orgs/${sddc.orgId}/sddcs/${sddc.id}`,
    `NSX policy:        ${proxy}/policy/api/v1`,
    `NSX cloud-service: ${proxy.replace(/\/sks-nsxt-manager$/, '')}/cloud-service/api/v1`,
    `export VMC_CSP_URL=${base} VMC_URL=${base} VMC_ORG_ID=${sddc.orgId} VMC_SDDC_ID=${sddc.id} VMC_API_TOKEN=${token}`,
  ];
}
