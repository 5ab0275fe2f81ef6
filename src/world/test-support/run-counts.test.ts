// runCount: the quick count in `npm test`, the full one under VMC_REACH_FULL=1, an override variable above both;
// and the premise quick ⊂ full: fast-check's first n cases of a seed are the same whatever the count.
import fc from 'fast-check';
import { runCount } from './run-counts';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

test('the quick count without VMC_REACH_FULL, the full count with VMC_REACH_FULL=1', () => {
  delete process.env.VMC_REACH_FULL;
  expect(runCount(200, 40)).toBe(40);
  process.env.VMC_REACH_FULL = '1';
  expect(runCount(200, 40)).toBe(200);
});

test('an override variable wins over both, and a bad value is an error naming the variable', () => {
  process.env.VMC_REACH_FULL = '1';
  process.env.SOME_RUNS = '7';
  expect(runCount(200, 40, 'SOME_RUNS')).toBe(7);
  process.env.SOME_RUNS = 'many';
  expect(() => runCount(200, 40, 'SOME_RUNS')).toThrow(/SOME_RUNS=many/);
});

test('the quick cases of a seed are the first of the full ones (fc.sample and fc.assert)', () => {
  const arb = fc.record({ a: fc.integer(), b: fc.array(fc.string(), { maxLength: 5 }), c: fc.constantFrom('icmp', 'tcp', 'udp') });
  expect(fc.sample(arb, { seed: 42, numRuns: 200 }).slice(0, 40)).toEqual(fc.sample(arb, { seed: 42, numRuns: 40 }));
  const seen = (numRuns: number): unknown[] => {
    const out: unknown[] = [];
    fc.assert(
      fc.property(arb, (v) => void out.push(v)),
      { seed: 42, numRuns },
    );
    return out;
  };
  expect(seen(200).slice(0, 40)).toEqual(seen(40));
});
