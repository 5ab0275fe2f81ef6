// A clock the test moves by hand (test code only): worlds, mock contexts and clients read `now`, the
// test calls `advance`, so latencies, retries and token expiry take no real time.

export interface FakeClock {
  now: () => number;
  advance: (ms: number) => void;
}

export function fakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}
