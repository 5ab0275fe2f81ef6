// The run's console matrix: per scenario, one row per probe with the expectation, what the packets did,
// the engine's verdict on the discovered configuration, and the outcome; blocked rows name the blocking
// hop and its fix; an indeterminate verdict lists what the data could not decide and what would settle
// it; disagreements and infrastructure errors say why; a pass after a retry says FLAKY.
import { renderColumns, renderFixCommand, safeCell, statusCounts, verdictCell } from '../network';
import type { ProbeRecord, ScenarioResult } from '../target/results';
import { isFlaky } from './junit';
import { originLegend } from './transcript-label';

const expected = (p: ProbeRecord): string =>
  p.expected.probeError
    ? 'probe cannot run'
    : p.expected.reachable
      ? 'reachable'
      : `unreachable${p.expected.blockedBy ? ` ${p.expected.blockedBy}` : ''}`;
// TCP/UDP probes show the tool's answer (open, refused, filtered) where pings show replies/sent; both say how the transcript came about.
const observed = (p: ProbeRecord): string =>
  p.observed.kind === 'ran'
    ? `${p.observed.reachable ? 'reachable' : 'unreachable'} (${p.observed.port ? `${p.observed.port.protocol}/${p.observed.port.port} ${p.observed.port.outcome}` : `${p.observed.received}/${p.observed.sent}`}, ${p.observed.transcriptOrigin})`
    : 'probe did not run';
const verdict = (p: ProbeRecord): string => (!p.verdict ? '-' : verdictCell(p.verdict));
const outcome = (p: ProbeRecord): string =>
  isFlaky(p) ? `FLAKY (passed on attempt ${p.attempts})` : { passed: 'PASS', failed: 'FAIL', 'infra-error': 'ERROR' }[p.outcome];

export function renderRunMatrix(results: readonly ScenarioResult[]): string {
  const lines: string[] = [];
  for (const s of results) {
    lines.push('', `${safeCell(s.title)}  [${s.target}, run ${s.runId}, ${(s.durationMs / 1000).toFixed(1)} s]`);
    if (s.error) lines.push(`  could not run: ${s.error}`);
    const rows = [
      ['probe', 'expected', 'observed', 'config verdict', 'result'],
      ...s.probes.map((p) => [p.label, expected(p), observed(p), verdict(p), outcome(p)]),
    ];
    const rendered = renderColumns(rows);
    lines.push(`  ${rendered[0]}`);
    s.probes.forEach((p, i) => {
      lines.push(`  ${rendered[i + 1]}`);
      const block = p.verdict?.blockedBy;
      if (block) {
        const hop = p.verdict!.hops[block.hopIndex]!;
        lines.push(
          `      blocked at hop ${block.hopIndex + 1}, ${hop.kind} ${safeCell(`${block.resource.id}${block.resource.name ? ` (${block.resource.name})` : ''}: ${hop.detail}`)}`,
        );
        lines.push(`      fix: ${safeCell(renderFixCommand(block.fix))}`);
      }
      if (p.verdict?.status === 'indeterminate') {
        for (const a of p.verdict.assumptions)
          lines.push(`      cannot judge: ${a.what} (${a.hopKind} at ${a.resource.id}, missing ${a.missing}); to settle it: ${a.settle}`);
      }
      for (const r of p.reasons) lines.push(`      ${p.outcome === 'passed' ? 'note' : 'why'}: ${r}`);
    });
    const t = s.teardown;
    lines.push(
      `  resources: ${s.resources.filter((r) => r.action === 'created').length} created, ${s.resources.filter((r) => r.action === 'adopted').length} adopted, ${s.resources.filter((r) => r.action === 'changed').length} changed; teardown removed ${t.removed}, reverted ${t.reverted}${t.failed.length ? `, FAILED ${t.failed.length}: ${t.failed.map((f) => `${f.type} ${f.id ?? ''} (${f.error})`).join('; ')}` : ''}`,
    );
  }
  const probes = results.flatMap((s) => s.probes);
  const count = (o: ProbeRecord['outcome']): number => probes.filter((p) => p.outcome === o).length;
  const verdicts = statusCounts(probes.flatMap((p) => (p.verdict ? [p.verdict] : [])));
  lines.push(
    '',
    `${probes.length} probes: ${count('passed')} passed (${probes.filter(isFlaky).length} flaky), ${count('failed')} failed, ${count('infra-error')} could not run; ${results.filter((s) => s.error).length} scenario(s) could not run; ${results.reduce((n, s) => n + s.teardown.failed.length, 0)} teardown failure(s)`,
  );
  lines.push(
    `config verdicts: ${verdicts.reachable} reachable, ${verdicts.unreachable} unreachable, ${verdicts.indeterminate} indeterminate (judged by the packets alone)`,
  );
  const origins = [...new Set(probes.filter((p) => p.observed.kind === 'ran').map((p) => p.observed.transcriptOrigin))];
  if (origins.length) lines.push(`observed: ${origins.map((o) => originLegend[o]).join('; ')}`);
  return lines.join('\n');
}

/** A run passes when every probe passed, every scenario ran and teardown left nothing. */
export const runPassed = (results: readonly ScenarioResult[]): boolean =>
  results.length > 0 && results.every((s) => !s.error && s.teardown.failed.length === 0 && s.probes.every((p) => p.outcome === 'passed'));
