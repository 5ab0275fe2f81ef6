// Unit tests for CreateTags / DeleteTags across resource kinds, and their all-or-nothing checks.
import { expectWorldError, newWorldWithVpc } from '../test-support';
import { createTags, deleteTags } from './tags';
import { runInstances } from './instances';

describe('createTags', () => {
  it('tags resources of different kinds in one call, overwriting an existing key', () => {
    const { world, vpc, subnet, defaultSg } = newWorldWithVpc();
    createTags(world, [vpc.vpcId], [{ key: 'Name', value: 'old' }]);
    createTags(
      world,
      [vpc.vpcId, subnet.subnetId, defaultSg.groupId, defaultSg.rules[0]!.securityGroupRuleId],
      [{ key: 'Name', value: 'new' }],
    );
    expect(world.ec2.vpcs.get(vpc.vpcId)!.tags).toEqual([{ key: 'Name', value: 'new' }]);
    expect(world.ec2.securityGroups.get(defaultSg.groupId)!.rules[0]!.tags).toEqual([{ key: 'Name', value: 'new' }]);
  });

  it('tags nothing when one resource does not exist', () => {
    const { world, vpc } = newWorldWithVpc();
    expectWorldError(world, () => createTags(world, [vpc.vpcId, 'i-0123456789abcdef0'], [{ key: 'a', value: 'b' }]), {
      code: 'InvalidInstanceID.NotFound',
      message: "'i-0123456789abcdef0' does not exist",
    });
  });

  it('refuses an id of no known kind and the reserved aws: prefix', () => {
    const { world, vpc } = newWorldWithVpc();
    expectWorldError(world, () => createTags(world, ['foo-123'], [{ key: 'a', value: 'b' }]), {
      code: 'InvalidID',
      message: "The ID 'foo-123' is not valid",
    });
    expectWorldError(world, () => createTags(world, [vpc.vpcId], [{ key: 'aws:x', value: 'b' }]), {
      code: 'InvalidParameterValue',
      message: "'aws:' are reserved",
    });
  });

  it('refuses a 51st tag with TagLimitExceeded', () => {
    const { world, vpc } = newWorldWithVpc();
    createTags(
      world,
      [vpc.vpcId],
      Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: '' })),
    );
    expectWorldError(world, () => createTags(world, [vpc.vpcId], [{ key: 'one-more', value: '' }]), {
      code: 'TagLimitExceeded',
      message: 'maximum number of Tags',
    });
  });
});

describe('deleteTags', () => {
  it('deletes a key whatever its value, a key+value only on a match, and everything when no tag is given', () => {
    const { world, subnet } = newWorldWithVpc();
    const inst = runInstances(world, {
      imageId: 'ami-0123456789abcdef0',
      subnetId: subnet.subnetId,
      tags: [
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
        { key: 'c', value: '3' },
      ],
    });
    deleteTags(world, [inst.instanceId], [{ key: 'a' }, { key: 'b', value: 'other' }]);
    expect(world.ec2.instances.get(inst.instanceId)!.tags.map((t) => t.key)).toEqual(['b', 'c']);
    deleteTags(world, [inst.instanceId]);
    expect(world.ec2.instances.get(inst.instanceId)!.tags).toEqual([]);
  });
});
