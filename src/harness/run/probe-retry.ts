// Retrying a probe: an attempt that could not run (infrastructure error) or whose packets disagree with
// the configuration's verdict may be run again, up to `retries` times; an attempt whose packets agree with
// the configuration is final (a real reachability result is never retried away). The earlier attempts are
// kept, so a probe that passed only after a retry is reported as flaky, not as passed.
import type { ProbeAttempt } from '../../target/results';

/** Whether an attempt may be retried: it could not run, or packets and configuration disagree. */
export function isRetryable(a: Pick<ProbeAttempt, 'outcome' | 'agreement'>): boolean {
  if (a.outcome === 'passed') return false;
  return a.outcome === 'infra-error' || a.agreement === 'config-allows-packets-fail' || a.agreement === 'config-blocks-packets-pass';
}

export async function attemptWithRetries(
  retries: number,
  attempt: (n: number) => Promise<ProbeAttempt>,
  onRetry: (failed: ProbeAttempt, n: number) => void = () => undefined,
): Promise<{ last: ProbeAttempt; previous: ProbeAttempt[] }> {
  const previous: ProbeAttempt[] = [];
  let last = await attempt(1);
  while (isRetryable(last) && previous.length < retries) {
    onRetry(last, previous.length + 1);
    previous.push(last);
    last = await attempt(previous.length + 1);
  }
  return { last, previous };
}
