// Loading the harness configuration: defaults, file, environment overrides, and clear errors.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './load-config';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vmc-reach-config-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('with no file and no environment the defaults give a mock run', async () => {
  const { config, file } = await loadConfig({ cwd: dir, env: {} });
  expect(file).toBeUndefined();
  expect(config).toMatchObject({ target: 'mock', mock: { latency: 'instant' }, probe: { count: 3, timeoutSeconds: 1 } });
});

test('the default file in the folder is read', async () => {
  await writeFile(join(dir, 'vmc-reach.config.json'), JSON.stringify({ region: 'ap-northeast-1', probe: { count: 5 } }));
  const { config } = await loadConfig({ cwd: dir, env: {} });
  expect(config.region).toBe('ap-northeast-1');
  expect(config.probe).toEqual({ count: 5, timeoutSeconds: 1 });
});

test('environment variables override the file', async () => {
  await writeFile(join(dir, 'c.json'), JSON.stringify({ target: 'mock', live: { orgId: '11111111-1111-4111-8111-111111111111' } }));
  const { config } = await loadConfig({
    cwd: dir,
    file: 'c.json',
    env: { VMC_REACH_TARGET: 'live', VMC_ORG_ID: '22222222-2222-4222-8222-222222222222' },
  });
  expect(config.target).toBe('live');
  expect(config.live.orgId).toBe('22222222-2222-4222-8222-222222222222');
});

test('a bad field names the file and the field', async () => {
  await writeFile(join(dir, 'c.json'), JSON.stringify({ probe: { count: 0 } }));
  await expect(loadConfig({ cwd: dir, file: 'c.json', env: {} })).rejects.toThrow(/c\.json: probe\.count: .*>=1/);
});

test('a bad override names the environment variable', async () => {
  await expect(loadConfig({ cwd: dir, env: { VMC_REACH_TARGET: 'prod' } })).rejects.toThrow(
    /environment variable VMC_REACH_TARGET: target:/,
  );
});

test('an unknown field is refused, so a typo does not pass silently', async () => {
  await writeFile(join(dir, 'c.json'), JSON.stringify({ live: { sddcID: 'x' } }));
  await expect(loadConfig({ cwd: dir, file: 'c.json', env: {} })).rejects.toThrow(/live: Unrecognized key.*sddcID/);
});

test('a token in the file is refused: secrets come from the environment or a token file', async () => {
  await writeFile(join(dir, 'c.json'), JSON.stringify({ live: { cspToken: 'abc' } }));
  await expect(loadConfig({ cwd: dir, file: 'c.json', env: {} })).rejects.toThrow(/cspToken/);
});

test('truncated JSON is reported with the file', async () => {
  await writeFile(join(dir, 'c.json'), '{"target": ');
  await expect(loadConfig({ cwd: dir, file: 'c.json', env: {} })).rejects.toThrow(/c\.json is not valid JSON/);
});

test('a missing --config file says to check the path', async () => {
  await expect(loadConfig({ cwd: dir, file: 'nope.json', env: {} })).rejects.toThrow(/nope\.json cannot be read; check the path/);
});

test('a TypeScript config module is loaded', async () => {
  await writeFile(join(dir, 'vmc-reach.config.ts'), "const c: { region: string } = { region: 'eu-west-1' };\nexport default c;\n");
  const { config } = await loadConfig({ cwd: dir, env: {} });
  expect(config.region).toBe('eu-west-1');
});
