// Group expressions: every documented type converts to the world and back; unknown or malformed ones are
// kept as they came (UnknownExpression), with a warning, instead of refusing the group.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expressionFromJson, expressionJson, groupFromJson, groupJson, groupJsonSchema } from './groups';

const real = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'real', 'nsx', `${name}.json`), 'utf8'));

describe('NSX group shapes', () => {
  it.each(['doc-ip-address-expression', 'doc-mac-address-expression', 'doc-path-expression', 'doc-external-id-expression'])(
    '%s converts and back',
    (name) => {
      const json = real(name);
      const { id: _id, ...withoutId } = json;
      expect(expressionJson(expressionFromJson(json))).toEqual(withoutId);
    },
  );

  it('the VMC capture of a group (salt-ext-modules-vmware) reads and writes back its expression', () => {
    const g = groupFromJson(groupJsonSchema.parse(real('salt-cgw-group-condition-osname')));
    expect(g).toMatchObject({
      id: 'security_group_id',
      domain: 'cgw',
      path: '/infra/domains/cgw/groups/TEST_GROUP',
      expression: [{ resourceType: 'Condition', key: 'OSName', value: 'Centos' }],
    });
    expect(groupJson(g).expression).toEqual([
      { member_type: 'VirtualMachine', key: 'OSName', operator: 'EQUALS', value: 'Centos', resource_type: 'Condition' },
    ]);
  });

  it('an IdentityGroupExpression converts and back', () => {
    const json = { ...real('doc-identity-group-expression'), resource_type: 'IdentityGroupExpression' };
    expect(expressionJson(expressionFromJson(json))).toEqual(json);
  });

  it('an unknown or malformed expression is kept as sent, with a warning', () => {
    const warnings: string[] = [];
    const odd = { resource_type: 'FutureExpression', x: [1] };
    const bad = { resource_type: 'IPAddressExpression', ip_addresses: 'not a list' };
    expect([odd, bad].map((j) => expressionJson(expressionFromJson(j, (m) => warnings.push(m))))).toEqual([odd, bad]);
    expect(warnings).toHaveLength(2);
  });
});
