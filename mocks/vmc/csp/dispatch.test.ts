// The CSP dispatcher by raw HTTP: the token response, the legacy `refresh_token` field and query
// parameter, CSP's 400 error body, and a loud 501 for the CSP paths it does not implement.
import { useRawVmcMock, cspUrl } from '../../test-support/vmc';
import { defaultMockApiToken } from './tokens';

const mock = useRawVmcMock();
const authorize = `${cspUrl}/csp/gateway/am/api/auth/api-tokens/authorize`;
const post = (body: string, url = authorize) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

test('api_token in the form gives an access token that expires in 1799 s', async () => {
  mock();
  const res = await post(`api_token=${defaultMockApiToken}`);
  expect(await res.json()).toEqual({
    id_token: expect.any(String),
    token_type: 'bearer',
    expires_in: 1799,
    scope: expect.any(String),
    access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    refresh_token: defaultMockApiToken,
  });
});

test('the legacy form field refresh_token is accepted', async () => {
  mock();
  expect((await post(`refresh_token=${defaultMockApiToken}`)).status).toBe(200);
});

test('the deprecated query parameter api_token is accepted', async () => {
  mock();
  expect((await post('', `${authorize}?api_token=${defaultMockApiToken}`)).status).toBe(200);
});

test('a token CSP does not know gets CSP’s 400 error body', async () => {
  mock();
  const res = await post('api_token=wrong');
  expect([res.status, await res.json()]).toEqual([
    400,
    {
      requestId: expect.any(String),
      statusCode: 400,
      errorCode: 'invalid_grant',
      cspErrorCode: 'vmc-reach.invalid_grant',
      moduleCode: 'CSP-IAM',
      message: expect.stringContaining('invalid or expired'),
    },
  ]);
});

test('no token at all is a 400 naming the field', async () => {
  mock();
  const res = await post('');
  expect([res.status, ((await res.json()) as { message: string }).message]).toEqual([
    400,
    expect.stringContaining('api_token is required'),
  ]);
});

test('the access token lifetime follows the mock’s option', async () => {
  mock({ vmware: { csp: { accessTokenTtlSeconds: 60 } } });
  expect(((await (await post(`api_token=${defaultMockApiToken}`)).json()) as { expires_in: number }).expires_in).toBe(60);
});

test('another CSP path (OAuth client credentials) is a loud 501', async () => {
  mock();
  const res = await post('grant_type=client_credentials', `${cspUrl}/csp/gateway/am/api/auth/authorize`);
  expect([res.status, ((await res.json()) as { message: string }).message]).toEqual([
    501,
    expect.stringContaining('does not implement POST /csp/gateway/am/api/auth/authorize'),
  ]);
});
