// The AWS client factory: endpoint overrides (one URL or per service), retries and fake credentials,
// checked against the served mock (the loopback server other processes use).
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { articleCaseA } from '../world/test-support';
import { createMockContext } from '../../mocks/mock-context';
import { serveMock } from '../../mocks/serve';
import { createAwsClients, createMockAwsClients, mockCredentials } from './aws';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

test('one endpoint serves both EC2 and SSM of the served mock', async () => {
  await using served = await serveMock(createMockContext(articleCaseA()));
  const aws = createMockAwsClients({ region: 'ap-northeast-1', endpoint: served.url, maxAttempts: 1 });
  try {
    const vpcs = await aws.ec2.send(new DescribeVpcsCommand({}));
    const nodes = await aws.ssm.send(new DescribeInstanceInformationCommand({}));
    expect([vpcs.Vpcs?.length, nodes.InstanceInformationList?.map((n) => n.InstanceId?.slice(0, 2))]).toEqual([1, ['i-', 'mi']]);
  } finally {
    aws.destroy();
  }
});

test('per-service endpoints win over the shared one', async () => {
  const aws = createAwsClients({
    region: 'eu-west-1',
    credentials: { ...mockCredentials },
    endpoint: 'http://127.0.0.1:1',
    endpoints: { ssm: 'http://127.0.0.1:2' },
  });
  const [ec2, ssm] = await Promise.all([aws.ec2.config.endpoint!(), aws.ssm.config.endpoint!()]);
  expect([ec2.port, ssm.port]).toEqual([1, 2]);
  aws.destroy();
});

test('maxAttempts and the region reach both clients; the mock credentials are the fake ones', async () => {
  const aws = createMockAwsClients({ region: 'eu-west-1', maxAttempts: 1 });
  expect([await aws.ec2.config.maxAttempts(), await aws.ssm.config.region()]).toEqual([1, 'eu-west-1']);
  expect((await aws.ec2.config.credentials()).accessKeyId).toBe('AKIAVMCREACHMOCK0001');
  aws.destroy();
});
