// Progress output: plain lines off a TTY, one rewritten status line with counters on a TTY.
import { createProgress, progressMode } from './progress';

const sink = (isTTY: boolean) => {
  const out: string[] = [];
  return { out, stream: { isTTY, columns: 200, write: (t: string) => out.push(t) } };
};

test('not a TTY: one plain line per step, no control characters', () => {
  const { out, stream } = sink(false);
  const p = createProgress(stream, 'article');
  p.line('created group CJ-VM');
  p.line('probe case A: passed');
  p.done();
  expect(out.join('')).toBe('[vmc-reach] created group CJ-VM\n[vmc-reach] probe case A: passed\n');
});

test('a TTY: a status line rewritten in place with counters; a failure stays above it', () => {
  const { out, stream } = sink(true);
  const p = createProgress(stream, 'article');
  p.line('launched CJ-AWS01');
  p.line('probe case A: passed');
  p.line('probe case B: failed (expected reachable)');
  p.done();
  const text = out.join('');
  expect(text).toContain('\r\x1b[2K');
  expect(text).not.toContain('[vmc-reach] launched CJ-AWS01\n');
  expect(text).toContain('[vmc-reach] probe case B: failed (expected reachable)\n');
  expect(text).toContain('article · probes 1 passed, 1 failed, 0 could not run · probe case B');
  expect(text.endsWith('\r\x1b[2K')).toBe(true);
});

test('the status line fits the terminal', () => {
  const out: string[] = [];
  const p = createProgress({ isTTY: true, columns: 60, write: (t: string) => out.push(t) }, 'a very long scenario title that goes on');
  p.line('x'.repeat(200));
  expect(out.at(-1)!.length).toBeLessThanOrEqual(59);
});

test('VMC_REACH_PROGRESS forces a mode', () => {
  expect(progressMode({ VMC_REACH_PROGRESS: 'plain' })).toBe('plain');
  expect(progressMode({ VMC_REACH_PROGRESS: 'status' })).toBe('status');
  expect(progressMode({})).toBe('auto');
});
