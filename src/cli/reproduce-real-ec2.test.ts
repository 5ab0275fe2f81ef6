// reproduce on snapshots that carry real EC2 payloads (fixtures/real/ec2): a dual-stack NACL, IPv6 and
// prefix-list routes, a prefix list without its entries, a group of another account. Every run ends
// with exit 0 (never 70), and the undecided hop names what is missing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshotFiles, writeSnapshotFiles } from '../snapshot';
import { articleCaseC } from '../world/test-support';
import { editJson, type Json } from '../snapshot/test-support';
import { main } from './main';

const corpusDir = join(__dirname, '..', '..', 'fixtures', 'real', 'ec2');
const corpus = async (name: string): Promise<Json> => JSON.parse(await readFile(join(corpusDir, name), 'utf8'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Case C with the corpus's dual-stack NACL entries and IPv6 routes, the segment routed through a prefix list whose entries are not exported. */
async function realSnapshot(): Promise<Map<string, string>> {
  const acl = (await corpus('describe-network-acls.1.json')).NetworkAcls.find((a: Json) => a.NetworkAclId === 'acl-0e2a78e4e2EXAMPLE');
  const ipv6Routes = (await corpus('describe-route-tables-ipv6.1.json')).RouteTables.flatMap((t: Json) => t.Routes).filter(
    (r: Json) => r.DestinationIpv6CidrBlock,
  );
  let files = snapshotFiles(articleCaseC(), { description: 'case C with real EC2 payloads' });
  files = editJson(files, 'aws/describe-network-acls.json', (j) => void (j.NetworkAcls[0].Entries = acl.Entries));
  files = editJson(files, 'aws/describe-route-tables.json', (j) => {
    const r = j.RouteTables[0].Routes.find((x: Json) => x.DestinationCidrBlock === '192.168.100.0/24');
    delete r.DestinationCidrBlock;
    r.DestinationPrefixListId = 'pl-0123456abcabcabc1';
    j.RouteTables[0].Routes.push(...ipv6Routes);
  });
  files.set('aws/describe-managed-prefix-lists.json', JSON.stringify(await corpus('describe-managed-prefix-lists.1.json')));
  return files;
}

describe('reproduce on real EC2 payloads', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vmc-reach-real-ec2-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('explains a flow routed by a prefix list without entries: exit 0, the route hop undecided and naming the list', async () => {
    await writeSnapshotFiles(dir, await realSnapshot());
    const r = await run('reproduce', dir, '--from', 'CJ-AWS02', '--to', 'CJ-VM01', '--json');
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out);
    expect(v.reachable).toBe(false);
    expect(v.blockedBy).toBeNull();
    expect(v.hops).toContainEqual(
      expect.objectContaining({ kind: 'route', outcome: 'indeterminate', detail: expect.stringContaining('pl-0123456abcabcabc1') }),
    );
  });

  it('prints the whole matrix with --all, exit 0', async () => {
    await writeSnapshotFiles(dir, await realSnapshot());
    const r = await run('reproduce', dir, '--all');
    expect(r.err).not.toContain('Error');
    expect(r.code).toBe(0);
    expect(r.out).toContain('indeterminate');
  });

  it('explains the flow as text, exit 0', async () => {
    await writeSnapshotFiles(dir, await realSnapshot());
    const r = await run('reproduce', dir, '--from', 'CJ-AWS02', '--to', 'CJ-VM01');
    expect(r.err).not.toContain('Error');
    expect(r.code).toBe(0);
    expect(r.out).toContain('pl-0123456abcabcabc1');
  });

  it('prints what loaded with a caveat on stderr: the prefix list without its entries and the command that exports them', async () => {
    await writeSnapshotFiles(dir, await realSnapshot());
    const r = await run('reproduce', dir, '--from', 'CJ-AWS02', '--to', 'CJ-VM01', '--json');
    expect(r.err).toMatch(/^warning: .*pl-0123456abcabcabc1.*get-managed-prefix-list-entries/m);
    expect(() => JSON.parse(r.out)).not.toThrow();
  });

  it('with the entries exported the flow is decided', async () => {
    const files = await realSnapshot();
    const entries = await corpus('get-managed-prefix-list-entries.1.json');
    entries.Entries.push({ Cidr: '192.168.100.0/24' });
    files.set('aws/managed-prefix-list-entries/pl-0123456abcabcabc1.json', JSON.stringify(entries));
    await writeSnapshotFiles(dir, files);
    const r = await run('reproduce', dir, '--from', 'CJ-AWS02', '--to', 'CJ-VM01', '--json', '--expect', 'reachable');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).reachable).toBe(true);
  });
});
