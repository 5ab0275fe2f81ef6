// The SSM dispatcher on the wire: unknown targets, malformed bodies and the fault plan's throttling,
// 5xx and eventual-consistency answers, as SSM gives them.
import {
  DescribeInstanceInformationCommand,
  GetCommandInvocationCommand,
  InvocationDoesNotExist,
  SendCommandCommand,
} from '@aws-sdk/client-ssm';
import { mockAws, rejection } from '../../test-support/aws';
import { caseBWithWindows, instanceNamed } from '../../../src/world/test-support/article-windows';

const mock = mockAws();
const post = (target: string, body: string) =>
  fetch('https://ssm.ap-northeast-1.amazonaws.com/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body,
  });

test('an unknown operation is UnknownOperationException naming it', async () => {
  mock.use(caseBWithWindows());
  const res = await post('AmazonSSM.DescribeDocument', '{"Name":"AWS-RunShellScript"}');
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ __type: 'UnknownOperationException', message: expect.stringContaining('DescribeDocument') });
});

test('a body that is not JSON is SerializationException; a wrong member type ValidationException', async () => {
  mock.use(caseBWithWindows());
  expect(await (await post('AmazonSSM.GetParameter', '{"Name":')).json()).toMatchObject({ __type: 'SerializationException' });
  expect(await (await post('AmazonSSM.GetParameter', '{"Name":5}')).json()).toMatchObject({ __type: 'ValidationException' });
});

test('a throttle fault is ThrottlingException; a server fault InternalServerError with 500', async () => {
  const { ssm } = mock.use(caseBWithWindows(), {
    faults: [
      { service: 'ssm', operation: 'DescribeInstanceInformation', fault: 'throttle' },
      { service: 'ssm', fault: 'server-error', after: 1 },
    ],
  });
  expect(await rejection(ssm.send(new DescribeInstanceInformationCommand({})))).toMatchObject({
    name: 'ThrottlingException',
    $metadata: { httpStatusCode: 400 },
  });
  expect(await rejection(ssm.send(new DescribeInstanceInformationCommand({})))).toMatchObject({
    name: 'InternalServerError',
    $fault: 'server',
    $metadata: { httpStatusCode: 500 },
  });
});

test('a not-found fault on GetCommandInvocation is InvocationDoesNotExist, then the invocation shows', async () => {
  const aws = mock.use(caseBWithWindows(), { faults: [{ service: 'ssm', operation: 'GetCommandInvocation', fault: 'not-found' }] });
  const src = instanceNamed(aws.world, 'CJ-AWS01').id;
  const commandId = (
    await aws.ssm.send(
      new SendCommandCommand({
        DocumentName: 'AWS-RunShellScript',
        InstanceIds: [src],
        Parameters: { commands: ['ping -c 1 192.168.100.10'] },
      }),
    )
  ).Command!.CommandId!;
  const get = () => aws.ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: src }));
  expect(await rejection(get())).toBeInstanceOf(InvocationDoesNotExist);
  expect((await get()).Status).toBe('Success');
});
