// The layer rules of eslint.config.mjs (design §1) refuse what they are for: each case is one import,
// linted as if it were in the named file. ESLint runs in a child process (its config is an ES module,
// which jest's module system does not load), once for all cases.
import { spawnSync } from 'node:child_process';

const refused: [file: string, code: string][] = [
  ['src/world/ec2/x.ts', "import type { Flow } from '../../network/flow';"],
  ['src/network/x.ts', "import { loadSnapshot } from '../snapshot';"],
  ['src/network/x.test.ts', "import { http } from 'msw';"],
  ['src/lab/x.ts', "import { serveMock } from '../../mocks/serve';"],
  ['src/clients/vmc/x.ts', "import { resolveTarget } from '../../target/target';"],
  ['mocks/vmc/nsx/x.ts', "import { groupsFromJson } from '../../../src/snapshot/nsx/groups';"],
  ['mocks/aws/ssm/x.ts', "import { renderPortProbe } from '../../../src/harness/probes/run-port-probe';"],
  ['mocks/x.ts', "import { loadConfig } from '../src/target/config/load-config';"],
  ['mocks/aws/conformance/x.ts', "import { main } from '../../../src/cli/main';"],
  ['src/report/x.ts', "import type { ScenarioSpec } from '../harness/dsl/spec';"],
  ['src/harness/run/x.ts', "import { serveMock } from '../../../mocks/serve';"],
  ['src/harness/run/x.ts', "export const lab = () => import('../../lab/lab-client');"],
  ['src/ops/reap/x.ts', "import type { ScenarioSpec } from '../../harness/dsl/spec';"],
  ['src/reliability/x.ts', "import { article } from '../../scenarios/article.scenario';"],
  ['src/cli/x.ts', "import { scenario } from 'vmc-reach';"],
  ['scenarios/x.scenario.ts', "import { allow } from '../src/harness/dsl/builder';"],
];

const allowed: [file: string, code: string][] = [
  ['src/network/x.ts', "import type { World } from '../world';"],
  ['mocks/aws/ssm/x.ts', "import { renderPortProbe } from '../../../src/shapes/ssm/port-probe-command';"],
  ['mocks/scenario-setup.ts', "import { loadConfig } from '../src/target/config/load-config';"],
  ['src/harness/jest/x.ts', "import { createProgress } from '../../report/progress/progress';"],
  ['src/clients/vmc/x.test.ts', "import { serveMock } from '../../../mocks/serve';"],
  ['scenarios/x.scenario.ts', "import { allow, scenario } from 'vmc-reach';"],
];

/** The layer rules' messages for each case, in order. */
function lint(cases: [string, string][]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('node:path');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, code] of JSON.parse(process.argv[1])) {
        const [r] = await eslint.lintText(code + '\\n', { filePath: path.join(process.cwd(), file) });
        out.push(r.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const r = spawnSync(process.execPath, ['-e', script, JSON.stringify(cases)], { cwd: __dirname, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`eslint failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[][];
}

let results: string[][];
beforeAll(() => {
  results = lint([...refused, ...allowed]);
}, 60_000);

test.each(refused.map((c, i) => [...c, i] as const))('%s: %s is refused, naming the design', (_file, _code, i) => {
  expect(results[i]).toEqual([expect.stringMatching(/design §|public API/)]);
});

test.each(allowed.map((c, i) => [...c, refused.length + i] as const))('%s: %s is allowed', (_file, _code, i) => {
  expect(results[i]).toEqual([]);
});
