// Groups in domain cgw through the client against the mock: every expression type round-trips, PUT
// with `_revision` and 412, DELETE refused while a rule refers to the group, domains VMC has not.
import { patchCgwRule } from '../../../world';
import { cjVm, useVmcMock, type Bed } from '../../test-support/vmc-bed';
import type { GroupExpressionJson } from './bodies';

const bed = useVmcMock();
const connect = async (b: Bed) => (await b.client().connect()).nsx;
const byName: GroupExpressionJson = {
  resource_type: 'Condition',
  member_type: 'VirtualMachine',
  key: 'Name',
  operator: 'EQUALS',
  value: cjVm.name,
};
const or: GroupExpressionJson = { resource_type: 'ConjunctionOperator', conjunction_operator: 'OR' };

test('PATCH creates group CJ-VM (VM name condition) and reads it back', async () => {
  const nsx = await connect(bed());
  await expect(nsx.groups.patch('cj-vm', { display_name: 'CJ-VM', expression: [byName] })).resolves.toMatchObject({
    id: 'cj-vm',
    path: '/infra/domains/cgw/groups/cj-vm',
    display_name: 'CJ-VM',
    expression: [byName],
    _revision: 0,
  });
});

test('every expression type of the reference round-trips', async () => {
  const b = bed();
  const nsx = await connect(b);
  await nsx.groups.patch('inner', { expression: [{ resource_type: 'IPAddressExpression', ip_addresses: ['10.0.0.1'] }] });
  const expression: GroupExpressionJson[] = [
    { resource_type: 'IPAddressExpression', ip_addresses: ['192.168.100.10', '10.1.0.0/16', '10.2.1.1-10.2.1.9'] },
    or,
    {
      resource_type: 'Condition',
      member_type: 'VirtualMachine',
      key: 'Tag',
      operator: 'EQUALS',
      value: 'web|tier',
      scope_operator: 'EQUALS',
    },
    or,
    { resource_type: 'PathExpression', paths: ['/infra/domains/cgw/groups/inner'] },
    or,
    { resource_type: 'ExternalIDExpression', member_type: 'VirtualMachine', external_ids: [cjVm.externalId] },
    or,
    { resource_type: 'MACAddressExpression', mac_addresses: ['00:50:56:aa:bb:cc'] },
    or,
    {
      resource_type: 'NestedExpression',
      expressions: [
        byName,
        { resource_type: 'ConjunctionOperator', conjunction_operator: 'AND' },
        { ...byName, key: 'OSName', operator: 'CONTAINS', value: 'Ubuntu' },
      ],
    },
  ];
  expect((await nsx.groups.patch('all-kinds', { expression })).expression).toEqual(expression);
});

test('an expression field NSX does not take is a 400 naming it', async () => {
  const nsx = await connect(bed());
  await expect(
    nsx.groups.patch('g', {
      expression: [{ resource_type: 'IPAddressExpression', ip_addresses: ['10.0.0.1'], ips: [] } as unknown as GroupExpressionJson],
    }),
  ).rejects.toMatchObject({
    status: 400,
    code: 255,
    serviceMessage: expect.stringContaining('ips'),
  });
});

test('PUT replaces at the current revision; a 412 is retried after reading again', async () => {
  const b = bed();
  const nsx = await connect(b);
  await nsx.groups.patch('cj-vm', { display_name: 'CJ-VM', expression: [byName] });
  b.ctx.faults.add({ service: 'nsx', operation: 'PUT group', fault: 'stale-revision' });
  await expect(
    nsx.groups.put('cj-vm', { display_name: 'CJ-VM', expression: [{ resource_type: 'IPAddressExpression', ip_addresses: [cjVm.ip] }] }),
  ).resolves.toMatchObject({ _revision: 1 });
});

test('list and delete', async () => {
  const nsx = await connect(bed());
  await nsx.groups.patch('a', { expression: [byName] });
  await nsx.groups.patch('b', { expression: [byName] });
  expect((await nsx.groups.list(1)).map((g) => g.id)).toEqual(['a', 'b']);
  await expect(nsx.groups.delete('a')).resolves.toBe(true);
  expect((await nsx.groups.list()).map((g) => g.id)).toEqual(['b']);
});

test('DELETE of a group a CGW rule refers to is refused (500030)', async () => {
  const b = bed();
  const nsx = await connect(b);
  const g = await nsx.groups.patch('cj-vm', { expression: [byName] });
  patchCgwRule(b.world, 'in', { destinationGroups: [g.path], scope: ['/infra/labels/cgw-cross-vpc'] });
  await expect(nsx.groups.delete('cj-vm')).rejects.toMatchObject({
    status: 400,
    code: 500030,
    serviceMessage: expect.stringContaining('referenced by rule'),
  });
});

test('domain default is refused as VMC refuses it (401 after one re-exchange); mgw is not modelled (501)', async () => {
  const b = bed();
  const nsx = await connect(b);
  await expect(nsx.request('GET', '/infra/domains/default/groups')).rejects.toMatchObject({
    status: 401,
    serviceMessage: expect.stringContaining('VMC has the domains cgw and mgw'),
  });
  await expect(nsx.request('GET', '/infra/domains/mgw/groups')).rejects.toMatchObject({ status: 501 });
});
