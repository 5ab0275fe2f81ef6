// The DFW security policies by raw HTTP: the whole-policy PUT replaces the policy's rules (NSX does;
// the harness's client never sends one), `_revision` on PUT, a PATCH with rules merges, the list's
// `rule_count` without rules, paging, JUMP_TO_APPLICATION accepted, and the default section protected.
import { getDfwPolicy, patchDfwPolicy } from '../../../src/world';
import { useRawVmcMock } from '../../test-support/vmc';

const mock = useRawVmcMock();
const policies = '/policy/api/v1/infra/domains/cgw/security-policies';

test('a PUT of a policy with rules replaces ALL its rules and answers the policy with them', async () => {
  const m = mock();
  patchDfwPolicy(m.world, 'p', { rules: [{ id: 'someone-elses', action: 'DROP' }] });
  const res = await m.nsx('PUT', `${policies}/p`, {
    category: 'Application',
    _revision: 0,
    rules: [{ id: 'only-this', action: 'ALLOW', sequence_number: 1 }],
  });
  const body = (await res.json()) as { rules: { id: string }[]; _revision: number };
  expect([res.status, body.rules.map((r) => r.id), body._revision, [...getDfwPolicy(m.world, 'p').rules.keys()]]).toEqual([
    200,
    ['only-this'],
    1,
    ['only-this'],
  ]);
});

test('a PUT of a policy at a stale _revision is 412 and changes nothing', async () => {
  const m = mock();
  patchDfwPolicy(m.world, 'p', { rules: [{ id: 'kept' }] });
  patchDfwPolicy(m.world, 'p', { description: 'again' });
  const res = await m.nsx('PUT', `${policies}/p`, { _revision: 0, rules: [] });
  expect([res.status, [...getDfwPolicy(m.world, 'p').rules.keys()]]).toEqual([412, ['kept']]);
});

test('a PATCH of a policy with rules merges them; the others stay', async () => {
  const m = mock();
  patchDfwPolicy(m.world, 'p', { rules: [{ id: 'a' }] });
  const res = await m.nsx('PATCH', `${policies}/p`, { rules: [{ id: 'b', action: 'DROP' }] });
  expect([res.status, await res.text(), [...getDfwPolicy(m.world, 'p').rules.keys()]]).toEqual([200, '', ['a', 'b']]);
});

test('the list gives each policy its rule_count without the rules, and pages', async () => {
  const m = mock();
  patchDfwPolicy(m.world, 'p', { category: 'Emergency', rules: [{ id: 'a' }, { id: 'b' }] });
  const first = (await (await m.nsx('GET', `${policies}?page_size=1`)).json()) as { results: Record<string, unknown>[]; cursor?: string };
  expect([first.results.map((p) => [p.id, p.rule_count, 'rules' in p]), typeof first.cursor]).toEqual([[['p', 2, false]], 'string']);
});

test('JUMP_TO_APPLICATION is accepted in the Environment category', async () => {
  const m = mock();
  await m.nsx('PATCH', `${policies}/env`, { category: 'Environment' });
  const res = await m.nsx('PATCH', `${policies}/env/rules/j`, { action: 'JUMP_TO_APPLICATION' });
  expect([res.status, getDfwPolicy(m.world, 'env').rules.get('j')?.action]).toEqual([200, 'JUMP_TO_APPLICATION']);
});

test('the default section and its default rule refuse DELETE (403)', async () => {
  const m = mock();
  const a = await m.nsx('DELETE', `${policies}/default-layer3-section`);
  const b = await m.nsx('DELETE', `${policies}/default-layer3-section/rules/default-layer3-rule`);
  expect([a.status, b.status]).toEqual([403, 403]);
});
