// The mock's NSX bodies round-trip through the snapshot reader: groups with every expression type (the
// NSX documentation's examples and a VMC capture) and a rule with inline service_entries and a context
// profile are written through the Policy API, read back with GET, put into a snapshot as its
// nsx/groups.json and nsx/cgw-rules.json, and loaded into the same groups and rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotFiles } from '../../../src/snapshot/write-snapshot';
import { worldFromSnapshotFiles } from '../../../src/snapshot/load-snapshot';
import { useRawVmcMock } from '../../test-support/vmc';

const mock = useRawVmcMock();
const real = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'real', 'nsx', `${name}.json`), 'utf8'));
const groups = '/policy/api/v1/infra/domains/cgw/groups';
const rules = '/policy/api/v1/infra/domains/cgw/gateway-policies/default/rules';
const or = { resource_type: 'ConjunctionOperator', conjunction_operator: 'OR' };
const and = { resource_type: 'ConjunctionOperator', conjunction_operator: 'AND' };

test('groups with every expression type and a rule with service_entries round-trip through the snapshot reader', async () => {
  const m = mock();
  const strip = ({ id: _id, ...e }: Record<string, unknown>) => e;
  const salt = real('salt-cgw-group-condition-osname').expression[0];
  const vm = { externalId: '501f2c4a-8d3e-4b7a-9c61-3f0e5d2a7b19' };
  expect(
    (
      await m.nsx('PATCH', `${groups}/child`, {
        expression: [
          { member_type: salt.member_type, key: salt.key, operator: salt.operator, value: salt.value, resource_type: 'Condition' },
        ],
      })
    ).status,
  ).toBe(200);
  const expression = [
    strip(real('doc-ip-address-expression')),
    or,
    strip(real('doc-mac-address-expression')),
    or,
    { ...strip(real('doc-path-expression')), paths: [`/infra/domains/cgw/groups/child`] },
    or,
    { ...strip(real('doc-external-id-expression')), external_ids: [vm.externalId] },
    or,
    { resource_type: 'ExternalIDExpression', member_type: 'VirtualNetworkInterface', external_ids: [`${vm.externalId}-4000`] },
    or,
    {
      resource_type: 'NestedExpression',
      expressions: [
        {
          resource_type: 'Condition',
          member_type: 'VirtualMachine',
          key: 'Tag',
          operator: 'EQUALS',
          value: 'tier|web',
          scope_operator: 'NOTEQUALS',
        },
        and,
        { resource_type: 'Condition', member_type: 'VirtualMachine', key: 'Name', operator: 'STARTSWITH', value: 'cj' },
      ],
    },
    or,
    { ...real('doc-identity-group-expression'), resource_type: 'IdentityGroupExpression' },
  ];
  expect(
    (
      await m.nsx('PATCH', `${groups}/all-kinds`, {
        display_name: 'all kinds',
        expression,
        extended_expression: [{ ...real('doc-identity-group-expression'), resource_type: 'IdentityGroupExpression' }],
      })
    ).status,
  ).toBe(200);
  const rule = {
    display_name: 'entries',
    sequence_number: 5,
    source_groups: ['ANY'],
    destination_groups: ['/infra/domains/cgw/groups/all-kinds'],
    services: ['/infra/services/FTP'],
    service_entries: [
      { resource_type: 'L4PortSetServiceEntry', l4_protocol: 'TCP', destination_ports: ['8000-8100', '22'], source_ports: ['1024-65535'] },
      { resource_type: 'ICMPTypeServiceEntry', protocol: 'ICMPv4', icmp_type: 8, icmp_code: 0 },
      { resource_type: 'IPProtocolServiceEntry', protocol_number: 47 },
    ],
    profiles: ['/infra/context-profiles/SSL'],
    scope: ['/infra/labels/cgw-cross-vpc'],
    action: 'ALLOW',
  };
  expect((await m.nsx('PATCH', `${rules}/entries`, rule)).status).toBe(200);

  const served = { groups: await (await m.nsx('GET', groups)).json(), rules: await (await m.nsx('GET', rules)).json() };
  const files = new Map(snapshotFiles(m.world, { description: 'mock' }));
  files.set('nsx/groups.json', JSON.stringify(served.groups));
  files.set('nsx/cgw-rules.json', JSON.stringify(served.rules));
  const loaded = worldFromSnapshotFiles(files);
  const cgwGroups = (w: typeof loaded) => [...w.nsx.groups.values()].filter((g) => g.domain === 'cgw');
  expect(cgwGroups(loaded)).toEqual(cgwGroups(m.world));
  expect([...loaded.nsx.cgwRules.values()]).toEqual([...m.world.nsx.cgwRules.values()]);
  expect(
    loaded.nsx.groups
      .get('/infra/domains/cgw/groups/all-kinds')!
      .expression.filter((e) => e.resourceType !== 'ConjunctionOperator')
      .map((e) => e.resourceType),
  ).toEqual([
    'IPAddressExpression',
    'MACAddressExpression',
    'PathExpression',
    'ExternalIDExpression',
    'ExternalIDExpression',
    'NestedExpression',
    'IdentityGroupExpression',
  ]);
  expect(loaded.nsx.cgwRules.get('entries')).toMatchObject({
    serviceEntries: [{ sourcePorts: ['1024-65535'] }, { icmpType: 8 }, { protocolNumber: 47 }],
    profiles: ['/infra/context-profiles/SSL'],
  });
});
