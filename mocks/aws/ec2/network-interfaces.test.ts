// DescribeNetworkInterfaces through the SDK: an instance's ENI, the SDDC's cross-link ENIs, NotFound.
import { DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import { articleCaseA } from '../../../src/world/test-support';
import { mockAws, rejection } from '../../test-support/aws';

const mock = mockAws();

test("attachment.instance-id finds an instance's primary ENI with its groups and address", async () => {
  const world = articleCaseA();
  const { ec2 } = mock.use(world);
  const inst = [...world.ec2.instances.values()][0]!;
  const eni = (
    await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [inst.instanceId] }] }))
  ).NetworkInterfaces![0]!;
  expect(eni).toMatchObject({
    NetworkInterfaceId: inst.networkInterfaceId,
    PrivateIpAddress: inst.privateIpAddress,
    Status: 'in-use',
    Attachment: expect.objectContaining({ InstanceId: inst.instanceId, DeviceIndex: 0, Status: 'attached' }),
    PrivateIpAddresses: [expect.objectContaining({ PrivateIpAddress: inst.privateIpAddress, Primary: true })],
  });
});

test("the SDDC's cross-link ENIs are requester-managed and wear the default group", async () => {
  const world = articleCaseA();
  const { ec2 } = mock.use(world);
  const out = await ec2.send(
    new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'description', Values: ['VMware VMC Interface'] }] }),
  );
  expect(out.NetworkInterfaces?.map((e) => [e.RequesterManaged, e.Groups?.[0]?.GroupName])).toEqual([
    [true, 'default'],
    [true, 'default'],
  ]);
});

test('an unknown id is InvalidNetworkInterfaceID.NotFound', async () => {
  const { ec2 } = mock.use(articleCaseA());
  expect(await rejection(ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: ['eni-0123456789abcdef0'] })))).toMatchObject(
    { name: 'InvalidNetworkInterfaceID.NotFound' },
  );
});
