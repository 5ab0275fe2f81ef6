// The live dry run's preflight on a given SDDC: a VM missing from the inventory, a VM probed from whose
// node is not Online, and an expected CGW block that the SDDC's own ALLOW rule prevents are each found.
import type { NsxClient } from '../../clients/vmc';
import { defineScenario } from '../dsl/builder';
import { preflight } from './preflight';

const spec = defineScenario('t', ({ sddc, aws, ping }) => {
  const vm = sddc.vm('CJ-VM01');
  const group = sddc.group('g', { vmName: 'CJ-VM01' });
  sddc.cgwRule('internet only', { sequence: 10, from: 'ANY', to: group, appliedTo: 'internet' });
  const i = aws.instance('i', { securityGroups: [aws.defaultSecurityGroup()] });
  ping(i, vm).expect('unreachable', 'CGW_DEFAULT_DROP');
  ping(vm, i).expect('unreachable', 'CGW_DEFAULT_DROP');
});

const nsx = (o: { vms?: string[]; rules?: object[] }): NsxClient =>
  ({
    listVirtualMachines: async () => (o.vms ?? ['CJ-VM01']).map((n, k) => ({ display_name: n, external_id: `vm-${k}` })),
    listVifs: async () => [{ owner_vm_id: 'vm-0', ip_address_info: [{ ip_addresses: ['192.168.100.10'] }] }],
    rules: { list: async () => o.rules ?? [] },
    groups: { list: async () => [] },
    segments: { list: async () => [] },
  }) as unknown as NsxClient;

const online = async () => ({ nodes: [{ id: 'mi-1', ip: '192.168.100.10', pingStatus: 'Online' }] });
const input = (n: NsxClient, lookup = online) => ({ spec, nsx: n, vpcCidrs: ['10.20.0.0/16'], lookup, configuredNodes: {} });

test('a ready SDDC has no preflight problem', async () => {
  expect(await preflight(input(nsx({})))).toEqual([]);
});

test('a VM missing from the inventory is named', async () => {
  expect(await preflight(input(nsx({ vms: ['other'] })))).toEqual([
    expect.stringMatching(/VM "CJ-VM01" .* is not in the SDDC's inventory/),
  ]);
});

test('a VM probed from whose node is ConnectionLost is named', async () => {
  const lost = async () => ({ nodes: [{ id: 'mi-1', ip: '192.168.100.10', pingStatus: 'ConnectionLost' }] });
  expect(await preflight(input(nsx({}), lost))).toEqual([expect.stringMatching(/probes from CJ-VM01 cannot run: .*ConnectionLost/)]);
});

test('an expected CGW block the SDDC already allows on the VPC interface is named, for both directions', async () => {
  const allowAll = {
    id: 'c',
    display_name: 'customer allow',
    sequence_number: 1,
    action: 'ALLOW',
    direction: 'IN_OUT',
    source_groups: ['ANY'],
    destination_groups: ['ANY'],
    services: ['ANY'],
    scope: ['/infra/labels/cgw-cross-vpc'],
  };
  const problems = await preflight(input(nsx({ rules: [allowAll] })));
  expect(problems).toHaveLength(2);
  expect(problems[0]).toMatch(/expects CGW_DEFAULT_DROP, but the SDDC's own CGW rule "customer allow"/);
});

test('an ALLOW applied to the Internet interface does not prevent a block on the VPC interface', async () => {
  const internet = {
    id: 'c',
    display_name: 'internet',
    sequence_number: 1,
    action: 'ALLOW',
    source_groups: ['ANY'],
    destination_groups: ['ANY'],
    services: ['ANY'],
    scope: ['/infra/labels/cgw-public'],
  };
  expect(await preflight(input(nsx({ rules: [internet] })))).toEqual([]);
});

describe('TCP/UDP probes', () => {
  const portSpec = defineScenario('p', ({ sddc, aws, probe }) => {
    const vm = sddc.vm('CJ-VM01');
    const i = aws.instance('i', { securityGroups: [aws.defaultSecurityGroup()] });
    probe(i, vm, { tcp: 8443, listen: true }).expect('unreachable', 'CGW_DEFAULT_DROP');
  });
  const portInput = (n: NsxClient, lookup = online) => ({
    spec: portSpec,
    nsx: n,
    vpcCidrs: ['10.20.0.0/16'],
    lookup,
    configuredNodes: {},
  });
  const rule = (services: string[]) => ({
    id: 'c',
    display_name: 'customer allow',
    sequence_number: 1,
    action: 'ALLOW',
    direction: 'IN_OUT',
    source_groups: ['ANY'],
    destination_groups: ['ANY'],
    services,
    scope: ['/infra/labels/cgw-cross-vpc'],
  });

  test('an existing ICMP-only ALLOW does not claim to let a TCP probe through', async () => {
    expect(await preflight(portInput(nsx({ rules: [rule(['/infra/services/ICMP-ALL'])] })))).toEqual([]);
  });

  test('an existing ALLOW of ANY service is named for a TCP probe expected blocked', async () => {
    expect(await preflight(portInput(nsx({ rules: [rule(['ANY'])] })))).toEqual([
      expect.stringMatching(/tcp\/8443 \(listener\): the scenario expects CGW_DEFAULT_DROP, but the SDDC's own CGW rule "customer allow"/),
    ]);
  });

  test('the destination VM of a probe that starts a listener must be an Online node too', async () => {
    const lost = async () => ({ nodes: [{ id: 'mi-1', ip: '192.168.100.10', pingStatus: 'ConnectionLost' }] });
    expect(await preflight(portInput(nsx({}), lost))).toEqual([expect.stringMatching(/CJ-VM01 cannot run: .*ConnectionLost/)]);
  });
});
