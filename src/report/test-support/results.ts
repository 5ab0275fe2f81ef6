// Test data for the report formats: a run with a pass, a failure blocked at the default SG, an
// infrastructure error, a flaky pass, a scenario that could not run and a failed teardown. Test code only.
import type { ProbeRecord, ScenarioResult } from '../../target/results';
import { indeterminateProbe } from './probes';
import { evaluate } from '../../network';
import { buildTopology } from '../../network/test-support/topology';

function blockedVerdict(): NonNullable<ProbeRecord['verdict']> {
  const t = buildTopology({ securityGroups: { 'CJ-SG': { rules: 'allow-all' } }, instances: { 'CJ-AWS02': { groups: ['CJ-SG'] } } });
  return evaluate(t.world, t.toVm('CJ-AWS02'));
}

export function sampleRun(): ScenarioResult[] {
  const base = indeterminateProbe('passes # with a hash');
  const failed: ProbeRecord = {
    ...base,
    label: 'case B: CJ-AWS02 → CJ-VM01',
    expected: { reachable: true },
    verdict: blockedVerdict(),
    agreement: 'agree',
    outcome: 'failed',
    observed: {
      kind: 'ran',
      reachable: false,
      sent: 3,
      received: 0,
      rttMs: null,
      command: 'ping -c 3 192.168.100.10',
      exitCode: 1,
      status: 'Failed',
      transcript: '3 packets transmitted, 0 received',
      transcriptOrigin: 'model',
      tookMs: 12,
      apiCalls: 2,
    },
    reasons: ['expected reachable, observed unreachable (0/3 replies)'],
  };
  const infra: ProbeRecord = {
    ...base,
    label: 'agent offline',
    verdict: null,
    agreement: 'not-comparable',
    outcome: 'infra-error',
    observed: {
      kind: 'infra-error',
      error: 'SSM cannot run commands on i-1',
      command: 'ping -c 3 192.168.100.10',
      transcriptOrigin: 'model',
      tookMs: 3,
      apiCalls: 1,
    },
    reasons: ['SSM cannot run commands on i-1'],
  };
  const flaky: ProbeRecord = {
    ...base,
    label: 'flaky',
    attempts: 2,
    previousAttempts: [
      {
        observed: infra.observed,
        agreement: 'not-comparable',
        outcome: 'infra-error',
        reasons: ['InvocationDoesNotExist'],
        startedAt: base.startedAt,
        durationMs: 5,
      },
    ],
  };
  return [
    {
      title: 'article\nwith a newline',
      runId: 'r1',
      target: 'mock',
      startedAt: base.startedAt,
      durationMs: 4000,
      probes: [base, failed, infra, flaky],
      changes: [],
      resources: [],
      teardown: { removed: 3, reverted: 1, failed: [{ type: 'ec2:instance', id: 'i-9', error: 'boom' }] },
    },
    {
      title: 'could not start',
      runId: 'r1',
      target: 'mock',
      startedAt: base.startedAt,
      durationMs: 10,
      probes: [],
      changes: [],
      resources: [],
      teardown: { removed: 0, reverted: 0, failed: [] },
      error: 'provisioning failed: quota',
    },
  ];
}
