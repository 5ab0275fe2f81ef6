// CreateTags and DeleteTags through the SDK, seen through the Describe operations.
import { CreateTagsCommand, DeleteTagsCommand, DescribeSubnetsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';

const mock = mockAws();

test('tags two resources at once, overwriting a key, and keeps an empty value', async () => {
  const { world, vpc, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  await ec2.send(
    new CreateTagsCommand({
      Resources: [vpc.vpcId, subnet.subnetId],
      Tags: [
        { Key: 'Name', Value: 'renamed' },
        { Key: 'empty', Value: '' },
      ],
    }),
  );
  const v = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpc.vpcId] }))).Vpcs![0]!;
  const s = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'tag:empty', Values: [''] }] }))).Subnets!;
  expect([v.Tags, s.map((x) => x.SubnetId)]).toEqual([
    [
      { Key: 'Name', Value: 'renamed' },
      { Key: 'empty', Value: '' },
    ],
    [subnet.subnetId],
  ]);
});

test('DeleteTags removes a key whatever its value, and a key+value only when it matches', async () => {
  const { world, vpc } = smallWorld();
  const { ec2 } = mock.use(world);
  await ec2.send(
    new CreateTagsCommand({
      Resources: [vpc.vpcId],
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
    }),
  );
  await ec2.send(
    new DeleteTagsCommand({
      Resources: [vpc.vpcId],
      Tags: [{ Key: 'a' }, { Key: 'b', Value: 'other' }, { Key: 'Name', Value: 'test-vpc' }],
    }),
  );
  expect((await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpc.vpcId] }))).Vpcs![0]!.Tags).toEqual([{ Key: 'b', Value: '2' }]);
});

test("a resource that does not exist is that kind's NotFound, and nothing is tagged", async () => {
  const { world, vpc } = smallWorld();
  const { ec2 } = mock.use(world);
  const e = await rejection(
    ec2.send(new CreateTagsCommand({ Resources: [vpc.vpcId, 'sg-0123456789abcdef0'], Tags: [{ Key: 'x', Value: 'y' }] })),
  );
  expect(e).toMatchObject({ name: 'InvalidGroup.NotFound' });
  expect((await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag-key', Values: ['x'] }] }))).Vpcs).toEqual([]);
});
