// NSX services on real payloads: the 412 predefined services of a real NSX 4 manager
// (fixtures/real/nsx/services-nsx4-manager.json, shipped as the world's predefined services), inline
// `service_entries` in the documented shapes, context profiles, and a real VMC gateway rule.
import { cgwRule, load, outcome, real, splice, toVm } from './test-support/real-nsx';
import type { Json } from '../snapshot/test-support';
import type { Protocol } from './flow';

const svc = (id: string): string => `/infra/services/${id}`;
const reachable = { status: 'reachable', code: null, assumptions: [] };
const dropped = { status: 'unreachable', code: 'CGW_DEFAULT_DROP', assumptions: [] };
const unknown = (code: string) => ({ status: 'indeterminate', code: null, assumptions: [code] });

/** CJ-AWS01 → CJ-VM01 through one rule with `fields` (services, service_entries, profiles). */
function through(fields: Json, protocol: Protocol = 'icmp', port?: number, sourcePort?: number, services?: Json[]) {
  const { world } = load(splice({ rules: [cgwRule('svc', fields)], ...(services ? { services } : {}) }));
  return outcome(toVm(world, undefined, protocol, port, sourcePort));
}

describe('predefined services of a real NSX 4 manager', () => {
  it('ALG FTP matches its control connection, TCP 21', () => expect(through({ services: [svc('FTP')] }, 'tcp', 21)).toEqual(reachable));
  it('ALG FTP does not match TCP 20 or UDP 21', () => {
    expect(through({ services: [svc('FTP')] }, 'tcp', 20)).toEqual(dropped);
    expect(through({ services: [svc('FTP')] }, 'udp', 21)).toEqual(dropped);
  });
  it('ALG TFTP matches UDP 69', () => expect(through({ services: [svc('TFTP')] }, 'udp', 69)).toEqual(reachable));
  it('ICMP-ALL (ICMPv4 and ICMPv6 entries) matches an IPv4 echo', () =>
    expect(through({ services: [svc('ICMP-ALL')] })).toEqual(reachable));
  it('an ICMPv6 echo service never matches an IPv4 echo', () =>
    expect(through({ services: [svc('IPv6-ICMP_Echo_Request')] })).toEqual(dropped));
  it('ICMP_Echo_Reply (type 0) does not match an echo request (type 8)', () =>
    expect(through({ services: [svc('ICMP_Echo_Reply')] })).toEqual(dropped));
  it('DNS-IN-TCP names source port 53: a flow from port 53 matches', () =>
    expect(through({ services: [svc('DNS-IN-TCP')] }, 'tcp', 8080, 53)).toEqual(reachable));
  it('DNS-IN-TCP names source port 53: a flow from an ephemeral port does not', () =>
    expect(through({ services: [svc('DNS-IN-TCP')] }, 'tcp', 53)).toEqual(dropped));
  it('IGMP services never match ICMP or TCP', () => {
    expect(through({ services: [svc('IGMP_Membership_Query')] })).toEqual(dropped);
    expect(through({ services: [svc('IGMP_Membership_Query')] }, 'tcp', 80)).toEqual(dropped);
  });
  it('a service path not in the data loads with a warning; the flow is indeterminate (NSX_OBJECT_MISSING)', () => {
    const { world, warnings } = load(splice({ rules: [cgwRule('svc', { services: [svc('Custom-App')] })] }));
    expect(warnings.map((w) => w.field)).toEqual(['results[0].services[0]']);
    expect(outcome(toVm(world))).toEqual(unknown('NSX_OBJECT_MISSING'));
  });
});

