// Benchmark: DescribeSecurityGroups throughput through the same AWS SDK v3 EC2Client over the same
// 21-group world (the article's case A plus 20 groups with rules), four ways:
//   floor       the SDK with a stub request handler returning the mock's response (no HTTP, no mock)
//   in-process  MSW intercepting the SDK's requests in this process (mocks/in-process.ts, as the mock target uses it)
//   served      `vmc-reach mock serve` in its own process, over loopback HTTP
//   moto        moto_server (moto 5.2) in its own process, the same 20 groups created in its default VPC
// Every mode runs the same number of concurrent callers for the same time, after a warm-up, and the
// ratios come from this one run. Targets: served ≥ 15× moto, in-process ≥ 8× moto, served ≥ 0.6× floor.
// Run: npm run bench:aws   (needs moto_server for the moto row; without it the row says so)
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { writeSnapshot } from '../src/snapshot';
import { articleCaseA } from '../src/world/test-support';
import { authorizeSecurityGroupIngress, createSecurityGroup, type World } from '../src/world';
import { createAwsClients, mockCredentials } from '../src/clients/aws';
import { createMockContext } from '../mocks/mock-context';
import { startInProcessMock } from '../mocks/in-process';
import { answerEc2 } from '../mocks/aws/ec2/dispatch';
import { missingTools, startMockServe } from '../mocks/aws/conformance/cli-runs';
import { startMoto } from '../src/ops/live-moto/moto-server';

/** Concurrent callers per mode: `--concurrency N` (default 8). */
const concurrency = Number(process.argv[process.argv.indexOf('--concurrency') + 1] ?? '') || 8;
const warmupMs = 700;
const measureMs = 2_500;
const extraGroups = 20;

interface Row {
  mode: string;
  calls: number;
  perSecond: number;
  groups: number;
  note?: string;
}

/** The rules each extra group gets: an SSH rule from a CIDR, ICMP from the SDDC, HTTPS from the previous group. */
function groupSpec(i: number) {
  return {
    name: `bench-${String(i).padStart(2, '0')}`,
    ssh: { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: [{ cidrIp: `10.${i}.0.0/16`, description: 'admin' }] },
    icmp: { ipProtocol: 'icmp', fromPort: -1, toPort: -1, ipRanges: [{ cidrIp: '192.168.100.0/24' }] },
  };
}

function benchWorld(): World {
  const world = articleCaseA();
  const vpcId = [...world.ec2.vpcs.keys()][0]!;
  let previous: string | undefined;
  for (let i = 1; i <= extraGroups; i++) {
    const spec = groupSpec(i);
    const sg = createSecurityGroup(world, {
      groupName: spec.name,
      description: 'vmc-reach bench',
      vpcId,
      tags: [{ key: 'Name', value: spec.name }],
    });
    authorizeSecurityGroupIngress(world, sg.groupId, [
      spec.ssh,
      spec.icmp,
      ...(previous ? [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, userIdGroupPairs: [{ groupId: previous }] }] : []),
    ]);
    previous = sg.groupId;
  }
  return world;
}

/** Calls DescribeSecurityGroups from `concurrency` callers for `ms`; returns the calls completed and the group count seen. */
async function measure(client: EC2Client, ms: number): Promise<{ calls: number; groups: number }> {
  let calls = 0;
  let groups = 0;
  const until = performance.now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const out = await client.send(new DescribeSecurityGroupsCommand({}));
        groups = out.SecurityGroups?.length ?? 0;
        calls++;
      }
    }),
  );
  return { calls, groups };
}

async function run(mode: string, client: EC2Client, note?: string): Promise<Row> {
  await measure(client, warmupMs);
  const t0 = performance.now();
  const { calls, groups } = await measure(client, measureMs);
  const seconds = (performance.now() - t0) / 1000;
  const row: Row = { mode, calls, perSecond: calls / seconds, groups, ...(note ? { note } : {}) };
  console.log(
    `  ${mode.padEnd(11)} ${row.perSecond.toFixed(0).padStart(7)} calls/s  ${(1000 / row.perSecond).toFixed(3).padStart(7)} ms/call  (${calls} calls, ${groups} groups each)`,
  );
  return row;
}

