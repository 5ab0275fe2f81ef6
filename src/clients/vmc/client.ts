// The VMC client the harness uses, the same in mock and live modes (only the base URLs and the token
// differ): CSP token exchange and refresh, the VMC API, and, after discovery, the SDDC's NSX API.
//
//   const vmc = createVmcClient({ apiToken, orgId, sddcId });           // live defaults
//   const { discovery, nsx } = await vmc.connect();
//   await nsx.segments.patch('e2e-seg', { subnets: [{ gateway_address: '10.77.1.1/24' }] });
import { CspAuth } from './csp-auth';
import { discoverConnectedVpc, proxyUrlOf, type VmcDiscovery } from './discovery';
import { NsxClient, nsxBases } from './nsx/nsx-client';
import { Secret } from './redact';
import { Session } from './session';
import { SecretSet, Transport, type TransportOptions } from './transport';
import { VmcApi } from './vmc-api';
import { VmcClientError } from './errors';

export const defaultCspUrl = 'https://console.cloud.vmware.com';
export const defaultVmcUrl = 'https://vmc.vmware.com';

export interface VmcClientOptions extends TransportOptions {
  /** The CSP API token (from the environment or a file, never argv). */
  apiToken: string | Secret;
  orgId: string;
  sddcId: string;
  cspUrl?: string;
  vmcUrl?: string;
  /** Exchange the token again this long before it expires (default 2 minutes). */
  refreshMarginMs?: number;
  /** Mock mode: only the default hosts (answered in-process) or a loopback URL (the served mock) are accepted. */
  mock?: boolean;
}

/** Mock mode's guard: a base URL must be the default host (the embedded mock intercepts it) or loopback. */
function mockBase(name: string, url: string | undefined, fallback: string): string {
  const value = url ?? fallback;
  const host = new URL(value).hostname;
  if (value !== fallback && !['127.0.0.1', 'localhost', '[::1]'].includes(host))
    throw new VmcClientError(`mock mode refuses the ${name} ${value}: a mock answers on loopback or in-process, never elsewhere`);
  return value;
}

export interface VmcClient {
  readonly orgId: string;
  readonly sddcId: string;
  readonly vmc: VmcApi;
  readonly auth: CspAuth;
  /** An NSX client on a known reverse-proxy URL (no discovery). */
  nsxAt(proxyUrl: string): NsxClient;
  /** Discovery (SDDC, proxy URL, connected VPC, active ENI, managed route tables) and the NSX client. */
  connect(): Promise<{ discovery: VmcDiscovery; nsx: NsxClient }>;
}

export function createVmcClient(options: VmcClientOptions): VmcClient {
  const secrets = new SecretSet();
  const transport = new Transport(options, secrets);
  const apiToken = options.apiToken instanceof Secret ? options.apiToken : new Secret(options.apiToken);
  const cspUrl = options.mock ? mockBase('CSP URL', options.cspUrl, defaultCspUrl) : (options.cspUrl ?? defaultCspUrl);
  const vmcUrl = options.mock ? mockBase('VMC URL', options.vmcUrl, defaultVmcUrl) : (options.vmcUrl ?? defaultVmcUrl);
  const auth = new CspAuth(transport, {
    cspUrl,
    apiToken,
    ...(options.refreshMarginMs !== undefined ? { refreshMarginMs: options.refreshMarginMs } : {}),
  });
  const session = new Session(transport, auth);
  const vmc = new VmcApi(session, vmcUrl);
  const nsxAt = (proxyUrl: string): NsxClient => new NsxClient(session, proxyUrl);
  return {
    orgId: options.orgId,
    sddcId: options.sddcId,
    vmc,
    auth,
    nsxAt,
    async connect() {
      const sddc = await vmc.getSddc(options.orgId, options.sddcId);
      const proxyUrl = proxyUrlOf(sddc);
      const nsx = nsxAt(proxyUrl);
      const connectedVpc = await discoverConnectedVpc(vmc, nsx, options.orgId, options.sddcId);
      const bases = nsxBases(proxyUrl);
      return {
        discovery: {
          orgId: options.orgId,
          sddc,
          proxyUrl,
          policyBaseUrl: bases.policy,
          cloudServiceBaseUrl: bases.cloudService,
          connectedVpc,
        },
        nsx,
      };
    },
  };
}
