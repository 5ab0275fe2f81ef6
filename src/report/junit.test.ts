// JUnit XML: one testcase per probe; failures, infrastructure errors and teardown failures kept apart.
import { XMLParser } from 'fast-xml-parser';
import type { ProbeRecord, ScenarioResult } from '../harness/results';
import { renderJunit } from './junit';

const probe = (label: string, outcome: ProbeRecord['outcome']): ProbeRecord => ({
  scenario: 's', label,
  from: { name: 'a', kind: 'instance', id: 'i-1', ip: '10.0.0.1' },
  to: { name: 'b', kind: 'vm', id: 'vm-1', ip: '192.168.0.1' },
  expected: { reachable: true },
  observed: outcome === 'infra-error' ? { kind: 'infra-error', error: 'agent offline', command: 'ping -c 3', apiCalls: 1 } : { kind: 'ran', reachable: outcome === 'passed', sent: 3, received: outcome === 'passed' ? 3 : 0, rttMs: null, command: 'ping -c 3', exitCode: 0, status: 'Success', transcript: '3 packets transmitted', apiCalls: 2 },
  verdict: null, agreement: 'not-comparable', outcome, reasons: outcome === 'passed' ? [] : [`${label} went wrong`], attempts: 1, startedAt: '2026-11-25T00:00:00.000Z', durationMs: 1500,
});

const result: ScenarioResult = {
  title: 'article', runId: 'r1', target: 'mock', startedAt: '2026-11-25T00:00:00.000Z', durationMs: 4000,
  probes: [probe('ok', 'passed'), probe('bad', 'failed'), probe('down', 'infra-error')],
  changes: [], resources: [], teardown: { removed: 1, reverted: 0, failed: [{ type: 'ec2:instance', id: 'i-9', error: 'boom' }] },
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
