// The VMC API dispatcher by raw HTTP: 401 with WWW-Authenticate and VMC's error body, a loud 501 for
// paths it does not implement, and the proxy URL on the origin the request came in on.
import { useRawVmcMock } from '../../test-support/vmc';

const mock = useRawVmcMock();

test('no csp-auth-token: 401 with WWW-Authenticate and VMC’s ErrorResponse', async () => {
  const m = mock();
  const res = await fetch(`https://vmc.vmware.com/vmc/api/orgs/${m.orgId}`);
  expect([res.status, res.headers.get('www-authenticate'), await res.json()]).toEqual([
    401,
    'csp-auth-token',
    {
      status: 401,
      path: `/vmc/api/orgs/${m.orgId}`,
      retryable: false,
      error_code: 'unauthenticated',
      error_messages: [expect.stringContaining('no csp-auth-token header')],
    },
  ]);
});

test('a VMC path the mock does not implement is a 501 naming it', async () => {
  const m = mock();
  const res = await m.vmc('GET', `/orgs/${m.orgId}/account-link/connected-accounts`);
  expect([res.status, ((await res.json()) as { error_messages: string[] }).error_messages[0]]).toEqual([
    501,
    expect.stringContaining(`GET /vmc/api/orgs/${m.orgId}/account-link/connected-accounts`),
  ]);
});

test('on the real VMC host the SDDC shows the world’s reverse-proxy URL', async () => {
  const m = mock();
  const sddc = (await (await m.vmc('GET', `/orgs/${m.orgId}/sddcs/${m.sddcId}`)).json()) as {
    resource_config: { nsx_api_public_endpoint_url: string };
  };
  expect(sddc.resource_config.nsx_api_public_endpoint_url).toBe(m.proxy);
});

test('on any other origin the reverse-proxy URL is on that origin, so a client comes back to the mock', async () => {
  const m = mock();
  const res = await fetch(`http://mock.vmc-reach.test:8080/vmc/api/orgs/${m.orgId}/sddcs/${m.sddcId}`, {
    headers: { 'csp-auth-token': await m.token() },
  });
  const sddc = (await res.json()) as { resource_config: { nsx_api_public_endpoint_url: string } };
  expect(sddc.resource_config.nsx_api_public_endpoint_url).toBe(
    `http://mock.vmc-reach.test:8080/vmc/reverse-proxy/api/orgs/${m.orgId}/sddcs/${m.sddcId}/sks-nsxt-manager`,
  );
});

test('sddc-connections filters by ?sddc=', async () => {
  const m = mock();
  const other = (await (await m.vmc('GET', `/orgs/${m.orgId}/account-link/sddc-connections?sddc=other`)).json()) as unknown[];
  const mine = (await (await m.vmc('GET', `/orgs/${m.orgId}/account-link/sddc-connections?sddc=${m.sddcId}`)).json()) as unknown[];
  expect([other.length, mine.length]).toEqual([0, 1]);
});
