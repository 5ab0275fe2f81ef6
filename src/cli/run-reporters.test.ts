// `vmc-reach run --reporter`: an unknown reporter is exit 2 naming the flag; the article run with
// --reporter tap,json writes results.tap and summary.json (no junit.xml), the TAP read back by tap-parser,
// the summary with every transcript labelled as the model's (the default data plane sends no packet).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser, type FinalResults } from 'tap-parser';
import { main } from './main';

const root = join(__dirname, '..', '..');

test('an unknown reporter is a usage error naming --reporter and the choices, exit 2', async () => {
  let err = '';
  const code = await main(['run', '--reporter', 'junit,html'], { out: () => undefined, err: (t) => (err += t) });
  expect(code).toBe(2);
  expect(err).toMatch(/--reporter "junit,html": unknown reporter "html"; choose from junit, tap, json/);
});

describe('the article run with --reporter tap,json', () => {
  let report: string;
  let run: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    report = mkdtempSync(join(tmpdir(), 'vmc-reach-reporters-'));
    run = spawnSync(
      process.execPath,
      [join(root, 'bin', 'vmc-reach.cjs'), 'run', '--scenario', 'article', '--reporter', 'tap,json', '--report-dir', report],
      { cwd: root, encoding: 'utf8', env: { ...process.env, VMC_REACH_QUIET: '1' }, timeout: 170_000 },
    );
  }, 180_000);
  afterAll(() => rmSync(report, { recursive: true, force: true }));

  test('writes results.tap and summary.json, and no junit.xml', () => {
    expect(run.status).toBe(0);
    expect([
      existsSync(join(report, 'results.tap')),
      existsSync(join(report, 'summary.json')),
      existsSync(join(report, 'junit.xml')),
    ]).toEqual([true, true, false]);
    expect(String(run.stdout)).toMatch(/TAP: .*results\.tap\nJSON summary: .*summary\.json/);
  });

  test('the TAP passes an independent parser with one passing point per probe', async () => {
    const final = await new Promise<FinalResults>((resolve) => new Parser(resolve).end(readFileSync(join(report, 'results.tap'), 'utf8')));
    expect([final.ok, final.count, final.pass]).toEqual([true, 6, 6]);
  });

  test("the summary says the transcripts are the model's, with the time the mock took", () => {
    const s = JSON.parse(readFileSync(join(report, 'summary.json'), 'utf8')) as {
      passed: boolean;
      scenarios: { probes: { observed: { transcriptOrigin: string; tookMs: number } }[] }[];
    };
    const observed = s.scenarios.flatMap((x) => x.probes.map((p) => p.observed));
    expect(s.passed).toBe(true);
    expect(new Set(observed.map((o) => o.transcriptOrigin))).toEqual(new Set(['model']));
    expect(observed.every((o) => o.tookMs >= 0)).toBe(true);
    expect(String(run.stdout)).toMatch(/observed: model = answered by the mock from the configuration's verdict, no packets sent/);
  });
});
