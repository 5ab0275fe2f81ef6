// JUnit XML: one testcase per probe; failures, infrastructure errors and teardown failures kept apart.
import { spawnSync } from 'node:child_process';
import { XMLParser } from 'fast-xml-parser';
import type { ProbeRecord, ScenarioResult } from '../target/results';
import { renderJunit } from './junit';
import { indeterminateProbe } from './test-support/probes';

const probe = (label: string, outcome: ProbeRecord['outcome']): ProbeRecord => ({
  scenario: 's',
  label,
  from: { name: 'a', kind: 'instance', id: 'i-1', ip: '10.0.0.1' },
  to: { name: 'b', kind: 'vm', id: 'vm-1', ip: '192.168.0.1' },
  expected: { reachable: true },
  observed:
    outcome === 'infra-error'
      ? { kind: 'infra-error', error: 'agent offline', command: 'ping -c 3', transcriptOrigin: 'model' as const, tookMs: 4, apiCalls: 1 }
      : {
          kind: 'ran',
          reachable: outcome === 'passed',
          sent: 3,
          received: outcome === 'passed' ? 3 : 0,
          rttMs: null,
          command: 'ping -c 3',
          exitCode: 0,
          status: 'Success',
          transcript: '3 packets transmitted',
          transcriptOrigin: 'model' as const,
          tookMs: 4,
          apiCalls: 2,
        },
  verdict: null,
  agreement: 'not-comparable',
  outcome,
  reasons: outcome === 'passed' ? [] : [`${label} went wrong`],
  attempts: 1,
  startedAt: '2026-11-25T00:00:00.000Z',
  durationMs: 1500,
});

const result: ScenarioResult = {
  title: 'article',
  runId: 'r1',
  target: 'mock',
  startedAt: '2026-11-25T00:00:00.000Z',
  durationMs: 4000,
  probes: [probe('ok', 'passed'), probe('bad', 'failed'), probe('down', 'infra-error')],
  changes: [],
  resources: [],
  teardown: { removed: 1, reverted: 0, failed: [{ type: 'ec2:instance', id: 'i-9', error: 'boom' }] },
};

const parsed = () => new XMLParser({ ignoreAttributes: false }).parse(renderJunit([result])).testsuites.testsuite;

test('one testcase per probe, plus one for the failed teardown', () => {
  expect(parsed().testcase.map((t: { '@_name': string }) => t['@_name'])).toEqual(['ok', 'bad', 'down', 'teardown']);
});

test('a wrong observation is a failure, a probe that did not run an error', () => {
  const [ok, bad, down] = parsed().testcase;
  expect(ok.failure).toBeUndefined();
  expect(bad.failure['@_message']).toBe('bad went wrong');
  expect(down.error['@_type']).toBe('ProbeDidNotRun');
});

test('the suite counts failures and errors apart', () => {
  const s = parsed();
  expect([s['@_tests'], s['@_failures'], s['@_errors']]).toEqual(['4', '1', '2']);
});

test('the transcript goes to system-out', () => {
  expect(parsed().testcase[0]['system-out']).toContain('$ ping -c 3');
});

describe('flaky versus broken', () => {
  const attempt = (outcome: 'failed' | 'infra-error', reason: string) => ({
    observed:
      outcome === 'infra-error'
        ? { kind: 'infra-error' as const, error: reason, command: 'ping -c 3', transcriptOrigin: 'model' as const, tookMs: 4, apiCalls: 1 }
        : {
            kind: 'ran' as const,
            reachable: false,
            sent: 3,
            received: 0,
            rttMs: null,
            command: 'ping -c 3',
            exitCode: 1,
            status: 'Failed',
            transcript: '3 packets transmitted, 0 received',
            transcriptOrigin: 'model' as const,
            tookMs: 4,
            apiCalls: 2,
          },
    agreement: outcome === 'infra-error' ? ('not-comparable' as const) : ('config-allows-packets-fail' as const),
    outcome,
    reasons: [reason],
    startedAt: '2026-11-25T00:00:01.000Z',
    durationMs: 900,
  });
  const flaky: ProbeRecord = {
    ...probe('flaky', 'passed'),
    attempts: 3,
    previousAttempts: [attempt('infra-error', 'InvocationDoesNotExist'), attempt('failed', 'packets <lost> & config allows')],
  };
  const broken: ProbeRecord = { ...probe('broken', 'failed'), attempts: 2, previousAttempts: [attempt('failed', 'first try lost')] };
  const xml = renderJunit([
    { ...result, probes: [flaky, broken, probe('down', 'infra-error')], teardown: { removed: 1, reverted: 0, failed: [] } },
  ]);
  const suite = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['flakyFailure', 'flakyError', 'rerunFailure', 'testcase'].includes(name),
  }).parse(xml).testsuites.testsuite;
  const [f, b, d] = suite.testcase;

  test('a probe that passed after a retry is a passing testcase with one flaky element per failed attempt', () => {
    expect(f.failure).toBeUndefined();
    expect(f.error).toBeUndefined();
    expect(f.flakyError.map((e: Record<string, string>) => e['@_message'])).toEqual(['attempt 1: InvocationDoesNotExist']);
    expect(f.flakyFailure[0]['@_message']).toBe('attempt 2: packets <lost> & config allows');
    expect(f.flakyFailure[0]['@_type']).toBe('ExpectationFailed');
    expect(f.flakyFailure[0].stackTrace).toContain('config-allows-packets-fail');
    expect(f.flakyFailure[0]['system-out']).toContain('0 received');
  });

  test('special characters are escaped in the XML', () => {
    expect(xml).toContain('packets &lt;lost&gt; &amp; config allows');
  });

  test('a probe that failed on every attempt is a failure with reruns, never flaky', () => {
    expect(b.failure['@_message']).toBe('broken went wrong');
    expect(b.flakyFailure).toBeUndefined();
    expect(b.rerunFailure[0]['@_message']).toBe('attempt 1: first try lost');
    expect(d.error['@_type']).toBe('ProbeDidNotRun');
  });

  test('flaky is not counted as a failure; the suite says how many were flaky', () => {
    expect([suite['@_tests'], suite['@_failures'], suite['@_errors']]).toEqual(['3', '1', '1']);
    expect(suite.properties.property.find((p: Record<string, string>) => p['@_name'] === 'flaky')['@_value']).toBe('1');
  });
});

