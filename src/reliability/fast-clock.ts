// A clock for runs against an instant mock: sleeps yield to the event loop instead of waiting, and time
// advances by what was slept, so waits and backoffs keep their logic (and their timeouts) but cost nothing.
import type { Clock } from '../target/wait';

export function fastClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    sleep: async (ms) => {
      offset += ms;
      await new Promise((r) => setImmediate(r));
    },
  };
}
