// Durations and run-id timestamps: what --older-than accepts, and the age a run id tells.
import { newRunId } from '../target/run-id';
import { formatAge, parseDuration } from './duration';
import { runIdStartedAt } from './run-id-time';

test('durations: units, sums, and refusals', () => {
  expect(parseDuration('6h')).toBe(6 * 3_600_000);
  expect(parseDuration('90m')).toBe(90 * 60_000);
  expect(parseDuration('1d12h')).toBe(36 * 3_600_000);
  expect(parseDuration('0s')).toBe(0);
  for (const bad of ['', '6', 'h', '6 hours', '-1h', '1.5h', '6H']) expect(parseDuration(bad)).toBeUndefined();
  expect(formatAge(7.5 * 3_600_000)).toBe('7.5h');
});

test('a run id made by newRunId gives back its start time; other ids give none', () => {
  const at = new Date('2026-03-04T05:06:07Z');
  const id = newRunId(at, () => 0.5);
  expect(id).toMatch(/^vr-260304-050607-/);
  expect(runIdStartedAt(id)).toEqual(at);
  expect(runIdStartedAt(`${id}-suffix`)).toEqual(at);
  for (const bad of ['vr-261304-050607-1234', 'run-1', 'vr-260304-250607-abcd', '']) expect(runIdStartedAt(bad)).toBeUndefined();
});
