// The DFW with real packets: the VM node's nftables must block and pass what the engine says, for a
// DROP at the VM, an Emergency DROP over an Application ALLOW, the default rule DROP with an allow for
// the VPC, and a stateless policy whose reply meets the default DROP.
import { patchDfwPolicy, patchDfwRule, type World } from '../world';
import type { Flow } from '../network/flow';
import { buildTopology, type Topology } from '../network/test-support/topology';
import { LabClient } from './lab-client';
import { describeLab } from './test-support/lab-env';
import { judge } from './test-support/oracle';

const dropDefault = (w: World) => void patchDfwRule(w, 'default-layer3-section', 'default-layer3-rule', { action: 'DROP' });

const cases: { name: string; setup: (t: Topology) => void; flow: (t: Topology) => Flow; reachable: boolean }[] = [
  {
    name: 'an Application DROP at the VM blocks EC2 → VM',
    setup: (t) => void patchDfwPolicy(t.world, 'app', { rules: [{ id: 'drop', action: 'DROP', direction: 'IN' }] }),
    flow: (t) => t.toVm('ec2-a'),
    reachable: false,
  },
  {
    name: 'an Emergency DROP overrides an Application ALLOW',
    setup: (t) => {
      patchDfwPolicy(t.world, 'app', { category: 'Application', rules: [{ id: 'allow', action: 'ALLOW' }] });
      patchDfwPolicy(t.world, 'quarantine', { category: 'Emergency', sequenceNumber: 99, rules: [{ id: 'drop', action: 'DROP' }] });
    },
    flow: (t) => t.fromVm('ec2-a'),
    reachable: false,
  },
  {
    name: 'the default rule DROP with an allow for the VPC lets EC2 → VM through',
    setup: (t) => {
      dropDefault(t.world);
      patchDfwPolicy(t.world, 'vpc', { rules: [{ id: 'from-vpc', action: 'ALLOW', sourceGroups: ['10.0.0.0/16'], direction: 'IN' }] });
    },
    flow: (t) => t.toVm('ec2-a'),
    reachable: true,
  },
  {
    name: 'a stateless ALLOW inbound only: the reply meets the default DROP',
    setup: (t) => {
      dropDefault(t.world);
      patchDfwPolicy(t.world, 'stateless', { stateful: false, rules: [{ id: 'in', action: 'ALLOW', direction: 'IN' }] });
    },
    flow: (t) => t.toVm('ec2-a'),
    reachable: false,
  },
];

describeLab('the DFW in the lab', () => {
  let lab: LabClient;
  beforeAll(async () => {
    lab = await LabClient.start();
  }, 60_000);
  afterAll(async () => {
    await lab?.close();
  });

  test.each(cases)(
    '$name',
    async (c) => {
      const t = buildTopology();
      c.setup(t);
      const [o] = await judge(lab, t.world, [c.flow(t)], 0.5);
      expect([o!.engine.reachable, o!.lab.reachable]).toEqual([c.reachable, c.reachable]);
    },
    60_000,
  );
});
