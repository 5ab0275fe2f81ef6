// NSX group membership on real payloads (fixtures/real/nsx): groups captured from VMC and other NSX
// managers and the NSX API documentation's expression examples, spliced into the article's case B
// (CJ-AWS01 → CJ-VM01 is reachable when the CGW lets it). One rule allows traffic to the group under test.
import { caseB, cgwRule, load, outcome, real, splice, toVm, type Splice } from './test-support/real-nsx';
import type { Json } from '../snapshot/test-support';

const path = (id: string): string => `/infra/domains/cgw/groups/${id}`;
const group = (id: string, expression: Json[], extra: Json = {}): Json => ({
  resource_type: 'Group',
  id,
  display_name: id,
  path: path(id),
  expression,
  ...extra,
});
const allowTo = (groupPath: string): Json[] => [cgwRule('to-group', { destination_groups: [groupPath] })];
const vmName = (operator: string, value: string): Json => ({
  resource_type: 'Condition',
  member_type: 'VirtualMachine',
  key: 'Name',
  operator,
  value,
});
const and = { resource_type: 'ConjunctionOperator', conjunction_operator: 'AND' };
const or = { resource_type: 'ConjunctionOperator', conjunction_operator: 'OR' };

/** CJ-AWS01 → CJ-VM01 through a rule allowing traffic to `groupPath`, with `s` spliced in. */
function verdict(groupPath: string, s: Splice) {
  return outcome(toVm(load(splice({ rules: allowTo(groupPath), ...s })).world));
}
const reachable = { status: 'reachable', code: null, assumptions: [] };
const dropped = { status: 'unreachable', code: 'CGW_DEFAULT_DROP', assumptions: [] };
const unknown = (code: string) => ({ status: 'indeterminate', code: null, assumptions: [code] });

describe('Condition (salt-ext-modules-vmware VMC capture: OSName EQUALS "Centos", extended_expression [])', () => {
  const salt = real('salt-cgw-group-condition-osname');
  it('matches the VM whose OS name differs only in case (NSX evaluates conditions case-insensitively)', () => {
    expect(verdict(salt.path, { groups: [salt], vm: (vm) => void (vm.guest_info = { os_name: 'CENTOS' }) })).toEqual(reachable);
  });
  it('does not match another OS', () => {
    expect(verdict(salt.path, { groups: [salt], vm: (vm) => void (vm.guest_info = { os_name: 'Ubuntu Linux (64-bit)' }) })).toEqual(
      dropped,
    );
  });
});

describe('Tag conditions (uonsx group: Tag EQUALS "webvm"; uonsx realized VM tags)', () => {
  const uonsx = real('uonsx-group-tag-condition');
  const tagGroup = (value: string, extra: Json = {}): Json => group('tagged', [{ ...uonsx.expression[0], value, ...extra }]);
  const tags =
    (...t: Json[]) =>
    (vm: Json) =>
      void (vm.tags = t);
  it('a bare tag matches the tag in any scope, case-insensitively', () => {
    expect(verdict(path('tagged'), { groups: [tagGroup(uonsx.expression[0].value)], vm: tags({ scope: 'app', tag: 'WebVM' }) })).toEqual(
      reachable,
    );
  });
  it('a bare tag matches the real VM tag with an empty scope', () => {
    const vmTags = real('uonsx-realized-vm').tags;
    expect(verdict(path('tagged'), { groups: [tagGroup('fn_is-managed')], vm: tags(...vmTags) })).toEqual(reachable);
  });
  it('scope|tag needs both', () => {
    expect(verdict(path('tagged'), { groups: [tagGroup('tier|web')], vm: tags({ scope: 'Tier', tag: 'WEB' }) })).toEqual(reachable);
    expect(verdict(path('tagged'), { groups: [tagGroup('tier|web')], vm: tags({ scope: 'other', tag: 'web' }) })).toEqual(dropped);
  });
  it('|tag matches the tag in any scope', () => {
    expect(verdict(path('tagged'), { groups: [tagGroup('|web')], vm: tags({ scope: 'other', tag: 'web' }) })).toEqual(reachable);
  });
  it('scope| matches any tag in the scope', () => {
    expect(verdict(path('tagged'), { groups: [tagGroup('tier|')], vm: tags({ scope: 'tier', tag: 'db' }) })).toEqual(reachable);
    expect(verdict(path('tagged'), { groups: [tagGroup('tier|')], vm: tags({ scope: 'env', tag: 'db' }) })).toEqual(dropped);
  });
  it('scope_operator NOTEQUALS matches the tag in any other scope', () => {
    expect(
      verdict(path('tagged'), { groups: [tagGroup('tier|web', { scope_operator: 'NOTEQUALS' })], vm: tags({ scope: 'env', tag: 'web' }) }),
    ).toEqual(reachable);
    expect(
      verdict(path('tagged'), { groups: [tagGroup('tier|web', { scope_operator: 'NOTEQUALS' })], vm: tags({ scope: 'tier', tag: 'web' }) }),
    ).toEqual(dropped);
  });
});

