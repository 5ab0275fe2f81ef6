// When a run started, read back from its id (`vr-YYMMDD-HHMMSS-xxxx…`, UTC, made by newRunId): the age
// `reap --older-than` judges tagged resources by. An id that does not have this shape has no known age.
export function runIdStartedAt(runId: string): Date | undefined {
  const m = /^vr-(\d{2})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-[0-9a-f]{4}/.exec(runId);
  if (!m) return undefined;
  const [, yy, mo, dd, hh, mi, ss] = m.map(Number) as [number, number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || dd < 1 || dd > 31 || hh > 23 || mi > 59 || ss > 59) return undefined;
  return new Date(Date.UTC(2000 + yy, mo - 1, dd, hh, mi, ss));
}
