// The container backend: the article's verdicts with the guest's own ping (busybox), a change applied to
// the running lab, containers with nothing but loopback and the lab's veths, and nothing left after
// close or, once the next lab process has started, after a SIGKILL.
import { articleCaseB, articleCaseC } from '../world/test-support';
import { LabClient } from './lab-client';
import { labContainers } from './container-runtime';
import { compilePlan } from './compile-plan';
import { outsideAddress, sealingProblems } from './sealing';
import { newRunId } from './netns-backend';
import { describeContainerLab } from './test-support/lab-env';

const vmIp = '192.168.100.10';
const busyboxPing = (ip: string, waitSeconds = 1) => ['ping', '-c', '1', '-W', String(waitSeconds), ip]; // busybox: whole seconds

describeContainerLab('container backend', () => {
  let client: LabClient;
  const plan = compilePlan(articleCaseB());
  beforeAll(async () => {
    client = await LabClient.start({ backend: 'container' });
    await client.build(plan);
  }, 60_000);
  afterAll(() => client?.close(), 60_000);

  test("case B in real guests: CJ-AWS01 reaches CJ-VM01, CJ-AWS02 is dropped (busybox ping's own output)", async () => {
    const [ok, blocked] = await Promise.all([client.exec('CJ-AWS01', busyboxPing(vmIp, 3)), client.exec('CJ-AWS02', busyboxPing(vmIp))]);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toContain('1 packets transmitted, 1 packets received');
    expect(blocked.exitCode).toBe(1);
    expect(blocked.stdout).toContain('1 packets transmitted, 0 packets received');
  });

  test("case C's fix reaches the running containers at once", async () => {
    expect((await client.apply(articleCaseC())).rebuilt).toBe(false);
    expect((await client.exec('CJ-AWS02', busyboxPing(vmIp, 3))).exitCode).toBe(0);
  });

  test('the guests have loopback and the lab veths only (network mode none: no Docker bridge, no NAT)', async () => {
    const inspections = await Promise.all(plan.namespaces.map((n) => client.inspect(n.name)));
    const routeGet = new Map(
      await Promise.all(
        plan.namespaces
          .filter((n) => n.endpoint)
          .map(async (n) => [n.name, await client.exec(n.name, ['ip', 'route', 'get', outsideAddress])] as const),
      ),
    );
    expect(sealingProblems(plan, inspections, routeGet)).toEqual([]);
  });

  test('a guest command that outlives its timeout is killed and reported as timed out', async () => {
    const r = await client.exec('CJ-VM01', ['sleep', '5'], 1000);
    expect(r.timedOut).toBe(true);
    expect(r.durationMs).toBeLessThan(3000);
  });

  test('after close no container of the run is left', async () => {
    const other = await LabClient.start({ backend: 'container', runId: newRunId() });
    await other.build(plan);
    expect(await labContainers(other.runId)).toHaveLength(plan.namespaces.length);
    await other.close();
    expect(await labContainers(other.runId)).toEqual([]);
  }, 60_000);

  test("after SIGKILL of the lab process, the next lab process removes the dead run's containers by label", async () => {
    const killed = await LabClient.start({ backend: 'container', runId: newRunId() });
    await killed.build(plan);
    process.kill(killed.pid, 'SIGKILL');
    await killed.close();
    expect(await labContainers(killed.runId)).toHaveLength(plan.namespaces.length); // Docker keeps them: no Ryuk
    await using _next = await LabClient.start({ backend: 'container' });
    // The next lab process removes them as it starts (another lab process starting may be removing them too).
    let left = await labContainers(killed.runId);
    for (let i = 0; i < 50 && left.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = await labContainers(killed.runId);
    }
    expect(left).toEqual([]);
  }, 60_000);
});
