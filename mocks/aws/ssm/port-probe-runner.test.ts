// TCP/UDP probe commands through the SDK against the mock: answered from the engine's verdict for the
// flow, in the real tools' formats (read back with the harness's own parsers), listeners started through
// SSM, refused vs filtered; anything the mock cannot evaluate is not supported (exit 127).
import { AuthorizeSecurityGroupIngressCommand, RevokeSecurityGroupIngressCommand } from '@aws-sdk/client-ec2';
import {
  CancelCommandCommand,
  GetCommandInvocationCommand,
  SendCommandCommand,
  type GetCommandInvocationCommandOutput,
} from '@aws-sdk/client-ssm';
import { defaultSecurityGroup } from '../../../src/world';
import {
  parseListenerOutput,
  parsePortProbeOutput,
  renderPortProbe,
  type PortProbeRequest,
} from '../../../src/shapes/ssm/port-probe-command';
import { mockAws, type MockAws } from '../../test-support/aws';
import { caseBWithWindows, instanceNamed, linuxVm, windowsVm } from '../../../src/world/test-support/article-windows';

const mock = mockAws();

async function send(aws: MockAws, nodeId: string, req: PortProbeRequest): Promise<string> {
  const { document, command } = renderPortProbe(req);
  const sent = await aws.ssm.send(
    new SendCommandCommand({ DocumentName: document, InstanceIds: [nodeId], Parameters: { commands: [command] } }),
  );
  return sent.Command!.CommandId!;
}

const read = (aws: MockAws, commandId: string, nodeId: string): Promise<GetCommandInvocationCommandOutput> =>
  aws.ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: nodeId }));
const flush = (): Promise<void> => new Promise((r) => setImmediate(r));
const toolOutput = (o: GetCommandInvocationCommandOutput) => ({
  stdout: o.StandardOutputContent ?? '',
  stderr: o.StandardErrorContent ?? '',
  exitCode: o.ResponseCode ?? -1,
});
const tcp = (destination: string, port: number, os: 'linux' | 'windows' = 'linux'): PortProbeRequest => ({
  protocol: 'tcp',
  role: 'connect',
  os,
  destination,
  port,
  timeoutS: 5,
});
const listen = (protocol: 'tcp' | 'udp', port: number, os: 'linux' | 'windows' = 'linux'): PortProbeRequest => ({
  protocol,
  role: 'listen',
  os,
  destination: '0.0.0.0',
  port,
  timeoutS: 60,
});

test('reachable flow, nothing listening: bash prints "Connection refused", exit 1 (a RST from the destination)', async () => {
  const aws = mock.use(caseBWithWindows());
  const aws01 = instanceNamed(aws.world, 'CJ-AWS01');
  const req = tcp(linuxVm(aws.world).ip, 22);
  const out = await read(aws, await send(aws, aws01.id, req), aws01.id);
  expect([out.Status, out.ResponseCode, out.StandardOutputContent]).toEqual(['Failed', 1, '']);
  expect(out.StandardErrorContent).toBe(`bash: connect: Connection refused\nbash: /dev/tcp/${req.destination}/22: Connection refused\n`);
  expect(parsePortProbeOutput(req, toolOutput(out))).toMatchObject({ outcome: 'refused' });
});

test('a listener started through SSM first: the connect is open and the listener reports its peer', async () => {
  const aws = mock.use(caseBWithWindows());
  const aws01 = instanceNamed(aws.world, 'CJ-AWS01');
  const vm = linuxVm(aws.world);
  const listenId = await send(aws, vm.id, listen('tcp', 443));
  expect((await read(aws, listenId, vm.id)).Status).toBe('InProgress');
  const out = await read(aws, await send(aws, aws01.id, tcp(vm.ip, 443)), aws01.id);
  expect([out.Status, out.ResponseCode, out.StandardErrorContent]).toEqual(['Success', 0, '']);
  await flush();
  const heard = await read(aws, listenId, vm.id);
  expect([heard.Status, heard.StandardOutputContent]).toEqual(['Success', `vmc-reach listen tcp 443: connection from ${aws01.ip}:49152\n`]);
  expect(parseListenerOutput(listen('tcp', 443), toolOutput(heard))).toEqual({ heard: true, peer: `${aws01.ip}:49152` });
});

test('blocked on the way there (the default SG on the cross-link ENI): timeout exit 124, the listener hears nothing', async () => {
  const aws = mock.use(caseBWithWindows());
  const aws02 = instanceNamed(aws.world, 'CJ-AWS02');
  const vm = linuxVm(aws.world);
  const listenId = await send(aws, vm.id, listen('tcp', 443));
  await read(aws, listenId, vm.id);
  const req = tcp(vm.ip, 443);
  const out = await read(aws, await send(aws, aws02.id, req), aws02.id);
  expect([out.Status, out.ResponseCode, out.StandardOutputContent, out.StandardErrorContent]).toEqual(['Failed', 124, '', '']);
  expect(parsePortProbeOutput(req, toolOutput(out))).toMatchObject({ outcome: 'filtered' });
  await flush();
  expect((await read(aws, listenId, vm.id)).Status).toBe('InProgress');
});

