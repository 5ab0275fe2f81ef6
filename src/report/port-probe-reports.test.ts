// TCP/UDP probes in the reports: the matrix's observed cell names protocol, port and the tool's answer; the
// evidence pack's probe section says what was sent (with or without a listener), the answer, how it was
// judged and what the listener heard.
import type { ProbeRecord, ScenarioResult } from '../target/results';
import { renderRunMatrix } from './console-matrix';
import { renderProbe } from './evidence-pack/probe-section';

const udpProbe: ProbeRecord = {
  scenario: 'nacl',
  label: 'app-strict → CJ-VM01 udp/53',
  from: { name: 'app-strict', kind: 'instance', id: 'i-1', ip: '10.20.5.4' },
  to: { name: 'CJ-VM01', kind: 'vm', id: 'vm-1', ip: '192.168.100.10' },
  probe: { protocol: 'udp', port: 53, listen: true },
  expected: { reachable: false, blockedBy: 'NACL_INBOUND_DENY' },
  observed: {
    kind: 'ran',
    reachable: false,
    sent: 1,
    received: 0,
    rttMs: null,
    command: 'python3 -c …',
    exitCode: 2,
    status: 'Failed',
    transcript: 'vmc-reach udp 192.168.100.10:53: no reply within 5 s',
    transcriptOrigin: 'model',
    tookMs: 4,
    apiCalls: 6,
    port: {
      protocol: 'udp',
      port: 53,
      outcome: 'filtered',
      detail: 'no echo and no ICMP error from 192.168.100.10:53 within 5 s',
      judged: 'the datagram reached the listener on the destination but the reply never came back: the return path drops it',
      listener: {
        command: 'python3 -c …',
        heard: true,
        peer: '10.20.5.4:49152',
        transcript: 'vmc-reach listen udp 53: datagram of 9 bytes from 10.20.5.4:49152',
      },
    },
  },
  verdict: null,
  agreement: 'not-comparable',
  outcome: 'passed',
  reasons: [],
  attempts: 1,
  startedAt: '2026-12-04T00:00:00.000Z',
  durationMs: 5000,
};

const result: ScenarioResult = {
  title: 'nacl',
  runId: 'r1',
  target: 'mock',
  startedAt: '2026-12-04T00:00:00.000Z',
  durationMs: 5000,
  probes: [udpProbe],
  changes: [],
  resources: [],
  teardown: { removed: 0, reverted: 0, failed: [] },
};

test('the matrix shows protocol, port and the answer in the observed column', () => {
  const row = renderRunMatrix([result])
    .split('\n')
    .find((l) => l.includes('udp/53'));
  expect(row).toMatch(/unreachable NACL_INBOUND_DENY\s+unreachable \(udp\/53 filtered, model\)/);
});

test('the evidence pack names the probe kind, the answer, the judgement and what the listener heard', () => {
  const section = renderProbe(udpProbe, 1).toString();
  expect(section).toContain('<tr><th>probe</th><td>UDP port 53, one-shot UDP responder started on the destination</td></tr>');
  expect(section).toMatch(
    /unreachable: UDP port 53 filtered \(no echo and no ICMP error .*\); the datagram reached the listener .* return path drops it; listener on the destination: heard 10\.20\.5\.4:49152/,
  );
});

test('a ping record (no probe kind) reads as ICMP echo', () => {
  const { probe: _k, ...ping } = udpProbe;
  expect(renderProbe({ ...ping, observed: { ...udpProbe.observed, port: undefined } as ProbeRecord['observed'] }, 2).toString()).toContain(
    '<tr><th>probe</th><td>ICMP echo (ping)</td></tr>',
  );
});
