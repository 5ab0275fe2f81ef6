// Run Command probes through the SDK: `ping` answers from the engine's verdict on the current world,
// with true packet counts and exit codes, in the source OS's format; anything else is not supported.
import { AuthorizeSecurityGroupIngressCommand } from '@aws-sdk/client-ec2';
import { GetCommandInvocationCommand, SendCommandCommand, type GetCommandInvocationCommandOutput } from '@aws-sdk/client-ssm';
import { defaultSecurityGroup, patchGroup, stopInstances } from '../../../src/world';
import { mockAws, type MockAws } from '../../test-support/aws';
import { caseBWithWindows, instanceNamed, linuxVm, windowsVm } from '../../../src/world/test-support/article-windows';

const mock = mockAws();

async function run(
  aws: MockAws,
  instanceId: string,
  commands: string[],
  documentName = 'AWS-RunShellScript',
): Promise<GetCommandInvocationCommandOutput> {
  const sent = await aws.ssm.send(
    new SendCommandCommand({ DocumentName: documentName, InstanceIds: [instanceId], Parameters: { commands } }),
  );
  return aws.ssm.send(new GetCommandInvocationCommand({ CommandId: sent.Command!.CommandId!, InstanceId: instanceId }));
}

test('CJ-AWS01 → CJ-VM01 (reachable): every packet answered, iputils output, Success and code 0', async () => {
  const aws = mock.use(caseBWithWindows());
  const vm = linuxVm(aws.world);
  const out = await run(aws, instanceNamed(aws.world, 'CJ-AWS01').id, [`ping -c 3 -W 1 ${vm.ip}`]);
  expect(out).toMatchObject({
    Status: 'Success',
    StatusDetails: 'Success',
    ResponseCode: 0,
    StandardErrorContent: '',
    PluginName: 'aws:runShellScript',
  });
  const lines = out.StandardOutputContent!.split('\n');
  expect(lines[0]).toBe(`PING ${vm.ip} (${vm.ip}) 56(84) bytes of data.`);
  expect(lines.slice(1, 4).map((l) => l.replace(/time=[\d.]+/, 'time=T'))).toEqual(
    [1, 2, 3].map((n) => `64 bytes from ${vm.ip}: icmp_seq=${n} ttl=62 time=T ms`),
  );
  expect(lines.slice(4, 7)).toEqual([
    '',
    `--- ${vm.ip} ping statistics ---`,
    expect.stringMatching(/^3 packets transmitted, 3 received, 0% packet loss, time \d+ms$/),
  ]);
  expect(lines[7]).toMatch(/^rtt min\/avg\/max\/mdev = \d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3} ms$/);
});

test('CJ-AWS02 → CJ-VM01 (blocked by the default SG on the cross-link ENI): none answered, Failed and code 1', async () => {
  const aws = mock.use(caseBWithWindows());
  const vm = linuxVm(aws.world);
  const out = await run(aws, instanceNamed(aws.world, 'CJ-AWS02').id, [`ping -c 4 -W 2 ${vm.ip}`]);
  expect(out).toMatchObject({ Status: 'Failed', StatusDetails: 'Failed', ResponseCode: 1, StandardErrorContent: '' });
  expect(out.StandardOutputContent).toMatch(
    new RegExp(
      `^PING ${vm.ip} \\(${vm.ip}\\) 56\\(84\\) bytes of data.\\n\\n--- ${vm.ip} ping statistics ---\\n4 packets transmitted, 0 received, 100% packet loss, time \\d+ms\\n\\n$`,
    ),
  );
});

test('from the VM, as its hybrid managed node (mi-…), to CJ-AWS02: reachable (the return path is stateful)', async () => {
  const aws = mock.use(caseBWithWindows());
  const out = await run(aws, linuxVm(aws.world).id, [`ping -c 2 ${instanceNamed(aws.world, 'CJ-AWS02').ip}`]);
  expect([out.Status, out.ResponseCode]).toEqual(['Success', 0]);
  expect(out.StandardOutputContent).toContain('2 packets transmitted, 2 received, 0% packet loss');
});

test('the answer follows the world: after the fix of case C, CJ-AWS02 reaches the VM', async () => {
  const aws = mock.use(caseBWithWindows());
  const { ec2 } = aws;
  const aws02 = instanceNamed(aws.world, 'CJ-AWS02');
  const vm = linuxVm(aws.world);
  expect((await run(aws, aws02.id, [`ping -c 1 ${vm.ip}`])).Status).toBe('Failed');
  const cjSg = aws.world.ec2.networkInterfaces.get(aws.world.ec2.instances.get(aws02.id)!.networkInterfaceId)!.groupIds[0]!;
  const vpcId = [...aws.world.ec2.vpcs.keys()][0]!;
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: defaultSecurityGroup(aws.world, vpcId).groupId,
      IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: cjSg }] }],
    }),
  );
  expect((await run(aws, aws02.id, [`ping -c 1 ${vm.ip}`])).Status).toBe('Success');
});

