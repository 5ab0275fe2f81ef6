// configurationVerdict: the engine's verdict for a probe, or none with the reason when an endpoint has no IPv4 address.
import { articleCaseB } from '../../world/test-support';
import { configurationVerdict } from './configuration-verdict';

const endpoints = (world: ReturnType<typeof articleCaseB>) => {
  const instance = [...world.ec2.instances.values()].find((i) => i.tags.some((t) => t.key === 'Name' && t.value === 'CJ-AWS01'))!;
  const vm = [...world.nsx.vms.values()].find((v) => v.displayName === 'CJ-VM01')!;
  return {
    instance: { kind: 'instance' as const, instanceId: instance.instanceId },
    vm: { kind: 'vm' as const, externalId: vm.externalId },
    vmRecord: vm,
  };
};

test('an addressed pair gets the engine verdict', () => {
  const world = articleCaseB();
  const e = endpoints(world);
  const r = configurationVerdict(world, e.instance, e.vm);
  expect(r.verdict?.status).toBe('reachable');
  expect(r.unevaluated).toBeUndefined();
});

test('a VM without an IPv4 address gets no verdict and a note naming it, instead of an exception', () => {
  const world = articleCaseB();
  const e = endpoints(world);
  e.vmRecord.ipAddresses = [];
  world.touch();
  const r = configurationVerdict(world, e.instance, e.vm);
  expect(r.verdict).toBeNull();
  expect(r.unevaluated).toMatch(/judged by its packets alone: .*CJ-VM01.*IPv4/);
});
