// Progress while a scenario provisions and probes (live steps take minutes), on stderr. Not a TTY (CI
// logs, pipes, jest workers): one plain `[vmc-reach] …` line per step. A TTY: one compact status line,
// rewritten in place (scenario, probes passed/failed/could not run, the current step), with the lines
// that matter (a probe that did not pass, a retry, a failure) kept above it. The final matrix is
// printed by `vmc-reach run` as before.
import { safeCell } from '../../network';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  line(text: string): void;
  /** Clears the status line (TTY) so what follows starts on a clean line. */
  done(): void;
}

const notable = /: (failed|infra-error)\b|retrying|could not|FAILED|not removed|error/i;

export function createProgress(stream: ProgressStream, rawScenario: string, mode: 'auto' | 'plain' | 'status' = 'auto'): Progress {
  // Names come from customer data (VM display names, Name tags): no control character reaches the terminal.
  const scenario = safeCell(rawScenario);
  const status = mode === 'status' || (mode === 'auto' && !!stream.isTTY);
  if (!status) return { line: (text) => void stream.write(`[vmc-reach] ${safeCell(text)}\n`), done: () => undefined };
  const counts = { passed: 0, failed: 0, 'infra-error': 0 };
  let shown = false;
  const clear = (): void => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  return {
    line(raw) {
      const text = safeCell(raw);
      const probe = /^probe .*: (passed|failed|infra-error)(?: \(|$)/.exec(text);
      if (probe) counts[probe[1] as keyof typeof counts]++;
      clear();
      if (notable.test(text)) stream.write(`[vmc-reach] ${text}\n`);
      const title = scenario.length > 32 ? `${scenario.slice(0, 31)}…` : scenario;
      const head = `[vmc-reach] ${title} · probes ${counts.passed} passed, ${counts.failed} failed, ${counts['infra-error']} could not run · `;
      const width = Math.max(40, (stream.columns ?? 100) - 1);
      const full = head + text;
      stream.write(full.length > width ? `${full.slice(0, width - 1)}…` : full);
      shown = true;
    },
    done: clear,
  };
}

/** The mode from VMC_REACH_PROGRESS (plain | status), else by whether stderr is a TTY. */
export const progressMode = (env: NodeJS.ProcessEnv = process.env): 'auto' | 'plain' | 'status' =>
  env.VMC_REACH_PROGRESS === 'plain' || env.VMC_REACH_PROGRESS === 'status' ? env.VMC_REACH_PROGRESS : 'auto';