test('a Windows VM pings with ping.exe output: replies when reachable', async () => {
  const aws = mock.use(caseBWithWindows());
  const dst = instanceNamed(aws.world, 'CJ-AWS01').ip;
  const out = await run(aws, windowsVm.managedInstanceId, [`ping ${dst}`], 'AWS-RunPowerShellScript');
  expect([out.Status, out.ResponseCode, out.PluginName]).toEqual(['Success', 0, 'aws:runPowerShellScript']);
  const lines = out.StandardOutputContent!.split('\r\n');
  expect(lines.slice(0, 2)).toEqual(['', `Pinging ${dst} with 32 bytes of data:`]);
  expect(
    lines.slice(2, 6).every((l) => new RegExp(`^Reply from ${dst.replaceAll('.', '\\.')}: bytes=32 time[<=]\\d+ms TTL=62$`).test(l)),
  ).toBe(true);
  expect(lines.slice(6, 9)).toEqual(['', `Ping statistics for ${dst}:`, '    Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),']);
  expect(lines[9]).toBe('Approximate round trip times in milli-seconds:');
});

test('a Windows VM pinging a blocked destination: Request timed out, 100% loss, Failed', async () => {
  const world = caseBWithWindows();
  // Without the CGW group membership the Default Uplink Rule drops the VM's traffic.
  patchGroup(world, 'cgw', 'cj-vm', {
    expression: [{ resourceType: 'Condition', memberType: 'VirtualMachine', key: 'Name', operator: 'EQUALS', value: 'CJ-VM01' }],
  });
  const aws = mock.use(world);
  const dst = instanceNamed(world, 'CJ-AWS01').ip;
  const out = await run(aws, windowsVm.managedInstanceId, [`ping -n 4 -w 1000 ${dst}`], 'AWS-RunPowerShellScript');
  expect([out.Status, out.ResponseCode, out.StandardErrorContent]).toEqual(['Failed', 1, '']);
  expect(out.StandardOutputContent).toBe(
    [
      '',
      `Pinging ${dst} with 32 bytes of data:`,
      ...Array(4).fill('Request timed out.'),
      '',
      `Ping statistics for ${dst}:`,
      '    Packets: Sent = 4, Received = 0, Lost = 4 (100% loss),',
      '',
    ].join('\r\n'),
  );
});

test.each([
  ['another command', 'curl http://192.168.100.10/', '"curl http://192.168.100.10/"'],
  ['an address outside the world', 'ping -c 1 8.8.8.8', 'not an EC2 instance or SDDC VM'],
  ['a ping between two instances', 'ping -c 1 172.31.16.21', 'flows between two EC2 instances are not modelled'],
  ['a ping that never ends', 'ping 192.168.100.10', 'never ends'],
  ['a host name', 'ping -c 1 cj-vm01', 'only IPv4 addresses'],
])('%s fails with "not supported by the mock" on stderr and exit code 127', async (_what, command, reason) => {
  const aws = mock.use(caseBWithWindows());
  const out = await run(aws, instanceNamed(aws.world, 'CJ-AWS01').id, [command]);
  expect([out.Status, out.ResponseCode, out.StandardOutputContent]).toEqual(['Failed', 127, '']);
  expect(out.StandardErrorContent).toContain('not supported by the mock');
  expect(out.StandardErrorContent).toContain(reason);
});

test('a script with one unsupported line runs nothing, not even its pings', async () => {
  const aws = mock.use(caseBWithWindows());
  const out = await run(aws, instanceNamed(aws.world, 'CJ-AWS01').id, [`ping -c 1 ${linuxVm(aws.world).ip}`, 'uname -a']);
  expect([out.Status, out.ResponseCode, out.StandardOutputContent]).toEqual(['Failed', 127, '']);
});

test('several pings print one after the other; the exit code is the last one', async () => {
  const world = caseBWithWindows();
  const aws02 = instanceNamed(world, 'CJ-AWS02');
  stopInstances(world, [aws02.id]);
  const aws = mock.use(world);
  const out = await run(aws, linuxVm(world).id, [`ping -c 1 -q ${instanceNamed(world, 'CJ-AWS01').ip}`, `ping -c 1 ${aws02.ip}`]);
  expect(out.StandardOutputContent!.match(/packets transmitted, (\d) received/g)).toEqual([
    'packets transmitted, 1 received',
    'packets transmitted, 0 received',
  ]);
  expect(out.StandardOutputContent).not.toContain('bytes from');
  expect([out.Status, out.ResponseCode]).toEqual(['Failed', 1]);
});
