// JUnit XML for CI systems: one testsuite per scenario, one testcase per probe. A probe whose packets
// did not do what was expected is a <failure>; a probe that could not run (agent offline, no profile)
// is an <error>, so infrastructure trouble is never counted as "unreachable". A probe that passed only
// after a retry is flaky: a passing testcase carrying Maven Surefire's <flakyFailure>/<flakyError> per
// failed attempt (message, type, stackTrace, system-out), which Jenkins, GitLab and others show; a probe
// that failed on every attempt carries <rerunFailure>/<rerunError> for the earlier ones. The transcript
// goes to <system-out>. The configuration verdict's status is a testcase property (`verdict-status`), and
// an indeterminate verdict's assumptions are listed, one `assumption` property each and in <system-out>.
// Built with fast-xml-parser's builder.
import { XMLBuilder } from 'fast-xml-parser';
import { assumptionLine, verdictCell, type Verdict } from '../network';
import type { Observation, ProbeAttempt, ProbeRecord, ScenarioResult } from '../harness/results';

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

const transcriptOf = (o: Observation): string => (o.kind === 'ran' ? `$ ${o.command}\n${o.transcript}` : `$ ${o.command}\n${o.transcript ?? ''}\n${o.error}`);

/** Surefire's element for an earlier attempt: flaky… inside a passing testcase, rerun… inside a failing one. */
function earlierAttempt(a: ProbeAttempt, n: number, finalPassed: boolean): [string, Record<string, unknown>] {
  const kind = a.outcome === 'infra-error' ? 'Error' : 'Failure';
  const element = `${finalPassed ? 'flaky' : 'rerun'}${kind}`;
  return [element, {
    '@_message': `attempt ${n}: ${a.reasons.join('; ')}`,
    '@_type': a.outcome === 'infra-error' ? 'ProbeDidNotRun' : 'ExpectationFailed',
    stackTrace: `attempt ${n} at ${a.startedAt} (${seconds(a.durationMs)} s), packets vs configuration: ${a.agreement}\n${a.reasons.join('\n')}`,
    'system-out': transcriptOf(a.observed),
  }];
}

const verdictLine = (v: Verdict | null): string => (!v ? '-' : v.blockedBy ? `${v.blockedBy.code} at ${v.blockedBy.resource.id}` : verdictCell(v));
const assumptionsText = (v: Verdict | null): string =>
  !v || v.assumptions.length === 0 ? '' : `\nassumptions (what the data cannot decide):${v.assumptions.map((a) => `\n  - ${assumptionLine(a)}\n    to settle it: ${a.settle}`).join('')}`;

function testcase(s: ScenarioResult, p: ProbeRecord): Record<string, unknown> {
  const base: Record<string, unknown> = { '@_name': p.label, '@_classname': s.title, '@_time': seconds(p.durationMs) };
  const out = `${transcriptOf(p.observed)}\nconfig verdict: ${verdictLine(p.verdict)} (${p.agreement})${assumptionsText(p.verdict)}${p.attempts > 1 ? `\nattempts: ${p.attempts}` : ''}`;
  // The probe's protocol and port (and a TCP/UDP probe's answer) as properties, beside the verdict's status.
  const kind = p.probe ?? { protocol: 'icmp' as const };
  const probeProps = [
    { '@_name': 'protocol', '@_value': kind.protocol },
    ...(kind.port !== undefined ? [{ '@_name': 'port', '@_value': String(kind.port) }] : []),
    ...(p.observed.kind === 'ran' && p.observed.port ? [{ '@_name': 'port-outcome', '@_value': p.observed.port.outcome }] : []),
  ];
  base.properties = { property: [...(p.verdict ? [{ '@_name': 'verdict-status', '@_value': p.verdict.status }, ...p.verdict.assumptions.map((a) => ({ '@_name': 'assumption', '@_value': assumptionLine(a) }))] : []), ...probeProps] };
  if (p.outcome === 'failed') base.failure = { '@_message': p.reasons.join('; '), '@_type': 'ExpectationFailed', '#text': p.reasons.join('\n') };
  if (p.outcome === 'infra-error') base.error = { '@_message': p.reasons.join('; '), '@_type': 'ProbeDidNotRun', '#text': p.reasons.join('\n') };
  (p.previousAttempts ?? []).forEach((a, i) => {
    const [element, body] = earlierAttempt(a, i + 1, p.outcome === 'passed');
    base[element] = [...((base[element] as unknown[] | undefined) ?? []), body];
  });
  base['system-out'] = out;
  return base;
}

/** A probe that passed only after a retry. */
export const isFlaky = (p: ProbeRecord): boolean => p.outcome === 'passed' && (p.previousAttempts?.length ?? 0) > 0;

export function renderJunit(results: readonly ScenarioResult[]): string {
  const suites = results.map((s) => {
    const cases = s.probes.map((p) => testcase(s, p));
    if (s.error) cases.push({ '@_name': 'scenario set-up', '@_classname': s.title, '@_time': '0', error: { '@_message': s.error, '@_type': 'ScenarioDidNotRun', '#text': s.error } });
    if (s.teardown.failed.length) {
      const msg = s.teardown.failed.map((f) => `${f.type} ${f.id ?? ''}: ${f.error}`).join('\n');
      cases.push({ '@_name': 'teardown', '@_classname': s.title, '@_time': '0', error: { '@_message': `${s.teardown.failed.length} resource(s) not removed`, '@_type': 'TeardownFailed', '#text': msg } });
    }
    return {
      '@_name': s.title,
      '@_tests': cases.length,
      '@_failures': s.probes.filter((p) => p.outcome === 'failed').length,
      '@_errors': s.probes.filter((p) => p.outcome === 'infra-error').length + (s.error ? 1 : 0) + (s.teardown.failed.length ? 1 : 0),
      '@_time': seconds(s.durationMs),
      '@_timestamp': s.startedAt,
      properties: { property: [{ '@_name': 'run-id', '@_value': s.runId }, { '@_name': 'target', '@_value': s.target }, { '@_name': 'flaky', '@_value': s.probes.filter(isFlaky).length }, { '@_name': 'teardown', '@_value': `removed ${s.teardown.removed}, reverted ${s.teardown.reverted}, failed ${s.teardown.failed.length}` }] },
      testcase: cases,
    };
  });
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ testsuites: { '@_name': 'vmc-reach', testsuite: suites } })}`;
}
