// Test data for the reports: a probe record carrying a hand-built indeterminate verdict. Test code only.
import type { ProbeRecord } from '../../target/results';
import { indeterminateVerdict } from '../../network/test-support/verdicts';

export { indeterminateVerdict };

/** A probe whose packets passed as expected while the configuration verdict is indeterminate. */
export function indeterminateProbe(label = 'l7 probe'): ProbeRecord {
  const v = indeterminateVerdict();
  return {
    scenario: 's',
    label,
    from: { name: 'CJ-AWS01', kind: 'instance', id: v.source.id, ip: v.source.ip },
    to: { name: 'CJ-VM01', kind: 'vm', id: v.destination.id, ip: v.destination.ip },
    expected: { reachable: true },
    observed: {
      kind: 'ran',
      reachable: true,
      sent: 3,
      received: 3,
      rttMs: null,
      command: 'ping -c 3 192.168.100.10',
      exitCode: 0,
      status: 'Success',
      transcript: '3 packets transmitted, 3 received',
      transcriptOrigin: 'model',
      tookMs: 4,
      apiCalls: 2,
    },
    verdict: v,
    agreement: 'config-indeterminate',
    outcome: 'passed',
    reasons: ['the configuration cannot decide this flow (indeterminate), so the probe is judged by its packets alone'],
    attempts: 1,
    startedAt: '2026-11-25T00:00:00.000Z',
    durationMs: 1000,
  };
}
