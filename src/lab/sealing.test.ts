// The lab is sealed by construction, shown by inspection of a running lab (no packet is sent anywhere).
import { articleCaseB } from '../world/test-support';
import { compilePlan } from './compile-plan';
import { NetnsLab } from './netns-backend';
import { outsideAddress, parseLinks, sealingProblems } from './sealing';
import { runCommand } from './run-command';
import { runLabel } from './leftovers';
import { describeLab } from './test-support/lab-env';

describeLab('sealing of a running lab (inspected, never probed outwards)', () => {
  const lab = new NetnsLab();
  const plan = compilePlan(articleCaseB());
  beforeAll(() => lab.build(plan));
  afterAll(() => lab.close());

  async function inspectAll() {
    const inspections = await Promise.all(plan.namespaces.map((n) => lab.inspect(n.name)));
    const routeGet = new Map<string, { exitCode: number | null; stdout: string }>();
    for (const n of plan.namespaces) routeGet.set(n.name, await lab.exec(n.name, ['ip', 'route', 'get', outsideAddress]));
    return { inspections, routeGet };
  }

  test('every interface is loopback or a planned veth whose peer is in another lab namespace; no default route; no route out', async () => {
    const { inspections, routeGet } = await inspectAll();
    expect(sealingProblems(plan, inspections, routeGet)).toEqual([]);
    expect(inspections.flatMap((i) => parseLinks(i.links)).filter((l) => l.kind === 'veth')).toHaveLength(plan.links.length * 2);
  });

  test('the nodes answer `ip route get` for an outside address with "unreachable", from the kernel alone', async () => {
    const node = plan.namespaces.find((n) => n.endpoint?.name === 'CJ-AWS01')!;
    const r = await lab.exec(node.name, ['ip', 'route', 'get', outsideAddress]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/unreachable/i);
  });

  test('the host gained no interface: the veths were created inside the lab namespaces', async () => {
    const host = await runCommand('ip', ['-d', '-o', 'link', 'show']);
    expect(host.stdout).not.toContain(runLabel(lab.runId));
  });

  test('an interface that leads elsewhere is reported', () => {
    const inspections = plan.namespaces.map((n) => ({
      namespace: n.name,
      links: '1: lo: <LOOPBACK,UP> mtu 65536\n',
      addresses: '',
      routes: '',
      rules: '',
    }));
    inspections[0]!.links += '7: eth9: <BROADCAST,UP> mtu 1500 link/ether 02:00:00:00:00:01\n';
    inspections[1]!.routes = 'default via 10.0.0.1 dev eth9\n';
    const problems = sealingProblems(
      plan,
      inspections,
      new Map([['x', { exitCode: 0, stdout: `${outsideAddress} via 10.0.0.1 dev eth9` }]]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        `${plan.namespaces[0]!.name}: interface eth9 (device) is not a planned lab veth`,
        `${plan.namespaces[1]!.name}: default route "default via 10.0.0.1 dev eth9"`,
        `x: has a route to ${outsideAddress}: ${outsideAddress} via 10.0.0.1 dev eth9`,
      ]),
    );
  });
});
