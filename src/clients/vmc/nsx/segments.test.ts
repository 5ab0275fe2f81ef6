// CGW segments through the client against the mock: list (paged), get, PATCH create and merge, PUT with
// `_revision`, 412 re-read and retry, DELETE (404, still referenced), and the managed route that follows.
import { describeRouteTables, mainRouteTable, patchGroup, realisticLatency } from '../../../world';
import { isReferencedError } from '../errors';
import { callsTo, useVmcMock, type Bed } from '../../test-support/vmc-bed';

const bed = useVmcMock();
const seg = { display_name: 'CJ-Segment', subnets: [{ gateway_address: '192.168.100.1/24' }] };
const connect = async (b: Bed) => (await b.client().connect()).nsx;
const mainRoutes = (b: Bed) => describeRouteTables(b.world, [mainRouteTable(b.world, b.vpcId)!.routeTableId])[0]!.routes;

test('PATCH creates a routed segment and returns it read back', async () => {
  const nsx = await connect(bed());
  await expect(nsx.segments.patch('cj-seg', seg)).resolves.toMatchObject({
    id: 'cj-seg',
    path: '/infra/tier-1s/cgw/segments/cj-seg',
    display_name: 'CJ-Segment',
    type: 'ROUTED',
    subnets: [{ gateway_address: '192.168.100.1/24', network: '192.168.100.0/24' }],
    advanced_config: { connectivity: 'ON' },
    _revision: 0,
  });
});

test('a routed segment puts its CIDR in the main route table towards the active ENI', async () => {
  const b = bed();
  await (await connect(b)).segments.patch('cj-seg', seg);
  expect(mainRoutes(b)).toContainEqual(
    expect.objectContaining({ destinationCidrBlock: '192.168.100.0/24', networkInterfaceId: b.activeEni }),
  );
});

test('PATCH merges: fields not sent are kept, the revision goes up', async () => {
  const nsx = await connect(bed());
  await nsx.segments.patch('cj-seg', seg);
  await expect(nsx.segments.patch('cj-seg', { description: 'for probes' })).resolves.toMatchObject({
    display_name: 'CJ-Segment',
    description: 'for probes',
    _revision: 1,
  });
});

test('PUT replaces at the current revision (read first), dropping fields not sent', async () => {
  const b = bed();
  const nsx = await connect(b);
  await nsx.segments.patch('cj-seg', { ...seg, description: 'old' });
  const put = await nsx.segments.put('cj-seg', { subnets: [{ gateway_address: '192.168.100.1/24' }] });
  expect([put._revision, put.display_name, put.description]).toEqual([1, 'cj-seg', undefined]);
  expect(callsTo(b, 'nsx').slice(-2)).toEqual(['GET segment', 'PUT segment']);
});

test('a 412 on PUT is answered by reading the segment again and retrying', async () => {
  const b = bed();
  const nsx = await connect(b);
  await nsx.segments.patch('cj-seg', seg);
  b.ctx.faults.add({ service: 'nsx', operation: 'PUT segment', fault: 'stale-revision' });
  await expect(nsx.segments.put('cj-seg', seg)).resolves.toMatchObject({ _revision: 1 });
  expect(callsTo(b, 'nsx').slice(-4)).toEqual(['GET segment', 'PUT segment !stale-revision', 'GET segment', 'PUT segment']);
});

test('a PATCH carrying a stale _revision gets 412, then the current revision on the retry', async () => {
  const b = bed();
  const nsx = await connect(b);
  const first = await nsx.segments.patch('cj-seg', seg);
  await nsx.segments.patch('cj-seg', { description: 'someone else' });
  await expect(nsx.segments.patch('cj-seg', { _revision: first._revision, display_name: 'mine' })).resolves.toMatchObject({
    display_name: 'mine',
    _revision: 2,
  });
});

test('list follows the cursor over every page', async () => {
  const b = bed();
  const nsx = await connect(b);
  for (let i = 1; i <= 5; i++) await nsx.segments.patch(`s${i}`, { subnets: [{ gateway_address: `10.77.${i}.1/24` }] });
  const before = callsTo(b, 'nsx').length;
  expect((await nsx.segments.list(2)).map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5']);
  expect(callsTo(b, 'nsx').slice(before)).toEqual(['GET segments', 'GET segments', 'GET segments']);
});

test('an invalid body is NSX’s 400 with its error code and message', async () => {
  const nsx = await connect(bed());
  await expect(nsx.segments.patch('bad', { subnets: [{ gateway_address: '192.168.100.1' }] })).rejects.toMatchObject({
    status: 400,
    code: 255,
    serviceMessage: 'Invalid gateway address 192.168.100.1: expected an address with prefix, e.g. 192.168.1.1/24.',
  });
});

test('get of an unknown segment is 404, find gives undefined', async () => {
  const nsx = await connect(bed());
  await expect(nsx.segments.get('nope')).rejects.toMatchObject({ status: 404, code: 500090 });
  await expect(nsx.segments.find('nope')).resolves.toBeUndefined();
});

test('DELETE removes the segment and its route; a second DELETE says it was not there', async () => {
  const b = bed();
  const nsx = await connect(b);
  await nsx.segments.patch('empty', { subnets: [{ gateway_address: '10.77.1.1/24' }] });
  await expect(nsx.segments.delete('empty')).resolves.toBe(true);
  expect(mainRoutes(b).map((r) => r.destinationCidrBlock)).not.toContain('10.77.1.0/24');
  await expect(nsx.segments.delete('empty')).resolves.toBe(false);
});

test('DELETE of a segment a group refers to is refused (500030)', async () => {
  const b = bed();
  const nsx = await connect(b);
  const s = await nsx.segments.patch('cj-seg', { subnets: [{ gateway_address: '10.77.1.1/24' }] });
  patchGroup(b.world, 'cgw', 'on-seg', { expression: [{ resourceType: 'PathExpression', paths: [s.path] }] });
  const err = await nsx.segments.delete('cj-seg').catch((e: unknown) => e);
  expect(isReferencedError(err)).toBe(true);
  expect(err).toMatchObject({ status: 400, code: 500030 });
});

test('DELETE while referenced can be retried with a delay, then gives up', async () => {
  const b = bed();
  const nsx = await connect(b);
  await nsx.segments.patch('cj-seg', seg); // CJ-VM01 sits on it
  await expect(nsx.segments.delete('cj-seg', { whileReferenced: { retries: 2, delayMs: 3000 } })).rejects.toMatchObject({ code: 500030 });
  expect(b.sleeps).toEqual([3000, 3000]);
});

test('with a realistic latency profile the route appears only once segmentRealizationMs has passed', async () => {
  const b = bed({ latency: realisticLatency(1) });
  await (await connect(b)).segments.patch('cj-seg', seg);
  expect(mainRoutes(b).map((r) => r.destinationCidrBlock)).not.toContain('192.168.100.0/24');
  b.clock.advance(10_000);
  expect(mainRoutes(b).map((r) => r.destinationCidrBlock)).toContain('192.168.100.0/24');
});
