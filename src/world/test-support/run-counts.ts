// Test support (test code only; here in src/world, the layer every layer's tests may import): how many
// generated cases a heavy suite runs. `npm test` runs the quick
// count, so the loop stays short; `npm run test:full` (VMC_REACH_FULL=1, which CI also runs) the full
// one. Suites draw their cases from a fixed seed, and fast-check's n-th case does not depend on how many
// are asked for, so the quick cases are the first of the full ones (quick ⊂ full).

/** True under `npm run test:full` (VMC_REACH_FULL=1). */
export const fullRuns = (): boolean => process.env.VMC_REACH_FULL === '1';

/**
 * The count for this run: `quick` in `npm test`, `full` under VMC_REACH_FULL=1. A positive integer in the
 * environment variable `override` (e.g. LAB_ORACLE_RUNS=500) wins over both.
 */
export function runCount(full: number, quick: number, override?: string): number {
  const asked = override === undefined ? undefined : process.env[override];
  if (asked !== undefined && asked !== '') {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${override}=${asked}: expected a positive whole number of runs`);
    return n;
  }
  return fullRuns() ? full : Math.min(quick, full);
}
