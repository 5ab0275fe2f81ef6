// Compares a probe's observation with the engine's verdict and with the expectation: agreement or a
// classified disagreement, and the outcome (passed, failed, infrastructure error) with its reasons. A
// verdict the data cannot decide (indeterminate) is not compared: the probe is judged by its packets
// alone, and a note says so and lists the assumptions.
import { assumptionLine, type Verdict } from '../../network';
import type { Expectation } from '../dsl/spec';
import type { Agreement, Observation, ProbeRecord } from '../../target/results';

export function agreementOf(observed: Observation, verdict: Verdict | null): Agreement {
  if (observed.kind !== 'ran' || !verdict) return 'not-comparable';
  if (verdict.status === 'indeterminate') return 'config-indeterminate';
  if (observed.reachable === verdict.reachable) return 'agree';
  return verdict.reachable ? 'config-allows-packets-fail' : 'config-blocks-packets-pass';
}

/** The note on a probe whose configuration verdict is indeterminate. */
export const indeterminateNote = (v: Verdict): string =>
  `the configuration cannot decide this flow (indeterminate), so the probe is judged by its packets alone; assumptions: ${v.assumptions.map(assumptionLine).join('; ')}`;

const disagreementText: Record<Exclude<Agreement, 'agree' | 'not-comparable' | 'config-indeterminate'>, string> = {
  'config-allows-packets-fail': 'the configuration allows the flow but packets failed: look at the guest firewall, the SSM agent or the OS',
  'config-blocks-packets-pass': 'the configuration blocks the flow but packets passed: stale state, or a path the model does not know',
};

export function judge(
  expect: Expectation,
  observed: Observation,
  verdict: Verdict | null,
): Pick<ProbeRecord, 'agreement' | 'outcome' | 'reasons'> {
  const agreement = agreementOf(observed, verdict);
  const reasons: string[] = [];
  if (expect.probeError) {
    if (observed.kind === 'infra-error' && expect.probeError.test(observed.error)) return { agreement, outcome: 'passed', reasons };
    reasons.push(
      observed.kind === 'infra-error'
        ? `the probe could not run, but not for the expected reason ${expect.probeError}: ${observed.error}`
        : `expected the probe not to run (${expect.probeError}), but it ran`,
    );
    return { agreement, outcome: 'failed', reasons };
  }
  if (observed.kind === 'infra-error') return { agreement, outcome: 'infra-error', reasons: [observed.error] };
  if (observed.reachable !== expect.reachable) {
    reasons.push(
      `expected ${expect.reachable ? 'reachable' : 'unreachable'}, observed ${observed.reachable ? 'reachable' : 'unreachable'} (${observed.port ? `${observed.port.protocol.toUpperCase()} ${observed.port.port} ${observed.port.outcome}: ${observed.port.judged}` : `${observed.received}/${observed.sent} replies`})`,
    );
  }
  if (!expect.reachable && expect.blockedBy && verdict && verdict.blockedBy?.code !== expect.blockedBy) {
    reasons.push(
      verdict.status === 'indeterminate'
        ? `expected the configuration to block with ${expect.blockedBy}, but the data cannot decide the flow (indeterminate: ${verdict.assumptions.map((a) => a.missing).join(', ')} missing), so no block can be confirmed`
        : `expected the configuration to block with ${expect.blockedBy}, the engine says ${verdict.blockedBy ? `${verdict.blockedBy.code} at ${verdict.blockedBy.resource.id}` : 'reachable'}`,
    );
  }
  if (agreement === 'config-indeterminate') {
    const failed = reasons.length > 0;
    reasons.push(indeterminateNote(verdict!));
    return { agreement, outcome: failed ? 'failed' : 'passed', reasons };
  }
  if (agreement !== 'agree' && agreement !== 'not-comparable') reasons.push(disagreementText[agreement]);
  return { agreement, outcome: reasons.length === 0 ? 'passed' : 'failed', reasons };
}
