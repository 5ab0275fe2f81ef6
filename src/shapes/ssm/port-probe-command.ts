// The TCP/UDP probe contract: the exact command lines a port probe sends through SSM Run Command, a
// parser that reads each line back into a structured request (the mock and the lab use it to recognise
// what they are asked to run), and parsers that map what the tools print to an outcome. A wire shape like
// the others here (the `commands` of SendCommand): the harness sends these lines and the mock reads them
// back (to answer them or to run them in the lab), so it is one definition below both.
//
// Why these commands (they must exist on stock images, nothing installed):
// - Linux TCP connect: `timeout T bash -c '</dev/tcp/IP/PORT' && echo '… open'`. Stock Amazon Linux 2023 and RHEL images
//   ship bash (with /dev/tcp compiled in) and coreutils `timeout`, but often no `nc` (AL2023 and RHEL
//   minimal carry no netcat package by default). bash prints "bash: connect: Connection refused" on a
//   RST and exits 1; `timeout` exits 124 when the SYN got no answer in T seconds (filtered).
// - Windows TCP connect: `Test-NetConnection -ComputerName IP -Port PORT`, the tool Windows admins know
//   (`TcpTestSucceeded : True|False`). It prints False for both a RST and a timeout, so the same line
//   follows it with one .NET TcpClient connect bounded by T seconds that prints the socket error code
//   (`SocketErrorCode : ConnectionRefused` or `TimedOut`): refused and filtered are different answers.
// - UDP (both OSes) needs a responder: a one-shot listener on the destination (started first, through
//   SSM) that echoes one datagram back and says whether it arrived; the sender on the source uses a
//   connected UDP socket, so an ICMP port unreachable comes back as "refused". Linux: python3 (shipped
//   with Amazon Linux 2023, RHEL 9, Ubuntu: the OS's own tools need it); Windows: PowerShell with .NET
//   sockets (UdpClient, TcpListener), present on every Windows Server since 2016.
// - A short-lived TCP listener (the `listen` option) the same way, so a probe does not depend on an
//   application listening on the port.
// Every line is one shell line (no newline inside), so a runner can split a script on newlines.

export type PortProtocol = 'tcp' | 'udp';
export type PortProbeRole = 'connect' | 'send' | 'listen';
export type GuestOs = 'linux' | 'windows';

export interface PortProbeRequest {
  protocol: PortProtocol;
  /** The address connected or sent to; for `listen`, the bind address (always 0.0.0.0). */
  destination: string;
  port: number;
  /** connect/send: how long to wait for the handshake or the reply; listen: how long to wait for a peer. */
  timeoutS: number;
  /** connect: TCP handshake; send: one UDP datagram and wait for its echo; listen: one-shot listener. */
  role: PortProbeRole;
  os: GuestOs;
}

export interface RenderedCommand {
  document: 'AWS-RunShellScript' | 'AWS-RunPowerShellScript';
  command: string;
}

const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export class PortProbeRequestError extends Error {
  override readonly name = 'PortProbeRequestError';
}

function check(req: PortProbeRequest): void {
  if (!Number.isInteger(req.port) || req.port < 1 || req.port > 65535)
    throw new PortProbeRequestError(`port ${req.port}: a TCP/UDP port is an integer from 1 to 65535`);
  if (!Number.isInteger(req.timeoutS) || req.timeoutS < 1 || req.timeoutS > 3600)
    throw new PortProbeRequestError(`timeout ${req.timeoutS}: whole seconds from 1 to 3600`);
  if (req.role === 'listen' ? req.destination !== '0.0.0.0' : !ipv4.test(req.destination))
    throw new PortProbeRequestError(
      `destination ${req.destination}: ${req.role === 'listen' ? 'a listener binds 0.0.0.0' : 'an IPv4 address'}`,
    );
  if (req.role === 'connect' && req.protocol !== 'tcp') throw new PortProbeRequestError('connect is a TCP role; UDP uses send');
  if (req.role === 'send' && req.protocol !== 'udp') throw new PortProbeRequestError('send is a UDP role; TCP uses connect');
}

