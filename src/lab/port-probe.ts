// The lab's own TCP/UDP probes (the oracle and the lab tests; SSM commands go through
// mocks/aws/ssm/lab-port-probes.ts): one python3 process (the host's, in the node's network namespace,
// on both backends: busybox-static has no UDP netcat) connects or sends to several targets at once,
// each from an optional fixed source port, and says per target what the kernel said: `open` (TCP
// handshake done; UDP datagram echoed back), `refused` (TCP RST; ICMP port unreachable for UDP),
// `unreachable` (another ICMP error: a REJECT's administratively prohibited), `filtered` (nothing within
// the wait). A TCP probe ends its connection with a RST (SO_LINGER 0), so it leaves no TIME_WAIT behind
// and the same four-tuple can be probed again at once. The listener binds TCP and UDP ports on the
// destination, prints `ready` once they are all bound, accepts connections and echoes datagrams until
// its time is up or it is cancelled; an echo its own node's firewall refuses to send (sendto fails with
// EPERM when an output rule drops or rejects it) is lost, as on a real host, and the listener goes on. It leaves an accepted connection open (the probe ends it): a RST
// from the listener could reach the prober before its connect() returned and turn a handshake into an error.

export type PortProtocol = 'tcp' | 'udp';

export interface PortTarget {
  protocol: PortProtocol;
  ip: string;
  port: number;
  /** A fixed source port (the engine's flow's); else the kernel picks one from the ephemeral range. */
  sourcePort?: number;
}

export type PortVerdict = 'open' | 'refused' | 'unreachable' | 'filtered' | 'error';

export interface PortResult {
  target: PortTarget;
  result: PortVerdict;
  /** The errno the socket call failed with (0 when it did not). */
  errno: number;
  /** The source port the probe used. */
  sourcePort: number;
  /** Measured: from the first packet to the answer (or to the end of the wait). */
  ms: number;
}

const client = String.raw`
import json,socket,sys,threading,time,struct,errno
a=json.loads(sys.argv[1]);w=a["wait"];ts=a["targets"];out=[None]*len(ts)
def one(i,t):
  u=t["protocol"]=="udp";s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM if u else socket.SOCK_STREAM);s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)
  r="error";e=0;sp=0;t0=time.monotonic()
  try:
    s.bind(("0.0.0.0",t.get("sourcePort") or 0));sp=s.getsockname()[1];s.settimeout(w);t0=time.monotonic()
    if u:
      s.connect((t["ip"],t["port"]));s.send(b"vmc-reach");s.recv(2048)
    else:
      s.setsockopt(socket.SOL_SOCKET,socket.SO_LINGER,struct.pack("ii",1,0));s.connect((t["ip"],t["port"]))
    r="open"
  except socket.timeout: r="filtered"
  except ConnectionRefusedError as x: r="refused";e=x.errno
  except OSError as x:
    e=x.errno or 0;r="unreachable" if e in (errno.EHOSTUNREACH,errno.ENETUNREACH,errno.EACCES,errno.EPERM) else "error"
  out[i]={"result":r,"errno":e,"sourcePort":sp,"ms":round((time.monotonic()-t0)*1000,3)};s.close()
th=[threading.Thread(target=one,args=(i,t)) for i,t in enumerate(ts)]
[x.start() for x in th];[x.join() for x in th]
print(json.dumps(out))
`;

const listener = String.raw`
import json,socket,sys,select,time,struct
a=json.loads(sys.argv[1]);ss=[];held=[]
for p in a["tcp"]:
  s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(("0.0.0.0",p));s.listen(64);ss.append(("tcp",p,s))
for p in a["udp"]:
  s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(("0.0.0.0",p));ss.append(("udp",p,s))
print("ready",flush=True);end=time.monotonic()+a["seconds"]
while True:
  left=end-time.monotonic()
  if left<=0: break
  r=select.select([x[2] for x in ss],[],[],left)[0]
  for k,p,s in ss:
    if s not in r: continue
    try:
      if k=="tcp":
        c,peer=s.accept();c.setsockopt(socket.SOL_SOCKET,socket.SO_LINGER,struct.pack("ii",1,0));held.append(c)
        if len(held)>200: held.pop(0).close()
      else:
        d,peer=s.recvfrom(2048)
        try: s.sendto(d,peer)
        except OSError: pass
      print(json.dumps({"protocol":k,"port":p,"peer":"%s:%d"%peer}),flush=True)
    except OSError: pass
`;

/** The probe command: every target at once, each waiting at most `waitSeconds`. */
export const portProbeArgv = (targets: readonly PortTarget[], waitSeconds: number): string[] => [
  'python3',
  '-I',
  '-S',
  '-c',
  client,
  JSON.stringify({ wait: waitSeconds, targets }),
];

/** The listener command: TCP and UDP ports, for at most `seconds`. */
export const portListenerArgv = (ports: { tcp: readonly number[]; udp: readonly number[] }, seconds: number): string[] => [
  'python3',
  '-I',
  '-S',
  '-c',
  listener,
  JSON.stringify({ tcp: [...new Set(ports.tcp)], udp: [...new Set(ports.udp)], seconds }),
];

/** The probe's results, in target order; an error names what the output was when it is not the probe's. */
export function parsePortProbe(
  targets: readonly PortTarget[],
  r: { exitCode: number | null; stdout: string; stderr: string },
): PortResult[] {
  const line = r.stdout.trim().split('\n').pop() ?? '';
  let parsed: Omit<PortResult, 'target'>[];
  try {
    parsed = JSON.parse(line) as Omit<PortResult, 'target'>[];
  } catch {
    throw new Error(`the port probe did not run (exit ${r.exitCode}): ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
  }
  return targets.map((target, i) => ({ target, ...parsed[i]! }));
}

/** What a listener heard: one entry per connection or datagram. */
export function parseListener(stdout: string): { protocol: PortProtocol; port: number; peer: string }[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { protocol: PortProtocol; port: number; peer: string });
}
