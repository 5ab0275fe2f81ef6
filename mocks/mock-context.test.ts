// The mock context carries the script runner Run Command's scripts run with, given when the context is
// created: without one every script is refused (a mock never says yes by default), with the engine's the
// same ping is answered. The world holds state only, so creating the handlers leaves it as it was.
import { GetCommandInvocationCommand, SendCommandCommand } from '@aws-sdk/client-ssm';
import { createMockAwsClients } from '../src/clients/aws';
import { snapshotFiles } from '../src/snapshot';
import type { ScriptRunner, World } from '../src/world';
import { createMockContext } from './mock-context';
import { createHandlers } from './handlers';
import { startInProcessMock } from './in-process';
import { engineScriptRunner } from './aws/ssm/script-runner';
import { caseBWithWindows, instanceNamed, linuxVm } from '../src/world/test-support/article-windows';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

/** Case B's allowed ping, CJ-AWS01 to CJ-VM01, through the SDK against a context made with `options`. */
async function allowedPing(options: { scriptRunner?: ScriptRunner }) {
  const world = caseBWithWindows();
  await using _mock = startInProcessMock(createMockContext(world, undefined, options));
  const { ssm, destroy } = createMockAwsClients({ region: world.region, maxAttempts: 1 });
  try {
    const instanceId = instanceNamed(world, 'CJ-AWS01').id;
    const sent = await ssm.send(
      new SendCommandCommand({
        DocumentName: 'AWS-RunShellScript',
        InstanceIds: [instanceId],
        Parameters: { commands: [`ping -c 1 -W 1 ${linuxVm(world).ip}`] },
      }),
    );
    return await ssm.send(new GetCommandInvocationCommand({ CommandId: sent.Command!.CommandId!, InstanceId: instanceId }));
  } finally {
    destroy();
  }
}

test('a context created without a runner refuses every script: Failed, exit 127, the refusal on stderr', async () => {
  expect(await allowedPing({})).toMatchObject({
    Status: 'Failed',
    ResponseCode: 127,
    StandardOutputContent: '',
    StandardErrorContent: 'vmc-reach mock: this world has no script runner installed, so the command is not supported by the mock\n',
  });
});

test("a context created with the engine's runner answers the same ping from the engine", async () => {
  expect(await allowedPing({ scriptRunner: engineScriptRunner })).toMatchObject({
    Status: 'Success',
    ResponseCode: 0,
    StandardOutputContent: expect.stringContaining('1 packets transmitted, 1 received'),
  });
});

/** Each of the world's stores, copied one level deep: a field added to or replaced in a store shows. */
const storeFields = (world: World) =>
  Object.fromEntries(Object.entries(world).map(([k, v]) => [k, v && typeof v === 'object' && !(v instanceof Map) ? { ...v } : v]));

test('creating the handlers changes nothing in the world: same stores, same fields, same files', () => {
  const world = caseBWithWindows();
  const fields = storeFields(world);
  const files = snapshotFiles(world, { description: 'before' });
  createHandlers(createMockContext(world, undefined, { scriptRunner: engineScriptRunner }));
  expect(storeFields(world)).toEqual(fields);
  expect(snapshotFiles(world, { description: 'before' })).toEqual(files);
  // The world has no runner to set: Run Command's runner is the context's.
  // @ts-expect-error SsmStores holds commands only
  expect(world.ssm.scriptRunner).toBeUndefined();
});