describe('Condition operators on the VM name (CJ-VM01), case-insensitive', () => {
  it.each([
    ['STARTSWITH', 'cj-vm', reachable],
    ['ENDSWITH', 'vm01', reachable],
    ['CONTAINS', '-VM', reachable],
    ['EQUALS', 'cj-vm01', reachable],
    ['NOTEQUALS', 'cj-vm01', dropped],
    ['NOTEQUALS', 'other', reachable],
    ['EQUALS', 'CJ-VM02', dropped],
    ['IN', 'web01, cj-vm01', reachable],
    ['NOTIN', 'CJ-VM01,web01', dropped],
    ['MATCHES', '^cj-vm\\d+$', reachable],
  ])('%s %s', (operator, value, expected) => {
    expect(verdict(path('named'), { groups: [group('named', [vmName(operator, value)])] })).toEqual(expected);
  });
});

describe('Condition member types other than VirtualMachine', () => {
  const cond = (member_type: string, key: string, value: string): Json => ({
    resource_type: 'Condition',
    member_type,
    key,
    operator: 'EQUALS',
    value,
  });
  const segTag = (tags: Json[]) => (segments: Json[]) => segments.map((s) => ({ ...s, tags }));
  it("Segment Tag: the VM's segment carries the tag", () => {
    expect(
      verdict(path('seg'), {
        groups: [group('seg', [cond('Segment', 'Tag', 'zone|dmz')])],
        segments: segTag([{ scope: 'zone', tag: 'DMZ' }]),
      }),
    ).toEqual(reachable);
  });
  it("Segment Tag: the VM's segment does not", () => {
    expect(
      verdict(path('seg'), {
        groups: [group('seg', [cond('Segment', 'Tag', 'zone|dmz')])],
        segments: segTag([{ scope: 'zone', tag: 'internal' }]),
      }),
    ).toEqual(dropped);
  });
  it('IPSet: the IP sets are not in the data (GROUP_MEMBERSHIP_UNKNOWN)', () => {
    expect(verdict(path('ipset'), { groups: [group('ipset', [cond('IPSet', 'Tag', 'web')])] })).toEqual(
      unknown('GROUP_MEMBERSHIP_UNKNOWN'),
    );
  });
});

describe('MACAddressExpression against the VIF MAC (NSX doc examples: MAC expression, VIF list)', () => {
  const docVif = (): Json => ({
    ...real('doc-vifs-on-enforcement-point').results[0],
    owner_vm_id: caseB.vm,
    ip_address_info: [{ ip_addresses: ['192.168.100.10', 'fe80::250:56ff:feab:e4be'], source: 'VM_TOOLS' }],
  });
  const macGroup = (macs: string[]): Json => group('by-mac', [{ ...real('doc-mac-address-expression'), mac_addresses: macs }]);
  it("matches the VIF's MAC (written in another case)", () => {
    expect(verdict(path('by-mac'), { groups: [macGroup(['00:50:56:AB:E4:BE'])], vifs: () => [docVif()] })).toEqual(reachable);
  });
  it('does not match the MACs of the documentation example', () => {
    expect(
      verdict(path('by-mac'), { groups: [macGroup(real('doc-mac-address-expression').mac_addresses)], vifs: () => [docVif()] }),
    ).toEqual(dropped);
  });
  it('is indeterminate when the VIF data carries no MAC', () => {
    expect(verdict(path('by-mac'), { groups: [macGroup(['00:50:56:ab:e4:be'])] })).toEqual(unknown('DATA_MISSING'));
  });
});

