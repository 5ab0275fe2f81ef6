// Every fix the engine suggests is a request its service accepts as written: each EC2 fix's parameters
// (what `aws ec2 <action> --cli-input-json` sends) pass botocore's own validation against the EC2 service
// model installed on this machine (Python, one call for all of them); each NSX PATCH body fits the Policy
// API's Rule / Segment shapes (src/shapes/nsx and the real payloads in fixtures/real/nsx); the vSphere
// power-on names the VM; a block no request opens is advice, never a request with a placeholder or a
// note. The kinds of fix are read from the engine's sources, so a new kind fails here until it is covered.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  associateNetworkAcl,
  associateRouteTable,
  createManagedPrefixList,
  createNetworkAcl,
  createNetworkAclEntry,
  createRoute,
  createRouteTable,
  createSubnet,
  createVpc,
  describeInstances,
  patchDfwPolicy,
  runInstances,
  setActiveEni,
} from '../world';
import { ruleJsonSchema, segmentJsonSchema } from '../shapes/nsx';
import { dfwRuleJsonSchema } from '../shapes/nsx/security-policies';
import { evaluate } from './evaluate';
import type { Flow } from './flow';
import { blockedScenarios } from './test-support/blocked-scenarios';
import { buildTopology, type Topology } from './test-support/topology';
import type { Fix } from './verdict';

const root = join(__dirname, '..', '..');

/** The kind of a fix: the EC2 action, the NSX object patched, the vSphere call, the guest OS change or the advice. */
function kindOf(fix: Fix): string {
  if (fix.api === 'nsx') {
    if (/\/gateway-policies\/default\/rules\/[^/]+$/.test(fix.action)) return 'nsx:cgw-rule';
    if (/\/security-policies\/[^/]+\/rules\/[^/]+$/.test(fix.action)) return 'nsx:dfw-rule';
    if (/\/tier-1s\/cgw\/segments\/[^/]+$/.test(fix.action)) return 'nsx:segment';
    return `nsx:${fix.action}`;
  }
  if (fix.api === 'vsphere') return /\/power\?action=start/.test(fix.action) ? 'vsphere:power-on' : `vsphere:${fix.action}`;
  return `${fix.api}:${fix.action}`;
}

