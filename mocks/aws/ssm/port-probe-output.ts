// What the TCP/UDP probe commands print on a real guest, for a given answer: bash /dev/tcp under coreutils
// timeout (the probe's own "open" line and exit 0 when open; bash's two "Connection refused" lines and exit 1; nothing and
// exit 124 on timeout), Test-NetConnection's list (with its WARNING lines) followed by the socket error
// code line of the probe's .NET connect, and the lines of our own UDP sender and listeners. The formats
// are the ones of fixtures/real/probes (see its SOURCES.md).
// Mock note: Test-NetConnection's WARNING lines go to PowerShell's warning stream; SSM's
// AWS-RunPowerShellScript shows them in the standard output, where they are printed here.
import type { PortProbeRequest } from '../../../src/shapes/ssm/port-probe-command';
import type { ScriptResult } from '../../../src/world';

/** The answer the network gives a connect or a datagram. `icmp-error`: ICMP unreachable from a firewall (NSX REJECT for UDP). */
export type PortAnswer = 'open' | 'refused' | 'timeout' | 'icmp-error';

export interface ConnectContext {
  /** The source's own address (Test-NetConnection prints it as SourceAddress). */
  sourceIp: string;
  /** Windows: whether Test-NetConnection's own ping (run when the TCP test fails) gets a reply. */
  pingReplies: boolean;
}

const fast = 3;

export function linuxConnectOutput(req: PortProbeRequest, answer: PortAnswer): ScriptResult {
  const target = `/dev/tcp/${req.destination}/${req.port}`;
  if (answer === 'open')
    return { stdout: `vmc-reach tcp ${req.destination}:${req.port}: open\n`, stderr: '', exitCode: 0, durationMs: fast };
  if (answer === 'refused')
    return {
      stdout: '',
      stderr: `bash: connect: Connection refused\nbash: ${target}: Connection refused\n`,
      exitCode: 1,
      durationMs: fast,
    };
  // ICMP host unreachable / administratively prohibited: connect() fails with EHOSTUNREACH.
  if (answer === 'icmp-error')
    return { stdout: '', stderr: `bash: connect: No route to host\nbash: ${target}: No route to host\n`, exitCode: 1, durationMs: fast };
  return { stdout: '', stderr: '', exitCode: 124, durationMs: req.timeoutS * 1000 };
}

export function windowsConnectOutput(req: PortProbeRequest, answer: PortAnswer, ctx: ConnectContext): ScriptResult {
  const ip = req.destination;
  const row = (name: string, value: string, width: number): string => `${name.padEnd(width)} : ${value}`;
  if (answer === 'open') {
    const lines = [
      '',
      row('ComputerName', ip, 16),
      row('RemoteAddress', ip, 16),
      row('RemotePort', String(req.port), 16),
      row('InterfaceAlias', 'Ethernet', 16),
      row('SourceAddress', ctx.sourceIp, 16),
      row('TcpTestSucceeded', 'True', 16),
      '',
      '',
    ];
    return { stdout: lines.join('\r\n'), stderr: '', exitCode: 0, durationMs: 40 };
  }
  const code = answer === 'refused' ? 'ConnectionRefused' : answer === 'timeout' ? 'TimedOut' : 'HostUnreachable';
  const lines = [
    `WARNING: TCP connect to (${ip} : ${req.port}) failed`,
    ...(ctx.pingReplies ? [] : [`WARNING: Ping to ${ip} failed with status: TimedOut`]),
    '',
    row('ComputerName', ip, 22),
    row('RemoteAddress', ip, 22),
    row('RemotePort', String(req.port), 22),
    row('InterfaceAlias', 'Ethernet', 22),
    row('SourceAddress', ctx.sourceIp, 22),
    row('PingSucceeded', ctx.pingReplies ? 'True' : 'False', 22),
    row('PingReplyDetails (RTT)', ctx.pingReplies ? '1 ms' : '0 ms', 22),
    row('TcpTestSucceeded', 'False', 22),
    '',
    '',
    `SocketErrorCode : ${code}`,
    '',
  ];
  // Test-NetConnection waits about 21 s for a SYN nobody answers, then the .NET connect its timeout.
  return { stdout: lines.join('\r\n'), stderr: '', exitCode: 0, durationMs: answer === 'timeout' ? 21_000 + req.timeoutS * 1000 : 2_000 };
}

/** Our UDP sender's one line (the same text on Linux and Windows; the ICMP error's name differs). */
export function udpSendOutput(req: PortProbeRequest, answer: PortAnswer, bytes = 9): ScriptResult {
  const head = `vmc-reach udp ${req.destination}:${req.port}: `;
  const nl = req.os === 'windows' ? '\r\n' : '\n';
  if (answer === 'open') return { stdout: `${head}reply of ${bytes} bytes${nl}`, stderr: '', exitCode: 0, durationMs: fast };
  if (answer === 'refused') return { stdout: `${head}refused (ICMP port unreachable)${nl}`, stderr: '', exitCode: 1, durationMs: fast };
  if (answer === 'icmp-error')
    return {
      stdout: `${head}unreachable (${req.os === 'windows' ? 'HostUnreachable' : 'No route to host'})${nl}`,
      stderr: '',
      exitCode: 1,
      durationMs: fast,
    };
  return { stdout: `${head}no reply within ${req.timeoutS} s${nl}`, stderr: '', exitCode: 2, durationMs: req.timeoutS * 1000 };
}

/** A one-shot listener's line: it heard `peer` (`ip:port`), or nothing in its time. */
export function listenerOutput(req: PortProbeRequest, peer: string | undefined, bytes = 9): ScriptResult {
  const head = `vmc-reach listen ${req.protocol} ${req.port}: `;
  const nl = req.os === 'windows' ? '\r\n' : '\n';
  if (peer)
    return {
      stdout: `${head}${req.protocol === 'tcp' ? `connection from ${peer}` : `datagram of ${bytes} bytes from ${peer}`}${nl}`,
      stderr: '',
      exitCode: 0,
      durationMs: fast,
    };
  return {
    stdout: `${head}no ${req.protocol === 'tcp' ? 'connection' : 'datagram'} within ${req.timeoutS} s${nl}`,
    stderr: '',
    exitCode: 1,
    durationMs: req.timeoutS * 1000,
  };
}

/** A listener whose port is taken by another listener on the same node: what python3 / .NET print. */
export function listenerPortInUse(req: PortProbeRequest): ScriptResult {
  if (req.os === 'windows') {
    return {
      stdout: '',
      stderr: `Exception calling "${req.protocol === 'tcp' ? 'Start' : '.ctor'}" with "0" argument(s): "Only one usage of each socket address (protocol/network address/port) is normally permitted"\r\n`,
      exitCode: 1,
      durationMs: fast,
    };
  }
  return {
    stdout: '',
    stderr: 'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nOSError: [Errno 98] Address already in use\n',
    exitCode: 1,
    durationMs: fast,
  };
}
