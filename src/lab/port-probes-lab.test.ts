// Real TCP and UDP through the lab, on both backends: a TCP connect is open (handshake with a listener),
// refused (the destination's kernel answers a port nobody listens on with a RST; a CGW REJECT answers
// with a RST too) or filtered (a CGW service that drops it: the SYN gets no answer); a UDP datagram is
// delivered (the listener hears it and echoes it) or dropped. And the NACL ephemeral return path for
// real: a subnet ACL that admits the request port but not the reply range lets the request arrive (the
// listener hears it) and drops the reply, until an inbound entry for 1024-65535 lets replies in.
import { associateNetworkAcl, createNetworkAcl, createNetworkAclEntry, patchCgwRule, type World } from '../world';
import { evaluate } from '../network/evaluate';
import { buildTopology, vpcInterface, type Topology } from '../network/test-support/topology';
import { LabClient } from './lab-client';
import { probePorts, withListeners, type ListenerSpec } from './port-probe-run';
import { describeContainerLab, describeLab } from './test-support/lab-env';

const vmIp = '192.168.10.10';
const vm = 'vm-a-uuid';
/** Waits for probes expected to pass (they return at the answer) and for probes expected to fail. */
const passWait = 3;
const failWait = 0.5;

function world(): { t: Topology; w: World; aclId: string } {
  const t = buildTopology({ instances: { near: {}, far: { subnet: 'other' } } });
  const w = t.world;
  t.vms['vm-a']!.osName = 'Microsoft Windows Server 2022 (64-bit)'; // its connections come from Windows' dynamic ports
  // The CGW: TCP 8443 dropped, TCP 8444 rejected, UDP 5353 dropped (services as inline entries), before the allow-all rules.
  const l4 = (protocol: 'TCP' | 'UDP', port: string) => [
    { resourceType: 'L4PortSetServiceEntry' as const, protocol, destinationPorts: [port] },
  ];
  patchCgwRule(w, 'drop-8443', {
    sequenceNumber: 10,
    scope: [vpcInterface],
    direction: 'IN_OUT',
    action: 'DROP',
    services: [],
    serviceEntries: l4('TCP', '8443'),
  });
  patchCgwRule(w, 'reject-8444', {
    sequenceNumber: 11,
    scope: [vpcInterface],
    direction: 'IN_OUT',
    action: 'REJECT',
    services: [],
    serviceEntries: l4('TCP', '8444'),
  });
  patchCgwRule(w, 'drop-5353', {
    sequenceNumber: 12,
    scope: [vpcInterface],
    direction: 'IN_OUT',
    action: 'DROP',
    services: [],
    serviceEntries: l4('UDP', '5353'),
  });
  // The other subnet's ACL: out, anything; in, only the request ports 443/tcp and 53/udp (the classic mistake).
  const acl = createNetworkAcl(w, { vpcId: t.vpc.vpcId });
  createNetworkAclEntry(w, acl.networkAclId, {
    ruleNumber: 100,
    protocol: '-1',
    ruleAction: 'allow',
    egress: true,
    cidrBlock: '0.0.0.0/0',
  });
  createNetworkAclEntry(w, acl.networkAclId, {
    ruleNumber: 100,
    protocol: '6',
    ruleAction: 'allow',
    egress: false,
    cidrBlock: '0.0.0.0/0',
    portRange: { from: 443, to: 443 },
  });
  createNetworkAclEntry(w, acl.networkAclId, {
    ruleNumber: 110,
    protocol: '17',
    ruleAction: 'allow',
    egress: false,
    cidrBlock: '0.0.0.0/0',
    portRange: { from: 53, to: 53 },
  });
  associateNetworkAcl(w, acl.networkAclId, t.otherSubnet.subnetId);
  return { t, w, aclId: acl.networkAclId };
}