// ---- the templates (one per protocol × role × OS); the parsers below are their exact inverses ----

// The echo after a successful connect: exit 0 with no output is what an agent that ran nothing reports
// (moto's SendCommand, a wrong document), so "open" needs the line, not only the exit code.
const linuxConnect = (ip: string, port: number, t: number): string =>
  `timeout ${t} bash -c '</dev/tcp/${ip}/${port}' && echo 'vmc-reach tcp ${ip}:${port}: open'`;

const windowsConnect = (ip: string, port: number, t: number): string =>
  `Test-NetConnection -ComputerName ${ip} -Port ${port}; $c = New-Object System.Net.Sockets.TcpClient; try { if (-not $c.ConnectAsync('${ip}', ${port}).Wait(${t * 1000})) { 'SocketErrorCode : TimedOut' } } catch { 'SocketErrorCode : ' + $_.Exception.GetBaseException().SocketErrorCode } finally { $c.Close() }`;

const linuxTcpListen = (port: number, t: number): string =>
  `python3 -c 'import socket,select,sys;p=${port};t=${t};s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(("0.0.0.0",p));s.listen(1);r=select.select([s],[],[],t)[0];c,a=s.accept() if r else (None,None);print("vmc-reach listen tcp %d: connection from %s:%d"%(p,a[0],a[1]) if c else "vmc-reach listen tcp %d: no connection within %d s"%(p,t));sys.exit(0 if c else 1)'`;

const linuxUdpListen = (port: number, t: number): string =>
  `python3 -c 'import socket,select,sys;p=${port};t=${t};s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("0.0.0.0",p));r=select.select([s],[],[],t)[0];d,a=s.recvfrom(2048) if r else (b"",None);a and s.sendto(d,a);print("vmc-reach listen udp %d: datagram of %d bytes from %s:%d"%(p,len(d),a[0],a[1]) if a else "vmc-reach listen udp %d: no datagram within %d s"%(p,t));sys.exit(0 if a else 1)'`;

const linuxUdpSend = (ip: string, port: number, t: number): string =>
  `python3 -c 'import os,socket,select,sys;h="${ip}";p=${port};t=${t};s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.connect((h,p));s.send(b"vmc-reach");r=select.select([s],[],[],t)[0];e=s.getsockopt(socket.SOL_SOCKET,socket.SO_ERROR) if r else 0;d=s.recv(2048) if r and not e else b"";print("vmc-reach udp %s:%d: "%(h,p)+("refused (ICMP port unreachable)" if e==111 else "unreachable (%s)"%os.strerror(e) if e else "reply of %d bytes"%len(d) if r else "no reply within %d s"%t));sys.exit(1 if e else 0 if r else 2)'`;

const windowsTcpListen = (port: number, t: number): string =>
  `$l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Any, ${port}); $l.Start(); $a = $l.AcceptTcpClientAsync(); if ($a.Wait(${t * 1000})) { "vmc-reach listen tcp ${port}: connection from $($a.Result.Client.RemoteEndPoint)"; $l.Stop(); exit 0 } else { 'vmc-reach listen tcp ${port}: no connection within ${t} s'; $l.Stop(); exit 1 }`;

const windowsUdpListen = (port: number, t: number): string =>
  `$u = New-Object System.Net.Sockets.UdpClient(${port}); $u.Client.ReceiveTimeout = ${t * 1000}; $e = New-Object System.Net.IPEndPoint([System.Net.IPAddress]::Any, 0); try { $d = $u.Receive([ref]$e); [void]$u.Send($d, $d.Length, $e); "vmc-reach listen udp ${port}: datagram of $($d.Length) bytes from $e"; exit 0 } catch { 'vmc-reach listen udp ${port}: no datagram within ${t} s'; exit 1 } finally { $u.Close() }`;

