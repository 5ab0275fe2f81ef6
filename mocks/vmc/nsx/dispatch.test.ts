// The NSX dispatcher's wire behaviour, by raw HTTP: PATCH's empty 200, the whole-policy write that
// replaces every rule (as NSX does; the harness's client never sends one), `_revision` on the policy,
// paging errors, unknown paths and methods as loud NSX errors, and the token and SDDC checks.
import { patchCgwRule } from '../../../src/world';
import { useRawVmcMock } from '../../test-support/vmc';

const mock = useRawVmcMock();
const policy = '/policy/api/v1/infra/domains/cgw/gateway-policies/default';
const rule = {
  source_groups: ['ANY'],
  destination_groups: ['ANY'],
  services: ['ANY'],
  scope: ['/infra/labels/cgw-cross-vpc'],
  action: 'ALLOW',
};
const worldRule = { scope: ['/infra/labels/cgw-cross-vpc'], action: 'ALLOW' as const };

test('PATCH answers 200 with an empty body', async () => {
  const res = await mock().nsx('PATCH', '/policy/api/v1/infra/tier-1s/cgw/segments/s1', { subnets: [{ gateway_address: '10.77.1.1/24' }] });
  expect([res.status, await res.text()]).toEqual([200, '']);
});

test('DELETE answers 200 with an empty body', async () => {
  const m = mock();
  await m.nsx('PATCH', '/policy/api/v1/infra/tier-1s/cgw/segments/s1', { subnets: [{ gateway_address: '10.77.1.1/24' }] });
  const res = await m.nsx('DELETE', '/policy/api/v1/infra/tier-1s/cgw/segments/s1');
  expect([res.status, await res.text()]).toEqual([200, '']);
});

test('a PATCH of the whole policy with rules replaces ALL rules, as NSX does', async () => {
  const m = mock();
  patchCgwRule(m.world, 'default-uplink-rule', { action: 'DROP', scope: ['/infra/labels/cgw-all'], isDefault: true });
  patchCgwRule(m.world, 'someone-elses', worldRule);
  const res = await m.nsx('PATCH', policy, { rules: [{ id: 'only-this', ...rule, sequence_number: 1 }] });
  expect(res.status).toBe(200);
  expect([...m.world.nsx.cgwRules.keys()]).toEqual(['only-this']);
});

test('a PATCH of the policy without rules leaves the rules alone', async () => {
  const m = mock();
  patchCgwRule(m.world, 'kept', worldRule);
  await m.nsx('PATCH', policy, { description: 'touched' });
  expect([...m.world.nsx.cgwRules.keys()]).toEqual(['kept']);
});

test('a PUT of the policy needs its current _revision (412 otherwise)', async () => {
  const m = mock();
  const stale = await m.nsx('PUT', policy, { rules: [], _revision: 7 });
  expect([stale.status, await stale.json()]).toEqual([
    412,
    {
      httpStatus: 'PRECONDITION_FAILED',
      error_code: 604,
      module_name: 'Policy',
      error_message: expect.stringContaining('revision 7, current 0'),
      related_errors: [],
    },
  ]);
  const current = ((await (await m.nsx('GET', policy)).json()) as { _revision: number })._revision;
  expect((await m.nsx('PUT', policy, { rules: [], _revision: current })).status).toBe(200);
});

test('a bad cursor or page_size is a 400', async () => {
  const m = mock();
  expect((await m.nsx('GET', '/policy/api/v1/infra/labels?cursor=garbage')).status).toBe(400);
  expect((await m.nsx('GET', '/policy/api/v1/infra/labels?page_size=0')).status).toBe(400);
});

test('sort_by and sort_ascending order a list and are echoed', async () => {
  const body = (await (
    await mock().nsx('GET', '/policy/api/v1/infra/labels?sort_by=id&sort_ascending=false&page_size=2')
  ).json()) as Record<string, unknown>;
  expect(body).toMatchObject({
    result_count: 6,
    sort_by: 'id',
    sort_ascending: false,
    results: [{ id: 'mgw' }, { id: 'cgw-vpn' }],
    cursor: expect.any(String),
  });
});