/** An SDK request handler that answers every request with the same bytes: the SDK's own cost, nothing else. */
function stubHandler(xml: Buffer) {
  return {
    handle: async () => ({
      response: {
        statusCode: 200,
        reason: 'OK',
        headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': 'stub' },
        body: Readable.from([xml]),
      },
    }),
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
  };
}

async function seedMoto(client: EC2Client): Promise<void> {
  const vpcs = await client.send(new DescribeVpcsCommand({}));
  const vpcId = vpcs.Vpcs?.find((v) => v.IsDefault)?.VpcId;
  let previous: string | undefined;
  for (let i = 1; i <= extraGroups; i++) {
    const spec = groupSpec(i);
    const sg = await client.send(
      new CreateSecurityGroupCommand({
        GroupName: spec.name,
        Description: 'vmc-reach bench',
        VpcId: vpcId,
        TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'Name', Value: spec.name }] }],
      }),
    );
    const perm = (p: { ipProtocol: string; fromPort: number; toPort: number; ipRanges: { cidrIp: string; description?: string }[] }) => ({
      IpProtocol: p.ipProtocol,
      FromPort: p.fromPort,
      ToPort: p.toPort,
      IpRanges: p.ipRanges.map((r) => ({ CidrIp: r.cidrIp, ...(r.description ? { Description: r.description } : {}) })),
    });
    await client.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: sg.GroupId,
        IpPermissions: [
          perm(spec.ssh),
          perm(spec.icmp),
          ...(previous ? [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, UserIdGroupPairs: [{ GroupId: previous }] }] : []),
        ],
      }),
    );
    previous = sg.GroupId;
  }
}

async function main(): Promise<void> {
  const world = benchWorld();
  const region = world.region;
  const rows: Row[] = [];
  console.log(
    `DescribeSecurityGroups, ${world.ec2.securityGroups.size} groups, ${concurrency} concurrent callers, ${measureMs} ms per mode after ${warmupMs} ms warm-up`,
  );

  // floor: the SDK parsing the mock's own answer, with no transport at all.
  const xml = Buffer.from(await answerEc2(createMockContext(benchWorld()), 'Action=DescribeSecurityGroups&Version=2016-11-15').text());
  rows.push(
    await run('floor', new EC2Client({ region, credentials: { ...mockCredentials }, maxAttempts: 1, requestHandler: stubHandler(xml) })),
  );

  // in-process: MSW in this process; closed before the loopback modes, which it would intercept too.
  const inProcessMock = startInProcessMock(createMockContext(world));
  const inProcess = createAwsClients({ region, credentials: mockCredentials, maxAttempts: 1 });
  rows.push(await run('in-process', inProcess.ec2));
  inProcess.destroy();
  inProcessMock.close();

  // served: the real command, on a snapshot of the same world.
  const dir = await mkdtemp(join(tmpdir(), 'vmc-reach-bench-'));
  try {
    await writeSnapshot(world, dir, { description: 'bench: article case A plus 20 security groups' });
    const served = await startMockServe(['--world', dir]);
    try {
      const clients = createAwsClients({ region, credentials: mockCredentials, endpoint: served.url, maxAttempts: 1 });
      rows.push(await run('served', clients.ec2));
      clients.destroy();
    } finally {
      await served.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // moto: its own process, seeded with the same groups.
  const missing = missingTools(true);
  if (missing) {
    console.log(`  moto        skipped: ${missing}`);
  } else {
    const moto = await startMoto();
    try {
      const clients = createAwsClients({
        region,
        credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
        endpoint: moto.url,
        maxAttempts: 1,
      });
      await seedMoto(clients.ec2);
      rows.push(await run('moto', clients.ec2));
      clients.destroy();
    } finally {
      await moto.stop();
    }
  }

  const rate = (mode: string) => rows.find((r) => r.mode === mode)?.perSecond;
  const ratio = (a: string, b: string, target: number) => {
    const x = rate(a);
    const y = rate(b);
    if (x === undefined || y === undefined) return `  ${a} / ${b}: not measured`;
    const r = x / y;
    return `  ${`${a} / ${b}`.padEnd(21)} ${r.toFixed(2).padStart(7)}×   target ≥ ${target}×  ${r >= target ? 'met' : 'NOT met'}`;
  };
  console.log('\nratios (this run):');
  console.log(ratio('served', 'moto', 15));
  console.log(ratio('in-process', 'moto', 8));
  console.log(ratio('served', 'floor', 0.6));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
