// Every body the client sends and every body the mock answers, across every endpoint, checked against
// the field lists (names and JSON types) of ../shared/reference/vmc-nsx-api.md (../test-support/reference-shapes.ts).
import { cjVm, useVmcMock } from '../test-support/vmc-bed';
import { gatewayPolicyShape, otherPolicyShapes, shapeProblems, shapes, type Shape } from '../test-support/reference-shapes';

interface Exchange {
  method: string;
  path: string;
  status: number;
  request: string | undefined;
  response: unknown;
}

const bed = useVmcMock();

/** Drives the client through every endpoint (and a few errors), recording each exchange. */
async function recordRun(): Promise<Exchange[]> {
  const b = bed();
  const exchanges: Exchange[] = [];
  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const res = await globalThis.fetch(input, init);
    const text = await res.clone().text();
    exchanges.push({
      method: init.method ?? 'GET',
      path: new URL(input).pathname,
      status: res.status,
      request: init.body as string | undefined,
      response: text ? JSON.parse(text) : undefined,
    });
    return res;
  };
  const client = b.client({ fetch });
  const { nsx } = await client.connect();
  await client.vmc.listOrgs();
  await client.vmc.getOrg(b.orgId);
  await client.vmc.listSddcs(b.orgId);
  await client.vmc.getSddc(b.orgId, 'missing').catch(() => undefined);
  await nsx.segments.patch('cj-seg', {
    display_name: 'CJ-Segment',
    subnets: [{ gateway_address: '192.168.100.1/24', dhcp_ranges: ['192.168.100.100-192.168.100.200'] }],
    advanced_config: { connectivity: 'ON' },
  });
  await nsx.segments.put('cj-seg', {
    display_name: 'CJ-Segment',
    subnets: [{ gateway_address: '192.168.100.1/24' }],
    type: 'ROUTED',
    tags: [{ scope: 'run', tag: 'r1' }],
  });
  await nsx.segments.list();
  await nsx.segments.get('missing').catch(() => undefined);
  const group = await nsx.groups.patch('cj-vm', {
    display_name: 'CJ-VM',
    expression: [
      { resource_type: 'Condition', member_type: 'VirtualMachine', key: 'Name', operator: 'EQUALS', value: cjVm.name },
      { resource_type: 'ConjunctionOperator', conjunction_operator: 'OR' },
      { resource_type: 'NestedExpression', expressions: [{ resource_type: 'IPAddressExpression', ip_addresses: [cjVm.ip] }] },
    ],
  });
  await nsx.groups.put('cj-vm', {
    display_name: 'CJ-VM',
    expression: [{ resource_type: 'ExternalIDExpression', member_type: 'VirtualMachine', external_ids: [cjVm.externalId] }],
  });
  await nsx.groups.list();
  await nsx.listTier0Groups();
  await nsx.getTier0Group('connected_vpc');
  const rule = {
    sequence_number: 10,
    source_groups: ['ANY'],
    destination_groups: [group.path],
    services: ['/infra/services/ICMP-ALL'],
    scope: ['/infra/labels/cgw-cross-vpc'],
    action: 'ALLOW' as const,
    direction: 'IN_OUT' as const,
    logged: true,
  };
  await nsx.rules.patch('cj-in', { resource_type: 'Rule', display_name: 'CJ-VM Inbound', ...rule });
  await nsx.rules.put('cj-in', { display_name: 'CJ-VM Inbound', ...rule });
  await nsx.rules.list();
  await nsx.rules.patch('temp', rule);
  await nsx.rules.delete('temp');
  await nsx.gatewayPolicy();
  await nsx.listServices();
  await nsx.getService('ICMP-ALL');
  await nsx.listLabels();
  await nsx.getLabel('cgw-cross-vpc');
  await nsx.listVirtualMachines();
  await nsx.listVifs();
  const [linked] = await nsx.listLinkedVpcs();
  await nsx.getLinkedVpc(linked!.id!);
  await b
    .client({ apiToken: 'wrong', fetch })
    .vmc.listOrgs()
    .catch(() => undefined);
  return exchanges;
}

type Expect = { shape: Shape; list?: boolean; array?: boolean };

