// runPortProbe through the SDK against the mock: the listener goes first, the answer is parsed, the
// listener's report says whether the peer reached it, a listener nobody reached is cancelled, and a
// probe that could not run is an infrastructure error.
import { CancelCommandCommand, GetCommandInvocationCommand, ListCommandInvocationsCommand, SendCommandCommand } from '@aws-sdk/client-ssm';
import { deleteRoute, routeTableForSubnet } from '../../world';
import { mockAws } from '../../../mocks/test-support/aws';
import { caseBWithWindows, instanceNamed, linuxVm, windowsVm } from '../../world/test-support/article-windows';
import { runPortProbe } from './run-port-probe';
import { renderPortProbe } from '../../shapes/ssm/port-probe-command';

const mock = mockAws();
const fast = { settleMs: 0, listenerGraceMs: 100 };

test('TCP with a listener: open, and the listener heard the instance', async () => {
  const aws = mock.use(caseBWithWindows());
  const src = instanceNamed(aws.world, 'CJ-AWS01');
  const vm = linuxVm(aws.world);
  const r = await runPortProbe(aws.ssm, {
    protocol: 'tcp',
    port: 443,
    listen: true,
    from: { nodeId: src.id, os: 'linux' },
    to: { nodeId: vm.id, os: 'linux', ip: vm.ip },
    timeoutSeconds: 5,
    ...fast,
  });
  expect(r).toMatchObject({
    kind: 'ran',
    outcome: 'open',
    exitCode: 0,
    command: `timeout 5 bash -c '</dev/tcp/${vm.ip}/443' && echo 'vmc-reach tcp ${vm.ip}:443: open'`,
    listener: { heard: true, peer: `${src.ip}:49152` },
  });
});

test("TCP blocked by the cross-link ENI's SG: filtered, the listener heard nothing and was cancelled", async () => {
  const aws = mock.use(caseBWithWindows());
  const src = instanceNamed(aws.world, 'CJ-AWS02');
  const vm = linuxVm(aws.world);
  const r = await runPortProbe(aws.ssm, {
    protocol: 'tcp',
    port: 443,
    listen: true,
    from: { nodeId: src.id, os: 'linux' },
    to: { nodeId: vm.id, os: 'linux', ip: vm.ip },
    timeoutSeconds: 5,
    ...fast,
  });
  expect(r).toMatchObject({ kind: 'ran', outcome: 'filtered', exitCode: 124, listener: { heard: false, cancelled: true } });
  const listens = await aws.ssm.send(new ListCommandInvocationsCommand({ InstanceId: vm.id }));
  expect(listens.CommandInvocations?.map((i) => i.Status)).toEqual(['Cancelled']);
});

test("UDP whose reply has no route back (the instance subnet's table lost the segment route): the datagram arrived, the echo did not", async () => {
  const world = caseBWithWindows();
  const dst = instanceNamed(world, 'CJ-AWS01');
  const table = routeTableForSubnet(world, world.ec2.instances.get(dst.id)!.subnetId)!;
  const segmentRoute = table.routes.find((r) => r.destinationCidrBlock === '192.168.100.0/24')!;
  deleteRoute(world, { routeTableId: table.routeTableId, destinationCidrBlock: segmentRoute.destinationCidrBlock! });
  const aws = mock.use(world);
  const vm = linuxVm(aws.world);
  const r = await runPortProbe(aws.ssm, {
    protocol: 'udp',
    port: 53,
    listen: true,
    from: { nodeId: vm.id, os: 'linux' },
    to: { nodeId: dst.id, os: 'linux', ip: dst.ip },
    timeoutSeconds: 5,
    ...fast,
  });
  expect(r).toMatchObject({ kind: 'ran', outcome: 'filtered', exitCode: 2, listener: { heard: true, peer: `${vm.ip}:49152` } });
});

test('a Windows source uses Test-NetConnection through AWS-RunPowerShellScript', async () => {
  const aws = mock.use(caseBWithWindows());
  const dst = instanceNamed(aws.world, 'CJ-AWS01');
  const r = await runPortProbe(aws.ssm, {
    protocol: 'tcp',
    port: 3389,
    listen: false,
    from: { nodeId: windowsVm.managedInstanceId, os: 'windows' },
    to: { nodeId: dst.id, os: 'linux', ip: dst.ip },
    timeoutSeconds: 5,
    ...fast,
  });
  expect(r).toMatchObject({ kind: 'ran', outcome: 'refused', command: expect.stringMatching(/^Test-NetConnection -ComputerName /) });
});

test('a listener that cannot start (the port already taken) is an infrastructure error quoting python', async () => {
  const aws = mock.use(caseBWithWindows());
  const src = instanceNamed(aws.world, 'CJ-AWS01');
  const vm = linuxVm(aws.world);
  const busy = renderPortProbe({ protocol: 'tcp', role: 'listen', os: 'linux', destination: '0.0.0.0', port: 8080, timeoutS: 60 });
  const first = await aws.ssm.send(
    new SendCommandCommand({ DocumentName: busy.document, InstanceIds: [vm.id], Parameters: { commands: [busy.command] } }),
  );
  await aws.ssm.send(new GetCommandInvocationCommand({ CommandId: first.Command!.CommandId!, InstanceId: vm.id }));
  const r = await runPortProbe(aws.ssm, {
    protocol: 'tcp',
    port: 8080,
    listen: true,
    from: { nodeId: src.id, os: 'linux' },
    to: { nodeId: vm.id, os: 'linux', ip: vm.ip },
    timeoutSeconds: 5,
    ...fast,
  });
  expect(r).toMatchObject({
    kind: 'infra-error',
    error: expect.stringMatching(/TCP listener on port 8080 did not run .*Address already in use/),
  });
  await aws.ssm.send(new CancelCommandCommand({ CommandId: first.Command!.CommandId!, InstanceIds: [vm.id] }));
});

test('a source that is no managed node is an infrastructure error, and the listener is not left running', async () => {
  const aws = mock.use(caseBWithWindows());
  const vm = linuxVm(aws.world);
  const r = await runPortProbe(aws.ssm, {
    protocol: 'udp',
    port: 53,
    listen: true,
    from: { nodeId: 'i-0000000000000dead', os: 'linux' },
    to: { nodeId: vm.id, os: 'linux', ip: vm.ip },
    timeoutSeconds: 5,
    ...fast,
  });
  expect(r).toMatchObject({ kind: 'infra-error', error: expect.stringMatching(/SSM cannot run commands on i-0000000000000dead/) });
  const listens = await aws.ssm.send(new ListCommandInvocationsCommand({ InstanceId: vm.id }));
  expect(listens.CommandInvocations?.map((i) => i.Status)).toEqual(['Cancelled']);
});
