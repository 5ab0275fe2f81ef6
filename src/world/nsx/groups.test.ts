// Unit tests for inventory groups: PATCH, validation of expressions, system groups, DELETE.
import { World } from '../world';
import { expectWorldError } from '../test-support';
import { connectedVpcGroupPath, deleteGroup, ensureSystemGroups, getGroup, groupPath, listGroups, patchGroup, putGroup } from './groups';
import { patchCgwRule } from './gateway-rules';
import type { GroupExpression } from './types';

const vmByName: GroupExpression = {
  resourceType: 'Condition',
  memberType: 'VirtualMachine',
  key: 'Name',
  operator: 'EQUALS',
  value: 'CJ-VM01',
};
const or: GroupExpression = { resourceType: 'ConjunctionOperator', conjunctionOperator: 'OR' };
const ips = (...ipAddresses: string[]): GroupExpression => ({ resourceType: 'IPAddressExpression', ipAddresses });

describe('system groups', () => {
  it('are present in a new world, read-only, under the tier-0', () => {
    const world = new World();
    expect(getGroup(world, connectedVpcGroupPath)).toMatchObject({
      id: 'connected_vpc',
      displayName: 'Connected VPC Prefixes',
      systemOwned: true,
      path: '/infra/tier-0s/vmc/groups/connected_vpc',
    });
    expect(listGroups(world, 'tier-0').map((g) => g.id)).toEqual(['connected_vpc', 's3_prefixes', 'directConnect_prefixes']);
  });

  it('live at the tier-0 path that groupPath gives for domain tier-0', () => {
    expect(groupPath('tier-0', 'connected_vpc')).toBe(connectedVpcGroupPath);
    expect(groupPath('cgw', 'cj-vm')).toBe('/infra/domains/cgw/groups/cj-vm');
  });

  it('connected_vpc cannot be patched (403)', () => {
    const world = new World();
    expectWorldError(world, () => patchGroup(world, 'tier-0', 'connected_vpc', { displayName: 'mine' }), {
      code: '500105',
      message: `Group ${connectedVpcGroupPath} is system owned and cannot be modified.`,
      httpStatus: 403,
    });
  });

  it('no new group can be created under the tier-0 (403)', () => {
    const world = new World();
    expectWorldError(world, () => patchGroup(world, 'tier-0', 'mine', { expression: [] }), {
      code: '500105',
      message: 'Group /infra/tier-0s/vmc/groups/mine is system owned',
      httpStatus: 403,
    });
  });

  it('are put back by ensureSystemGroups when missing', () => {
    const world = new World();
    world.nsx.groups.delete(connectedVpcGroupPath);
    ensureSystemGroups(world);
    expect(getGroup(world, connectedVpcGroupPath).systemOwned).toBe(true);
  });

  it('connected_vpc cannot be deleted (403)', () => {
    const world = new World();
    expectWorldError(world, () => deleteGroup(world, 'tier-0', 'connected_vpc'), {
      code: '500105',
      message: 'system owned',
      httpStatus: 403,
    });
  });
});

describe('patchGroup', () => {
  it('creates a group in the cgw domain', () => {
    const world = new World();
    const g = patchGroup(world, 'cgw', 'cj-vm', { displayName: 'CJ-VM', expression: [vmByName] });
    expect(g).toEqual({
      id: 'cj-vm',
      domain: 'cgw',
      path: '/infra/domains/cgw/groups/cj-vm',
      displayName: 'CJ-VM',
      expression: [vmByName],
      revision: 0,
      tags: [],
      systemOwned: false,
    });
    expect(listGroups(world, 'cgw')).toEqual([g]);
  });

  it('merges an update: the expression is kept when not given, the revision goes up', () => {
    const world = new World();
    patchGroup(world, 'cgw', 'cj-vm', { displayName: 'CJ-VM', expression: [vmByName], description: 'test VM' });
    expect(patchGroup(world, 'cgw', 'cj-vm', { displayName: 'renamed' })).toMatchObject({
      displayName: 'renamed',
      expression: [vmByName],
      description: 'test VM',
      revision: 1,
    });
  });

  it('keeps its own copy of the expression', () => {
    const world = new World();
    const expression = [ips('192.168.100.10')];
    patchGroup(world, 'cgw', 'g', { expression });
    (expression[0] as { ipAddresses: string[] }).ipAddresses.push('10.0.0.1');
    expect(getGroup(world, groupPath('cgw', 'g')).expression).toEqual([ips('192.168.100.10')]);
  });

  it('accepts expressions alternating with ConjunctionOperator, and nested ones', () => {
    const world = new World();
    const expression: GroupExpression[] = [
      vmByName,
      or,
      ips('192.168.100.0/24', '10.1.1.1-10.1.1.9'),
      or,
      { resourceType: 'NestedExpression', expressions: [ips('10.0.0.1')] },
    ];
    expect(patchGroup(world, 'cgw', 'g', { expression }).expression).toEqual(expression);
  });

  it('refuses two expressions without a conjunction between them', () => {
    const world = new World();
    expectWorldError(world, () => patchGroup(world, 'cgw', 'g', { expression: [vmByName, ips('10.0.0.1')] }), {
      code: '500196',
      message: 'group g: expressions must alternate with ConjunctionOperator entries (expression[1] is IPAddressExpression).',
    });
  });

  it('refuses an expression that starts or ends with a conjunction', () => {
    const world = new World();
    expectWorldError(world, () => patchGroup(world, 'cgw', 'g', { expression: [or, vmByName] }), {
      code: '500196',
      message: 'expression[0] is ConjunctionOperator',
    });
    expectWorldError(world, () => patchGroup(world, 'cgw', 'g', { expression: [vmByName, or] }), {
      code: '500196',
      message: 'must not end with a ConjunctionOperator',
    });
  });

  it('refuses a bad IP address', () => {
    const world = new World();
    expectWorldError(world, () => patchGroup(world, 'cgw', 'g', { expression: [ips('192.168.100.300')] }), {
      code: '500196',
      message: "invalid IP address '192.168.100.300' in IPAddressExpression.",
    });
  });

  it('refuses a bad IP address inside a nested expression', () => {
    const world = new World();
    expectWorldError(
      world,
      () => patchGroup(world, 'cgw', 'g', { expression: [{ resourceType: 'NestedExpression', expressions: [ips('nope')] }] }),
      { code: '500196', message: "group g.expressions[0]: invalid IP address 'nope'" },
    );
  });

  it('leaves an existing group unchanged when the update is invalid', () => {
    const world = new World();
    patchGroup(world, 'cgw', 'g', { expression: [vmByName] });
    expectWorldError(world, () => patchGroup(world, 'cgw', 'g', { displayName: 'x', expression: [ips('bad')] }), {
      code: '500196',
      message: 'invalid IP address',
    });
    expect(getGroup(world, groupPath('cgw', 'g'))).toMatchObject({ displayName: 'g', revision: 0 });
  });
});

