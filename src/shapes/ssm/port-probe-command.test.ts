// The probe contract: every rendered line parses back to its request, foreign lines do not parse, and
// the output parsers read the real tools' transcripts (fixtures/real/probes, sources in its SOURCES.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseListenerOutput,
  parsePortProbeCommand,
  parsePortProbeOutput,
  renderPortProbe,
  type PortProbeRequest,
} from './port-probe-command';

const real = (name: string): string => readFileSync(join(__dirname, '../../../fixtures/real/probes', name), 'utf8');

const requests: PortProbeRequest[] = [
  { protocol: 'tcp', role: 'connect', os: 'linux', destination: '192.168.100.10', port: 443, timeoutS: 5 },
  { protocol: 'tcp', role: 'connect', os: 'windows', destination: '172.31.16.20', port: 3389, timeoutS: 7 },
  { protocol: 'udp', role: 'send', os: 'linux', destination: '10.0.0.5', port: 53, timeoutS: 5 },
  { protocol: 'udp', role: 'send', os: 'windows', destination: '10.0.0.5', port: 500, timeoutS: 3 },
  { protocol: 'tcp', role: 'listen', os: 'linux', destination: '0.0.0.0', port: 8443, timeoutS: 30 },
  { protocol: 'udp', role: 'listen', os: 'linux', destination: '0.0.0.0', port: 53, timeoutS: 30 },
  { protocol: 'tcp', role: 'listen', os: 'windows', destination: '0.0.0.0', port: 1433, timeoutS: 25 },
  { protocol: 'udp', role: 'listen', os: 'windows', destination: '0.0.0.0', port: 161, timeoutS: 25 },
];

test.each(requests)('$protocol $role on $os renders one line that parses back to the same request', (req) => {
  const { command, document } = renderPortProbe(req);
  expect(command).not.toMatch(/\n/);
  expect(document).toBe(req.os === 'windows' ? 'AWS-RunPowerShellScript' : 'AWS-RunShellScript');
  expect(parsePortProbeCommand(command)).toEqual({ ok: true, request: req });
});

test('the Linux TCP connect is bash /dev/tcp under coreutils timeout', () => {
  expect(renderPortProbe(requests[0]!).command).toBe(
    "timeout 5 bash -c '</dev/tcp/192.168.100.10/443' && echo 'vmc-reach tcp 192.168.100.10:443: open'",
  );
});

test('the Windows TCP connect is Test-NetConnection -ComputerName -Port', () => {
  expect(renderPortProbe(requests[1]!).command).toMatch(/^Test-NetConnection -ComputerName 172\.31\.16\.20 -Port 3389; /);
});

test('ping and edited probe lines are not port probes', () => {
  expect(parsePortProbeCommand('ping -c 3 -W 2 10.0.0.5')).toBeUndefined();
  expect(
    parsePortProbeCommand("timeout 5 bash -c '</dev/tcp/10.0.0.5/443' && echo 'vmc-reach tcp 10.0.0.5:443: open'; rm -rf /tmp/x"),
  ).toBeUndefined();
  expect(parsePortProbeCommand("timeout 5 bash -c '</dev/tcp/10.0.0.5/443' && echo 'vmc-reach tcp 10.0.0.6:443: open'")).toBeUndefined();
  expect(parsePortProbeCommand("timeout 5 bash -c '</dev/tcp/example.com/443'")).toBeUndefined();
});

test('a probe line with a port out of range is ours but refused with the reason', () => {
  expect(parsePortProbeCommand("timeout 5 bash -c '</dev/tcp/10.0.0.5/70000' && echo 'vmc-reach tcp 10.0.0.5:70000: open'")).toEqual({
    ok: false,
    reason: expect.stringMatching(/port 70000: .*1 to 65535/),
  });
});

test('render refuses a request that cannot be a probe', () => {
  expect(() => renderPortProbe({ ...requests[0]!, protocol: 'udp' })).toThrow(/connect is a TCP role/);
  expect(() => renderPortProbe({ ...requests[0]!, destination: 'db.local' })).toThrow(/an IPv4 address/);
  expect(() => renderPortProbe({ ...requests[0]!, timeoutS: 0.5 })).toThrow(/whole seconds/);
});

describe('Linux connect output (bash /dev/tcp under timeout)', () => {
  const req = requests[0]!;
  test('exit 0 with the echoed line is open', () => {
    expect(parsePortProbeOutput(req, { stdout: 'vmc-reach tcp 192.168.100.10:443: open\n', stderr: '', exitCode: 0 })).toMatchObject({
      outcome: 'open',
    });
  });
  test("exit 0 with no output is not open: nothing ran (what moto's SendCommand reports)", () => {
    expect(parsePortProbeOutput(req, { stdout: '', stderr: '', exitCode: 0 })).toMatchObject({
      outcome: 'error',
      detail: expect.stringMatching(/\(empty output\)/),
    });
  });
  test('"bash: connect: Connection refused" (real transcript) is refused', () => {
    expect(parsePortProbeOutput(req, { stdout: '', stderr: real('bash-dev-tcp-refused.txt'), exitCode: 1 })).toMatchObject({
      outcome: 'refused',
    });
  });
  test('timeout exit 124 is filtered', () => {
    expect(parsePortProbeOutput(req, { stdout: '', stderr: '', exitCode: 124 })).toMatchObject({
      outcome: 'filtered',
      detail: expect.stringMatching(/within 5 s/),
    });
  });
  test('No route to host (ICMP from a router) is filtered, naming the ICMP error', () => {
    expect(
      parsePortProbeOutput(req, {
        stdout: '',
        stderr: 'bash: connect: No route to host\nbash: line 1: /dev/tcp/192.168.100.10/443: No route to host\n',
        exitCode: 1,
      }),
    ).toMatchObject({ outcome: 'filtered', detail: expect.stringMatching(/No route to host/) });
  });
  test('bash missing is an error quoting the output', () => {
    expect(
      parsePortProbeOutput(req, {
        stdout: '',
        stderr: 'timeout: failed to run command \u2018bash\u2019: No such file or directory\n',
        exitCode: 127,
      }),
    ).toMatchObject({ outcome: 'error', detail: expect.stringMatching(/exit 127.*failed to run command/) });
  });
});

