// `vmc-reach init` in a temporary folder: what it writes, what it keeps, and that it never overwrites a
// file without --force.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';

let dir: string;
let out: string;
let err: string;
const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
const init = (...args: string[]): Promise<number> => main(['init', '--project', dir, ...args], io);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vmc-reach-init-'));
  out = '';
  err = '';
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('an empty folder gets the config, the example scenario, a one-line jest config, the workflow', async () => {
  expect(await init()).toBe(0);
  expect(await readFile(join(dir, 'jest.config.js'), 'utf8')).toBe("module.exports = { preset: 'vmc-reach' };\n");
  expect(JSON.parse(await readFile(join(dir, 'vmc-reach.config.json'), 'utf8'))).toMatchObject({
    target: 'mock',
    live: { vm: { name: 'CJ-VM01' } },
  });
  expect(await readFile(join(dir, 'scenarios', 'example.scenario.ts'), 'utf8')).toContain("from 'vmc-reach'");
  expect(await readFile(join(dir, '.github', 'workflows', 'vmc-reach.yml'), 'utf8')).toContain('npx vmc-reach run');
});

test('a package.json is created with the scripts when there is none', async () => {
  await init();
  expect(JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')).scripts).toMatchObject({ reach: 'vmc-reach run' });
});

test('an existing package.json keeps its fields and scripts and gains the vmc-reach scripts', async () => {
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'net-checks', version: '1.2.3', scripts: { test: 'jest' } }));
  await init();
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  expect(pkg).toMatchObject({
    name: 'net-checks',
    version: '1.2.3',
    scripts: { test: 'jest', reach: 'vmc-reach run', 'reach:live': 'vmc-reach run --target live' },
  });
});

test('.gitignore gains the report and ledger folders once, after what it had', async () => {
  await writeFile(join(dir, '.gitignore'), 'node_modules');
  await init();
  await init('--force');
  expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe('node_modules\nvmc-reach-report/\n.vmc-reach/\n');
});

test('an existing file is not overwritten: exit 2 naming it, nothing written', async () => {
  await writeFile(join(dir, 'vmc-reach.config.json'), '{"target":"live"}');
  expect(await init()).toBe(2);
  expect(err).toContain('vmc-reach.config.json already exists');
  expect(await readFile(join(dir, 'vmc-reach.config.json'), 'utf8')).toBe('{"target":"live"}');
  expect(existsSync(join(dir, 'scenarios'))).toBe(false);
});

test('--force overwrites existing files', async () => {
  await writeFile(join(dir, 'jest.config.js'), 'module.exports = {};\n');
  expect(await init('--force')).toBe(0);
  expect(await readFile(join(dir, 'jest.config.js'), 'utf8')).toContain("preset: 'vmc-reach'");
});

test('the example scenario names the VM of an existing config', async () => {
  await writeFile(
    join(dir, 'vmc-reach.config.json'),
    JSON.stringify({ live: { vm: { name: 'app-vm-17', managedInstanceId: 'mi-0123456789abcdef0' } } }),
  );
  await init('--force');
  expect(await readFile(join(dir, 'scenarios', 'example.scenario.ts'), 'utf8')).toContain('const vmName = "app-vm-17";');
});

test('--help prints the usage', async () => {
  expect(await main(['init', '--help'], io)).toBe(0);
  expect(out).toContain('--force');
});