describe('inline service_entries, together with services', () => {
  const l4 = (destination_ports: string[], extra: Json = {}) => ({
    resource_type: 'L4PortSetServiceEntry',
    l4_protocol: 'TCP',
    destination_ports,
    ...extra,
  });
  it.each([
    [['8000-8100'], 8050, reachable],
    [['8000-8100'], 8101, dropped],
    [['22', '443'], 443, reachable],
    [['22, 33-70'], 50, reachable],
    [['22, 33-70'], 71, dropped],
  ])('L4 port set %j, TCP %d', (ports, port, expected) => {
    expect(through({ services: [], service_entries: [l4(ports as string[])] }, 'tcp', port as number)).toEqual(expected);
  });
  it('services and service_entries together: a match of either', () => {
    expect(through({ services: [svc('SSH')], service_entries: [l4(['443'])] }, 'tcp', 22)).toEqual(reachable);
    expect(through({ services: [svc('SSH')], service_entries: [l4(['443'])] }, 'tcp', 443)).toEqual(reachable);
    expect(through({ services: [svc('SSH')], service_entries: [l4(['443'])] }, 'tcp', 80)).toEqual(dropped);
  });
  it('an IP protocol entry (6) matches TCP on any port, not UDP', () => {
    expect(
      through({ services: [], service_entries: [{ resource_type: 'IPProtocolServiceEntry', protocol_number: 6 }] }, 'tcp', 12345),
    ).toEqual(reachable);
    expect(
      through({ services: [], service_entries: [{ resource_type: 'IPProtocolServiceEntry', protocol_number: 6 }] }, 'udp', 12345),
    ).toEqual(dropped);
  });
  it('an ICMP type/code entry matches echo request 8/0 only', () => {
    expect(
      through({
        services: [],
        service_entries: [{ resource_type: 'ICMPTypeServiceEntry', protocol: 'ICMPv4', icmp_type: 8, icmp_code: 0 }],
      }),
    ).toEqual(reachable);
    expect(
      through({
        services: [],
        service_entries: [{ resource_type: 'ICMPTypeServiceEntry', protocol: 'ICMPv4', icmp_type: 8, icmp_code: 1 }],
      }),
    ).toEqual(dropped);
  });
  it('an EtherType entry never matches an IP flow', () => {
    expect(through({ services: [], service_entries: [{ resource_type: 'EtherTypeServiceEntry', ether_type: 2048 }] })).toEqual(dropped);
  });
  it('a nested service entry matches what the nested service does', () => {
    expect(
      through(
        { services: [], service_entries: [{ resource_type: 'NestedServiceServiceEntry', nested_service_path: svc('HTTPS') }] },
        'tcp',
        443,
      ),
    ).toEqual(reachable);
  });
  it('an entry type the model does not know loads with a warning; the flow is indeterminate (SERVICE_ENTRY_UNKNOWN)', () => {
    const { world, warnings } = load(
      splice({ rules: [cgwRule('svc', { services: [], service_entries: [{ resource_type: 'FutureServiceEntry' }] })] }),
    );
    expect(warnings).toHaveLength(1);
    expect(outcome(toVm(world))).toEqual(unknown('SERVICE_ENTRY_UNKNOWN'));
  });
  it('nsx/services.json as a real manager exports it ({"services": [...]}) loads, custom services included', () => {
    const custom = { ...real('services-nsx4-manager').services.find((s: Json) => s.id === 'HTTPS'), id: 'My-HTTPS', path: svc('My-HTTPS') };
    expect(through({ services: [svc('My-HTTPS')] }, 'tcp', 443, undefined, [custom])).toEqual(reachable);
  });
});

describe('context profiles and real gateway rules', () => {
  it('a rule with a context profile other than ANY is indeterminate (CONTEXT_PROFILE)', () => {
    expect(through({ profiles: ['/infra/context-profiles/SSL'] })).toEqual(unknown('CONTEXT_PROFILE'));
  });
  it('a DROP rule with a context profile before the default drop changes nothing', () => {
    expect(through({ profiles: ['/infra/context-profiles/SSL'], action: 'DROP' })).toEqual(dropped);
  });
  it("salt-ext-modules-vmware's captured gateway rule (profiles ANY, scope as published) loads and does not apply to the VPC interface", () => {
    const rule = real('salt-mgw-gateway-rule');
    const { world, warnings } = load(splice({ rules: [rule] }));
    expect(world.nsx.cgwRules.get('rule_id')).toMatchObject({
      ruleId: 1015,
      services: ['/infra/services/HTTPS'],
      scope: ['/infra/labels/mgw"'],
    });
    expect(warnings.map((w) => w.field)).toEqual(['results[0].destination_groups[0]']); // the mgw VCENTER group is not in a cgw export
    expect(outcome(toVm(world))).toEqual(dropped);
  });
  it("salt-ext-modules-vmware's captured DFW rule shape loads as a CGW rule (scope ANY) and decides by its group", () => {
    const rule = { ...real('salt-cgw-dfw-rule'), source_groups: ['ANY'], destination_groups: ['/infra/domains/cgw/groups/cj-vm'] };
    expect(outcome(toVm(load(splice({ rules: [rule] })).world))).toEqual({ status: 'unreachable', code: 'CGW_RULE_DROP', assumptions: [] });
  });
});
