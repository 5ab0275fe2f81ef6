// reproduce with the verdict states and with endpoints that have no IPv4 address: case B plus a powered-off
// VM without a VIF (CJ-VM02). The JSON form carries `status` and `assumptions`; `--all` lists CJ-VM02 as a
// "no IPv4 address" row and counts the states; `--from/--to` on it is exit 2; `--expect indeterminate` is a
// choice (its use against an indeterminate verdict: reproduce-indeterminate.test.ts).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';

const caseB = join(__dirname, '..', '..', 'fixtures', 'snapshots', 'article-case-b');
let dir: string;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vmc-reach-states-'));
  await cp(caseB, dir, { recursive: true });
  const file = join(dir, 'nsx', 'virtual-machines.json');
  const vms = JSON.parse(await readFile(file, 'utf8'));
  vms.results.push({
    external_id: '5001aaaa-0000-0000-0000-000000000002',
    power_state: 'VM_STOPPED',
    type: 'REGULAR',
    resource_type: 'VirtualMachine',
    display_name: 'CJ-VM02',
  });
  vms.result_count = vms.results.length;
  await writeFile(file, JSON.stringify(vms, null, 2));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('--all lists the VM without an address as a "no IPv4 address" row, after the verdicts', async () => {
  const r = await run('reproduce', dir, '--all');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/\n\(every instance\)\s+CJ-VM02 \(no IPv4 address\)\s+no IPv4 address\s+no IPv4 address\n/);
  expect(r.out).toMatch(/CJ-AWS02 172\.31\.16\.21\s+CJ-VM01 192\.168\.100\.10\s+ENI_SG_INGRESS_NO_MATCH \(forward\)\s+reachable/);
  expect(r.out).toMatch(/VM CJ-VM02 \(5001aaaa-0000-0000-0000-000000000002\): no IPv4 address, not evaluated: the VM is powered off/);
});

test('--all counts the three verdict states', async () => {
  expect((await run('reproduce', dir, '--all')).out).toContain('4 flows: 3 reachable, 1 unreachable, 0 indeterminate\n');
});

test('--all --json: a status per verdict, the counts, and the endpoints without an address', async () => {
  const j = JSON.parse((await run('reproduce', dir, '--all', '--json')).out);
  expect(j.counts).toEqual({ reachable: 3, unreachable: 1, indeterminate: 0, noIpv4Address: 1 });
  expect(j.verdicts.map((v: { status: string }) => v.status).sort()).toEqual(['reachable', 'reachable', 'reachable', 'unreachable']);
  expect(j.noIpv4Address).toEqual([
    expect.objectContaining({ status: 'no-ipv4-address', kind: 'vm', name: 'CJ-VM02', reason: expect.stringMatching(/power it on/) }),
  ]);
});

test.each(['--from', '--to'])('%s naming the VM without an address exits 2 saying so and what to do', async (flag) => {
  const args = flag === '--from' ? ['--from', 'CJ-VM02', '--to', 'CJ-AWS01'] : ['--from', 'CJ-AWS01', '--to', 'CJ-VM02'];
  const r = await run('reproduce', dir, ...args);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(
    new RegExp(
      `^vmc-reach: ${flag} "CJ-VM02": VM CJ-VM02 has no IPv4 address in the snapshot: .*export nsx/vifs.json again, or pick another VM`,
    ),
  );
});

test('the JSON verdict carries status and assumptions next to reachable and blockedBy', async () => {
  const v = JSON.parse((await run('reproduce', dir, '--from', 'CJ-AWS02', '--to', 'CJ-VM01', '--json')).out);
  expect(v).toMatchObject({ status: 'unreachable', reachable: false, assumptions: [], blockedBy: { code: 'ENI_SG_INGRESS_NO_MATCH' } });
});

test('the text form states the status in capitals', async () => {
  expect((await run('reproduce', dir, '--from', 'CJ-AWS01', '--to', 'CJ-VM01')).out.split('\n')[0]).toMatch(/: REACHABLE$/);
});

test('--expect indeterminate on a determined verdict exits 1 and says what the verdict is', async () => {
  const r = await run('reproduce', dir, '--from', 'CJ-AWS02', '--to', 'CJ-VM01', '--expect', 'indeterminate');
  expect(r.code).toBe(1);
  expect(r.err).toMatch(
    /^vmc-reach: --expect indeterminate does not hold: expected indeterminate, found unreachable \(blocked by ENI_SG_INGRESS_NO_MATCH on the forward path at hop 4, sg-\w+ \(default\)\)\.\n$/,
  );
});