const windowsUdpSend = (ip: string, port: number, t: number): string =>
  `$u = New-Object System.Net.Sockets.UdpClient; $u.Client.ReceiveTimeout = ${t * 1000}; $u.Connect('${ip}', ${port}); [void]$u.Send([Text.Encoding]::ASCII.GetBytes('vmc-reach'), 9); $e = New-Object System.Net.IPEndPoint([System.Net.IPAddress]::Any, 0); try { $d = $u.Receive([ref]$e); "vmc-reach udp ${ip}:${port}: reply of $($d.Length) bytes"; exit 0 } catch { $k = $_.Exception.GetBaseException().SocketErrorCode; if ("$k" -eq 'ConnectionReset') { 'vmc-reach udp ${ip}:${port}: refused (ICMP port unreachable)'; exit 1 } elseif ("$k" -eq 'TimedOut') { 'vmc-reach udp ${ip}:${port}: no reply within ${t} s'; exit 2 } else { "vmc-reach udp ${ip}:${port}: unreachable ($k)"; exit 1 } } finally { $u.Close() }`;

/** The command line for a request, and the SSM document that runs it. */
export function renderPortProbe(req: PortProbeRequest): RenderedCommand {
  check(req);
  const { destination: ip, port, timeoutS: t } = req;
  if (req.os === 'windows') {
    const command =
      req.role === 'connect'
        ? windowsConnect(ip, port, t)
        : req.role === 'send'
          ? windowsUdpSend(ip, port, t)
          : req.protocol === 'tcp'
            ? windowsTcpListen(port, t)
            : windowsUdpListen(port, t);
    return { document: 'AWS-RunPowerShellScript', command };
  }
  const command =
    req.role === 'connect'
      ? linuxConnect(ip, port, t)
      : req.role === 'send'
        ? linuxUdpSend(ip, port, t)
        : req.protocol === 'tcp'
          ? linuxTcpListen(port, t)
          : linuxUdpListen(port, t);
  return { document: 'AWS-RunShellScript', command };
}

// ---- command text → request ----

const IP = '(\\d{1,3}(?:\\.\\d{1,3}){3})';
const N = '(\\d{1,5})';
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds a matcher from a template: the placeholders become capture groups, the rest matches verbatim. */
function matcher(
  render: (ip: string, port: number, t: number) => string,
  withIp: boolean,
): (line: string) => { ip: string; port: number; t: number } | undefined {
  // Render with sentinels, escape, then put the capture groups where the sentinels are.
  const text = esc(render('192.0.2.222', 65432, 98765));
  const order: ('ip' | 'port' | 't' | 'tms')[] = [];
  const pattern = text.replace(/192\\\.0\\\.2\\\.222|65432|98765000|98765/g, (m) => {
    if (m.startsWith('192')) {
      order.push('ip');
      return IP;
    }
    if (m === '65432') {
      order.push('port');
      return N;
    }
    order.push(m === '98765000' ? 'tms' : 't');
    return '(\\d{1,7})';
  });
  const re = new RegExp(`^${pattern}$`);
  return (line) => {
    const m = re.exec(line);
    if (!m) return undefined;
    const values: Record<'ip' | 'port' | 't' | 'tms', string[]> = { ip: [], port: [], t: [], tms: [] };
    order.forEach((k, i) => values[k].push(m[i + 1]!));
    const ips = new Set(values.ip);
    const ports = new Set(values.port);
    const ts = new Set([...values.t, ...values.tms.map((v) => String(Number(v) / 1000))]);
    // Every occurrence of a placeholder must carry the same value (the same ip in both halves of a line).
    if (ips.size > 1 || ports.size !== 1 || ts.size !== 1 || (withIp && ips.size !== 1)) return undefined;
    const t = Number([...ts][0]);
    return { ip: withIp ? [...ips][0]! : '0.0.0.0', port: Number([...ports][0]), t };
  };
}

