// `vmc-reach run` in a project whose scenario files do not all load: each broken file is one
// `vmc-reach:` error naming it (a syntax error with its line, an exception at load with its frame in the
// file), the other files still run and print the matrix, the run fails (exit 1), and nothing of jest's
// banner or summary reaches the terminal.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(__dirname, '..', '..', 'bin', 'vmc-reach.cjs');
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'vmc-reach-file-errors-'));
  mkdirSync(join(project, 'scenarios'));
  writeFileSync(
    join(project, 'scenarios', 'broken.scenario.ts'),
    "import { scenario } from 'vmc-reach';\nscenario('broken', ({ sddc }) => {\n  const vm = sddc.vm('CJ-VM01'\n});\n",
  );
  writeFileSync(
    join(project, 'scenarios', 'throws.scenario.ts'),
    "import { scenario } from 'vmc-reach';\n\nthrow new Error('no inventory file');\nscenario('never', () => undefined);\n",
  );
  writeFileSync(
    join(project, 'scenarios', 'powered-off.scenario.ts'),
    `import { scenario } from 'vmc-reach';

scenario('a powered-off VM', ({ sddc, aws, step, ping }) => {
  const vm = sddc.vm('CJ-VM02-OFF');
  const group = sddc.group('CJ-VM02', { vmName: 'CJ-VM02-OFF' });
  sddc.cgwRule('to CJ-VM02', { sequence: 10, from: 'ANY', to: group, appliedTo: 'vpc' });
  const inst = aws.instance('app-01', { securityGroups: [aws.defaultSecurityGroup()] });
  step('off', () => {
    ping(inst, vm).expect('unreachable', 'VM_POWERED_OFF');
  });
});
`,
  );
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

test('broken scenario files are vmc-reach errors naming them; the rest runs; exit 1; no jest output', () => {
  const r = spawnSync(process.execPath, [bin, 'run', '--project', project], {
    encoding: 'utf8',
    env: { ...process.env, VMC_REACH_CONFIG: '', VMC_REACH_PROGRESS: 'plain' },
    timeout: 120_000,
  });
  const out = `${r.stdout}${r.stderr}`;
  expect(r.stderr).toMatch(/^vmc-reach: scenarios\/broken\.scenario\.ts could not be loaded: line 4:1: Expected "\)" but found "\}"$/m);
  expect(r.stderr).toMatch(
    /^vmc-reach: scenarios\/throws\.scenario\.ts could not be loaded: no inventory file \(at scenarios\/throws\.scenario\.ts:3:\d+\)$/m,
  );
  expect(r.stdout).toContain('a powered-off VM');
  expect(out).not.toMatch(/Test Suites:|Tests: +\d|Ran all test suites|^\s*(RUNS|PASS|FAIL) +scenarios\//m);
  expect(r.status).toBe(1);
}, 150_000);
