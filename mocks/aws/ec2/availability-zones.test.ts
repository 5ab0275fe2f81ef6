// DescribeAvailabilityZones through the SDK.
import { DescribeAvailabilityZonesCommand } from '@aws-sdk/client-ec2';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';

const mock = mockAws();

test("lists the region's zones with ids and state", async () => {
  const { ec2 } = mock.use(smallWorld().world);
  const out = await ec2.send(new DescribeAvailabilityZonesCommand({}));
  expect(out.AvailabilityZones?.map((z) => [z.ZoneName, z.ZoneId, z.State, z.ZoneType])).toEqual([
    ['ap-northeast-1a', 'apne1-az4', 'available', 'availability-zone'],
    ['ap-northeast-1c', 'apne1-az1', 'available', 'availability-zone'],
    ['ap-northeast-1d', 'apne1-az2', 'available', 'availability-zone'],
  ]);
});

test('filters by zone-id and refuses an unknown zone name', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  const out = await ec2.send(new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'zone-id', Values: ['apne1-az1'] }] }));
  expect(out.AvailabilityZones?.map((z) => z.ZoneName)).toEqual(['ap-northeast-1c']);
  expect(await rejection(ec2.send(new DescribeAvailabilityZonesCommand({ ZoneNames: ['ap-northeast-1b'] })))).toMatchObject({
    name: 'InvalidParameterValue',
  });
});
