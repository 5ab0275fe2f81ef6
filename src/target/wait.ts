// waitUntil: polls a check with backoff until it yields a value, with a stated purpose and timeout.
// Time comes from an injectable clock and sleep, so mock runs and tests do not wait for real.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface WaitOptions {
  /** What is being waited for, in words: it is the first thing the timeout error says. */
  purpose: string;
  timeoutMs: number;
  /** First delay; grows by `factor` each attempt up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Growth of the delay per attempt (default 2). */
  factor?: number;
  clock?: Clock;
  /** Errors for which polling goes on (transient states); any other error ends the wait at once. */
  retryOn?: (error: unknown) => boolean;
}

export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
  constructor(
    readonly purpose: string,
    readonly attempts: number,
    readonly elapsedMs: number,
    readonly lastObserved: unknown,
  ) {
    super(
      `timed out after ${Math.round(elapsedMs)} ms and ${attempts} attempts waiting for ${purpose}; last seen: ${describe(lastObserved)}`,
    );
  }
}

function describe(v: unknown): string {
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (v === undefined) return 'nothing yet';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * Calls `check` until it returns `{ done: true, value }`. `{ done: false, observed }` records what was
 * seen for the timeout message. Sleeps with exponential backoff between attempts.
 */
export async function waitUntil<T>(
  check: () => Promise<{ done: true; value: T } | { done: false; observed?: unknown }>,
  options: WaitOptions,
): Promise<T> {
  const clock = options.clock ?? realClock;
  const start = clock.now();
  let delay = options.initialDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 5_000;
  let attempts = 0;
  let last: unknown;
  for (;;) {
    attempts++;
    try {
      const r = await check();
      if (r.done) return r.value;
      last = r.observed;
    } catch (e) {
      if (!options.retryOn?.(e)) throw e;
      last = e;
    }
    const elapsed = clock.now() - start;
    if (elapsed + delay > options.timeoutMs) throw new WaitTimeoutError(options.purpose, attempts, elapsed, last);
    await clock.sleep(delay);
    delay = Math.min(delay * (options.factor ?? 2), maxDelay);
  }
}

/**
 * A clock on which time runs `scale` times faster than real time: sleeping 10 s takes 10/scale real
 * seconds. With the mock's `realistic` latency divided by the same scale, a run sees AWS-like durations
 * while the benchmark finishes quickly.
 */
export function scaledClock(scale: number): Clock {
  const start = Date.now();
  return {
    now: () => start + (Date.now() - start) * scale,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / scale)),
  };
}

/** A clock whose sleep advances time at once (tests, and mock runs with a simulated clock). */
export function manualClock(start = 0): Clock & { advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms) => {
      t += ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
