// Endpoints without an IPv4 address (a VM whose VIF reports none, a powered-off VM without a VIF, an
// instance on an IPv6-only subnet): the matrix leaves them out instead of throwing, they are listed with
// the reason, and naming one as --from/--to is a RefError saying so.
import { addVm } from '../world';
import { evaluateMatrix, matrixFlows } from './evaluate';
import { unaddressedEndpoints } from './endpoints';
import { RefError, resolveRef } from './refs';
import { buildTopology, type Topology } from './test-support/topology';

function topology(): Topology {
  const t = buildTopology({ instances: { 'ec2-a': {}, 'ec2-v6': {} } });
  addVm(t.world, { externalId: 'vm-off-uuid', displayName: 'vm-off', powerState: 'VM_STOPPED', tags: [], ipAddresses: [] });
  addVm(t.world, { externalId: 'vm-quiet-uuid', displayName: 'vm-quiet', powerState: 'VM_RUNNING', tags: [], ipAddresses: [] });
  t.world.ec2.instances.get(t.instances['ec2-v6']!.instanceId)!.privateIpAddress = '';
  t.world.touch();
  return t;
}

test('the matrix has flows only between addressed endpoints, and evaluating it does not throw', () => {
  const t = topology();
  expect([...matrixFlows(t.world)]).toHaveLength(2);
  expect(evaluateMatrix(t.world).map((v) => `${v.source.name}→${v.destination.name}`)).toEqual(['ec2-a→vm-a', 'vm-a→ec2-a']);
});

test('the endpoints without an IPv4 address are listed with why', () => {
  const t = topology();
  expect(unaddressedEndpoints(t.world)).toEqual([
    {
      kind: 'instance',
      id: t.instances['ec2-v6']!.instanceId,
      name: 'ec2-v6',
      reason: expect.stringMatching(/no private IPv4 address \(an IPv6-only subnet\?\)/),
    },
    {
      kind: 'vm',
      id: 'vm-off-uuid',
      name: 'vm-off',
      reason: expect.stringMatching(/^the VM is powered off and nsx\/vifs.json gives it no IPv4 address/),
    },
    {
      kind: 'vm',
      id: 'vm-quiet-uuid',
      name: 'vm-quiet',
      reason: expect.stringMatching(/^nsx\/vifs.json gives it no IPv4 address .*VMware Tools not running/),
    },
  ]);
});

test.each(['ec2-v6', 'vm-off', 'vm-quiet'])('resolving %s is a RefError naming it as having no IPv4 address', (ref) => {
  const t = topology();
  expect(() => resolveRef(t.world, ref, '--to')).toThrow(RefError);
  expect(() => resolveRef(t.world, ref, '--to')).toThrow(/has no IPv4 address in the snapshot: /);
});
