// `vmc-reach nightly` against `vmc-reach mock serve` (run --target live underneath): the report lands in
// <out>/<YYYY-MM-DD>-<run-id>/ with junit.xml and a manifest; a second night where SSM fails makes every
// probe a new failure (exit 1); a third, healthy night reports them fixed. Plus the comparison rules.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, repo, startServe, type Served } from '../test-support/serve';
import { compare, type ManifestProbe, type NightlyManifest } from './manifest';

let cwd: string;
const world = join(repo, 'fixtures', 'snapshots', 'harness-before-runs');
const profile = { VMC_REACH_INSTANCE_PROFILE: 'AmazonSSMRoleForInstancesQuickSetup' };

async function night(extra: string[] = []): Promise<{ status: number | null; stdout: string; manifest: NightlyManifest; files: string[] }> {
  const served: Served = await startServe(world, extra);
  try {
    const r = cli(['nightly', '--out', join(cwd, 'history'), '--scenario', 'article'], { cwd, env: { ...served.env, ...profile } });
    const folder = /nightly \S+: (\S+) \(/.exec(r.stdout)?.[1];
    if (!folder) throw new Error(`no nightly folder in: ${r.stdout}\n${r.stderr}`);
    return {
      status: r.status,
      stdout: r.stdout,
      manifest: JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as NightlyManifest,
      files: await readdir(folder),
    };
  } finally {
    served.stop();
  }
}

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vmc-reach-nightly-'));
});
afterAll(() => rm(cwd, { recursive: true, force: true }));

test('three nights: a healthy first run, a regression, then fixed', async () => {
  const first = await night();
  expect(first.status).toBe(0);
  expect(first.manifest.folder).toMatch(/^\d{4}-\d{2}-\d{2}-vr-\d{6}-\d{6}-[0-9a-f]{4}$/);
  expect(first.files).toEqual(expect.arrayContaining(['junit.xml', 'manifest.json']));
  expect(first.manifest.probes).toHaveLength(6);
  expect(first.manifest.probes.every((p) => p.outcome === 'passed' && p.scenario && p.label)).toBe(true);
  expect(first.manifest.comparison).toMatchObject({ previous: null, newFailures: [], fixed: [] });

  const second = await night(['--fault', 'ssm:SendCommand:server-error:1000']);
  expect(second.status).toBe(1);
  expect(second.stdout).toContain('REGRESSION');
  expect(second.manifest.comparison.previous).toBe(first.manifest.folder);
  expect(second.manifest.comparison.newFailures).toHaveLength(6);

  const third = await night();
  expect(third.status).toBe(0);
  expect(third.manifest.comparison).toMatchObject({ previous: second.manifest.folder, newFailures: [], stillFailing: [] });
  expect(third.manifest.comparison.fixed).toHaveLength(6);
  expect((await readdir(join(cwd, 'history'))).filter((n) => !n.startsWith('.'))).toHaveLength(3);
}, 240_000);

test('comparison: new failures, fixed, still failing, no longer probed', () => {
  const p = (key: string, outcome: ManifestProbe['outcome']): ManifestProbe => ({ key, scenario: 's', label: key, outcome, attempts: 1 });
  const c = compare([p('a', 'failed'), p('b', 'passed'), p('c', 'infra-error'), p('d', 'failed')], {
    folder: 'prev',
    probes: [p('a', 'passed'), p('b', 'failed'), p('c', 'failed'), p('e', 'passed')],
  });
  expect(c).toEqual({ previous: 'prev', newFailures: ['a', 'd'], fixed: ['b'], stillFailing: ['c'], missing: ['e'] });
});

test('a malformed --shard is a usage error (exit 2)', () => {
  expect(cli(['nightly', '--out', join(cwd, 'x'), '--shard', '3/2'], { cwd, env: {} }).status).toBe(2);
});
