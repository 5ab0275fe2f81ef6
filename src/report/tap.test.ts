// TAP 14 output, read back by an independent parser (tap-parser, the parser of node-tap): the plan, one
// point per probe plus the scenario that could not run and the failed teardown, YAML diagnostics on the
// failures (and the flaky pass), `#` in a name escaped so it is no directive.
import { Parser, type FinalResults } from 'tap-parser';
import { renderTap } from './tap';
import { sampleRun } from './test-support/results';

/** One assert line as tap-parser reports it. */
interface TapAssert {
  ok: boolean;
  id: number;
  name: string;
  diag: Record<string, unknown> | null;
  skip: unknown;
  todo: unknown;
}

/** What a TAP stream parses to. */
interface ParsedTap {
  final: FinalResults;
  asserts: TapAssert[];
  bailout: boolean;
  version?: number;
}

function parse(text: string): Promise<ParsedTap> {
  return new Promise((resolve) => {
    const asserts: TapAssert[] = [];
    let version: number | undefined;
    const p = new Parser((final) =>
      resolve({ final, asserts, bailout: final.bailout !== false, ...(version !== undefined ? { version } : {}) }),
    );
    p.on('assert', (a: TapAssert) => asserts.push(a));
    p.on('version', (v: number) => void (version = v));
    p.end(text);
  });
}

test('version 14, a plan that matches, and the counts of the run', async () => {
  const r = await parse(renderTap(sampleRun()));
  expect(r.version).toBe(14);
  expect(r.final.plan).toMatchObject({ start: 1, end: 6 });
  expect([r.final.count, r.final.pass, r.final.fail, r.final.ok]).toEqual([6, 2, 4, false]);
  expect(r.bailout).toBe(false);
});

test('a failure carries YAML diagnostics: severity, expected and observed, the blocking hop, the fix and the transcript origin', async () => {
  const { asserts } = await parse(renderTap(sampleRun()));
  const failed = asserts.find((a) => a.name.includes('case B'))!;
  expect(failed.ok).toBe(false);
  expect(failed.diag).toMatchObject({
    severity: 'fail',
    expected: 'reachable',
    observed: 'unreachable (0/3 replies)',
    transcript_origin: 'model',
    config_verdict: 'ENI_SG_INGRESS_NO_MATCH (forward)',
    blocked_at: expect.stringMatching(/^hop \d+ forward: sg-\w+ \(default\)$/),
    fix: expect.stringMatching(/^aws ec2 authorize-security-group-ingress --cli-input-json/),
  });
});

test('an infrastructure error is a failure with severity error; the scenario that could not run and the teardown too', async () => {
  const { asserts } = await parse(renderTap(sampleRun()));
  expect(asserts.filter((a) => !a.ok).map((a) => [a.name.replace(/^.* › /, ''), a.diag?.severity])).toEqual([
    ['case B: CJ-AWS02 → CJ-VM01', 'fail'],
    ['agent offline', 'error'],
    ['teardown', 'error'],
    ['scenario set-up', 'error'],
  ]);
});

test('a # in a name is escaped, not read as a directive; a newline in a title stays on the line', async () => {
  const { asserts } = await parse(renderTap(sampleRun()));
  const hashed = asserts.find((a) => a.name.includes('passes'))!;
  expect([hashed.ok, hashed.skip, hashed.todo]).toEqual([true, false, false]);
  expect(hashed.name).toBe('article\\nwith a newline › passes # with a hash');
});

test('the flaky pass is ok and says so in its diagnostics', async () => {
  const { asserts } = await parse(renderTap(sampleRun()));
  expect(asserts.find((a) => a.name.endsWith('flaky'))).toMatchObject({ ok: true, diag: { severity: 'flaky', attempts: 2 } });
});

test('a run without results is not an empty plan that passes', async () => {
  const r = await parse(renderTap([]));
  expect([r.final.ok, r.final.count]).toEqual([false, 1]);
});
