// The run as one JSON document for CI scripts and dashboards (`--reporter json`): whether it passed, the
// counts, and per scenario and probe what was expected, what the packets did (and how the transcript came
// about: model, lab or live), the configuration's verdict with its blocking hop and fix, and the outcome.
// Its shape is src/report/json-summary.schema.json (JSON Schema 2020-12); `schema` names the version.
// Pure: results in, data out. Transcripts are left to JUnit and the evidence pack.
import { renderFixCommand, statusCounts } from '../network';
import type { ProbeRecord, ScenarioResult } from '../target/results';
import { runPassed } from './console-matrix';
import { isFlaky } from './junit';

export const jsonSummarySchemaId = 'vmc-reach/run-summary/v1';

function probe(p: ProbeRecord): Record<string, unknown> {
  const o = p.observed;
  const b = p.verdict?.blockedBy;
  return {
    label: p.label,
    from: p.from,
    to: p.to,
    ...(p.probe ? { probe: p.probe } : {}),
    expected: p.expected,
    observed:
      o.kind === 'ran'
        ? {
            kind: 'ran',
            reachable: o.reachable,
            sent: o.sent,
            received: o.received,
            rttMs: o.rttMs,
            transcriptOrigin: o.transcriptOrigin,
            tookMs: o.tookMs,
            ...(o.port
              ? {
                  port: {
                    protocol: o.port.protocol,
                    port: o.port.port,
                    outcome: o.port.outcome,
                    detail: o.port.detail,
                    judged: o.port.judged,
                  },
                }
              : {}),
          }
        : { kind: 'infra-error', error: o.error, transcriptOrigin: o.transcriptOrigin, tookMs: o.tookMs },
    verdict: p.verdict
      ? {
          status: p.verdict.status,
          blockedBy: b
            ? {
                code: b.code,
                direction: b.direction,
                hop: b.hopIndex + 1,
                resource: b.resource,
                fix: { text: b.fix.text, api: b.fix.api, command: renderFixCommand(b.fix) },
              }
            : null,
          assumptions: p.verdict.assumptions.map((a) => ({ code: a.code, missing: a.missing, what: a.what, settle: a.settle })),
        }
      : null,
    agreement: p.agreement,
    outcome: p.outcome,
    flaky: isFlaky(p),
    attempts: p.attempts,
    reasons: p.reasons,
    startedAt: p.startedAt,
    durationMs: p.durationMs,
  };
}

export function renderJsonSummary(results: readonly ScenarioResult[]): Record<string, unknown> {
  const probes = results.flatMap((s) => s.probes);
  const count = (o: ProbeRecord['outcome']): number => probes.filter((p) => p.outcome === o).length;
  return {
    schema: jsonSummarySchemaId,
    passed: runPassed(results),
    counts: {
      scenarios: results.length,
      scenariosNotRun: results.filter((s) => s.error).length,
      probes: probes.length,
      passed: count('passed'),
      flaky: probes.filter(isFlaky).length,
      failed: count('failed'),
      infraError: count('infra-error'),
      teardownFailures: results.reduce((n, s) => n + s.teardown.failed.length, 0),
    },
    verdicts: statusCounts(probes.flatMap((p) => (p.verdict ? [p.verdict] : []))),
    scenarios: results.map((s) => ({
      title: s.title,
      ...(s.file ? { file: s.file } : {}),
      runId: s.runId,
      target: s.target,
      startedAt: s.startedAt,
      durationMs: s.durationMs,
      ...(s.error ? { error: s.error } : {}),
      teardown: s.teardown,
      probes: s.probes.map(probe),
    })),
  };
}