test('a path the Policy API tables do not know is a 501 naming method and path', async () => {
  const res = await mock().nsx('GET', '/policy/api/v1/infra/tier-1s/cgw/nat/USER/nat-rules');
  expect(res.status).toBe(501);
  expect(await res.json()).toMatchObject({
    httpStatus: 'NOT_IMPLEMENTED',
    error_message: expect.stringContaining('GET /sks-nsxt-manager/policy/api/v1/infra/tier-1s/cgw/nat/USER/nat-rules'),
  });
});

test('a method the mock does not implement on a known path is a 501 saying what it answers', async () => {
  const res = await mock().nsx('POST', '/policy/api/v1/infra/services/ICMP-ALL', {});
  expect([res.status, ((await res.json()) as { error_message: string }).error_message]).toEqual([
    501,
    expect.stringContaining('(it answers GET there)'),
  ]);
});

test('a path outside the API bases is a 404', async () => {
  const res = await mock().nsx('GET', '/api/v1/logical-switches');
  expect([res.status, ((await res.json()) as { error_code: number }).error_code]).toEqual([404, 500090]);
});

test('the cloud-service API answers under the proxy URL with and without /sks-nsxt-manager', async () => {
  const m = mock();
  expect((await m.nsx('GET', '/cloud-service/api/v1/infra/linked-vpcs')).status).toBe(200);
  const stripped = m.proxy.replace(/\/sks-nsxt-manager$/, '');
  const res = await fetch(`${stripped}/cloud-service/api/v1/infra/linked-vpcs`, { headers: { 'csp-auth-token': await m.token() } });
  expect(res.status).toBe(200);
});

test('a body field NSX would not take is a 400 naming it', async () => {
  const res = await mock().nsx('PATCH', '/policy/api/v1/infra/domains/cgw/gateway-policies/default/rules/r', { ...rule, acton: 'DROP' });
  expect([res.status, ((await res.json()) as { error_message: string }).error_message]).toEqual([400, expect.stringContaining('acton')]);
});

test('a malformed inline service entry is refused (400) naming it, not silently dropped', async () => {
  const res = await mock().nsx('PATCH', '/policy/api/v1/infra/domains/cgw/gateway-policies/default/rules/r', {
    ...rule,
    service_entries: [{ resource_type: 'L4PortSetServiceEntry' }],
  });
  expect([res.status, ((await res.json()) as { error_message: string }).error_message]).toEqual([
    400,
    expect.stringContaining('l4_protocol'),
  ]);
});

test('without a csp-auth-token, or with an expired one, the answer is 401', async () => {
  const m = mock();
  expect((await fetch(`${m.proxy}/policy/api/v1/infra/labels`)).status).toBe(401);
  await m.token();
  m.ctx.vmware!.csp.expireAll();
  const res = await m.nsx('GET', '/policy/api/v1/infra/labels');
  expect([res.status, ((await res.json()) as { error_message: string }).error_message]).toEqual([
    401,
    expect.stringContaining('has expired'),
  ]);
});

test('an org or SDDC id the proxy does not know is a 503, as VMC answers', async () => {
  const m = mock();
  const res = await fetch(m.proxy.replace(m.sddcId, 'other-sddc') + '/policy/api/v1/infra/labels', {
    headers: { 'csp-auth-token': await m.token() },
  });
  expect(res.status).toBe(503);
});

test('a realized-state filter the mock does not apply is a 501, not an unfiltered list', async () => {
  const res = await mock().nsx(
    'GET',
    '/policy/api/v1/infra/realized-state/enforcement-points/vmc-enforcementpoint/virtual-machines?query=display_name:CJ*',
  );
  expect(res.status).toBe(501);
});

test('every call is in the fault plan’s call log under its operation name', async () => {
  const m = mock();
  await m.nsx('GET', '/policy/api/v1/infra/tier-1s/cgw/segments');
  await m.nsx('GET', '/cloud-service/api/v1/infra/linked-vpcs');
  expect(m.ctx.faults.calls.map((c) => `${c.service} ${c.operation}`)).toEqual([
    'csp POST authorize',
    'nsx GET segments',
    'nsx GET linked-vpcs',
  ]);
});
