// Plans as the scripts that realize them.
import { policyScript, routeLine, ruleLine, setupScript } from './render-script';
import type { NamespacePlan } from './plan';

const router: NamespacePlan = {
  name: 'vpc-router',
  role: 'vpc-router',
  forwarding: true,
  interfaces: [{ name: 'i0', addresses: ['10.0.1.1/32'], up: true }],
  rules: [
    { pref: 1000, iif: 'i0', action: 'lookup', table: 100 },
    { pref: 3000, action: 'blackhole' },
  ],
  routes: [
    { table: 100, prefix: '192.168.10.0/24', type: 'unicast', via: '10.0.1.4', dev: 'xlink' },
    { table: 100, prefix: '10.0.0.0/16', type: 'throw' },
  ],
  nft: 'table inet vmc_reach\n',
};

test('routes: next hops are on-link; throw and blackhole keep their prefix', () => {
  expect(router.routes.map(routeLine)).toEqual([
    'route add 192.168.10.0/24 via 10.0.1.4 dev xlink onlink table 100',
    'route add throw 10.0.0.0/16 table 100',
  ]);
  expect(router.rules.map(ruleLine)).toEqual(['rule add pref 1000 iif i0 lookup 100', 'rule add pref 3000 blackhole']);
});

test("a policy change flushes the tables the namespace had, not only the new plan's", () => {
  const next = { ...router, routes: [{ table: 101, prefix: '0.0.0.0/0', type: 'blackhole' as const }] };
  const text = policyScript(next, router);
  expect(text).toContain('route flush table 101');
  expect(text).toContain('route flush table 100');
});

test('setup labels every interface, turns forwarding on for routers, then loads the ruleset', () => {
  const text = setupScript(router, 'vmc-reach-lab:run1');
  expect(text).toContain('link set dev i0 alias vmc-reach-lab:run1');
  expect(text).toContain('echo 1 > /proc/sys/net/ipv4/ip_forward');
  expect(text.indexOf('nft -f -')).toBeGreaterThan(text.indexOf('route add'));
});