describe('an indeterminate configuration verdict', () => {
  const r: ScenarioResult = { ...result, probes: [indeterminateProbe()], teardown: { removed: 0, reverted: 0, failed: [] } };
  const testcase = () =>
    new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'property' }).parse(renderJunit([r])).testsuites.testsuite
      .testcase;

  test('the testcase carries the status and one property per assumption', () => {
    const props = testcase().properties.property.map((p: Record<string, string>) => [p['@_name'], p['@_value']]);
    expect(props[0]).toEqual(['verdict-status', 'indeterminate']);
    expect(props.slice(1).filter(([name]: string[]) => name === 'assumption')).toEqual([
      [
        'assumption',
        expect.stringMatching(
          /L7 profile HTTP.*cgw at \/infra\/domains\/cgw\/gateway-policies\/default\/rules\/web-l7.*missing \/infra\/context-profiles\/HTTP.*\[CONTEXT_PROFILE\]/,
        ),
      ],
    ]);
  });

  test('system-out names the verdict, the assumptions and what would settle them', () => {
    const out: string = testcase()['system-out'];
    expect(out).toContain('config verdict: indeterminate (CONTEXT_PROFILE) (config-indeterminate)');
    expect(out).toMatch(
      /assumptions \(what the data cannot decide\):\n {2}- the rule matches only traffic .*\n {4}to settle it: remove the profile/,
    );
  });
});

test('names holding control characters (a Name tag with ESC) leave the XML well-formed, the characters written as \\u escapes', () => {
  const evil = { ...probe('web\x1b[31m\x07 \ud800 prod', 'failed'), reasons: ['bell\x07'] };
  const xml = renderJunit([{ ...result, title: 'scenario\x00', probes: [evil] }]);
  // eslint-disable-next-line no-control-regex
  expect(xml).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
  // Expat (Python's XML parser) refuses any character XML 1.0 forbids.
  const expat = spawnSync('python3', ['-c', 'import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.buffer.read())'], {
    input: xml,
    encoding: 'utf8',
  });
  expect([expat.status, expat.stderr]).toEqual([0, '']);
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml).testsuites.testsuite;
  expect(parsed['@_name']).toBe('scenario\\u0000');
  expect(parsed.testcase[0]['@_name']).toBe('web\\u001b[31m\\u0007 \\ud800 prod');
});

describe('a TCP probe', () => {
  test("the testcase names its protocol, port and the tool's answer as properties", () => {
    const failed = probe('web → vm tcp/8443 (listener)', 'failed');
    const record: ProbeRecord = {
      ...failed,
      probe: { protocol: 'tcp', port: 8443, listen: true },
      observed: {
        ...(failed.observed as Extract<ProbeRecord['observed'], { kind: 'ran' }>),
        sent: 1,
        port: { protocol: 'tcp', port: 8443, outcome: 'filtered', detail: 'no answer', judged: 'filtered: no answer' },
      },
    };
    const xml = renderJunit([
      {
        title: 's',
        runId: 'r',
        target: 'mock',
        startedAt: '2026-12-04T00:00:00Z',
        durationMs: 1,
        probes: [record],
        changes: [],
        resources: [],
        teardown: { removed: 0, reverted: 0, failed: [] },
      },
    ]);
    expect(xml).toContain('<property name="protocol" value="tcp"/>');
    expect(xml).toContain('<property name="port" value="8443"/>');
    expect(xml).toContain('<property name="port-outcome" value="filtered"/>');
  });
});