describe('Windows connect output (Test-NetConnection and the socket error code)', () => {
  const req = requests[1]!;
  test('TcpTestSucceeded : True is open', () => {
    expect(parsePortProbeOutput(req, { stdout: real('test-netconnection-succeeded.txt'), stderr: '', exitCode: 0 })).toMatchObject({
      outcome: 'open',
    });
  });
  test('False with the real WARNING lines and ConnectionRefused is refused', () => {
    expect(
      parsePortProbeOutput(req, {
        stdout: `${real('test-netconnection-failed.txt')}SocketErrorCode : ConnectionRefused\r\n`,
        stderr: '',
        exitCode: 0,
      }),
    ).toMatchObject({ outcome: 'refused' });
  });
  test('False and TimedOut is filtered', () => {
    expect(
      parsePortProbeOutput(req, {
        stdout: `${real('test-netconnection-failed.txt')}SocketErrorCode : TimedOut\r\n`,
        stderr: '',
        exitCode: 0,
      }),
    ).toMatchObject({ outcome: 'filtered' });
  });
  test('False alone cannot tell refused from filtered: an error saying so', () => {
    expect(parsePortProbeOutput(req, { stdout: real('test-netconnection-failed.txt'), stderr: '', exitCode: 0 })).toMatchObject({
      outcome: 'error',
      detail: expect.stringMatching(/tells refused from filtered is missing/),
    });
  });
});

describe('UDP sender output', () => {
  const req = requests[2]!;
  const out = (line: string, exitCode: number) => ({ stdout: `${line}\n`, stderr: '', exitCode });
  test('an echoed datagram is open', () => {
    expect(parsePortProbeOutput(req, out('vmc-reach udp 10.0.0.5:53: reply of 9 bytes', 0))).toMatchObject({ outcome: 'open' });
  });
  test('ICMP port unreachable is refused', () => {
    expect(parsePortProbeOutput(req, out('vmc-reach udp 10.0.0.5:53: refused (ICMP port unreachable)', 1))).toMatchObject({
      outcome: 'refused',
    });
  });
  test('silence is filtered', () => {
    expect(parsePortProbeOutput(req, out('vmc-reach udp 10.0.0.5:53: no reply within 5 s', 2))).toMatchObject({ outcome: 'filtered' });
  });
  test("a line for another destination is not this probe's output", () => {
    expect(parsePortProbeOutput(req, out('vmc-reach udp 10.0.0.6:53: reply of 9 bytes', 0))).toMatchObject({ outcome: 'error' });
  });
});

describe('listener output', () => {
  test('a TCP connection, with its peer', () => {
    expect(
      parseListenerOutput(requests[4]!, { stdout: 'vmc-reach listen tcp 8443: connection from 10.0.1.5:53422\n', stderr: '', exitCode: 0 }),
    ).toEqual({ heard: true, peer: '10.0.1.5:53422' });
  });
  test('a UDP datagram, with its size and peer', () => {
    expect(
      parseListenerOutput(requests[5]!, {
        stdout: 'vmc-reach listen udp 53: datagram of 9 bytes from 10.0.1.5:41234\n',
        stderr: '',
        exitCode: 0,
      }),
    ).toEqual({ heard: true, peer: '10.0.1.5:41234', bytes: 9 });
  });
  test('nothing within the time', () => {
    expect(
      parseListenerOutput(requests[5]!, { stdout: 'vmc-reach listen udp 53: no datagram within 30 s\n', stderr: '', exitCode: 1 }),
    ).toEqual({ heard: false });
  });
  test('a listener that never listened is an error quoting why', () => {
    expect(parseListenerOutput(requests[4]!, { stdout: '', stderr: 'OSError: [Errno 98] Address already in use\n', exitCode: 1 })).toEqual({
      error: expect.stringMatching(/did not run .*Address already in use/),
    });
  });
});

test('UDP: another ICMP error (administratively prohibited) is filtered, naming it', () => {
  const req = requests[2]!;
  expect(
    parsePortProbeOutput(req, { stdout: 'vmc-reach udp 10.0.0.5:53: unreachable (No route to host)\n', stderr: '', exitCode: 1 }),
  ).toMatchObject({ outcome: 'filtered', detail: expect.stringMatching(/No route to host/) });
});
