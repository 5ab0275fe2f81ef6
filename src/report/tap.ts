// The run as TAP version 14 (testanything.org), for CI tools that read TAP (as goss and netassert users
// do): one test point per probe, `<scenario> › <probe>`, plus a point for a scenario that could not run
// and for a teardown that left resources. A failure or an infrastructure error carries YAML diagnostics
// (message, severity, expected, observed, the configuration's verdict and its blocking hop and fix, how
// the transcript came about); a flaky pass carries them too. Values are written as JSON scalars, which
// YAML 1.2 reads as they are. Pure: results in, text out.
import { renderFixCommand, safeCell, verdictCell } from '../network';
import type { ProbeRecord, ScenarioResult } from '../target/results';
import { isFlaky } from './junit';

/** A description on one line, with `#` escaped (it would start a directive) and no control characters. */
const description = (text: string): string => safeCell(text).replace(/\\/g, '\\\\').replace(/#/g, '\\#');

/** JSON scalars are YAML; the line and paragraph separators JSON leaves raw are escaped for YAML. */
const scalar = (v: unknown): string =>
  JSON.stringify(v)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/\u0085/g, '\\u0085');

function yamlBlock(fields: Record<string, unknown>): string[] {
  const lines = ['  ---'];
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) lines.push(`  ${k}: ${scalar(v)}`);
  lines.push('  ...');
  return lines;
}

const expectedText = (p: ProbeRecord): string =>
  p.expected.probeError
    ? `the probe cannot run (${p.expected.probeError})`
    : p.expected.reachable
      ? 'reachable'
      : `unreachable${p.expected.blockedBy ? ` (${p.expected.blockedBy})` : ''}`;

function diagnostics(p: ProbeRecord): Record<string, unknown> {
  const o = p.observed;
  const b = p.verdict?.blockedBy;
  return {
    message: p.reasons.join('; ') || undefined,
    severity: p.outcome === 'failed' ? 'fail' : p.outcome === 'infra-error' ? 'error' : 'flaky',
    expected: expectedText(p),
    observed:
      o.kind === 'ran'
        ? `${o.reachable ? 'reachable' : 'unreachable'} (${o.port ? `${o.port.protocol}/${o.port.port} ${o.port.outcome}: ${o.port.detail}` : `${o.received}/${o.sent} replies`})`
        : `the probe did not run: ${o.error}`,
    transcript_origin: o.transcriptOrigin,
    from: `${p.from.name} (${p.from.id}, ${p.from.ip})`,
    to: `${p.to.name} (${p.to.id}, ${p.to.ip})`,
    config_verdict: p.verdict ? verdictCell(p.verdict) : 'not evaluated',
    agreement: p.agreement,
    blocked_at: b ? `hop ${b.hopIndex + 1} ${b.direction}: ${b.resource.id}${b.resource.name ? ` (${b.resource.name})` : ''}` : undefined,
    fix: b ? renderFixCommand(b.fix) : undefined,
    attempts: p.attempts,
    duration_ms: p.durationMs,
    command: o.command,
  };
}

export function renderTap(results: readonly ScenarioResult[]): string {
  const points: string[][] = [];
  for (const s of results) {
    for (const p of s.probes) {
      const name = description(`${s.title} › ${p.label}`);
      if (p.outcome === 'passed') points.push([`ok ${points.length + 1} - ${name}`, ...(isFlaky(p) ? yamlBlock(diagnostics(p)) : [])]);
      else points.push([`not ok ${points.length + 1} - ${name}`, ...yamlBlock(diagnostics(p))]);
    }
    if (s.error)
      points.push([
        `not ok ${points.length + 1} - ${description(`${s.title} › scenario set-up`)}`,
        ...yamlBlock({ message: s.error, severity: 'error' }),
      ]);
    if (s.teardown.failed.length) {
      points.push([
        `not ok ${points.length + 1} - ${description(`${s.title} › teardown`)}`,
        ...yamlBlock({
          message: `${s.teardown.failed.length} resource(s) not removed`,
          severity: 'error',
          failed: s.teardown.failed.map((f) => `${f.type} ${f.id ?? ''}: ${f.error}`),
        }),
      ]);
    }
  }
  // No result at all is a failed run, never an empty plan that TAP consumers count as passing.
  if (points.length === 0)
    points.push(['not ok 1 - no scenario produced a result', ...yamlBlock({ message: 'the run produced no results', severity: 'error' })]);
  return ['TAP version 14', `1..${points.length}`, ...points.flat()].join('\n') + '\n';
}