const forms: { protocol: PortProtocol; role: PortProbeRole; os: GuestOs; match: ReturnType<typeof matcher> }[] = [
  { protocol: 'tcp', role: 'connect', os: 'linux', match: matcher(linuxConnect, true) },
  { protocol: 'tcp', role: 'connect', os: 'windows', match: matcher(windowsConnect, true) },
  { protocol: 'udp', role: 'send', os: 'linux', match: matcher(linuxUdpSend, true) },
  { protocol: 'udp', role: 'send', os: 'windows', match: matcher(windowsUdpSend, true) },
  { protocol: 'tcp', role: 'listen', os: 'linux', match: matcher((_ip, p, t) => linuxTcpListen(p, t), false) },
  { protocol: 'udp', role: 'listen', os: 'linux', match: matcher((_ip, p, t) => linuxUdpListen(p, t), false) },
  { protocol: 'tcp', role: 'listen', os: 'windows', match: matcher((_ip, p, t) => windowsTcpListen(p, t), false) },
  { protocol: 'udp', role: 'listen', os: 'windows', match: matcher((_ip, p, t) => windowsUdpListen(p, t), false) },
];

export type PortProbeParse = { ok: true; request: PortProbeRequest } | { ok: false; reason: string };

/**
 * Reads one command line back into the request it was rendered from. Undefined when the line is not a
 * port probe at all (it may be a ping); `ok: false` when it is one of ours but out of range.
 */
export function parsePortProbeCommand(line: string): PortProbeParse | undefined {
  const text = line.trim();
  for (const f of forms) {
    const m = f.match(text);
    if (!m) continue;
    const request: PortProbeRequest = { protocol: f.protocol, destination: m.ip, port: m.port, timeoutS: m.t, role: f.role, os: f.os };
    try {
      check(request);
    } catch (e) {
      return { ok: false, reason: (e as Error).message };
    }
    return { ok: true, request };
  }
  return undefined;
}

// ---- tool output → outcome ----

/** What a probe's tools said: `open` (handshake or echo), `refused` (RST, ICMP port unreachable), `filtered` (no answer). */
export type PortOutcome = 'open' | 'refused' | 'filtered';

export type ParsedOutcome = { outcome: PortOutcome; detail: string } | { outcome: 'error'; detail: string };

export interface ToolOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const excerpt = (o: ToolOutput): string => {
  const text = `${o.stdout}\n${o.stderr}`
    .trim()
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 3)
    .join(' | ')
    .slice(0, 200);
  return text ? JSON.stringify(text) : '(empty output)';
};

function linuxConnectOutcome(req: PortProbeRequest, o: ToolOutput): ParsedOutcome {
  const at = `${req.destination}:${req.port}`;
  // bash prints the connect() error and then the redirection's: "bash: connect: Connection refused".
  const err = /connect: (Connection refused|Connection timed out|No route to host|Network is unreachable)/.exec(o.stderr)?.[1];
  if (o.exitCode === 0 && o.stdout.includes(`vmc-reach tcp ${at}: open`))
    return { outcome: 'open', detail: `TCP handshake with ${at} completed` };
  if (o.exitCode === 124)
    return { outcome: 'filtered', detail: `no answer to the SYN to ${at} within ${req.timeoutS} s (timeout exit 124)` };
  if (o.exitCode === 1 && err === 'Connection refused')
    return { outcome: 'refused', detail: `${at} answered with a RST (bash: connect: Connection refused)` };
  if (o.exitCode === 1 && err === 'Connection timed out')
    return { outcome: 'filtered', detail: `the kernel gave up on the SYN to ${at} (Connection timed out)` };
  if (o.exitCode === 1 && err)
    return {
      outcome: 'filtered',
      detail: `an ICMP error came back for ${at} (${err}): a router or firewall on the path, not the destination's port`,
    };
  return { outcome: 'error', detail: `not the output of bash /dev/tcp under timeout (exit ${o.exitCode}): ${excerpt(o)}` };
}

