// DFW security policies (domain `cgw`) and their rules through the client against the mock: a policy
// created without rules, single rules written and read back inline, the paged list, 412 on a stale PUT,
// the default section's protection, no whole-policy write, and the engine's verdict changing at once.
import { defaultSecurityGroup, runInstances, settleInstances } from '../../../world';
import { evaluate } from '../../../network';
import { VmcApiError, VmcClientError } from '../errors';
import { callsTo, cjVm, useVmcMock, type Bed } from '../../test-support/vmc-bed';
import type { DfwRuleBody } from './bodies';

const bed = useVmcMock();
const connect = async (b: Bed) => (await b.client().connect()).nsx;
const drop = (seq: number): DfwRuleBody => ({
  display_name: `d${seq}`,
  sequence_number: seq,
  source_groups: ['ANY'],
  destination_groups: ['ANY'],
  services: ['ANY'],
  action: 'DROP',
});

test('a new SDDC has the default section with its default rule ALLOW', async () => {
  const nsx = await connect(bed());
  const [p] = await nsx.listSecurityPoliciesWithRules();
  expect([p?.id, p?.category, p?.is_default, p?.rules.map((r) => [r.id, r.action, r.is_default])]).toEqual([
    'default-layer3-section',
    'Application',
    true,
    [['default-layer3-rule', 'ALLOW', true]],
  ]);
});

test('a policy PATCHed without rules, then single rules: the policy GET has them inline by sequence number', async () => {
  const nsx = await connect(bed());
  await nsx.securityPolicies.patch('vmc-reach-run', { display_name: 'vmc-reach', category: 'Emergency', sequence_number: 5 });
  await nsx.dfwRules('vmc-reach-run').patch('b', drop(20));
  await nsx.dfwRules('vmc-reach-run').patch('a', drop(10));
  const p = await nsx.securityPolicies.get('vmc-reach-run');
  expect([p.category, p.rules.map((r) => [r.id, r.path])]).toEqual([
    'Emergency',
    [
      ['a', '/infra/domains/cgw/security-policies/vmc-reach-run/rules/a'],
      ['b', '/infra/domains/cgw/security-policies/vmc-reach-run/rules/b'],
    ],
  ]);
});

test('JUMP_TO_APPLICATION outside the Environment category is refused (400)', async () => {
  const nsx = await connect(bed());
  await nsx.securityPolicies.patch('p', { category: 'Application' });
  await expect(nsx.dfwRules('p').patch('j', { ...drop(1), action: 'JUMP_TO_APPLICATION' })).rejects.toMatchObject({ status: 400 });
});

test('the rules list pages', async () => {
  const nsx = await connect(bed());
  await nsx.securityPolicies.patch('p', {});
  for (const seq of [3, 1, 2]) await nsx.dfwRules('p').patch(`r${seq}`, drop(seq));
  expect((await nsx.dfwRules('p').list(2)).map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
});

test('a PUT of a rule at a stale _revision is answered 412', async () => {
  const nsx = await connect(bed());
  await nsx.securityPolicies.patch('p', {});
  await nsx.dfwRules('p').patch('r', drop(1));
  await nsx.dfwRules('p').patch('r', drop(2));
  const err = await nsx
    .request('PUT', '/infra/domains/cgw/security-policies/p/rules/r', { ...drop(3), _revision: 0 })
    .catch((e: unknown) => e);
  expect([err instanceof VmcApiError, (err as VmcApiError).status]).toEqual([true, 412]);
});

test('the default section and its default rule cannot be deleted (403); its action can be changed and back', async () => {
  const b = bed();
  const nsx = await connect(b);
  await expect(nsx.securityPolicies.delete('default-layer3-section')).rejects.toMatchObject({ status: 403 });
  await expect(nsx.dfwRules('default-layer3-section').delete('default-layer3-rule')).rejects.toMatchObject({ status: 403 });
  await nsx.dfwRules('default-layer3-section').patch('default-layer3-rule', { action: 'DROP' });
  expect(b.world.nsx.dfwPolicies!.get('default-layer3-section')!.rules.get('default-layer3-rule')!.action).toBe('DROP');
});

test('the client never writes a whole security policy with its rules: refused before it is sent', async () => {
  const b = bed();
  const nsx = await connect(b);
  const before = callsTo(b, 'nsx').length;
  await expect(nsx.request('PUT', '/infra/domains/cgw/security-policies/default-layer3-section', { rules: [] })).rejects.toThrow(
    VmcClientError,
  );
  await expect(nsx.request('PATCH', '/infra/domains/cgw/security-policies/x', { rules: [] })).rejects.toThrow(/replaces all its rules/);
  expect(callsTo(b, 'nsx').length).toBe(before);
});

test('a DFW rule changes the engine’s verdict at once, and its DELETE restores it', async () => {
  const b = bed();
  const nsx = await connect(b);
  await nsx.segments.patch('cj-seg', { subnets: [{ gateway_address: '192.168.100.1/24' }] });
  await nsx.rules.patch('out', {
    sequence_number: 1,
    source_groups: ['ANY'],
    destination_groups: ['ANY'],
    services: ['ANY'],
    scope: ['/infra/labels/cgw-cross-vpc'],
    action: 'ALLOW',
    direction: 'OUT',
  });
  const inst = runInstances(b.world, {
    imageId: 'ami-0a1b2c3d4e5f60718',
    subnetId: b.subnetId,
    securityGroupIds: [defaultSecurityGroup(b.world, b.vpcId).groupId],
  });
  settleInstances(b.world);
  const flow = {
    source: { kind: 'vm' as const, externalId: cjVm.externalId },
    destination: { kind: 'instance' as const, instanceId: inst.instanceId },
  };
  const before = evaluate(b.world, flow).blockedBy?.code ?? null;
  await nsx.securityPolicies.patch('p', {});
  await nsx.dfwRules('p').patch('r', drop(1));
  const blocked = evaluate(b.world, flow).blockedBy?.code;
  await nsx.dfwRules('p').delete('r');
  expect([blocked, evaluate(b.world, flow).blockedBy?.code ?? null]).toEqual(['DFW_RULE_DROP', before]);
});