describe('ExternalIDExpression (NSX doc example)', () => {
  const doc = real('doc-external-id-expression');
  it('VirtualMachine: the documentation example names another VM', () => {
    expect(verdict(path('by-id'), { groups: [group('by-id', [doc])] })).toEqual(dropped);
  });
  it("VirtualMachine: the VM's external id", () => {
    expect(verdict(path('by-id'), { groups: [group('by-id', [{ ...doc, external_ids: [caseB.vm] }])] })).toEqual(reachable);
  });
  it("VirtualNetworkInterface: the VIF's external id", () => {
    const vif = {
      ...real('doc-vifs-on-enforcement-point').results[0],
      owner_vm_id: caseB.vm,
      ip_address_info: [{ ip_addresses: ['192.168.100.10'] }],
    };
    expect(
      verdict(path('by-id'), {
        groups: [group('by-id', [{ ...doc, member_type: 'VirtualNetworkInterface', external_ids: [vif.external_id] }])],
        vifs: () => [vif],
      }),
    ).toEqual(reachable);
  });
});

describe('PathExpression and nesting (NSX doc example paths: /infra/domains/default/groups/childgroup8)', () => {
  const doc = real('doc-path-expression');
  const child = { ...group('childgroup8', [vmName('EQUALS', caseB.vmName)]), path: '/infra/domains/default/groups/childgroup8' };
  it('a group path not in the data loads with a warning and makes the flow indeterminate (NSX_OBJECT_MISSING)', () => {
    const { world, warnings } = load(splice({ rules: allowTo(path('parent')), groups: [group('parent', [doc])] }));
    expect(warnings.map((w) => w.field)).toEqual(['results[1].expression[0].paths[0]']);
    expect(outcome(toVm(world))).toEqual(unknown('NSX_OBJECT_MISSING'));
  });
  it('a nested group holding the VM', () => {
    expect(verdict(path('parent'), { groups: [group('parent', [doc]), child] })).toEqual(reachable);
  });
  it('a cycle of groups terminates', () => {
    const a = group('a', [{ resource_type: 'PathExpression', paths: [path('b')] }, or, vmName('EQUALS', caseB.vmName)]);
    const b = group('b', [{ resource_type: 'PathExpression', paths: [path('a')] }]);
    expect(verdict(path('b'), { groups: [a, b] })).toEqual(reachable);
  });
  it('a segment path holds the VMs on the segment', () => {
    expect(verdict(path('on-seg'), { groups: [group('on-seg', [{ ...doc, paths: ['/infra/tier-1s/cgw/segments/cj-seg'] }])] })).toEqual(
      reachable,
    );
  });
});

describe('conjunctions and NestedExpression (NSX doc IP expression: 10.110.9.21, 10.112.9.22)', () => {
  const ips = real('doc-ip-address-expression');
  it('IP OR name', () =>
    expect(verdict(path('g'), { groups: [group('g', [ips, or, vmName('EQUALS', caseB.vmName)])] })).toEqual(reachable));
  it('IP AND name', () =>
    expect(verdict(path('g'), { groups: [group('g', [ips, and, vmName('EQUALS', caseB.vmName)])] })).toEqual(dropped));
  it('AND binds tighter than OR: no OR (name AND IP) is false', () => {
    expect(verdict(path('g'), { groups: [group('g', [vmName('EQUALS', 'x'), or, vmName('EQUALS', caseB.vmName), and, ips])] })).toEqual(
      dropped,
    );
  });
  it('AND binds tighter than OR: name OR (IP AND no) is true', () => {
    expect(verdict(path('g'), { groups: [group('g', [vmName('EQUALS', caseB.vmName), or, ips, and, vmName('EQUALS', 'x')])] })).toEqual(
      reachable,
    );
  });
  it('NestedExpression of ANDed conditions', () => {
    const nested = { resource_type: 'NestedExpression', expressions: [vmName('STARTSWITH', 'cj'), and, vmName('ENDSWITH', '01')] };
    expect(verdict(path('g'), { groups: [group('g', [nested])] })).toEqual(reachable);
  });
});

