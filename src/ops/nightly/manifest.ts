// The nightly manifest: per probe its scenario, label and outcome (plus attempts, so a pass after a retry
// shows), the run's metadata, and the comparison with the previous night: new failures (not passing now,
// passing or absent before), fixed (failing before, passing now), still failing, and probes that
// disappeared. A scenario that could not run at all counts as one failing "(scenario)" entry.
import type { ScenarioResult } from '../../target/results';

export type Outcome = 'passed' | 'failed' | 'infra-error';

export interface ManifestProbe {
  key: string;
  scenario: string;
  label: string;
  outcome: Outcome;
  attempts: number;
}

export interface Comparison {
  previous: string | null;
  newFailures: string[];
  fixed: string[];
  stillFailing: string[];
  missing: string[];
}

export interface NightlyManifest {
  runId: string;
  folder: string;
  target: 'mock' | 'live';
  shard?: string;
  startedAt: string;
  finishedAt: string;
  runExitCode: number;
  teardownFailures: number;
  probes: ManifestProbe[];
  comparison: Comparison;
  regression: boolean;
}

export function probesOf(results: readonly ScenarioResult[]): ManifestProbe[] {
  const out: ManifestProbe[] = [];
  const seen = new Map<string, number>();
  const add = (scenario: string, label: string, outcome: Outcome, attempts: number): void => {
    const base = `${scenario} › ${label}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.push({ key: n === 1 ? base : `${base} #${n}`, scenario, label, outcome, attempts });
  };
  for (const r of results) {
    if (r.error || r.probes.length === 0) add(r.title, '(scenario)', r.error ? 'infra-error' : 'failed', 1);
    for (const p of r.probes) add(r.title, p.label, p.outcome, p.attempts ?? 1);
  }
  return out;
}

export function compare(
  now: readonly ManifestProbe[],
  previous: { folder: string; probes: readonly ManifestProbe[] } | undefined,
): Comparison {
  const before = new Map((previous?.probes ?? []).map((p) => [p.key, p.outcome]));
  const current = new Set(now.map((p) => p.key));
  const failing = (o: Outcome | undefined): boolean => o !== undefined && o !== 'passed';
  return {
    previous: previous?.folder ?? null,
    newFailures: now.filter((p) => failing(p.outcome) && !failing(before.get(p.key))).map((p) => p.key),
    fixed: now.filter((p) => p.outcome === 'passed' && failing(before.get(p.key))).map((p) => p.key),
    stillFailing: now.filter((p) => failing(p.outcome) && failing(before.get(p.key))).map((p) => p.key),
    missing: [...before.keys()].filter((k) => !current.has(k)),
  };
}

export function renderComparison(c: Comparison): string {
  const list = (title: string, keys: string[]): string => `${title}: ${keys.length}${keys.map((k) => `\n  ${k}`).join('')}`;
  return [
    c.previous ? `compared with ${c.previous}` : 'no previous nightly run to compare with: every failure is new',
    list('new failures', c.newFailures),
    list('fixed', c.fixed),
    list('still failing', c.stillFailing),
    ...(c.missing.length > 0 ? [list('no longer probed', c.missing)] : []),
  ].join('\n');
}