function windowsConnectOutcome(req: PortProbeRequest, o: ToolOutput): ParsedOutcome {
  const at = `${req.destination}:${req.port}`;
  const tnc = /^TcpTestSucceeded\s*:\s*(True|False)\s*$/m.exec(o.stdout)?.[1];
  const code = /^SocketErrorCode : (\w+)\s*$/m.exec(o.stdout)?.[1];
  if (tnc === 'True') return { outcome: 'open', detail: `Test-NetConnection: TcpTestSucceeded : True for ${at}` };
  if (tnc === 'False' && code === 'ConnectionRefused')
    return {
      outcome: 'refused',
      detail: `Test-NetConnection: TcpTestSucceeded : False; the connect to ${at} was refused (RST, SocketErrorCode ConnectionRefused)`,
    };
  if (tnc === 'False' && code === 'TimedOut')
    return {
      outcome: 'filtered',
      detail: `Test-NetConnection: TcpTestSucceeded : False; no answer from ${at} within ${req.timeoutS} s (SocketErrorCode TimedOut)`,
    };
  if (tnc === 'False' && (code === 'HostUnreachable' || code === 'NetworkUnreachable'))
    return { outcome: 'filtered', detail: `an ICMP error came back for ${at} (SocketErrorCode ${code})` };
  if (tnc === 'False')
    return {
      outcome: 'error',
      detail: `Test-NetConnection said False for ${at} but the socket error code that tells refused from filtered is ${code ? `"${code}"` : 'missing'}: ${excerpt(o)}`,
    };
  return { outcome: 'error', detail: `not Test-NetConnection output (exit ${o.exitCode}): ${excerpt(o)}` };
}

function udpSendOutcome(req: PortProbeRequest, o: ToolOutput): ParsedOutcome {
  const at = `${req.destination}:${req.port}`;
  const m = new RegExp(
    `^vmc-reach udp ${esc(at)}: (reply of (\\d+) bytes|refused \\(ICMP port unreachable\\)|no reply within \\d+ s|unreachable \\((.+)\\))\\r?$`,
    'm',
  ).exec(o.stdout);
  if (!m) return { outcome: 'error', detail: `not the UDP sender's output (exit ${o.exitCode}): ${excerpt(o)}` };
  if (m[2] !== undefined) return { outcome: 'open', detail: `the datagram to ${at} was echoed back (${m[2]} bytes)` };
  if (m[1]!.startsWith('refused')) return { outcome: 'refused', detail: `${at} answered with ICMP port unreachable` };
  if (m[1]!.startsWith('no reply')) return { outcome: 'filtered', detail: `no echo and no ICMP error from ${at} within ${req.timeoutS} s` };
  // Another ICMP error (host unreachable, administratively prohibited: a router or a REJECT rule on the path).
  return {
    outcome: 'filtered',
    detail: `an ICMP error came back for ${at} (${m[3]}): a router or firewall on the path, not the destination's port`,
  };
}

/** Maps a connect/send command's output to an outcome (listeners: see parseListenerOutput). */
export function parsePortProbeOutput(req: PortProbeRequest, o: ToolOutput): ParsedOutcome {
  if (req.role === 'send') return udpSendOutcome(req, o);
  if (req.role === 'connect') return req.os === 'windows' ? windowsConnectOutcome(req, o) : linuxConnectOutcome(req, o);
  return { outcome: 'error', detail: "a listener's output is read with parseListenerOutput" };
}

export type ListenerResult = { heard: true; peer: string; bytes?: number } | { heard: false } | { error: string };

/** Whether a one-shot listener saw its peer: a TCP connection or a UDP datagram (and from whom). */
export function parseListenerOutput(req: PortProbeRequest, o: ToolOutput): ListenerResult {
  const p = `vmc-reach listen ${req.protocol} ${req.port}: `;
  const line = o.stdout.split(/\r?\n/).find((l) => l.startsWith(p));
  const heard =
    line && (req.protocol === 'tcp' ? /connection from ([\d.]+:\d+)$/ : /datagram of (\d+) bytes from ([\d.]+:\d+)$/).exec(line.trimEnd());
  if (heard) return req.protocol === 'tcp' ? { heard: true, peer: heard[1]! } : { heard: true, peer: heard[2]!, bytes: Number(heard[1]) };
  if (line && /: no (connection|datagram) within \d+ s$/.test(line.trimEnd())) return { heard: false };
  // python3 missing, the port in use, a bind without rights: the listener never listened.
  return { error: `the ${req.protocol.toUpperCase()} listener on port ${req.port} did not run (exit ${o.exitCode}): ${excerpt(o)}` };
}
