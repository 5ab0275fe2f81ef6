// When and how long the VMC client waits before trying again: 429 (throttled), 503 (busy), 504 (the
// reverse proxy timed out) and 409 (NSX: concurrent update) are transient; the delay doubles from
// `baseDelayMs` up to `maxDelayMs`, and a `Retry-After` header (seconds) is honoured up to that cap.

export interface RetryPolicy {
  /** Attempts in all, the first included (default 5). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 20_000 };

export const transientStatuses: ReadonlySet<number> = new Set([409, 429, 503, 504]);

/** The wait before attempt `attempt + 1` (attempt counts from 1). */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfter: string | null): number {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const seconds = retryAfter === null ? NaN : Number(retryAfter);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(policy.maxDelayMs, Math.max(backoff, seconds * 1000)) : backoff;
}