test('the answer follows the world: authorizing TCP 443 only opens 443, not 8443', async () => {
  const aws = mock.use(caseBWithWindows());
  const aws02 = instanceNamed(aws.world, 'CJ-AWS02');
  const vm = linuxVm(aws.world);
  const cjSg = aws.world.ec2.networkInterfaces.get(aws.world.ec2.instances.get(aws02.id)!.networkInterfaceId)!.groupIds[0]!;
  const vpcId = [...aws.world.ec2.vpcs.keys()][0]!;
  await aws.ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: defaultSecurityGroup(aws.world, vpcId).groupId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, UserIdGroupPairs: [{ GroupId: cjSg }] }],
    }),
  );
  expect((await read(aws, await send(aws, aws02.id, tcp(vm.ip, 443)), aws02.id)).ResponseCode).toBe(1);
  expect((await read(aws, await send(aws, aws02.id, tcp(vm.ip, 8443)), aws02.id)).ResponseCode).toBe(124);
  await aws.ec2.send(
    new RevokeSecurityGroupIngressCommand({
      GroupId: defaultSecurityGroup(aws.world, vpcId).groupId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, UserIdGroupPairs: [{ GroupId: cjSg }] }],
    }),
  );
  expect((await read(aws, await send(aws, aws02.id, tcp(vm.ip, 443)), aws02.id)).ResponseCode).toBe(124);
});

test('UDP: the responder on the destination echoes the datagram; without one, ICMP port unreachable', async () => {
  const aws = mock.use(caseBWithWindows());
  const aws01 = instanceNamed(aws.world, 'CJ-AWS01');
  const vm = linuxVm(aws.world);
  const send53: PortProbeRequest = { protocol: 'udp', role: 'send', os: 'linux', destination: vm.ip, port: 53, timeoutS: 5 };
  const closed = await read(aws, await send(aws, aws01.id, send53), aws01.id);
  expect([closed.ResponseCode, closed.StandardOutputContent]).toEqual([1, `vmc-reach udp ${vm.ip}:53: refused (ICMP port unreachable)\n`]);
  const listenId = await send(aws, vm.id, listen('udp', 53));
  await read(aws, listenId, vm.id);
  const open = await read(aws, await send(aws, aws01.id, send53), aws01.id);
  expect([open.ResponseCode, open.StandardOutputContent]).toEqual([0, `vmc-reach udp ${vm.ip}:53: reply of 9 bytes\n`]);
  await flush();
  expect((await read(aws, listenId, vm.id)).StandardOutputContent).toBe(
    `vmc-reach listen udp 53: datagram of 9 bytes from ${aws01.ip}:49152\n`,
  );
});

test('a cancelled listener no longer listens; a second listener on a busy port fails like python3 does', async () => {
  const aws = mock.use(caseBWithWindows());
  const aws01 = instanceNamed(aws.world, 'CJ-AWS01');
  const vm = linuxVm(aws.world);
  const first = await send(aws, vm.id, listen('tcp', 5432));
  await read(aws, first, vm.id);
  const busy = await read(aws, await send(aws, vm.id, listen('tcp', 5432)), vm.id);
  expect([busy.Status, busy.ResponseCode, busy.StandardErrorContent]).toEqual([
    'Failed',
    1,
    expect.stringContaining('OSError: [Errno 98] Address already in use'),
  ]);
  await aws.ssm.send(new CancelCommandCommand({ CommandId: first, InstanceIds: [vm.id] }));
  expect((await read(aws, await send(aws, aws01.id, tcp(vm.ip, 5432)), aws01.id)).ResponseCode).toBe(1);
});

test("Windows: Test-NetConnection's list with its WARNING lines and the socket error code, read back as refused", async () => {
  const aws = mock.use(caseBWithWindows());
  const aws01 = instanceNamed(aws.world, 'CJ-AWS01');
  const req = tcp(aws01.ip, 3389, 'windows');
  const out = await read(aws, await send(aws, windowsVm.managedInstanceId, req), windowsVm.managedInstanceId);
  expect(out.StandardOutputContent).toContain(`WARNING: TCP connect to (${aws01.ip} : 3389) failed\r\n`);
  expect(out.StandardOutputContent).toMatch(/^TcpTestSucceeded {7}: False\r$/m);
  expect(parsePortProbeOutput(req, toolOutput(out))).toMatchObject({ outcome: 'refused' });
});

test.each([
  ['an address outside the world', () => tcp('10.99.99.99', 443), /not an EC2 instance or SDDC VM/],
  ['two EC2 instances', (aws: MockAws) => tcp(instanceNamed(aws.world, 'CJ-AWS02').ip, 443), /two EC2 instances are not modelled/],
  [
    'a Windows command on a Linux node',
    (aws: MockAws) => tcp(linuxVm(aws.world).ip, 443, 'windows'),
    /PowerShell \(pwsh\) on a Linux node/,
  ],
])('%s is not supported by the mock (exit 127)', async (_what, make, reason) => {
  const aws = mock.use(caseBWithWindows());
  const aws01 = instanceNamed(aws.world, 'CJ-AWS01');
  const out = await read(aws, await send(aws, aws01.id, make(aws)), aws01.id);
  expect([out.Status, out.ResponseCode]).toEqual(['Failed', 127]);
  expect(out.StandardErrorContent).toMatch(reason);
});

test('a stock Linux instance runs sshd: TCP 22 is open without a listener; a listener on 22 fails, the port is taken', async () => {
  const aws = mock.use(caseBWithWindows());
  const aws01 = instanceNamed(aws.world, 'CJ-AWS01');
  const vm = linuxVm(aws.world);
  const req = tcp(aws01.ip, 22);
  const out = await read(aws, await send(aws, vm.id, req), vm.id);
  expect(parsePortProbeOutput(req, toolOutput(out))).toMatchObject({ outcome: 'open' });
  const busy = await read(aws, await send(aws, aws01.id, listen('tcp', 22)), aws01.id);
  expect(busy.StandardErrorContent).toContain('Address already in use');
});