function suite(backend: 'netns' | 'container'): void {
  let lab: LabClient;
  const { t, w, aclId } = world();
  const near = t.instances.near!;
  const far = t.instances.far!;
  const listen = (spec: ListenerSpec) => new Map([[vm, spec]]);

  beforeAll(async () => {
    lab = await LabClient.start({ backend });
    await lab.build(w);
  }, 60_000);
  afterAll(() => lab?.close(), 60_000);

  test('TCP open: the handshake with a listener on the VM completes, and the listener saw the instance', async () => {
    const { result, heard } = await withListeners(lab, listen({ tcp: [443], udp: [] }), 20, () =>
      probePorts(lab, near.instanceId, [{ protocol: 'tcp', ip: vmIp, port: 443 }], passWait),
    );
    expect(result[0]!.result).toBe('open');
    expect(heard.get(vm)!.map((h) => h.peer.split(':')[0])).toEqual([near.privateIpAddress]);
  });

  test("TCP refused: nobody listens on 444, the VM's kernel answers with a RST", async () => {
    const [r] = await probePorts(lab, near.instanceId, [{ protocol: 'tcp', ip: vmIp, port: 444 }], passWait);
    expect(r!.result).toBe('refused');
    expect(r!.ms).toBeLessThan(passWait * 1000);
  });

  test('TCP filtered: the CGW drops 8443 (a service entry), the SYN gets no answer within the wait', async () => {
    const { result, heard } = await withListeners(lab, listen({ tcp: [8443], udp: [] }), 20, () =>
      probePorts(lab, near.instanceId, [{ protocol: 'tcp', ip: vmIp, port: 8443 }], failWait),
    );
    expect(result[0]!.result).toBe('filtered');
    expect(result[0]!.ms).toBeGreaterThanOrEqual(failWait * 1000 - 5);
    expect(heard.get(vm)).toEqual([]);
    expect(evaluate(w, t.toVm('near', { protocol: 'tcp', port: 8443 })).blockedBy?.code).toBe('CGW_RULE_DROP');
  });

  test('a CGW REJECT answers a TCP connect with a RST, though a listener waits behind it', async () => {
    const { result, heard } = await withListeners(lab, listen({ tcp: [8444], udp: [] }), 20, () =>
      probePorts(lab, near.instanceId, [{ protocol: 'tcp', ip: vmIp, port: 8444 }], passWait),
    );
    expect(result[0]!.result).toBe('refused');
    expect(heard.get(vm)).toEqual([]);
  });

  test("a Windows VM's connections leave from Windows' dynamic range (49152-65535), a Linux instance's from Linux's (32768-60999)", async () => {
    const [fromVm] = await probePorts(lab, vm, [{ protocol: 'tcp', ip: near.privateIpAddress, port: 445 }], passWait);
    const [fromLinux] = await probePorts(lab, near.instanceId, [{ protocol: 'tcp', ip: vmIp, port: 445 }], passWait);
    expect(fromVm!.sourcePort).toBeGreaterThanOrEqual(49152);
    expect(fromLinux!.sourcePort).toBeGreaterThanOrEqual(32768);
    expect(fromLinux!.sourcePort).toBeLessThanOrEqual(60999);
  });

  test('UDP delivered: the listener hears the datagram and its echo comes back', async () => {
    const { result, heard } = await withListeners(lab, listen({ tcp: [], udp: [53] }), 20, () =>
      probePorts(lab, near.instanceId, [{ protocol: 'udp', ip: vmIp, port: 53 }], passWait),
    );
    expect(result[0]!.result).toBe('open');
    expect(heard.get(vm)!.map((h) => `${h.protocol} ${h.port} ${h.peer.split(':')[0]}`)).toEqual([`udp 53 ${near.privateIpAddress}`]);
  });

  test('UDP dropped: the CGW drops 5353, the listener hears nothing and nothing comes back', async () => {
    const { result, heard } = await withListeners(lab, listen({ tcp: [], udp: [5353] }), 20, () =>
      probePorts(lab, near.instanceId, [{ protocol: 'udp', ip: vmIp, port: 5353 }], failWait),
    );
    expect(result[0]!.result).toBe('filtered');
    expect(heard.get(vm)).toEqual([]);
  });

  test("the NACL ephemeral return path, for real: requests arrive, replies to the instance's ephemeral port are dropped, until 1024-65535 is allowed in", async () => {
    const targets = [
      { protocol: 'tcp' as const, ip: vmIp, port: 443, sourcePort: 49152 },
      { protocol: 'udp' as const, ip: vmIp, port: 53, sourcePort: 49152 },
    ];
    const before = await withListeners(lab, listen({ tcp: [443], udp: [53] }), 20, () =>
      probePorts(lab, far.instanceId, targets, failWait),
    );
    expect(before.result.map((r) => r.result)).toEqual(['filtered', 'filtered']);
    // The requests did arrive: the listener heard both (a TCP SYN alone is not accepted, so TCP shows none).
    expect(before.heard.get(vm)!.map((h) => `${h.protocol} ${h.peer}`)).toEqual([`udp ${far.privateIpAddress}:49152`]);
    for (const protocol of ['tcp', 'udp'] as const) {
      const v = evaluate(w, { ...t.toVm('far', { protocol, port: protocol === 'tcp' ? 443 : 53 }), sourcePort: 49152 });
      expect([v.blockedBy?.code, v.blockedBy?.direction]).toEqual(['NACL_INBOUND_DENY', 'return']);
    }
    for (const protocol of ['6', '17'])
      createNetworkAclEntry(w, aclId, {
        ruleNumber: protocol === '6' ? 120 : 130,
        protocol,
        ruleAction: 'allow',
        egress: false,
        cidrBlock: '0.0.0.0/0',
        portRange: { from: 1024, to: 65535 },
      });
    await lab.apply(w);
    const after = await withListeners(lab, listen({ tcp: [443], udp: [53] }), 20, () => probePorts(lab, far.instanceId, targets, passWait));
    expect(after.result.map((r) => r.result)).toEqual(['open', 'open']);
    expect(evaluate(w, { ...t.toVm('far', { protocol: 'tcp', port: 443 }), sourcePort: 49152 }).reachable).toBe(true);
  });
}

describeLab('TCP and UDP in the namespace lab', () => suite('netns'));
describeContainerLab('TCP and UDP in the container lab', () => suite('container'));
