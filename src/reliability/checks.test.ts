// The lighter reliability subset for `npm test`: canary secrets, two concurrent runs, foreign resources,
// one SIGINT and one SIGKILL point, and the world check itself (it must see a leak and a changed default SG).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import type { CallRecord } from '../../mocks/faults';
import { createAwsClients } from '../clients/aws';
import { articleSpec } from './article-spec';
import { bundleChild } from './child-bundle';
import { concurrencyCheck } from './concurrency-check';
import { cleanCalls } from './fault-matrix';
import { foreignCheck } from './foreign-check';
import { settingsFor } from './run-settings';
import { secretsCheck } from './secrets-check';
import { serveWorld } from './served-world';
import { signalPoint } from './signal-matrix';
import { checkWorld } from './world-check';

const root = mkdtempSync(join(tmpdir(), 'vmc-reach-reliability-test-'));
// The clean run's API calls, which several checks aim at: one clean run for the file.
let clean: Promise<CallRecord[]> | undefined;
const calls = (): Promise<CallRecord[]> => (clean ??= cleanCalls(articleSpec(), root));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('the world check sees a security group left behind and a default SG rule added', async () => {
  await using w = await serveWorld();
  const aws = createAwsClients(settingsFor(w.env).aws);
  try {
    const vpcId = [...w.world.ec2.vpcs.keys()][0]!;
    await aws.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'left', Description: 'left', VpcId: vpcId }));
    const def = (await aws.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] })))
      .SecurityGroups![0]!;
    await aws.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: def.GroupId!,
        IpPermissions: [{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '10.9.9.9/32' }] }],
      }),
    );
    const check = checkWorld(w.world, w.before);
    expect(check.leaks.join('\n')).toMatch(/describe-security-groups\.json changed/);
    expect(check.defaultSgRestored).toBe(false);
  } finally {
    aws.destroy();
  }
});

test('canary CSP token and AWS keys appear nowhere (stdout, stderr, JUnit, results, ledger, collected snapshot)', async () => {
  const r = await secretsCheck();
  expect(r.runExit).toBe(0);
  expect(r.placesChecked).toEqual(
    expect.arrayContaining([
      'run stdout',
      'run stderr',
      'report/junit.xml',
      expect.stringMatching(/^\.vmc-reach\/runs\//),
      expect.stringMatching(/^report\/results\//),
      expect.stringMatching(/^collected\//),
    ]),
  );
  expect(r.sightings).toEqual([]);
  expect(r.leaks).toEqual([]);
}, 120_000);

test('two runs at once against one world pass and leave nothing; each reap removes only its own run', async () => {
  const r = await concurrencyCheck(root);
  expect(r.concurrentRuns).toEqual([expect.objectContaining({ passed: true }), expect.objectContaining({ passed: true })]);
  expect(r.killed.every((k) => k.owned > 0)).toBe(true);
  expect([r.leaksAfterRuns, r.crossReaped, r.leaksAfterReaps]).toEqual([[], [], []]);
}, 120_000);

test("a customer's resources named like the harness's are unchanged after runs, a failed run, a kill and reaps", async () => {
  const r = await foreignCheck(root, (await calls())[40]!);
  expect(r.resources).toBe(5);
  expect(r.situations.map((s) => [s.name, s.changed, s.leaks])).toEqual(r.situations.map((s) => [s.name, [], []]));
}, 120_000);

describe('stopped by a signal mid-run', () => {
  const bundle = bundleChild();
  test.each([
    ['SIGINT', 20],
    ['SIGTERM', 50],
    ['SIGKILL', 20],
  ] as const)(
    '%s at call %i: torn down (or reaped), nothing left, default SG exact',
    async (signal, index) => {
      const p = await signalPoint(bundle, signal, (await calls())[index]!, root);
      expect(p).toMatchObject({ sent: true, handled: true, leaks: [], defaultSgRestored: true });
      if (signal === 'SIGKILL') expect(p.reapCode).toBe(0);
      else expect(p.exitCode).toBe(signal === 'SIGINT' ? 130 : 143);
    },
    120_000,
  );
});
