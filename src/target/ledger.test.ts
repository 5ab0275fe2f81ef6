// The run ledger on disk: written before use, reopened after a crash, errors that say what to do.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger, ledgerDir } from './ledger';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'vmc-reach-ledger-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

test('an entry is on disk as soon as record() returns', async () => {
  const ledger = await Ledger.create(root, { runId: 'r-1', target: 'mock' });
  await ledger.record({ action: 'created', type: 'ec2:instance', details: { clientToken: 'r-1-cj-aws01' } });
  const onDisk = JSON.parse(await readFile(join(ledgerDir(root), 'r-1.json'), 'utf8'));
  expect(onDisk.entries).toEqual([expect.objectContaining({ seq: 1, action: 'created', type: 'ec2:instance', state: 'intended' })]);
});

test("an embedded mock's ledger (writeThrough false) is written when created and when finished, not before each change", async () => {
  const ledger = await Ledger.create(root, { runId: 'r-emb', target: 'mock' }, undefined, { writeThrough: false });
  const file = join(ledgerDir(root), 'r-emb.json');
  await ledger.record({ action: 'created', type: 'ec2:instance' });
  const during = JSON.parse(await readFile(file, 'utf8')).entries.length;
  await ledger.finish();
  const after = JSON.parse(await readFile(file, 'utf8'));
  expect({ during, after: after.entries.length, finished: typeof after.finishedAt }).toEqual({ during: 0, after: 1, finished: 'string' });
});

test('flush() writes the changes an unfinished embedded run has not written yet', async () => {
  const ledger = await Ledger.create(root, { runId: 'r-emb2', target: 'mock' }, undefined, { writeThrough: false });
  await ledger.record({ action: 'created', type: 'ec2:security-group' });
  ledger.flush();
  expect((await Ledger.open(root, 'r-emb2')).entries()).toHaveLength(1);
});

test('a reopened ledger holds the updates of the run that wrote it', async () => {
  const ledger = await Ledger.create(root, { runId: 'r-2', target: 'mock' });
  const e = await ledger.record({ action: 'created', type: 'ec2:security-group' });
  await ledger.update(e.seq, { id: 'sg-0123456789abcdef0', state: 'live' });
  const again = await Ledger.open(root, 'r-2');
  expect(again.entries()[0]).toMatchObject({ id: 'sg-0123456789abcdef0', state: 'live' });
});

test('adopted and changed entries are live at once; changes carry their revert', async () => {
  const ledger = await Ledger.create(root, { runId: 'r-3', target: 'live' });
  await ledger.record({ action: 'adopted', type: 'ec2:security-group', id: 'sg-default' });
  const c = await ledger.record({
    action: 'changed',
    type: 'ec2:security-group-rule',
    id: 'sgr-1',
    revert: { action: 'RevokeSecurityGroupIngress', params: { GroupId: 'sg-default', SecurityGroupRuleIds: ['sgr-1'] } },
  });
  expect(ledger.entries().map((x) => x.state)).toEqual(['live', 'live']);
  expect(c.revert?.action).toBe('RevokeSecurityGroupIngress');
});

test('a failed removal keeps its error until a later state replaces it', async () => {
  const ledger = await Ledger.create(root, { runId: 'r-4', target: 'mock' });
  const e = await ledger.record({ action: 'created', type: 'nsx:segment', id: 'seg' });
  await ledger.update(e.seq, { state: 'removal-failed', error: 'referenced by group' });
  expect(ledger.entries()[0]).toMatchObject({ state: 'removal-failed', error: 'referenced by group' });
  await ledger.update(e.seq, { state: 'removed' });
  expect(ledger.entries()[0]!.error).toBeUndefined();
});

test('list() gives the run ids with a ledger', async () => {
  await Ledger.create(root, { runId: 'b', target: 'mock' });
  await Ledger.create(root, { runId: 'a', target: 'mock' });
  expect(await Ledger.list(root)).toEqual(['a', 'b']);
});

test('opening an unknown run says how to list the runs', async () => {
  await expect(Ledger.open(root, 'nope')).rejects.toThrow(/no ledger for run "nope".*vmc-reach reap/);
});

test('a corrupted ledger is reported, not trusted', async () => {
  await Ledger.create(root, { runId: 'r-5', target: 'mock' });
  await writeFile(join(ledgerDir(root), 'r-5.json'), '{"runId": "r-5", "entr');
  await expect(Ledger.open(root, 'r-5')).rejects.toThrow(/not valid JSON/);
});

test('a run id with a path separator is refused', async () => {
  await expect(Ledger.create(root, { runId: '../x', target: 'mock' })).rejects.toThrow(/may only hold/);
});
