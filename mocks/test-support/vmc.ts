// Set-up for the VMware mock's own tests (test code only): a fresh world with an SDDC per test, the
// mock in-process (one MSW server per file, ./msw.ts), a valid access token, and raw fetch helpers for
// the CSP, VMC and NSX bases, for what a client must not or cannot do (whole-policy writes, unknown paths).
import { newWorldWithSddc } from '../../src/world/test-support';
import { FaultPlan } from '../faults';
import { createMockContext, type MockContext, type MockContextOptions } from '../mock-context';
import { vmcHandlers } from '../vmc/handlers';
import { defaultMockApiToken } from '../vmc/csp/tokens';
import { useMockServer } from './msw';

export const cspUrl = 'https://console.cloud.vmware.com';
export const vmcUrl = 'https://vmc.vmware.com';

export interface RawMock {
  ctx: MockContext;
  world: MockContext['world'];
  orgId: string;
  sddcId: string;
  /** `{proxy}` = the SDDC's nsx_api_public_endpoint_url. */
  proxy: string;
  token(): Promise<string>;
  /** fetch `{proxy}{path}` with a valid token (unless `headers` says otherwise) and a JSON body. */
  nsx(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  vmc(method: string, path: string, headers?: Record<string, string>): Promise<Response>;
}

function build(options: MockContextOptions): RawMock {
  const { world } = newWorldWithSddc();
  const ctx = createMockContext(world, new FaultPlan(), options);
  const sddc = world.nsx.sddc!;
  let cached: string | undefined;
  const token = async (): Promise<string> => {
    if (cached) return cached;
    const res = await fetch(`${cspUrl}/csp/gateway/am/api/auth/api-tokens/authorize`, {
      method: 'POST',
      body: new URLSearchParams({ api_token: defaultMockApiToken }),
    });
    cached = ((await res.json()) as { access_token: string }).access_token;
    return cached;
  };
  const send = async (url: string, method: string, body: unknown, headers: Record<string, string>): Promise<Response> =>
    fetch(url, {
      method,
      headers: { 'csp-auth-token': await token(), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  return {
    ctx,
    world,
    orgId: sddc.orgId,
    sddcId: sddc.id,
    proxy: sddc.nsxApiPublicEndpointUrl,
    token,
    nsx: (method, path, body, headers = {}) => send(`${sddc.nsxApiPublicEndpointUrl}${path}`, method, body, headers),
    vmc: (method, path, headers = {}) => send(`${vmcUrl}/vmc/api${path}`, method, undefined, headers),
  };
}

/** The mock in-process for the test file; `mock()` gives the calling test a fresh world and context. */
export function useRawVmcMock(): (options?: MockContextOptions) => RawMock {
  const useContext = useMockServer(vmcHandlers);
  return (options = {}) => {
    const m = build(options);
    useContext(m.ctx);
    return m;
  };
}
