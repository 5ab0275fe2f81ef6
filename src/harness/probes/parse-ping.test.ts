// parsePing on real transcripts of the three ping implementations.
import { parsePing } from './parse-ping';

const iputilsOk = `PING 192.168.100.10 (192.168.100.10) 56(84) bytes of data.
64 bytes from 192.168.100.10: icmp_seq=1 ttl=63 time=0.512 ms
64 bytes from 192.168.100.10: icmp_seq=2 ttl=63 time=0.433 ms
64 bytes from 192.168.100.10: icmp_seq=3 ttl=63 time=0.601 ms

--- 192.168.100.10 ping statistics ---
3 packets transmitted, 3 received, 0% packet loss, time 2003ms
rtt min/avg/max/mdev = 0.433/0.515/0.601/0.068 ms
`;

const iputilsLost = `PING 192.168.100.10 (192.168.100.10) 56(84) bytes of data.

--- 192.168.100.10 ping statistics ---
3 packets transmitted, 0 received, 100% packet loss, time 2043ms

`;

const iputilsErrors = `PING 10.0.2.99 (10.0.2.99) 56(84) bytes of data.
From 10.0.2.1 icmp_seq=1 Destination Host Unreachable

--- 10.0.2.99 ping statistics ---
2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1012ms
`;

const busybox = `PING 10.98.2.2 (10.98.2.2): 56 data bytes
64 bytes from 10.98.2.2: seq=0 ttl=63 time=0.071 ms
64 bytes from 10.98.2.2: seq=1 ttl=63 time=0.093 ms

--- 10.98.2.2 ping statistics ---
2 packets transmitted, 2 packets received, 0% packet loss
round-trip min/avg/max = 0.071/0.082/0.093 ms
`;

const windowsOk = `\r
Pinging 172.31.16.20 with 32 bytes of data:\r
Reply from 172.31.16.20: bytes=32 time<1ms TTL=127\r
Reply from 172.31.16.20: bytes=32 time=2ms TTL=127\r
\r
Ping statistics for 172.31.16.20:\r
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),\r
Approximate round trip times in milli-seconds:\r
    Minimum = 0ms, Maximum = 2ms, Average = 1ms\r
`;

const windowsTimeout = `
Pinging 172.31.16.21 with 32 bytes of data:
Request timed out.
Request timed out.

Ping statistics for 172.31.16.21:
    Packets: Sent = 2, Received = 0, Lost = 2 (100% loss),
`;

const windowsUnreachable = `
Pinging 172.31.16.21 with 32 bytes of data:
Reply from 192.168.100.1: Destination host unreachable.
Reply from 192.168.100.1: Destination host unreachable.

Ping statistics for 172.31.16.21:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
`;

test('iputils: all replies', () => {
  expect(parsePing(iputilsOk)).toEqual({
    format: 'iputils',
    target: '192.168.100.10',
    sent: 3,
    received: 3,
    rttMs: { min: 0.433, avg: 0.515, max: 0.601 },
    replies: [0.512, 0.433, 0.601],
  });
});

test('iputils: no replies', () => {
  expect(parsePing(iputilsLost)).toMatchObject({ sent: 3, received: 0, rttMs: null, replies: [] });
});

test('iputils: ICMP errors are not replies', () => {
  expect(parsePing(iputilsErrors)).toMatchObject({ sent: 2, received: 0 });
});

test('busybox', () => {
  expect(parsePing(busybox)).toEqual({
    format: 'busybox',
    target: '10.98.2.2',
    sent: 2,
    received: 2,
    rttMs: { min: 0.071, avg: 0.082, max: 0.093 },
    replies: [0.071, 0.093],
  });
});

test('windows: replies, with time<1ms counted as 0', () => {
  expect(parsePing(windowsOk)).toEqual({
    format: 'windows',
    target: '172.31.16.20',
    sent: 2,
    received: 2,
    rttMs: { min: 0, avg: 1, max: 2 },
    replies: [0, 2],
  });
});

test('windows: timeouts', () => {
  expect(parsePing(windowsTimeout)).toMatchObject({ sent: 2, received: 0, rttMs: null });
});

test('windows: "Destination host unreachable" counts as received in Windows but not as a reply here', () => {
  expect(parsePing(windowsUnreachable)).toMatchObject({ sent: 2, received: 0 });
});

test('anything else is a PingParseError quoting the output', () => {
  expect(() => parsePing('bash: ping: command not found\n')).toThrow(/not ping output .*command not found/);
});

test('empty output is a PingParseError saying so', () => {
  expect(() => parsePing('')).toThrow(/\(empty output\)/);
});