describe('what the data cannot decide', () => {
  const identity = { ...real('doc-identity-group-expression'), resource_type: 'IdentityGroupExpression' };
  it('IdentityGroupExpression loads and makes membership unknown (GROUP_MEMBERSHIP_UNKNOWN)', () => {
    expect(verdict(path('idfw'), { groups: [group('idfw', [identity])] })).toEqual(unknown('GROUP_MEMBERSHIP_UNKNOWN'));
  });
  it('an identity group ANDed with a condition the VM fails is definitely not a member', () => {
    expect(verdict(path('idfw'), { groups: [group('idfw', [vmName('EQUALS', 'x'), and, identity])] })).toEqual(dropped);
  });
  it('a non-empty extended_expression makes membership unknown', () => {
    const g = group('ext', [vmName('EQUALS', caseB.vmName)], { extended_expression: [identity] });
    expect(verdict(path('ext'), { groups: [g] })).toEqual(unknown('GROUP_MEMBERSHIP_UNKNOWN'));
  });
  it('an expression type the model does not know loads with a warning and makes membership unknown', () => {
    const { world, warnings } = load(
      splice({ rules: allowTo(path('odd')), groups: [group('odd', [{ resource_type: 'FutureExpression', whatever: 1 }])] }),
    );
    expect(warnings).toHaveLength(1);
    expect(outcome(toVm(world))).toEqual(unknown('GROUP_MEMBERSHIP_UNKNOWN'));
  });
  it('a rule naming a group not in the data loads with a warning; the flow is indeterminate (NSX_OBJECT_MISSING)', () => {
    const { world, warnings } = load(splice({ rules: allowTo(path('gone')) }));
    expect(warnings.map((w) => w.field)).toEqual(['results[0].destination_groups[0]']);
    expect(outcome(toVm(world))).toEqual(unknown('NSX_OBJECT_MISSING'));
  });
});

describe('first match with an undecidable rule', () => {
  const identity = { ...real('doc-identity-group-expression'), resource_type: 'IdentityGroupExpression' };
  const groups = [group('idfw', [identity])];
  it('an undecidable ALLOW before a definite ALLOW changes nothing', () => {
    const rules = [
      cgwRule('maybe', { sequence_number: 5, destination_groups: [path('idfw')] }),
      cgwRule('sure', { sequence_number: 10, destination_groups: [caseB.cgwVmGroup] }),
    ];
    expect(outcome(toVm(load(splice({ rules, groups })).world))).toEqual(reachable);
  });
  it('an undecidable DROP before a definite ALLOW makes the flow indeterminate', () => {
    const rules = [
      cgwRule('maybe', { sequence_number: 5, action: 'DROP', destination_groups: [path('idfw')] }),
      cgwRule('sure', { sequence_number: 10, destination_groups: [caseB.cgwVmGroup] }),
    ];
    const v = toVm(load(splice({ rules, groups })).world);
    expect(outcome(v)).toEqual(unknown('GROUP_MEMBERSHIP_UNKNOWN'));
    expect(v.assumptions[0]!.resource.id).toBe('/infra/domains/cgw/gateway-policies/default/rules/maybe');
  });
  it('an undecidable DROP before the default drop changes nothing', () => {
    const rules = [cgwRule('maybe', { action: 'DROP', destination_groups: [path('idfw')] })];
    expect(outcome(toVm(load(splice({ rules, groups })).world))).toEqual(dropped);
  });
  it('an undecidable ALLOW followed by a definite block later on the path: unreachable, with the assumption named', () => {
    const rules = [cgwRule('maybe', { destination_groups: [path('idfw')] })];
    const v = toVm(load(splice({ rules, groups, vm: (vm) => void (vm.power_state = 'VM_STOPPED') })).world);
    expect(outcome(v)).toEqual({ status: 'unreachable', code: 'VM_POWERED_OFF', assumptions: ['GROUP_MEMBERSHIP_UNKNOWN'] });
  });
});