/** The shape a response must have, by path and status. */
function responseShape(e: Exchange): Expect {
  const p = e.path;
  if (p.startsWith('/csp/')) return { shape: e.status === 200 ? shapes.cspToken : shapes.cspError };
  if (p.startsWith('/vmc/api/')) {
    if (e.status >= 400) return { shape: shapes.vmcError };
    if (/\/sddc-connections$/.test(p)) return { shape: shapes.sddcConnection, array: true };
    if (/\/sddcs\/[^/]+$/.test(p)) return { shape: shapes.sddc };
    if (/\/sddcs$/.test(p)) return { shape: shapes.sddc, array: true };
    if (/\/orgs\/[^/]+$/.test(p)) return { shape: shapes.org };
    if (/\/orgs$/.test(p)) return { shape: shapes.org, array: true };
  }
  if (e.status >= 400) return { shape: shapes.nsxError };
  const table: [RegExp, Shape][] = [
    [/\/segments(\/[^/]+)?$/, shapes.segment],
    [/\/groups(\/[^/]+)?$/, shapes.group],
    [/\/rules(\/[^/]+)?$/, shapes.rule],
    [/\/gateway-policies\/default$/, gatewayPolicyShape],
    [/\/services(\/[^/]+)?$/, otherPolicyShapes.service],
    [/\/labels(\/[^/]+)?$/, otherPolicyShapes.label],
    [/\/virtual-machines$/, otherPolicyShapes.virtualMachine],
    [/\/vifs$/, otherPolicyShapes.vif],
    [/\/linked-vpcs(\/[^/]+)?$/, shapes.linkedVpc],
  ];
  const hit = table.find(([re]) => re.test(p));
  if (!hit) throw new Error(`no reference shape for ${e.method} ${p}`);
  const isList = /\/(segments|groups|rules|services|labels|virtual-machines|vifs|linked-vpcs)$/.test(p);
  return { shape: hit[1], list: isList };
}

const requestShape = (s: Shape): Shape => ({ ...s, required: [] });

let run: Exchange[];
beforeAll(async () => {
  run = await recordRun();
});

test('the run covers every kind of endpoint, and errors of all three services', () => {
  const kinds = new Set(
    run.map(
      (e) =>
        `${e.method} ${e.path.replace(/^.*\/(policy|cloud-service)\/api\/v1/, '').replace(/\/vmc\/api\/orgs\/[^/]+/, '/vmc/api/orgs/{org}')}`,
    ),
  );
  expect(kinds.size).toBeGreaterThan(25);
  expect(run.filter((e) => e.status >= 400).map((e) => e.path.split('/')[1])).toEqual(expect.arrayContaining(['vmc', 'csp']));
  expect(run.some((e) => e.status === 404 && e.path.includes('/segments/'))).toBe(true);
});

test('every response body has only reference fields, of the reference types, and the required ones', () => {
  const problems: string[] = [];
  for (const e of run) {
    if (e.response === undefined) continue;
    const want = responseShape(e);
    const where = `${e.method} ${e.path} (${e.status})`;
    if (want.list) {
      problems.push(...shapeProblems(e.response, shapes.list, where));
      for (const [i, item] of ((e.response as { results: unknown[] }).results ?? []).entries())
        problems.push(...shapeProblems(item, want.shape, `${where} results[${i}]`));
    } else if (want.array) {
      for (const [i, item] of (e.response as unknown[]).entries()) problems.push(...shapeProblems(item, want.shape, `${where} [${i}]`));
    } else {
      problems.push(...shapeProblems(e.response, want.shape, where));
    }
  }
  expect(problems).toEqual([]);
});

test('PATCH and DELETE answer 200 with an empty body', () => {
  const writes = run.filter((e) => e.method === 'PATCH' || e.method === 'DELETE');
  expect(new Set(writes.map((e) => e.method))).toEqual(new Set(['PATCH', 'DELETE']));
  expect(writes.map((e) => [e.status, e.response])).toEqual(writes.map(() => [200, undefined]));
});

test('the checker itself reports a field outside the list, a wrong type and a missing required field', () => {
  expect(
    shapeProblems(
      { id: 'x', path: '/p', _revision: '1', resource_type: 'Segment', subnets: [{ gateway: 'a' }], colour: 'red' },
      shapes.segment,
    ),
  ).toEqual([
    '$.type: missing',
    '$._revision: expected number, got string',
    '$.subnets[0].gateway_address: missing',
    "$.subnets[0].gateway: not in the reference's field list",
    "$.colour: not in the reference's field list",
  ]);
});

test('every request body the client sends has only reference fields, of the reference types', () => {
  const problems: string[] = [];
  for (const e of run.filter((x) => x.request !== undefined)) {
    if (e.path.startsWith('/csp/')) {
      expect([...new URLSearchParams(e.request).keys()]).toEqual(['api_token']);
      continue;
    }
    const shape = /\/segments\//.test(e.path) ? shapes.segment : /\/groups\//.test(e.path) ? shapes.group : shapes.rule;
    problems.push(...shapeProblems(JSON.parse(e.request!), requestShape(shape), `${e.method} ${e.path} request`));
  }
  expect(problems).toEqual([]);
});
