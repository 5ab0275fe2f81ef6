// DescribeImages through the SDK: the region's public catalogue, owners, filters, errors.
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { publicImagesOf } from '../../../src/world';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';

const mock = mockAws();

test('describes a catalogue image by id', async () => {
  const { world } = smallWorld();
  const { ec2 } = mock.use(world);
  const id = publicImagesOf(world.region)[0]!.imageId;
  const out = await ec2.send(new DescribeImagesCommand({ ImageIds: [id] }));
  expect(out.Images).toEqual([
    expect.objectContaining({
      ImageId: id,
      State: 'available',
      Public: true,
      Architecture: 'x86_64',
      ImageOwnerAlias: 'amazon',
      RootDeviceType: 'ebs',
      Name: expect.stringMatching(/^al2023-ami-/),
    }),
  ]);
});

test('filters Amazon-owned images by name with a wildcard', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  const out = await ec2.send(
    new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['Windows_Server-2022-*'] }] }),
  );
  expect(out.Images?.map((i) => i.Platform)).toEqual(['windows']);
});

test('an unknown image is InvalidAMIID.NotFound', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  expect(await rejection(ec2.send(new DescribeImagesCommand({ ImageIds: ['ami-00000000000000000'] })))).toMatchObject({
    name: 'InvalidAMIID.NotFound',
  });
});
