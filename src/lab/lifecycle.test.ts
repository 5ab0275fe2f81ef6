// Nothing the lab makes outlives it: after close, after a failed build, and after the lab process is
// killed with SIGKILL, no anchor process, network namespace or interface of the run is left.
import { articleCaseA } from '../world/test-support';
import { compilePlan } from './compile-plan';
import { LabClient } from './lab-client';
import { labProcesses, runLabel } from './leftovers';
import { NetnsLab, newRunId } from './netns-backend';
import { runCommand } from './run-command';
import { describeLab } from './test-support/lab-env';

/** Everything of the run the machine still shows: anchors, namespaces (lsns) and host links (by label). */
async function leftovers(runId: string): Promise<string[]> {
  const label = runLabel(runId);
  const lsns = await runCommand('lsns', ['-t', 'net', '-n', '-o', 'NS,PID,COMMAND']);
  const links = await runCommand('ip', ['-d', '-o', 'link', 'show']);
  return [
    ...labProcesses(runId).map((p) => `process ${p.pid} ${p.label}`),
    ...lsns.stdout
      .split('\n')
      .filter((l) => l.includes(label))
      .map((l) => `namespace ${l.trim()}`),
    ...links.stdout
      .split('\n')
      .filter((l) => l.includes(label))
      .map((l) => `link ${l.trim()}`),
  ];
}

async function eventuallyNothingLeft(runId: string, withinMs = 5000): Promise<string[]> {
  const deadline = Date.now() + withinMs;
  let left = await leftovers(runId);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    left = await leftovers(runId);
  }
  return left;
}

describeLab('lab lifecycle', () => {
  const plan = compilePlan(articleCaseA());

  test('while it runs, the lab shows its run id on every anchor and namespace', async () => {
    await using lab = new NetnsLab(newRunId());
    await lab.build(plan);
    expect(
      labProcesses(lab.runId)
        .map((p) => p.label)
        .sort(),
    ).toEqual(plan.namespaces.map((n) => `${runLabel(lab.runId)}:${n.name}`).sort());
    expect((await leftovers(lab.runId)).filter((l) => l.startsWith('namespace'))).toHaveLength(plan.namespaces.length);
  });

  test('after close nothing of the run is left', async () => {
    const lab = new NetnsLab(newRunId());
    await lab.build(plan);
    await lab.close();
    expect(await leftovers(lab.runId)).toEqual([]);
  });

  test('a build that fails half-way removes what it had made and says which namespace failed', async () => {
    const lab = new NetnsLab(newRunId());
    const broken = {
      ...plan,
      namespaces: plan.namespaces.map((n) =>
        n.role === 'sddc-edge' ? { ...n, nft: 'table inet vmc_reach { chain c { no-such-statement; }; }\n' } : n,
      ),
    };
    await expect(lab.build(broken)).rejects.toThrow(/setting up namespace sddc-edge failed/);
    expect(await leftovers(lab.runId)).toEqual([]);
  });

  test('after SIGKILL of the lab process its namespaces die with it', async () => {
    await using client = await LabClient.start({ runId: newRunId() });
    await client.build(plan);
    expect(labProcesses(client.runId)).toHaveLength(plan.namespaces.length);
    process.kill(client.pid, 'SIGKILL');
    expect(await eventuallyNothingLeft(client.runId)).toEqual([]);
  });
});
