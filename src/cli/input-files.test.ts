// Bad input files and flags, each a clear error and exit 2 (or read, for UTF-8 with a BOM): snapshot and
// config files in UTF-16, as a FIFO, over the size limit; `--report-dir ''`, `--port` without
// `--protocol`, `collect --out <file>`; and the hop numbers of the text and JSON forms agree.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../target/config/load-config';
import { readTextFile } from '../snapshot/read-text-file';
import { main } from './main';

const caseB = join(__dirname, '..', '..', 'fixtures', 'snapshots', 'article-case-b');
let tmp: string;
beforeEach(() => void (tmp = mkdtempSync(join(tmpdir(), 'vmc-reach-inputs-'))));
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function snapshotWith(file: string, content: (text: string) => Buffer | string): string {
  const dir = join(tmp, 'snap');
  cpSync(caseB, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, content(readFileSync(path, 'utf8')));
  return dir;
}

const flow = ['--from', 'CJ-AWS02', '--to', 'CJ-VM01'];

test('a snapshot file in UTF-8 with a byte-order mark is read', async () => {
  const dir = snapshotWith('aws/describe-instances.json', (t) => `\ufeff${t}`);
  const r = await run('reproduce', dir, ...flow);
  expect([r.code, r.out]).toEqual([0, expect.stringContaining('ENI_SG_INGRESS_NO_MATCH')]);
});

test('a snapshot file in UTF-16 is refused naming the file and the encoding, exit 2', async () => {
  const dir = snapshotWith('aws/describe-instances.json', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]));
  const r = await run('reproduce', dir, ...flow);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/aws\/describe-instances\.json is encoded as UTF-16LE, not UTF-8: convert it/);
});

test('UTF-16 without a byte-order mark is recognised too', async () => {
  const file = join(tmp, 'x.json');
  writeFileSync(file, Buffer.from('{"a": 1}', 'utf16le'));
  await expect(readTextFile(file, { maxBytes: 100 })).rejects.toThrow(/encoded as UTF-16LE/);
});

test('a FIFO in place of a snapshot file is refused, not read (it would block), exit 2', async () => {
  const dir = snapshotWith('aws/describe-instances.json', (t) => t);
  rmSync(join(dir, 'aws', 'describe-instances.json'));
  execFileSync('mkfifo', [join(dir, 'aws', 'describe-instances.json')]);
  const r = await run('reproduce', dir, ...flow);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/aws\/describe-instances\.json is a FIFO \(named pipe\), not a regular file/);
});

test('a file over the size limit is refused with its size and the limit', async () => {
  const file = join(tmp, 'big.json');
  writeFileSync(file, ' '.repeat(2048));
  await expect(readTextFile(file, { maxBytes: 1024 })).rejects.toThrow(/big\.json is 2048 bytes, over the limit of 1024 bytes/);
});

test('bytes that are not UTF-8 are refused naming the offset', async () => {
  const file = join(tmp, 'latin1.json');
  writeFileSync(file, Buffer.from([0x7b, 0x22, 0x61, 0xe9, 0x22, 0x7d]));
  await expect(readTextFile(file, { maxBytes: 100 })).rejects.toThrow(/is not UTF-8 \(an invalid byte 0xe9 at offset 3/);
});

test('the config: UTF-8 with a BOM is read, UTF-16 is refused naming the encoding', async () => {
  const ok = join(tmp, 'bom.json');
  writeFileSync(ok, '\ufeff{"reportDir": "from-bom"}');
  expect((await loadConfig({ file: ok })).config.reportDir).toBe('from-bom');
  const wide = join(tmp, 'wide.json');
  writeFileSync(wide, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"reportDir": "x"}', 'utf16le')]));
  await expect(loadConfig({ file: wide })).rejects.toThrow(/config file .*wide\.json is encoded as UTF-16LE/);
});

test("--report-dir '' is a usage error, exit 2", async () => {
  const r = await run('run', '--report-dir', '');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/--report-dir is empty/);
});

test('--port without --protocol is a usage error, exit 2', async () => {
  const r = await run('reproduce', caseB, ...flow, '--port', '443');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/--port 443 applies to TCP and UDP: add --protocol tcp or --protocol udp/);
});

test('collect --out naming a file is a usage error before any API call, exit 2', async () => {
  const file = join(tmp, 'out.json');
  writeFileSync(file, '{}');
  const r = await run('collect', '--out', file);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/--out .*out\.json is a file, not a folder/);
});

test("the blocking hop's number is the same in the text (its ✗ line), the JSON (hop) and hopIndex + 1", async () => {
  const text = (await run('reproduce', caseB, ...flow)).out;
  const json = JSON.parse((await run('reproduce', caseB, ...flow, '--json')).out) as {
    blockedBy: { hop: number; hopIndex: number };
    hops: { hop: number; outcome: string }[];
  };
  const marked = Number(/^\s+(\d+) ✗/m.exec(text)![1]);
  expect(text).toContain(`at hop ${marked}:`);
  expect([json.blockedBy.hop, json.blockedBy.hopIndex + 1, json.hops[json.blockedBy.hopIndex]!.hop]).toEqual([marked, marked, marked]);
});
