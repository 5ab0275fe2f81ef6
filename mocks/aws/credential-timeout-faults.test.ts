// The AWS mock's `timeout`, `expired-token` and `auth-failure` faults as AWS sends them, read by the SDK
// over a served (loopback) world: EC2's Query XML errors RequestExpired (400) and AuthFailure (401),
// SSM's JSON 1.1 ExpiredTokenException and UnrecognizedClientException (400), and an answer held until
// the client's request timeout fires (a TimeoutError the SDK retries), with nothing done for that call.
import { CreateSecurityGroupCommand, DescribeSecurityGroupsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { createAwsClients, type AwsClients } from '../../src/clients/aws';
import type { FaultRule } from '../faults';
import { settingsFor } from '../../src/reliability/run-settings';
import { serveWorld, type ServedWorld } from '../../src/reliability/served-world';

let w: ServedWorld | undefined;
let clients: AwsClients | undefined;
afterEach(async () => {
  clients?.destroy();
  await w?.close();
});

async function served(faults: FaultRule[], o: { maxAttempts?: number; requestTimeoutMs?: number } = {}): Promise<AwsClients> {
  w = await serveWorld({ faults });
  w.ctx.faults.timeoutHoldMs = 5_000;
  clients = createAwsClients({
    ...settingsFor(w.env).aws,
    maxAttempts: o.maxAttempts ?? 1,
    ...(o.requestTimeoutMs ? { requestTimeoutMs: o.requestTimeoutMs } : {}),
  });
  return clients;
}

const failure = async (p: Promise<unknown>): Promise<{ name: string; status?: number; message: string }> =>
  p.then(
    () => ({ name: 'no error', message: '' }),
    (e: Error & { $metadata?: { httpStatusCode?: number } }) => ({ name: e.name, status: e.$metadata?.httpStatusCode, message: e.message }),
  );

test('EC2 expired credentials: RequestExpired, HTTP 400, explained', async () => {
  const c = await served([{ service: 'ec2', fault: 'expired-token' }]);
  expect(await failure(c.ec2.send(new DescribeVpcsCommand({})))).toEqual({
    name: 'RequestExpired',
    status: 400,
    message: expect.stringMatching(/^the AWS credentials were refused \(RequestExpired: Request has expired\.\)/) as unknown,
  });
});

test('EC2 credentials not valid: AuthFailure, HTTP 401', async () => {
  const c = await served([{ service: 'ec2', fault: 'auth-failure' }]);
  expect(await failure(c.ec2.send(new DescribeVpcsCommand({})))).toMatchObject({ name: 'AuthFailure', status: 401 });
});

test('SSM expired credentials: ExpiredTokenException, HTTP 400', async () => {
  const c = await served([{ service: 'ssm', fault: 'expired-token' }]);
  expect(await failure(c.ssm.send(new DescribeInstanceInformationCommand({})))).toMatchObject({
    name: 'ExpiredTokenException',
    status: 400,
  });
});

test('SSM credentials not valid: UnrecognizedClientException, HTTP 400', async () => {
  const c = await served([{ service: 'ssm', fault: 'auth-failure' }]);
  expect(await failure(c.ssm.send(new DescribeInstanceInformationCommand({})))).toMatchObject({
    name: 'UnrecognizedClientException',
    status: 400,
  });
});

test('a held answer fails the attempt with a TimeoutError at the client request timeout, and the call is not acted on', async () => {
  const c = await served([{ service: 'ec2', operation: 'CreateSecurityGroup', fault: 'timeout' }], { requestTimeoutMs: 300 });
  const vpcId = [...w!.world.ec2.vpcs.keys()][0]!;
  expect(await failure(c.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'held', Description: 'held', VpcId: vpcId })))).toMatchObject(
    { name: 'TimeoutError' },
  );
  const groups = await c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['held'] }] }));
  expect(groups.SecurityGroups).toEqual([]);
});

test('the SDK retries a timed-out attempt, and the retry is answered', async () => {
  const c = await served([{ service: 'ssm', operation: 'DescribeInstanceInformation', fault: 'timeout' }], {
    maxAttempts: 2,
    requestTimeoutMs: 300,
  });
  const r = await c.ssm.send(new DescribeInstanceInformationCommand({}));
  expect({ attempts: r.$metadata.attempts, nodes: (r.InstanceInformationList ?? []).length > 0 }).toEqual({ attempts: 2, nodes: true });
});