/** The kinds the engine's sources can emit, read from the code (not from the fixes this test sees). */
function kindsInSources(): Set<string> {
  const dir = join(root, 'src', 'network');
  const text = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('test-'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  const kinds = new Set<string>();
  for (const m of text.matchAll(/'((?:Authorize|Revoke|Create|Replace|Delete|Start|Associate|Modify|Disassociate)[A-Z][A-Za-z]+)'/g))
    kinds.add(`ec2:${m[1]}`);
  for (const m of text.matchAll(/adviceFix\(\s*'([a-z-]+)'/g)) kinds.add(`none:${m[1]}`);
  for (const m of text.matchAll(/'(allow-inbound-[a-z-]+)'/g)) kinds.add(`guest-os:${m[1]}`);
  if (/gateway-policies\/default\/rules\/\$\{/.test(text)) kinds.add('nsx:cgw-rule');
  if (/\$\{policyPath\}\/rules\/\$\{/.test(text)) kinds.add('nsx:dfw-rule');
  if (/PATCH \/policy\/api\/v1\$\{segment\.path\}/.test(text)) kinds.add('nsx:segment');
  if (/power\?action=start/.test(text)) kinds.add('vsphere:power-on');
  // Every `api: '…'` literal must be one of the families above.
  for (const m of text.matchAll(/api: '([a-z-]+)'/g))
    if (!['ec2', 'nsx', 'vsphere', 'guest-os', 'none'].includes(m[1]!)) kinds.add(`${m[1]}:?`);
  return kinds;
}

const tcp = (f: Flow): Flow => ({ ...f, protocol: 'tcp', port: 443 });
const udp = (f: Flow): Flow => ({ ...f, protocol: 'udp', port: 53 });

/** An instance in a VPC that is not the connected VPC. */
function elsewhere(t: Topology): string {
  const vpc = createVpc(t.world, { cidrBlock: '10.1.0.0/16' });
  const subnet = createSubnet(t.world, { vpcId: vpc.vpcId, cidrBlock: '10.1.1.0/24' });
  const inst = runInstances(t.world, { imageId: 'ami-0abcdef1234567890', subnetId: subnet.subnetId });
  describeInstances(t.world);
  return inst.instanceId;
}

/** Worlds beyond one block per code: the edges where the engine chooses another request. */
const edges: { name: string; build: () => { t: Topology; flow: Flow } }[] = [
  {
    name: 'NACL deny at rule 1 (ReplaceNetworkAclEntry)',
    build: () => {
      const t = buildTopology({ instances: { far: { subnet: 'other' } } });
      const acl = createNetworkAcl(t.world, { vpcId: t.vpc.vpcId });
      createNetworkAclEntry(t.world, acl.networkAclId, {
        ruleNumber: 1,
        protocol: '-1',
        ruleAction: 'deny',
        egress: true,
        cidrBlock: '0.0.0.0/0',
      });
      createNetworkAclEntry(t.world, acl.networkAclId, {
        ruleNumber: 100,
        protocol: '-1',
        ruleAction: 'allow',
        egress: false,
        cidrBlock: '0.0.0.0/0',
      });
      associateNetworkAcl(t.world, acl.networkAclId, t.otherSubnet.subnetId);
      return { t, flow: t.toVm('far') };
    },
  },
  {
    name: 'a prefix-list route left on the old ENI (ReplaceRoute by prefix list)',
    build: () => {
      const t = buildTopology({ instances: { far: { subnet: 'other' } } });
      const rt = createRouteTable(t.world, { vpcId: t.vpc.vpcId });
      const pl = createManagedPrefixList(t.world, { prefixListName: 'sddc', entries: [{ cidr: '192.168.0.0/16' }] });
      createRoute(t.world, { routeTableId: rt.routeTableId, destinationPrefixListId: pl.prefixListId, networkInterfaceId: t.activeEni });
      associateRouteTable(t.world, { routeTableId: rt.routeTableId, subnetId: t.otherSubnet.subnetId });
      setActiveEni(t.world, t.inactiveEni);
      return { t, flow: t.toVm('far') };
    },
  },
  {
    name: 'an instance still pending (advice, not StartInstances)',
    build: () => {
      const t = buildTopology();
      const subnet = t.connectedSubnet;
      const inst = runInstances(t.world, { imageId: 'ami-0abcdef1234567890', subnetId: subnet.subnetId });
      return { t, flow: { source: { kind: 'instance', instanceId: inst.instanceId }, destination: t.toVm('ec2-a').destination } };
    },
  },
  {
    name: 'EC2 in another VPC → VM',
    build: () => {
      const t = buildTopology();
      return { t, flow: { source: { kind: 'instance', instanceId: elsewhere(t) }, destination: t.toVm('ec2-a').destination } };
    },
  },
  {
    name: 'VM → EC2 in another VPC',
    build: () => {
      const t = buildTopology();
      return { t, flow: { source: t.toVm('ec2-a').destination, destination: { kind: 'instance', instanceId: elsewhere(t) } } };
    },
  },
  {
    name: 'a guest firewall dropping TCP (allow-inbound-port)',
    build: () => {
      const t = buildTopology({ vm: { guestFirewall: { defaultInbound: 'drop', rules: [] } } });
      return { t, flow: tcp(t.toVm('ec2-a')) };
    },
  },
  {
    name: 'data without the connected VPC',
    build: () => {
      const t = buildTopology();
      delete t.world.nsx.linkedVpc; // as a snapshot without the SDDC's linked VPC
      return { t, flow: t.fromVm('ec2-a') };
    },
  },
  {
    name: 'data without the route tables',
    build: () => {
      const t = buildTopology();
      t.world.ec2.routeTables.clear(); // as a snapshot whose route tables were not exported
      return { t, flow: t.toVm('ec2-a') };
    },
  },
  {
    name: "data without the cross-link ENI's security groups",
    build: () => {
      const t = buildTopology();
      t.world.ec2.networkInterfaces.get(t.activeEni)!.groupIds = [];
      return { t, flow: t.toVm('ec2-a') };
    },
  },
  {
    name: 'a DFW DROP at sequence 0',
    build: () => {
      const t = buildTopology();
      patchDfwPolicy(t.world, 'app', {
        category: 'Application',
        sequenceNumber: 10,
        rules: [{ id: 'block', action: 'DROP', sequenceNumber: 0 }],
      });
      return { t, flow: tcp(t.toVm('ec2-a')) };
    },
  },
];

interface Emitted {
  where: string;
  fix: Fix;
}

const emitted: Emitted[] = [];
for (const s of blockedScenarios) {
  for (const [p, f] of [
    ['icmp', (x: Flow) => x],
    ['tcp', tcp],
    ['udp', udp],
  ] as const) {
    const { t, flow } = s.build();
    const v = evaluate(t.world, f(flow));
    if (v.blockedBy) emitted.push({ where: `${s.name} (${s.flow}, ${p})`, fix: v.blockedBy.fix });
  }
}
for (const e of edges) {
  const { t, flow } = e.build();
  const v = evaluate(t.world, flow);
  if (v.blockedBy) emitted.push({ where: e.name, fix: v.blockedBy.fix });
}

test("every kind of fix in the engine's sources is emitted by one of these worlds (a new kind fails until covered)", () => {
  const seen = new Set(emitted.map((e) => kindOf(e.fix)));
  expect([...kindsInSources()].filter((k) => !seen.has(k)).sort()).toEqual([]);
  expect([...seen].filter((k) => !kindsInSources().has(k)).sort()).toEqual([]);
});

const byKind = (prefix: string): Emitted[] => emitted.filter((e) => kindOf(e.fix).startsWith(prefix));
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

test('no request carries a placeholder or a note: every id is a real id, no "(…)" and no note field', () => {
  const bad = emitted
    .filter((e) => e.fix.api !== 'none')
    .flatMap((e) => {
      const values = [...strings(e.fix.params), ...(e.fix.api === 'nsx' ? [e.fix.action] : [])];
      const keys = JSON.stringify(e.fix.params).match(/"(note|comment|hint)"/gi) ?? [];
      return [...values.filter((s) => /[()]|\bnone\b|active ENI/i.test(s)), ...keys].map((s) => `${e.where}: ${s}`);
    });
  expect(bad).toEqual([]);
  const ids = byKind('ec2:').flatMap((e) =>
    strings(e.fix.params)
      .filter((s) => /^(sg|rtb|eni|acl|i|subnet|pl|vpc|igw)-/.test(s) && !/^[a-z]+-[0-9a-f]{8,17}$/.test(s))
      .map((s) => `${e.where}: ${s}`),
  );
  expect(ids).toEqual([]);
});

test("every EC2 fix passes botocore's parameter validation against the EC2 service model", () => {
  const requests = byKind('ec2:').map((e) => ({ where: e.where, action: e.fix.action, params: e.fix.params }));
  expect(requests.length).toBeGreaterThan(20);
  const script = `
import json, sys, botocore.session
from botocore.validate import validate_parameters
from botocore.exceptions import ParamValidationError
client = botocore.session.get_session().create_client('ec2', region_name='us-east-1', aws_access_key_id='x', aws_secret_access_key='x')
model = client.meta.service_model
out = []
for r in json.load(sys.stdin):
    try:
        op = model.operation_model(r['action'])
    except Exception as e:
        out.append({'where': r['where'], 'error': 'unknown operation %s' % r['action']}); continue
    try:
        validate_parameters(r['params'], op.input_shape)
        missing = [m for m in op.input_shape.required_members if m not in r['params']]
        if missing: out.append({'where': r['where'], 'error': 'missing %s' % missing})
    except ParamValidationError as e:
        out.append({'where': r['where'], 'error': str(e)})
print(json.dumps({'errors': out}))
`;
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(requests), encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout).errors).toEqual([]);
});

test('botocore refuses what the old fixes sent (the check can fail)', () => {
  const script = `
import json, botocore.session
from botocore.validate import validate_parameters
from botocore.exceptions import ParamValidationError
m = botocore.session.get_session().get_service_model('ec2')
bad = [('AssociateVpcCidrBlock', {'note': 'move the instance'}), ('AssociateRouteTable', {'SubnetId': 'subnet-0123456789abcdef0'})]
res = []
for op, p in bad:
    try:
        validate_parameters(p, m.operation_model(op).input_shape)
        missing = [x for x in m.operation_model(op).input_shape.required_members if x not in p]
        res.append(bool(missing))
    except ParamValidationError:
        res.append(True)
print(json.dumps(res))
`;
  const r = spawnSync('python3', ['-c', script], { encoding: 'utf8', timeout: 60_000 });
  expect(JSON.parse(r.stdout)).toEqual([true, true]);
});

const realRule = JSON.parse(readFileSync(join(root, 'fixtures', 'real', 'nsx', 'salt-cgw-dfw-rule.json'), 'utf8')) as Record<
  string,
  unknown
>;
const realSegment = JSON.parse(
  readFileSync(join(root, 'fixtures', 'real', 'nsx', 'uonsx-segment-disconnected-type.json'), 'utf8'),
) as Record<string, unknown>;
const typeOf = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/** Fields and types of the body that a real payload of that object does not have. */
function unlike(body: Record<string, unknown>, real: Record<string, unknown>, at = ''): string[] {
  return Object.entries(body).flatMap(([k, v]) => {
    if (!(k in real)) return [`${at}${k}: not a field of the real payload`];
    if (typeOf(v) !== typeOf(real[k])) return [`${at}${k}: ${typeOf(v)}, the real payload has ${typeOf(real[k])}`];
    if (typeOf(v) === 'object') return unlike(v as Record<string, unknown>, real[k] as Record<string, unknown>, `${at}${k}.`);
    return [];
  });
}

test('every NSX fix is a PATCH of a Policy API path whose body fits the Rule or Segment shape and the real payloads', () => {
  const nsx = byKind('nsx:');
  expect(new Set(nsx.map((e) => kindOf(e.fix)))).toEqual(new Set(['nsx:cgw-rule', 'nsx:dfw-rule', 'nsx:segment']));
  const problems = nsx.flatMap((e) => {
    const m = /^PATCH \/policy\/api\/v1(\/infra\/[A-Za-z0-9_./-]+)$/.exec(e.fix.action);
    if (!m) return [`${e.where}: not a PATCH of an /infra path: ${e.fix.action}`];
    const id = m[1]!.split('/').pop()!;
    const segment = kindOf(e.fix) === 'nsx:segment';
    const schema = segment ? segmentJsonSchema : kindOf(e.fix) === 'nsx:dfw-rule' ? dfwRuleJsonSchema : ruleJsonSchema;
    const parsed = schema.safeParse({ id, ...e.fix.params });
    return [
      ...(parsed.success ? [] : [`${e.where}: ${parsed.error.message}`]),
      ...unlike(e.fix.params, segment ? realSegment : realRule).map((p) => `${e.where}: ${p}`),
      ...(!segment && e.fix.params.resource_type !== 'Rule' ? [`${e.where}: resource_type ${String(e.fix.params.resource_type)}`] : []),
    ];
  });
  expect(problems).toEqual([]);
});

test('the CGW and DFW fixes share one rule body: same fields, their own scope', () => {
  const cgw = byKind('nsx:cgw-rule')[0]!.fix.params;
  const dfw = byKind('nsx:dfw-rule')[0]!.fix.params;
  expect(Object.keys(cgw).sort()).toEqual(Object.keys(dfw).sort());
  expect([cgw.scope, dfw.scope]).toEqual([['/infra/labels/cgw-cross-vpc'], ['ANY']]);
});

test('the vSphere power-on is the Automation API request for that VM, by its name', () => {
  const power = byKind('vsphere:');
  expect(power.length).toBeGreaterThan(0);
  for (const { fix } of power) {
    expect(fix.action).toMatch(
      /^GET \/api\/vcenter\/vm\?names=vm-a, then POST \/api\/vcenter\/vm\/\{vm\}\/power\?action=start with the "vm" it returns$/,
    );
    expect(fix.params).toEqual({ name: 'vm-a', instance_uuid: 'vm-a-uuid' });
  }
});

test("a flow that crosses VPCs says the instance is not in the connected VPC, and proposes no route to another VPC's ENI", () => {
  const cross = emitted.filter((e) => /another VPC/.test(e.where));
  expect(cross.map((e) => [e.fix.api, e.fix.action])).toEqual([
    ['none', 'not-in-connected-vpc'],
    ['none', 'not-in-connected-vpc'],
  ]);
  for (const e of cross) expect(e.fix.text).toMatch(/^the instance is not in the connected VPC \(/);
  expect(emitted.filter((e) => /Route$/.test(e.fix.action) && /another VPC/.test(e.where))).toEqual([]);
});
