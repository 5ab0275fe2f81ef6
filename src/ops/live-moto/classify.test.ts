// A probe against moto: "did not run" when moto's empty output came back and the configuration's verdict
// is the expected one; a false failure when the verdict differs or the harness kept the probe from
// being sent; a false pass when it passed without running.
import type { ProbeRecord } from '../../target/results';
import { judgeProbe } from './classify';

const verdict = (reachable: boolean, code?: string) =>
  ({ reachable, blockedBy: code ? { code } : null }) as unknown as ProbeRecord['verdict'];
const probe = (o: Partial<ProbeRecord>): ProbeRecord => ({
  scenario: 's',
  label: 'a → b',
  from: {} as never,
  to: {} as never,
  expected: { reachable: true },
  agreement: 'not-comparable',
  reasons: [],
  attempts: 1,
  startedAt: '',
  durationMs: 0,
  observed: {
    kind: 'infra-error',
    error: 'ping did not run on i-1 (exit 0): not ping output: (empty output)',
    command: 'ping',
    transcriptOrigin: 'live',
    tookMs: 4,
    apiCalls: 2,
  },
  outcome: 'infra-error',
  verdict: verdict(true),
  ...o,
});

test("moto's empty output with the expected verdict: did not run", () => {
  expect(judgeProbe(probe({})).cls).toBe('did-not-run');
});

test('an expected block with another verdict code is a false failure', () => {
  expect(
    judgeProbe(probe({ expected: { reachable: false, blockedBy: 'NO_ROUTE' }, verdict: verdict(false, 'CGW_DEFAULT_DROP') })).cls,
  ).toBe('false-failure');
});

test('a probe the harness did not send (a node not Online) is a false failure against moto', () => {
  expect(
    judgeProbe(
      probe({
        observed: {
          kind: 'infra-error',
          error: 'the probe cannot run from CJ-VM01: node is ConnectionLost',
          command: '(not sent)',
          transcriptOrigin: 'live',
          tookMs: 4,
          apiCalls: 0,
        },
      }),
    ).cls,
  ).toBe('false-failure');
});

test('a pass without packets is a false pass', () => {
  expect(judgeProbe(probe({ outcome: 'passed' })).cls).toBe('false-pass');
});

test('a probe expected not to run that did not run for the expected reason passed', () => {
  expect(judgeProbe(probe({ expected: { reachable: false, probeError: '/no instance profile/' }, outcome: 'passed' })).cls).toBe('passed');
});

test('a TCP probe whose listener moto "ran" with empty output did not run, like a ping', () => {
  const observed = {
    kind: 'infra-error' as const,
    error: 'the TCP listener on port 443 did not run (exit 0): (empty output)',
    command: "timeout 5 bash -c '</dev/tcp/10.0.0.5/443' && echo 'vmc-reach tcp 10.0.0.5:443: open'",
    transcriptOrigin: 'live' as const,
    tookMs: 4,
    apiCalls: 3,
  };
  expect(judgeProbe(probe({ observed, probe: { protocol: 'tcp', port: 443, listen: true } })).cls).toBe('did-not-run');
});
