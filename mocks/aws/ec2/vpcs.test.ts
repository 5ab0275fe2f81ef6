// DescribeVpcs through the SDK: the world's VPCs with EC2's element names, filters, paging, NotFound.
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { createVpc } from '../../../src/world';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';

const mock = mockAws();

test('describes a VPC with its CIDR association and tags', async () => {
  const { world, vpc } = smallWorld();
  const { ec2 } = mock.use(world);
  const out = await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpc.vpcId] }));
  expect(out.Vpcs).toEqual([
    expect.objectContaining({
      VpcId: vpc.vpcId,
      CidrBlock: '10.0.0.0/16',
      State: 'available',
      IsDefault: false,
      OwnerId: world.accountId,
      CidrBlockAssociationSet: [expect.objectContaining({ CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } })],
      Tags: [{ Key: 'Name', Value: 'test-vpc' }],
    }),
  ]);
});

test('filters by tag:Name with a wildcard', async () => {
  const { world, vpc } = smallWorld();
  createVpc(world, { cidrBlock: '10.9.0.0/16', tags: [{ key: 'Name', value: 'other' }] });
  const { ec2 } = mock.use(world);
  const out = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['test-*'] }] }));
  expect(out.Vpcs?.map((v) => v.VpcId)).toEqual([vpc.vpcId]);
});

test('an unknown filter is InvalidParameterValue naming it', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  const e = await rejection(ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'colour', Values: ['blue'] }] })));
  expect(e).toMatchObject({ name: 'InvalidParameterValue', message: "The filter 'colour' is invalid", $metadata: { httpStatusCode: 400 } });
});

test('an unknown id is InvalidVpcID.NotFound', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  const e = await rejection(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0123456789abcdef0'] })));
  expect(e).toMatchObject({ name: 'InvalidVpcID.NotFound', message: "The vpc ID 'vpc-0123456789abcdef0' does not exist" });
});

test('pages with MaxResults and NextToken until every VPC is seen', async () => {
  const { world } = smallWorld();
  for (let i = 1; i <= 6; i++) createVpc(world, { cidrBlock: `10.${i}.0.0/16` });
  const { ec2 } = mock.use(world);
  const first = await ec2.send(new DescribeVpcsCommand({ MaxResults: 5 }));
  const second = await ec2.send(new DescribeVpcsCommand({ MaxResults: 5, NextToken: first.NextToken! }));
  expect([first.Vpcs?.length, second.Vpcs?.length, second.NextToken]).toEqual([5, 2, undefined]);
});

test('MaxResults below 5 and a forged NextToken are refused as EC2 refuses them', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  expect(await rejection(ec2.send(new DescribeVpcsCommand({ MaxResults: 2 })))).toMatchObject({
    name: 'InvalidParameterValue',
    message: expect.stringContaining('maxResults'),
  });
  expect(await rejection(ec2.send(new DescribeVpcsCommand({ NextToken: 'bogus' })))).toMatchObject({ name: 'InvalidPaginationToken' });
});
