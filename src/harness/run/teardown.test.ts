// Teardown from the ledger against the embedded mock: reverse order, exact reverts, past failures, and
// resumable (what `reap` does).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { createMockAwsClients, type AwsClients } from '../../clients/aws';
import { createVmcClient, type NsxClient } from '../../clients/vmc';
import { startMockTarget, type MockTarget } from '../../../mocks/mock-target';
import { leftovers } from '../../../mocks/leftovers';
import { snapshotFiles } from '../../snapshot';
import { defaultSecurityGroup } from '../../world';
import { Ledger } from '../../target/ledger';
import { manualClock } from '../../target/wait';
import { teardown } from './teardown';

let target: MockTarget;
let aws: AwsClients;
let nsx: NsxClient;
let root: string;
let before: Map<string, string>;

beforeEach(async () => {
  target = await startMockTarget(join(__dirname, '..', '..', '..', 'fixtures', 'snapshots', 'harness-before-runs'));
  aws = createMockAwsClients({ region: target.world.region, maxAttempts: 1 });
  nsx = (
    await createVmcClient({
      apiToken: target.env.VMC_API_TOKEN!,
      orgId: target.env.VMC_ORG_ID!,
      sddcId: target.env.VMC_SDDC_ID!,
      retry: { maxAttempts: 1 },
    } as never).connect()
  ).nsx;
  root = await mkdtemp(join(tmpdir(), 'vmc-reach-teardown-'));
  before = snapshotFiles(target.world, { description: 'before' });
});

afterEach(async () => {
  aws.destroy();
  target.close();
  await rm(root, { recursive: true, force: true });
});

/** What a run would have made: a group, an SG, an instance in it, and a rule added to the default SG. */
async function makeRun(ledger: Ledger): Promise<{ sgId: string; defaultSgId: string }> {
  const vpcId = [...target.world.ec2.vpcs.keys()][0]!;
  const subnetId = [...target.world.ec2.subnets.keys()][0]!;
  const defaultSgId = defaultSecurityGroup(target.world, vpcId).groupId;
  const g = await ledger.record({ action: 'created', type: 'nsx:group', id: 'g-run' });
  await nsx.groups.patch('g-run', {
    display_name: 'g',
    expression: [{ resource_type: 'IPAddressExpression', ip_addresses: ['10.1.1.1'] }],
  });
  await ledger.update(g.seq, { state: 'live' });
  const s = await ledger.record({ action: 'created', type: 'ec2:security-group' });
  const sg = await aws.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'run-sg', Description: 'x', VpcId: vpcId }));
  await ledger.update(s.seq, { id: sg.GroupId!, state: 'live' });
  const i = await ledger.record({ action: 'created', type: 'ec2:instance', details: { clientToken: 'run-i-1' } });
  const image = (
    await aws.ssm.send(new GetParameterCommand({ Name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' }))
  ).Parameter!.Value!;
  const inst = await aws.ec2.send(
    new RunInstancesCommand({
      ImageId: image,
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnetId,
      SecurityGroupIds: [sg.GroupId!],
      ClientToken: 'run-i-1',
    }),
  );
  await ledger.update(i.seq, { id: inst.Instances![0]!.InstanceId!, state: 'live' });
  const c = await ledger.record({
    action: 'changed',
    type: 'ec2:security-group-rule',
    state: 'intended',
    revert: { action: 'none', params: {} },
  });
  const added = await aws.ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: defaultSgId,
      IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: sg.GroupId! }] }],
    }),
  );
  const ids = added.SecurityGroupRules!.map((r) => r.SecurityGroupRuleId!);
  await ledger.update(c.seq, {
    state: 'live',
    id: ids.join(','),
    revert: { action: 'RevokeSecurityGroupIngress', params: { GroupId: defaultSgId, SecurityGroupRuleIds: ids } },
  });
  return { sgId: sg.GroupId!, defaultSgId };
}

const clients = () => ({ ec2: aws.ec2, nsx, clock: manualClock(), log: () => undefined, waitMs: 60_000 });

test('everything created is removed and the default SG rule reverted: the world is as before', async () => {
  const ledger = await Ledger.create(root, { runId: 'r1', target: 'mock' });
  await makeRun(ledger);
  const report = await teardown(ledger, clients());
  expect(report.failed).toEqual([]);
  expect(report.reverted).toHaveLength(1);
  expect(report.removed).toHaveLength(3);
  expect(leftovers(target.world, before)).toEqual([]);
});

test('an instance whose id never reached the ledger is found by its client token', async () => {
  const ledger = await Ledger.create(root, { runId: 'r2', target: 'mock' });
  await makeRun(ledger);
  const inst = ledger.entries().find((e) => e.type === 'ec2:instance')!;
  await ledger.update(inst.seq, { state: 'intended' });
  delete (ledger.entries().find((e) => e.type === 'ec2:instance') as { id?: string }).id;
  await teardown(ledger, clients());
  expect(leftovers(target.world, before)).toEqual([]);
});

test('a failing delete is reported, the rest still goes, and a second teardown (reap) finishes the job', async () => {
  const ledger = await Ledger.create(root, { runId: 'r3', target: 'mock' });
  await makeRun(ledger);
  target.ctx.faults.add({ service: 'nsx', fault: 'server-error', times: Infinity, operation: 'DELETE group' });
  const first = await teardown(ledger, clients());
  expect(first.failed.map((f) => f.entry.type)).toEqual(['nsx:group']);
  expect(first.removed.map((e) => e.type)).toEqual(['ec2:instance', 'ec2:security-group']);
  expect((await aws.ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups!.map((g) => g.GroupName)).toEqual(['default']);
  target.ctx.faults.clear();
  const again = await Ledger.open(root, 'r3');
  const second = await teardown(again, clients());
  expect(second.failed).toEqual([]);
  expect(second.removed.map((e) => e.type)).toEqual(['nsx:group']);
  expect(leftovers(target.world, before)).toEqual([]);
});
