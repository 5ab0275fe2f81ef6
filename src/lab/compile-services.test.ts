// NSX services as nftables matches: entries of every kind, source ports, comma lists and ranges, inline
// service entries, nested services, and rules the lab leaves out (context profiles).
import { World } from '../world';
import { entryMatches, portSet, rejectLines, ruleServiceMatches } from './compile-services';

const world = new World();

describe('NSX service entries', () => {
  test('ICMP echo request', () =>
    expect(entryMatches(world, { resourceType: 'ICMPTypeServiceEntry', protocol: 'ICMPv4', icmpType: 8 })).toEqual([
      'ip protocol icmp icmp type 8',
    ]));
  test('ICMPv6 entries match no IPv4 packet', () =>
    expect(entryMatches(world, { resourceType: 'ICMPTypeServiceEntry', protocol: 'ICMPv6' })).toEqual([]));
  test('an L4 port set lists its destination ports', () =>
    expect(entryMatches(world, { resourceType: 'L4PortSetServiceEntry', protocol: 'TCP', destinationPorts: ['443', '8000-8080'] })).toEqual(
      ['tcp dport { 443, 8000-8080 }'],
    ));
  test('source ports are matched too (DNS-IN: UDP from port 53)', () =>
    expect(entryMatches(world, { resourceType: 'L4PortSetServiceEntry', protocol: 'UDP', sourcePorts: ['53'] })).toEqual([
      'udp sport { 53 }',
    ]));
  test('source and destination ports together', () =>
    expect(
      entryMatches(world, {
        resourceType: 'L4PortSetServiceEntry',
        protocol: 'TCP',
        sourcePorts: ['1024-65535'],
        destinationPorts: ['22'],
      }),
    ).toEqual(['tcp sport { 1024-65535 } tcp dport { 22 }']));
  test('an L4 entry without ports is the whole protocol', () =>
    expect(entryMatches(world, { resourceType: 'L4PortSetServiceEntry', protocol: 'UDP' })).toEqual(['meta l4proto udp']));
  test('an ALG entry is its control connection', () =>
    expect(entryMatches(world, { resourceType: 'ALGTypeServiceEntry', alg: 'FTP' })).toEqual(['tcp dport { 21 }']));
  test('a nested service brings its entries', () =>
    expect(entryMatches(world, { resourceType: 'NestedServiceServiceEntry', nestedServicePath: '/infra/services/HTTPS' })).toEqual([
      'tcp dport { 443 }',
    ]));
});

describe('port sets', () => {
  test('comma lists inside one string, overlapping ranges merged (nftables refuses overlapping intervals)', () =>
    expect(portSet(['80,443', '440-450', '8080'])).toBe('{ 80, 440-450, 8080 }'));
  test('adjacent ranges merge', () => expect(portSet(['1-5', '6-9'])).toBe('{ 1-9 }'));
  test('no ports: any port', () => expect(portSet([])).toBeUndefined());
  test('only malformed ports: no port can match', () => expect(portSet(['http', '70000'])).toBeNull());
});

describe("a rule's service side", () => {
  test('ANY, and no services with no entries, match every packet', () => {
    expect(ruleServiceMatches(world, { services: ['ANY'] })).toEqual(['']);
    expect(ruleServiceMatches(world, { services: [] })).toEqual(['']);
  });
  test('services and inline service_entries both count', () =>
    expect(
      ruleServiceMatches(world, {
        services: ['/infra/services/SSH'],
        serviceEntries: [{ resourceType: 'L4PortSetServiceEntry', protocol: 'UDP', destinationPorts: ['53'] }],
      }),
    ).toEqual(['tcp dport { 22 }', 'udp dport { 53 }']));
  test('a service missing from the data matches nothing', () =>
    expect(ruleServiceMatches(world, { services: ['/infra/services/nope'] })).toEqual([]));
  test('a rule with a context profile is left out', () =>
    expect(ruleServiceMatches(world, { services: ['ANY'], profiles: ['/infra/context-profiles/SSL'] })).toEqual([]));
});

test('REJECT: a TCP RST for TCP, ICMP administratively prohibited for the rest', () =>
  expect(rejectLines('ip daddr 10.0.0.1', 'comment "x"')).toEqual([
    'ip daddr 10.0.0.1 meta l4proto tcp counter reject with tcp reset comment "x"',
    'ip daddr 10.0.0.1 counter reject with icmpx type admin-prohibited comment "x"',
  ]));
