// What a user does, end to end: `npm run build` (unless dist/ is already as new as its sources: `npm ci`
// and `npm test` build first), `npm pack`, install the tarball into a fresh project under the system's
// temp folder, `npx vmc-reach init`, add a scenario of their own, `npx vmc-reach run` against the
// embedded mock (matrix, JUnit, evidence pack), then the same project with --target live against
// `vmc-reach mock serve`; under test:full also jest added to the project and the preset run by plain
// `npx jest`. Slow (a build and an npm install): generous timeouts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLab } from '../lab/test-support/lab-env';
import { distIsFresh } from '../package/dist-fresh';
import { fullRuns } from '../world/test-support/run-counts';

const repo = join(__dirname, '..', '..');
const npmCli = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npxCli = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let tmp: string;
let project: string;
let init: ReturnType<typeof spawnSync>;

/** The environment of a user's shell: none of this test run's npm or vmc-reach variables. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|VMC_REACH_|JEST_)/i.test(k)));
  // The user's temporary folder inside this test's, so what the CLI keeps there (V8's code cache of the
  // installed bundles, one per project path) goes with it.
  return { ...env, TMPDIR: join(tmp, 'tmp'), VMC_REACH_QUIET: '1', ...extra };
}

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = userEnv(), timeout = 300_000): ReturnType<typeof spawnSync> {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout });
  if (r.error) throw r.error;
  return r;
}

function must(r: ReturnType<typeof spawnSync>, what: string): void {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
}

const secondScenario = `// The user's own scenario: an instance in the VPC's default security group reaches the VM both ways.
import { scenario } from 'vmc-reach';

scenario('team: default security group both ways', ({ sddc, aws, step, ping }) => {
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('team-vm', { vmName: 'CJ-VM01' });
  sddc.cgwRule('team to the VM', { sequence: 10, from: 'ANY', to: group, appliedTo: 'vpc' });
  sddc.cgwRule('team from the VM', { sequence: 20, from: group, to: 'ANY', appliedTo: 'vpc' });
  const app = aws.instance('team-app', { securityGroups: [aws.defaultSecurityGroup()] });
  step('default SG', () => {
    ping(app, vm).expect('reachable');
    ping(vm, app).expect('reachable');
  });
});
`;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'vmc-reach-packed-'));
  mkdirSync(join(tmp, 'tmp'));
  if (!distIsFresh(repo)) must(sh(npmCli, ['run', 'build'], repo, { ...process.env }), 'npm run build');
  must(sh(npmCli, ['pack', '--ignore-scripts', '--pack-destination', tmp], repo, { ...process.env }), 'npm pack');
  const [tarball] = readdirSync(tmp).filter((f) => f.endsWith('.tgz'));
  project = join(tmp, 'net-checks');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'net-checks', version: '1.0.0', private: true }, null, 2)}\n`);
  must(
    sh(npmCli, ['install', '--prefer-offline', '--no-audit', '--no-fund', join(tmp, tarball!)], project, userEnv(), 600_000),
    'npm install <tarball>',
  );
  init = sh(npxCli, ['--no-install', 'vmc-reach', 'init'], project);
  writeFileSync(join(project, 'scenarios', 'team.scenario.ts'), secondScenario);
}, 900_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the tarball holds the compiled CLI, the API types and the default mock world, and no tests or sources', () => {
  const r = sh(
    'tar',
    [
      'tzf',
      readdirSync(tmp)
        .map((f) => join(tmp, f))
        .find((f) => f.endsWith('.tgz'))!,
    ],
    tmp,
  );
  const files = String(r.stdout).split('\n');
  expect(files).toEqual(
    expect.arrayContaining([
      'package/dist/src/cli/main.js',
      'package/dist/src/index.d.ts',
      'package/jest-preset.js',
      'package/fixtures/snapshots/harness-before-runs/manifest.json',
    ]),
  );
  expect(files.filter((f) => /\.test\.|^package\/src\/|^package\/scenarios\//.test(f))).toEqual([]);
});

test('npx vmc-reach init scaffolds the installed project', () => {
  expect(init.status).toBe(0);
  for (const f of [
    'jest.config.js',
    'vmc-reach.config.json',
    'scenarios/example.scenario.ts',
    '.github/workflows/vmc-reach.yml',
    '.gitignore',
  ])
    expect(existsSync(join(project, f))).toBe(true);
});

test('npx vmc-reach run on the embedded mock runs both scenarios and writes the matrix, JUnit and the evidence pack', () => {
  const r = sh(npxCli, ['--no-install', 'vmc-reach', 'run'], project);
  expect(r.stdout).toContain('example: an instance in a custom security group (the article case B)');
  expect(r.stdout).toContain('team: default security group both ways');
  expect(`${r.stdout}${r.stderr}`).toContain('4 probes: 4 passed');
  expect(existsSync(join(project, 'vmc-reach-report', 'junit.xml'))).toBe(true);
  expect(existsSync(join(project, 'vmc-reach-report', 'evidence.html'))).toBe(true);
  expect(r.status).toBe(0);
}, 300_000);

// Before the test:full test below, which adds jest to the project.
test('the install brings neither jest nor testcontainers (optional peer dependencies: the jest preset and the container lab)', () => {
  for (const optional of ['jest', 'testcontainers']) expect(existsSync(join(project, 'node_modules', optional))).toBe(false);
});

// Only in `npm run test:full` (which CI runs): installing jest adds 255 packages to the project.
(fullRuns() ? test : test.skip)(
  'with jest@30 added to the project, plain npx jest runs both scenarios through the preset (one test per probe)',
  () => {
    must(
      sh(npmCli, ['install', '-D', '--prefer-offline', '--no-audit', '--no-fund', 'jest@30'], project, userEnv(), 600_000),
      'npm i -D jest@30',
    );
    const r = sh(npxCli, ['--no-install', 'jest'], project);
    expect(r.stderr).toContain('Tests:       4 passed, 4 total');
    expect(r.status).toBe(0);
  },
  600_000,
);

describeLab('the container lab in a project without testcontainers', () => {
  test('run --dataplane lab with the container backend stops before any scenario, naming the package to install (exit 2)', () => {
    const r = sh(
      npxCli,
      ['--no-install', 'vmc-reach', 'run', '--dataplane', 'lab'],
      project,
      userEnv({ VMC_REACH_LAB_BACKEND: 'container' }),
    );
    expect(r.stderr).toMatch(/testcontainers package.*npm i -D testcontainers@\^11/);
    expect(r.stdout).not.toMatch(/probes:/);
    expect(r.status).toBe(2);
  });
});

describe('the same project with --target live against vmc-reach mock serve', () => {
  let serve: ChildProcess;
  let env: Record<string, string>;

  beforeAll(async () => {
    const world = join(project, 'node_modules', 'vmc-reach', 'fixtures', 'snapshots', 'harness-before-runs');
    serve = spawn(npxCli, ['--no-install', 'vmc-reach', 'mock', 'serve', '--port', '0', '--world', world], {
      cwd: project,
      env: userEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let banner = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`mock serve did not start: ${banner}`)), 60_000);
      serve.stdout!.on('data', (d: Buffer) => {
        banner += d.toString();
        if (banner.includes('Stop with')) {
          clearTimeout(timer);
          resolve();
        }
      });
      serve.on('exit', (code) => reject(new Error(`mock serve exited (${code}): ${banner}`)));
    });
    env = {};
    for (const m of banner.matchAll(/\b((?:AWS|VMC)_[A-Z0-9_]+)=(\S+)/g)) env[m[1]!] = m[2]!;
    for (const key of ['AWS_ENDPOINT_URL_EC2', 'AWS_ENDPOINT_URL_SSM', 'VMC_CSP_URL', 'VMC_URL']) {
      if (!env[key]?.startsWith('http://127.0.0.1:')) throw new Error(`mock serve's banner gave no loopback ${key}: ${banner}`);
    }
    // What a user sets for their own VM: its SSM managed node id (the served world's CJ-VM01).
    env.VMC_REACH_VM_MANAGED_INSTANCE_ID = /(mi-[0-9a-f]{17})\s.*\sCJ-VM01\b/.exec(banner)![1]!;
    env.VMC_REACH_INSTANCE_PROFILE = 'AmazonSSMRoleForInstancesQuickSetup';
  }, 90_000);

  afterAll(() => {
    if (serve?.pid) process.kill(-serve.pid, 'SIGTERM');
  });

  test('run --target live --project <dir> from another folder passes both scenarios and keeps the ledgers in the project', () => {
    // From outside the project, by the installed command's path (as a CI step in another folder would).
    const r = sh(
      join(project, 'node_modules', '.bin', 'vmc-reach'),
      ['run', '--target', 'live', '--project', project, '--report-dir', 'live-report'],
      tmp,
      userEnv(env),
    );
    expect(`${r.stdout}${r.stderr}`).toContain('4 probes: 4 passed');
    expect(existsSync(join(project, 'live-report', 'junit.xml'))).toBe(true);
    expect(readdirSync(join(project, '.vmc-reach', 'runs')).length).toBeGreaterThan(0);
    expect(r.status).toBe(0);
  }, 300_000);
});
