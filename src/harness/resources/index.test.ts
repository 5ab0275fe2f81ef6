// The table of resource kinds: each kind under its own ledger type, an unknown type refused by name,
// and every kind's plan lines and provisioning step actually used by the plan and the run.
import { defineScenario } from '../dsl/builder';
import { planScenario } from '../run/plan';
import { kindOf, planOrder, provisionStages, resourceKinds, UnknownLedgerTypeError } from '.';

test('each kind sits under the ledger type it records', () => {
  expect(Object.entries(resourceKinds).filter(([key, kind]) => kind.type !== key)).toEqual([]);
});

test('a type no kind has is refused with a typed error naming it', () => {
  expect(() => kindOf('ec2:prefix-list')).toThrow(UnknownLedgerTypeError);
  expect(() => kindOf('ec2:prefix-list')).toThrow(/cannot remove: ec2:prefix-list$/);
  // Not fooled by what every object inherits.
  expect(() => kindOf('toString')).toThrow(UnknownLedgerTypeError);
  expect(kindOf('ec2:subnet')).toBe(resourceKinds['ec2:subnet']);
});

test('every kind with plan lines is in the plan, and every provisioning step runs exactly once', () => {
  const kinds = Object.values(resourceKinds);
  expect(kinds.filter((k) => 'plan' in k && !planOrder.includes(k)).map((k) => k.type)).toEqual([]);
  const steps = provisionStages.flat();
  expect(kinds.filter((k) => 'provision' in k && steps.filter((s) => s === k.provision).length !== 1).map((k) => k.type)).toEqual([]);
});

test('the plan gives each kind its lines, in the order of the table of plan lines', () => {
  const spec = defineScenario('every kind', ({ sddc, aws, ping }) => {
    const seg = sddc.segment('seg', { gateway: '192.168.1.1/24' });
    const vm = sddc.vm('vm-1');
    const g = sddc.group('g', { vmName: 'vm-1' });
    sddc.cgwRule('cgw', { sequence: 1, from: g, to: 'ANY' });
    sddc.dfwRule('dfw', { sequence: 1, from: 'ANY', to: g });
    sddc.dfwDefaultRule('DROP');
    const sg = aws.securityGroup('sg');
    aws.subnet('sn', { routeTable: { sddcRoutes: [seg] }, networkAcl: [] });
    const i = aws.instance('i-1', { securityGroups: [sg], subnet: 'sn' });
    ping(i, vm).expect('reachable');
  });
  const kindsInPlan = planScenario(spec).map((l) => l.trim().split(/[ :]/)[0]);
  expect(kindsInPlan).toEqual([
    'scenario',
    'discover',
    'segment',
    'group',
    'DFW',
    'DFW',
    'CGW',
    'security',
    'subnet',
    'instance',
    'VM',
    'probe',
    'teardown',
  ]);
});
