// `vmc-reach reproduce` on a snapshot whose names carry terminal control sequences and wide characters:
// nothing reaches the terminal raw, and the matrix columns stay aligned (measured in terminal cells).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayWidth } from '../network/terminal-text';

const root = join(__dirname, '..', '..');
let dir: string;
const evilVm = 'CJ\x1b[2J\x1b]0;owned\x07-VM01\r\u202eexe.txt';
const wideName = '東京-ウェブ-🚀';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vmc-reach-tty-'));
  cpSync(join(root, 'fixtures', 'snapshots', 'article-case-b'), dir, { recursive: true });
  const vmsFile = join(dir, 'nsx', 'virtual-machines.json');
  writeFileSync(vmsFile, readFileSync(vmsFile, 'utf8').replace(/"display_name": "CJ-VM01"/g, `"display_name": ${JSON.stringify(evilVm)}`));
  const instFile = join(dir, 'aws', 'describe-instances.json');
  writeFileSync(instFile, readFileSync(instFile, 'utf8').replace(/"Value": "CJ-AWS02"/g, `"Value": ${JSON.stringify(wideName)}`));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const reproduce = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'vmc-reach.cjs'), 'reproduce', dir, ...args], { encoding: 'utf8', timeout: 120_000 });

test('no control character reaches the terminal: the matrix shows them escaped', () => {
  const r = reproduce('--all');
  expect(r.status).toBe(0);
  // eslint-disable-next-line no-control-regex
  expect(r.stdout + r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  expect(r.stdout).toContain('CJ\\u001b[2J\\u001b]0;owned\\u0007-VM01\\u000d\\u202eexe.txt');
}, 130_000);

test('wide characters do not break the columns: every row starts its verdict columns at the same cell', () => {
  const lines = reproduce('--all')
    .stdout.split('\n')
    .filter((l) => /(reachable|ENI_SG_INGRESS_NO_MATCH|EC2 → VM)/.test(l) && !/flows:/.test(l));
  expect(lines.some((l) => l.includes(wideName))).toBe(true);
  const col = lines.map((l) => displayWidth(l.slice(0, l.search(/EC2 → VM|reachable|ENI_SG_INGRESS_NO_MATCH/))));
  expect(new Set(col).size).toBe(1);
}, 130_000);

test('the JSON form stays valid JSON with the names intact', () => {
  const j = JSON.parse(reproduce('--all', '--json').stdout) as { verdicts: { source: { name: string }; destination: { name: string } }[] };
  expect(j.verdicts.flatMap((v) => [v.source.name, v.destination.name])).toEqual(expect.arrayContaining([evilVm, wideName]));
}, 130_000);
