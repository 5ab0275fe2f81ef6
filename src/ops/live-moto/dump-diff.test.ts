// Dumps before/after a run: what the run left is a leak; what moto keeps and AWS does not is moto's
// residue; a terminated instance is neither.
import type { AwsDump } from './describe-dump';
import { diffDumps } from './dump-diff';

const dump = (o: {
  instances?: object[];
  enis?: object[];
  acls?: object[];
  rules?: object[];
  sgs?: object[];
  subnets?: object[];
  tags?: object[];
}): AwsDump => ({
  files: {
    'describe-instances.json': { Reservations: [{ Instances: o.instances ?? [] }] },
    'describe-network-interfaces.json': { NetworkInterfaces: o.enis ?? [] },
    'describe-network-acls.json': { NetworkAcls: o.acls ?? [] },
    'describe-security-group-rules.json': { SecurityGroupRules: o.rules ?? [] },
    'describe-security-groups.json': { SecurityGroups: o.sgs ?? [{ GroupId: 'sg-default' }] },
    'describe-subnets.json': { Subnets: o.subnets ?? [] },
    'describe-tags.json': { Tags: o.tags ?? [] },
  },
});

test('a running instance the run launched is a leak; a terminated one is not', () => {
  const after = dump({
    instances: [
      { InstanceId: 'i-1', State: { Name: 'running' } },
      { InstanceId: 'i-2', State: { Name: 'terminated' } },
    ],
  });
  expect(diffDumps(dump({}), after)).toEqual([{ kind: 'leak', resource: 'instance i-1', why: 'left running' }]);
});

test('the primary ENI of a terminated instance is moto residue', () => {
  const after = dump({
    instances: [{ InstanceId: 'i-2', State: { Name: 'terminated' } }],
    enis: [{ NetworkInterfaceId: 'eni-1', Attachment: { InstanceId: 'i-2', DeviceIndex: 0 } }],
  });
  expect(diffDumps(dump({}), after)).toEqual([expect.objectContaining({ kind: 'moto-residue', resource: 'ENI eni-1' })]);
});

test('a deleted subnet still on the default ACL is moto residue, an ACL entry added is a leak', () => {
  const before = dump({ acls: [{ NetworkAclId: 'acl-1', Entries: [], Associations: [] }] });
  const after = dump({ acls: [{ NetworkAclId: 'acl-1', Entries: [{ RuleNumber: 1 }], Associations: [{ SubnetId: 'subnet-gone' }] }] });
  expect(
    diffDumps(before, after)
      .map((f) => f.kind)
      .sort(),
  ).toEqual(['leak', 'moto-residue']);
});

test('a rule left on a foreign group is a leak', () => {
  expect(diffDumps(dump({}), dump({ rules: [{ SecurityGroupRuleId: 'sgr-1', GroupId: 'sg-default' }] }))).toEqual([
    expect.objectContaining({ kind: 'leak', resource: 'security group rule sgr-1' }),
  ]);
});
