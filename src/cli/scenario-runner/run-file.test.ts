// One scenario file as a `vmc-reach run` worker runs it, here in jest's process: the article's file on
// the embedded mock. The topology the worker draws from the world discovery read is the one the report
// would read back from the result's discovered files, so the main thread can take it as it is.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scenarioView } from '../../report/evidence-pack/render-pack';
import type { ScenarioResult } from '../../target/results';
import { runScenarioFile } from './run-file';

const file = join(__dirname, '..', '..', '..', 'scenarios', 'article.scenario.ts');
let dir: string;
const saved = { cwd: process.cwd(), reportDir: process.env.VMC_REACH_REPORT_DIR, quiet: process.env.VMC_REACH_QUIET };
const restore = (name: string, value: string | undefined): void => {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
};
// In a project folder of its own (default configuration, the package's mock world), as a user's run is.
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vmc-reach-run-file-'));
  process.chdir(dir);
  process.env.VMC_REACH_REPORT_DIR = dir;
  process.env.VMC_REACH_QUIET = '1';
});
afterAll(() => {
  process.chdir(saved.cwd);
  restore('VMC_REACH_REPORT_DIR', saved.reportDir);
  restore('VMC_REACH_QUIET', saved.quiet);
  rmSync(dir, { recursive: true, force: true });
});

test("the worker's topology of each scenario equals the one read back from its result's discovered files", async () => {
  // jest's require (it compiles the TypeScript), where the worker loads the file it compiled ahead.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const outcome = await runScenarioFile(file, (f) => void require(f));
  const results = readdirSync(join(dir, 'results')).map((n) => JSON.parse(readFileSync(join(dir, 'results', n), 'utf8')) as ScenarioResult);
  expect(outcome.scenarios.length).toBeGreaterThan(0);
  for (const s of outcome.scenarios) {
    const result = results.find((r) => r.title === s.title)!;
    expect(s.topology).toBeDefined();
    expect(s.topology).toEqual(scenarioView(result).topology);
  }
});
