// CGW gateway policy `default` and its rules through the client against the mock: PATCH/PUT/DELETE one
// rule, the policy read, 412 and 429 on rule writes, serialized writes, no whole-policy write, and the
// engine's verdict changing at once with a rule.
import { defaultSecurityGroup, runInstances, settleInstances } from '../../../world';
import { evaluate } from '../../../network';
import { VmcClientError } from '../errors';
import { callsTo, cjVm, useVmcMock, type Bed } from '../../test-support/vmc-bed';
import type { RuleBody } from './bodies';

const bed = useVmcMock();
const connect = async (b: Bed) => (await b.client().connect()).nsx;
const crossVpc = ['/infra/labels/cgw-cross-vpc'];
const anyIn = (seq: number): RuleBody => ({
  display_name: `r${seq}`,
  sequence_number: seq,
  source_groups: ['ANY'],
  destination_groups: ['ANY'],
  services: ['ANY'],
  scope: crossVpc,
  action: 'ALLOW',
});

test('PATCH creates a rule with its defaults, rule id and path, read back', async () => {
  const nsx = await connect(bed());
  await expect(nsx.rules.patch('cj-in', { ...anyIn(10), services: ['/infra/services/ICMP-ALL'] })).resolves.toMatchObject({
    id: 'cj-in',
    path: '/infra/domains/cgw/gateway-policies/default/rules/cj-in',
    resource_type: 'Rule',
    sequence_number: 10,
    services: ['/infra/services/ICMP-ALL'],
    scope: crossVpc,
    action: 'ALLOW',
    direction: 'IN_OUT',
    ip_protocol: 'IPV4_IPV6',
    is_default: false,
    rule_id: 1002, // the Default Uplink Rule has 1001
    _revision: 0,
  });
});

test('the policy lists its rules by sequence number, the Default Uplink Rule last', async () => {
  const nsx = await connect(bed());
  await nsx.rules.patch('b', anyIn(20));
  await nsx.rules.patch('a', anyIn(10));
  const policy = await nsx.gatewayPolicy();
  expect([policy.id, policy.path, policy.rules.map((r) => r.id)]).toEqual([
    'default',
    '/infra/domains/cgw/gateway-policies/default',
    ['a', 'b', 'default-uplink-rule'],
  ]);
  expect((await nsx.rules.list(2)).map((r) => r.id)).toEqual(['a', 'b', 'default-uplink-rule']);
});

test('the CGW has one gateway policy, default', async () => {
  const nsx = await connect(bed());
  expect((await nsx.listGatewayPolicies()).map((p) => [p.id, p.rules])).toEqual([['default', []]]);
});

test('PUT replaces a rule at its current revision; a 412 is retried after reading again', async () => {
  const b = bed();
  const nsx = await connect(b);
  await nsx.rules.patch('cj-in', anyIn(10));
  b.ctx.faults.add({ service: 'nsx', operation: 'PUT rule', fault: 'stale-revision' });
  await expect(nsx.rules.put('cj-in', { ...anyIn(10), action: 'DROP' })).resolves.toMatchObject({ action: 'DROP', _revision: 1 });
});

test('a throttled rule PATCH (429) is retried', async () => {
  const b = bed();
  b.ctx.faults.add({ service: 'nsx', operation: 'PATCH rule', fault: 'throttle' });
  await expect((await connect(b)).rules.patch('cj-in', anyIn(10))).resolves.toMatchObject({ id: 'cj-in' });
  expect(b.sleeps).toEqual([1000]);
});

test('a 409 (concurrent update) on a rule write is retried', async () => {
  const b = bed();
  b.ctx.faults.add({ service: 'nsx', operation: 'PATCH rule', fault: 'conflict' });
  await expect((await connect(b)).rules.patch('cj-in', anyIn(10))).resolves.toMatchObject({ id: 'cj-in' });
  expect(callsTo(b, 'nsx').filter((c) => c.startsWith('PATCH rule'))).toEqual(['PATCH rule !conflict', 'PATCH rule']);
});

test('DELETE removes a rule; the Default Uplink Rule cannot be deleted (403)', async () => {
  const nsx = await connect(bed());
  await nsx.rules.patch('cj-in', anyIn(10));
  await expect(nsx.rules.delete('cj-in')).resolves.toBe(true);
  await expect(nsx.rules.delete('default-uplink-rule')).rejects.toMatchObject({ status: 403, code: 500105 });
});

test('a rule naming a group that does not exist is refused (500012)', async () => {
  const nsx = await connect(bed());
  await expect(nsx.rules.patch('x', { ...anyIn(5), destination_groups: ['/infra/domains/cgw/groups/nope'] })).rejects.toMatchObject({
    status: 400,
    code: 500012,
  });
});

test('concurrent rule writes reach NSX one at a time, in call order', async () => {
  const b = bed();
  let inFlight = 0;
  let maxInFlight = 0;
  const order: string[] = [];
  const client = b.client({
    fetch: async (input, init) => {
      const isRuleWrite = init.method !== 'GET' && input.includes('/rules/');
      if (isRuleWrite) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        order.push(`${init.method} ${input.split('/').at(-1)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      try {
        return await globalThis.fetch(input, init);
      } finally {
        if (isRuleWrite) inFlight--;
      }
    },
  });
  const { nsx } = await client.connect();
  await Promise.all([
    nsx.rules.patch('r1', anyIn(1)),
    nsx.rules.put('r2', anyIn(2)),
    nsx.rules.patch('r3', anyIn(3)),
    nsx.rules.delete('r1'),
  ]);
  expect([maxInFlight, order]).toEqual([1, ['PATCH r1', 'PUT r2', 'PATCH r3', 'DELETE r1']]);
});

test('the client never writes the whole policy: such a write is refused before it is sent', async () => {
  const b = bed();
  const nsx = await connect(b);
  const before = callsTo(b, 'nsx').length;
  await expect(nsx.request('PATCH', '/infra/domains/cgw/gateway-policies/default', { rules: [] })).rejects.toThrow(VmcClientError);
  await expect(nsx.request('PUT', '/infra/domains/cgw/gateway-policies/default/', { rules: [] })).rejects.toThrow(/replaces all its rules/);
  expect(callsTo(b, 'nsx').length).toBe(before);
  expect(b.world.nsx.cgwRules.has('default-uplink-rule')).toBe(true);
});

test('a CGW rule changes the engine’s verdict at once', async () => {
  const b = bed();
  const nsx = await connect(b);
  await nsx.segments.patch('cj-seg', { subnets: [{ gateway_address: '192.168.100.1/24' }] });
  const inst = runInstances(b.world, {
    imageId: 'ami-0a1b2c3d4e5f60718',
    subnetId: b.subnetId,
    securityGroupIds: [defaultSecurityGroup(b.world, b.vpcId).groupId],
  });
  settleInstances(b.world);
  const flow = {
    source: { kind: 'vm' as const, externalId: cjVm.externalId },
    destination: { kind: 'instance' as const, instanceId: inst.instanceId },
  };
  expect(evaluate(b.world, flow).blockedBy?.code).toBe('CGW_DEFAULT_DROP');
  await nsx.rules.patch('cj-out', { ...anyIn(20), direction: 'OUT' });
  expect(evaluate(b.world, flow).reachable).toBe(true);
});
