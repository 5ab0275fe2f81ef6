// reproduce on an indeterminate verdict, end to end through the CLI: the engine's evaluate is wrapped so
// that case B's CJ-AWS01 → CJ-VM01 comes back indeterminate (a hand-built verdict with one assumption)
// until the engine's own readers produce such verdicts from real payloads.
import { join } from 'node:path';
import type { Flow, Verdict } from '../network';
import type { World } from '../world';
import { main } from './main';

jest.mock('../network/evaluate', () => {
  const actual = jest.requireActual('../network/evaluate');
  const { indeterminateVerdict } = jest.requireActual('../network/test-support/verdicts');
  const evaluate = (world: World, flow: Flow): Verdict => {
    const v: Verdict = actual.evaluate(world, flow);
    return v.source.name === 'CJ-AWS01' && v.destination.name === 'CJ-VM01'
      ? { ...indeterminateVerdict(), source: v.source, destination: v.destination }
      : v;
  };
  function* iterateMatrix(world: World, o: object): Generator<Verdict> {
    for (const f of actual.matrixFlows(world, o) as Iterable<Flow>) yield evaluate(world, f);
  }
  // The text matrix takes the brief forms (a full verdict is one).
  return {
    ...actual,
    evaluate,
    iterateMatrix,
    iterateMatrixBriefs: iterateMatrix,
    evaluateMatrix: (world: World, o: object) => [...iterateMatrix(world, o)],
  };
});

const caseB = join(__dirname, '..', '..', 'fixtures', 'snapshots', 'article-case-b');
const flow = ['reproduce', caseB, '--from', 'CJ-AWS01', '--to', 'CJ-VM01'];

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

test('the text form: INDETERMINATE, the undecided hop marked ?, the Assumptions block', async () => {
  const r = await run(...flow);
  expect(r.code).toBe(0);
  expect(r.out.split('\n')[0]).toMatch(/^CJ-AWS01 .* → CJ-VM01 .*: INDETERMINATE$/);
  expect(r.out).toMatch(/^ {2}\s?\d \? cgw\s+\/infra\/domains\/cgw\/gateway-policies\/default\/rules\/web-l7/m);
  expect(r.out).toMatch(
    /Assumptions .*\n {2}1\. the rule matches only traffic the L7 profile HTTP recognises.*\n {5}object: .*missing: \/infra\/context-profiles\/HTTP \[CONTEXT_PROFILE\]\n {5}to settle it: remove the profile/,
  );
});

test('--json carries status indeterminate, reachable false, no block and the assumptions', async () => {
  const v = JSON.parse((await run(...flow, '--json')).out);
  expect(v).toMatchObject({
    status: 'indeterminate',
    reachable: false,
    blockedBy: null,
    assumptions: [{ code: 'CONTEXT_PROFILE', missing: '/infra/context-profiles/HTTP' }],
  });
});

test.each(['reachable', 'unreachable'])('--expect %s exits 1: the data cannot decide the flow', async (expected) => {
  const r = await run(...flow, '--expect', expected);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(
    new RegExp(
      `^vmc-reach: expected ${expected}, but the data cannot decide this flow: it is indeterminate .*missing /infra/context-profiles/HTTP`,
    ),
  );
});

test('--expect indeterminate exits 0', async () => {
  expect((await run(...flow, '--expect', 'indeterminate')).code).toBe(0);
});

test('--all shows the cell as indeterminate and counts it; --all --json too', async () => {
  const text = (await run('reproduce', caseB, '--all')).out;
  expect(text).toMatch(/CJ-AWS01 \S+\s+CJ-VM01 \S+\s+indeterminate \(CONTEXT_PROFILE\)\s+reachable/);
  expect(text).toContain('4 flows: 2 reachable, 1 unreachable, 1 indeterminate (run --from/--to on one for its assumptions)');
  const json = JSON.parse((await run('reproduce', caseB, '--all', '--json')).out);
  expect(json.counts).toEqual({ reachable: 2, unreachable: 1, indeterminate: 1, noIpv4Address: 0 });
});