describe('deleteGroup', () => {
  it('deletes an unreferenced group', () => {
    const world = new World();
    patchGroup(world, 'cgw', 'g', { expression: [vmByName] });
    deleteGroup(world, 'cgw', 'g');
    expect(listGroups(world, 'cgw')).toEqual([]);
  });

  it('is refused (500030, 400) while a CGW rule references the group', () => {
    const world = new World();
    const g = patchGroup(world, 'cgw', 'cj-vm', { expression: [vmByName] });
    const rule = patchCgwRule(world, 'cj-in', { destinationGroups: [g.path], scope: ['/infra/labels/cgw-cross-vpc'] });
    expectWorldError(world, () => deleteGroup(world, 'cgw', 'cj-vm'), {
      code: '500030',
      message: `Group ${g.path} cannot be deleted as it is being referenced by rule ${rule.path}.`,
    });
  });

  it('answers 404 for an unknown group', () => {
    const world = new World();
    expectWorldError(world, () => deleteGroup(world, 'cgw', 'nope'), {
      code: '500090',
      message: 'group /infra/domains/cgw/groups/nope not found',
      httpStatus: 404,
    });
  });
});

describe('putGroup', () => {
  it('creates a group without a revision', () => {
    const world = new World();
    expect(putGroup(world, 'cgw', 'g', { expression: [ips('10.0.0.1')] })).toMatchObject({
      id: 'g',
      revision: 0,
      path: '/infra/domains/cgw/groups/g',
    });
  });

  it('replaces a group given the current revision: fields not given are dropped', () => {
    const world = new World();
    patchGroup(world, 'cgw', 'g', { displayName: 'G', description: 'old', expression: [ips('10.0.0.1')] });
    const replaced = putGroup(world, 'cgw', 'g', { expression: [vmByName] }, 0);
    expect(replaced).toMatchObject({ displayName: 'g', revision: 1, expression: [vmByName] });
    expect(replaced.description).toBeUndefined();
  });

  it('refuses a stale revision with 412 (604) and leaves the group unchanged', () => {
    const world = new World();
    patchGroup(world, 'cgw', 'g', { expression: [ips('10.0.0.1')] });
    patchGroup(world, 'cgw', 'g', { displayName: 'second' });
    expectWorldError(world, () => putGroup(world, 'cgw', 'g', { expression: [vmByName] }, 0), {
      code: '604',
      message: 'revision 0, current 1',
      httpStatus: 412,
    });
  });

  it('refuses a system group (403)', () => {
    const world = new World();
    expectWorldError(world, () => putGroup(world, 'tier-0', 'connected_vpc', {}, 0), {
      code: '500105',
      message: 'system owned',
      httpStatus: 403,
    });
  });
});

describe('deleteGroup: nested references', () => {
  it('is refused (500030) while another group names it in a PathExpression', () => {
    const world = new World();
    const inner = patchGroup(world, 'cgw', 'inner', { expression: [ips('10.0.0.1')] });
    patchGroup(world, 'cgw', 'outer', { expression: [{ resourceType: 'PathExpression', paths: [inner.path] }] });
    expectWorldError(world, () => deleteGroup(world, 'cgw', 'inner'), {
      code: '500030',
      message: 'referenced by group /infra/domains/cgw/groups/outer',
    });
  });
});
