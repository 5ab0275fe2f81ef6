// GetParameter / GetParameters through the SDK: the public AMI parameters, usable with EC2.
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { GetParameterCommand, GetParametersCommand, ParameterNotFound } from '@aws-sdk/client-ssm';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';

const mock = mockAws();
const al2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

test('the latest Amazon Linux 2023 parameter names an image EC2 describes', async () => {
  const { ssm, ec2 } = mock.use(smallWorld().world);
  const p = (await ssm.send(new GetParameterCommand({ Name: al2023 }))).Parameter!;
  expect(p).toMatchObject({
    Name: al2023,
    Type: 'String',
    DataType: 'text',
    Version: 1,
    ARN: `arn:aws:ssm:ap-northeast-1::parameter${al2023}`,
  });
  expect(p.LastModifiedDate).toBeInstanceOf(Date);
  const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [p.Value!] }))).Images![0]!;
  expect(image.Name).toMatch(/^al2023-ami-.*-x86_64$/);
});

test('an unknown parameter is ParameterNotFound', async () => {
  const { ssm } = mock.use(smallWorld().world);
  const e = await rejection(ssm.send(new GetParameterCommand({ Name: '/app/db/password' })));
  expect(e).toBeInstanceOf(ParameterNotFound);
  expect(e).toMatchObject({ name: 'ParameterNotFound', $metadata: { httpStatusCode: 400 } });
});

test('GetParameters returns the known ones and lists the others as invalid', async () => {
  const { ssm } = mock.use(smallWorld().world);
  const out = await ssm.send(new GetParametersCommand({ Names: [al2023, '/nope'] }));
  expect([out.Parameters?.map((p) => p.Name), out.InvalidParameters]).toEqual([[al2023], ['/nope']]);
});
