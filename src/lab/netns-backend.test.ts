// The namespace backend on the article's worlds: real echo requests through the compiled filters, the
// article's verdicts, changes applied to the running lab, and exec's errors and timeouts.
import { articleCaseB, articleCaseC } from '../world/test-support';
import { describeInstances, getInstance, nameTag, startInstances, stopInstances, type World } from '../world';
import { compilePlan } from './compile-plan';
import { NetnsLab } from './netns-backend';
import { pingArgv, pingSummary } from './ping';
import { describeLab } from './test-support/lab-env';

const vmIp = '192.168.100.10';
const ipOf = (world: World, name: string): string =>
  [...world.ec2.instances.values()].find((i) => nameTag(i.tags) === name)!.privateIpAddress;

describeLab('namespace lab on the article worlds', () => {
  let lab: NetnsLab;
  const world = articleCaseB();
  // Probes expected to pass get a long wait (they return at the reply; a loaded machine cannot fail them).
  const ping = (from: string, to: string, waitSeconds = 2) => lab.exec(from, pingArgv(to, { waitSeconds }));
  const pingBlocked = (from: string, to: string) => ping(from, to, 0.3);

  beforeAll(async () => {
    lab = new NetnsLab();
    await lab.build(compilePlan(world));
  });
  afterAll(() => lab?.close());

  test('case B: CJ-AWS01 (default SG) gets a real echo reply from CJ-VM01', async () => {
    const r = await ping('CJ-AWS01', vmIp);
    expect(r.exitCode).toBe(0);
    expect(pingSummary(r.stdout)).toEqual({ sent: 1, received: 1 });
    expect(r.stdout).toContain(`bytes from ${vmIp}`);
  });

  test("case B: CJ-AWS02 (CJ-SG) → CJ-VM01 is dropped by the cross-link ENI's default SG: 100% loss, exit 1", async () => {
    const r = await pingBlocked('CJ-AWS02', vmIp);
    expect(r.exitCode).toBe(1);
    expect(pingSummary(r.stdout)).toEqual({ sent: 1, received: 0 });
  });

  test('case B: CJ-VM01 reaches both instances (VM → EC2 leaves through the ENI SG egress)', async () => {
    expect((await ping('CJ-VM01', ipOf(world, 'CJ-AWS01'))).exitCode).toBe(0);
    expect((await ping('CJ-VM01', ipOf(world, 'CJ-AWS02'))).exitCode).toBe(0);
  });

  test("case C's fix, applied to the running lab, lets CJ-AWS02 reach CJ-VM01 at once, without a rebuild", async () => {
    const report = await lab.apply(compilePlan(articleCaseC()));
    expect(report.rebuilt).toBe(false);
    expect(report.changed).toEqual(['sddc-edge', 'vpc-router']);
    expect((await ping('CJ-AWS02', vmIp)).exitCode).toBe(0);
    await lab.apply(compilePlan(world)); // back to case B
    expect((await pingBlocked('CJ-AWS02', vmIp)).exitCode).toBe(1);
  });

  test('a stopped instance is down in the lab until it is started again', async () => {
    const aws01 = [...world.ec2.instances.values()].find((i) => nameTag(i.tags) === 'CJ-AWS01')!;
    stopInstances(world, [aws01.instanceId]);
    describeInstances(world);
    await lab.apply(compilePlan(world));
    expect((await pingBlocked('CJ-VM01', aws01.privateIpAddress)).exitCode).not.toBe(0);
    startInstances(world, [aws01.instanceId]);
    describeInstances(world);
    expect(getInstance(world, aws01.instanceId).state).toBe('running');
    await lab.apply(compilePlan(world));
    expect((await ping('CJ-VM01', aws01.privateIpAddress)).exitCode).toBe(0);
  });

  test('exec names the nodes when asked for one that does not exist', async () => {
    await expect(lab.exec('CJ-AWS99', ['true'])).rejects.toThrow(/no lab node "CJ-AWS99"; nodes: .*CJ-AWS01/);
  });

  test('exec kills a command that outlives its timeout and says so', async () => {
    const r = await lab.exec('CJ-VM01', ['sleep', '5'], 100);
    expect(r.timedOut).toBe(true);
    expect(r.durationMs).toBeLessThan(2000);
  });
});
