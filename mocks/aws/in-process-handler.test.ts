// The embedded mock's in-process AWS transport against the same mock through MSW's interception of HTTP:
// the SDK's outputs and errors are the same call for call (the wire format is unchanged, only the network
// layer is skipped); a request past the client's timeout fails with the TimeoutError the SDK retries; an
// abort ends the call; a host other than the mock's is refused, and outside mock mode the transport is.
import { join } from 'node:path';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand, GetCommandInvocationCommand, SendCommandCommand } from '@aws-sdk/client-ssm';
import { createAwsClients, createMockAwsClients, mockCredentials, type AwsClients } from '../../src/clients/aws';
import { startMockTarget, type MockTarget } from '../mock-target';
import { inProcessAwsHandler } from './in-process-handler';
import { rejection } from '../test-support/aws';

const worldDir = join(__dirname, '..', '..', 'fixtures', 'snapshots', 'harness-before-runs');

/** Dates (taken from the wall clock by both worlds) as a placeholder. */
const timeless = (v: unknown): unknown =>
  JSON.parse(
    JSON.stringify(v, function (this: Record<string, unknown>, k, value: unknown) {
      return this[k] instanceof Date ? '(a date)' : value;
    }),
  );

/** The SDK's output without what differs per call (request ids, times), or the error's name, message and status. */
async function outcome(p: Promise<unknown>): Promise<unknown> {
  try {
    const { $metadata: _m, ...out } = (await p) as Record<string, unknown>;
    return timeless(out);
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number }; $fault?: string };
    return { error: err.name, message: err.message, status: err.$metadata?.httpStatusCode, fault: err.$fault };
  }
}

/** A run's worth of calls: reads, writes, an SSM ping and its invocation, errors of both services. */
async function calls(c: AwsClients, target: MockTarget): Promise<unknown[]> {
  const vpcId = [...target.world.ec2.vpcs.keys()][0]!;
  const subnetId = [...target.world.ec2.subnets.keys()][0]!;
  const out: unknown[] = [];
  out.push(await outcome(c.ec2.send(new DescribeVpcsCommand({}))));
  out.push(await outcome(c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))));
  const sg = await c.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'probe-sg', Description: 'parity', VpcId: vpcId }));
  out.push(sg.GroupId);
  out.push(
    await outcome(
      c.ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: sg.GroupId!,
          IpPermissions: [{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '192.168.100.0/24' }] }],
        }),
      ),
    ),
  );
  out.push(
    await outcome(
      c.ec2.send(
        new RunInstancesCommand({
          ImageId: 'ami-0123456789abcdef0',
          MinCount: 1,
          MaxCount: 1,
          SubnetId: subnetId,
          SecurityGroupIds: [sg.GroupId!],
        }),
      ),
    ),
  );
  out.push(await outcome(c.ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-00000000000000000'] }))));
  out.push(await outcome(c.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'probe-sg', Description: 'again', VpcId: vpcId }))));
  const nodes = await c.ssm.send(new DescribeInstanceInformationCommand({}));
  out.push(timeless(nodes.InstanceInformationList));
  const node = nodes.InstanceInformationList![0]!.InstanceId!;
  const sent = await c.ssm.send(
    new SendCommandCommand({
      DocumentName: 'AWS-RunShellScript',
      InstanceIds: [node],
      Parameters: { commands: ['ping -c 2 -W 1 192.168.100.10'] },
    }),
  );
  const { CommandId: _id, RequestedDateTime: _at, ExpiresAfter: _exp, ...command } = sent.Command!;
  out.push(command);
  const inv = await c.ssm.send(new GetCommandInvocationCommand({ CommandId: sent.Command!.CommandId!, InstanceId: node }));
  out.push([inv.Status, inv.ResponseCode, inv.StandardOutputContent]);
  out.push(
    await outcome(c.ssm.send(new GetCommandInvocationCommand({ CommandId: '00000000-0000-0000-0000-000000000000', InstanceId: node }))),
  );
  return out;
}

let target: MockTarget | undefined;
let clients: AwsClients | undefined;
afterEach(() => {
  clients?.destroy();
  target?.close();
  clients = undefined;
  target = undefined;
});

async function inProcessClients(o: { requestTimeoutMs?: number } = {}): Promise<{ c: AwsClients; target: MockTarget }> {
  target = await startMockTarget(worldDir);
  clients = createAwsClients({
    region: target.world.region,
    credentials: mockCredentials,
    mock: true,
    maxAttempts: 1,
    inProcess: target.transport.aws,
    ...o,
  });
  return { c: clients, target };
}

test('the SDK reads the same outputs and errors in-process as through MSW, call for call', async () => {
  target = await startMockTarget(worldDir);
  clients = createMockAwsClients({ region: target.world.region, maxAttempts: 1 });
  const throughMsw = await calls(clients, target);
  clients.destroy();
  target.close();
  const inProcess = await inProcessClients();
  const direct = await calls(inProcess.c, inProcess.target);
  expect(direct).toEqual(throughMsw);
  expect(JSON.stringify(direct)).toMatch(/InvalidInstanceID\.NotFound.*InvalidGroup\.Duplicate.*InvocationDoesNotExist/);
});

test("an answer held past the client's request timeout fails with the TimeoutError the SDK retries, long before the answer", async () => {
  const { c, target: t } = await inProcessClients({ requestTimeoutMs: 200 });
  t.ctx.faults.add({ service: 'ec2', operation: 'DescribeVpcs', fault: 'timeout' });
  t.ctx.faults.timeoutHoldMs = 10_000;
  const started = Date.now();
  const e = await rejection(c.ec2.send(new DescribeVpcsCommand({})));
  expect({ name: e.name, quick: Date.now() - started < 5_000 }).toEqual({ name: 'TimeoutError', quick: true });
});

test("an aborted call ends with the SDK's AbortError", async () => {
  const { c } = await inProcessClients();
  const abort = new AbortController();
  abort.abort();
  expect((await rejection(c.ec2.send(new DescribeVpcsCommand({}), { abortSignal: abort.signal }))).name).toBe('AbortError');
});

test("a host other than the mock's is refused, and nothing is sent", async () => {
  target = await startMockTarget(worldDir);
  const handler = inProcessAwsHandler(target.ctx, { requestTimeoutMs: 1_000, hosts: ['ec2.us-west-2.amazonaws.com'] });
  const request = {
    method: 'POST',
    protocol: 'https:',
    hostname: 'ec2.example.com',
    path: '/',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    query: {},
    body: 'Action=DescribeVpcs&Version=2016-11-15',
  };
  await expect(handler.handle(request)).rejects.toThrow(
    /in-process AWS answers ec2\.us-west-2\.amazonaws\.com only, not ec2\.example\.com/,
  );
  expect(target.ctx.faults.calls).toEqual([]);
});

test('outside mock mode the in-process transport is refused', () => {
  expect(() =>
    createAwsClients({
      region: 'us-west-2',
      inProcess: () => {
        throw new Error('not called');
      },
    }),
  ).toThrow(/accepted in mock mode only/);
});

test("the SDK's JSON bodies are read by their bytes: no conversion warning from the SDK", async () => {
  const { c } = await inProcessClients();
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    await c.ssm.send(new DescribeInstanceInformationCommand({}));
    expect(warn.mock.calls).toEqual([]);
  } finally {
    warn.mockRestore();
  }
});
