// NSX group membership for CGW rules, as NSX evaluates it: is an endpoint (an SDDC VM, or a bare IP such
// as an EC2 instance's) a member of a group? Three-valued: `true`, `false`, or unknown with the reasons.
// - IPAddressExpression: IPv4 addresses, CIDRs, ranges (IPv6 literals never hold an IPv4 member).
// - Condition (case-insensitive, as NSX's Condition schema says): member types VirtualMachine (keys Name,
//   Tag, OSName, ComputerName) and Segment (Tag, of the VM's segment); Tag values `scope|tag`, `|tag`
//   (any scope), `tag` (any scope) and `scope|` (scope only), with `scope_operator` EQUALS/NOTEQUALS;
//   operators EQUALS, CONTAINS, STARTSWITH, ENDSWITH, NOTEQUALS, IN, NOTIN, MATCHES. SegmentPort and IPSet
//   conditions need objects the data does not carry: unknown (a SegmentPort one is false for a bare IP).
// - PathExpression: groups (nested, cycle-safe), segments (the VM's), segment ports (unknown for a VM).
// - ExternalIDExpression: VirtualMachine (the VM's external id) and VirtualNetworkInterface (its VIFs').
// - MACAddressExpression: the MAC of the VM's VIFs. NestedExpression: recursion.
// - ConjunctionOperator: AND binds tighter than OR; two expressions with no operator between are ANDed.
// - IdentityGroupExpression, non-empty `extended_expression`, unknown expression types: unknown
//   (GROUP_MEMBERSHIP_UNKNOWN). A group path not in the data: unknown (NSX_OBJECT_MISSING).
// - The tier-0 `connected_vpc` group: the linked VPC's CIDRs.
import type { Group, GroupExpression, Vm, World } from '../world';
import { parseIpLiteral } from '../world/cidr';
import { connectedVpcGroupPath } from '../world';
import { and, not, or, some, unknown, type Tri } from './tri';

export interface Member {
  ip: number;
  vm?: Vm;
  /** Path of the segment the member sits on (VMs only). */
  segmentPath?: string;
}

/** `ANY` (in any case) in a rule's groups, without building an upper-case copy of every group path. */
export const isAnyValue = (v: string): boolean => v.length === 3 && v.toUpperCase() === 'ANY';

/**
 * One side of an NSX rule (its source or destination groups, `excluded` when negated) against a member:
 * `ANY`, group paths and IP literals; true as soon as one holds (the loop of `some`, without a closure:
 * a matrix asks this millions of times).
 */
export function sideHolds(membership: GroupMembership, values: readonly string[], excluded: boolean, m: Member, key: string): Tri {
  let hit: Tri = false;
  for (const v of values) {
    hit = or(hit, isAnyValue(v) || (v.startsWith('/') ? membership.isMember(v, m, key) : ipLiteralHolds(v, m.ip)));
    if (hit === true) break;
  }
  return excluded ? not(hit) : hit;
}

/** An IP literal, CIDR or range (as groups and rules accept them) holds `ip`. */
export function ipLiteralHolds(literal: string, ip: number): boolean {
  const r = parseIpLiteral(literal);
  return r !== undefined && r.first <= ip && ip <= r.last;
}

type Condition = Extract<GroupExpression, { resourceType: 'Condition' }>;

const lower = (s: string): string => s.toLowerCase();
const list = (s: string): string[] => s.split(',').map((x) => lower(x.trim()));

/** One value against the condition's operator, case-insensitively. NOTEQUALS/NOTIN are handled by the caller. */
function opHolds(operator: string, have: string, want: string): boolean {
  const v = lower(have);
  const w = lower(want);
  switch (operator.toUpperCase()) {
    case 'EQUALS':
    case 'NOTEQUALS':
      return v === w;
    case 'CONTAINS':
      return v.includes(w);
    case 'STARTSWITH':
      return v.startsWith(w);
    case 'ENDSWITH':
      return v.endsWith(w);
    case 'IN':
    case 'NOTIN':
      return list(want).includes(v);
    case 'MATCHES':
      try {
        return new RegExp(want, 'i').test(have);
      } catch {
        return false;
      }
    default:
      return false;
  }
}

const negated = (operator: string): boolean => ['NOTEQUALS', 'NOTIN'].includes(operator.toUpperCase());

/** Values against the condition: some value matches (or, for NOTEQUALS/NOTIN, none does). */
function valuesHold(c: Condition, values: readonly string[]): boolean {
  const hit = values.some((v) => opHolds(c.operator, v, c.value));
  return negated(c.operator) ? !hit : hit;
}

/** Tag conditions: `scope|tag`, `|tag` or `tag` (any scope), `scope|` (scope only). */
function tagsHold(c: Condition, tags: readonly { scope: string; tag: string }[]): boolean {
  const bar = c.value.indexOf('|');
  const scope = bar < 0 ? '' : c.value.slice(0, bar);
  const tag = bar < 0 ? c.value : c.value.slice(bar + 1);
  const scopeNot = (c.scopeOperator ?? 'EQUALS').toUpperCase() === 'NOTEQUALS';
  const scopeOk = (s: string): boolean => scope === '' || (lower(s) === lower(scope)) !== scopeNot;
  // NOTEQUALS/NOTIN: no tag (in the scope) equals / is in the value; opHolds treats them as EQUALS/IN.
  const hit = tags.some((t) => scopeOk(t.scope) && (tag === '' || opHolds(c.operator, t.tag, tag)));
  return negated(c.operator) && tag !== '' ? !hit : hit;
}

export class GroupMembership {
  /** member key → group path → membership. */
  private readonly cache = new Map<string, Map<string, Tri>>();

  constructor(private readonly world: World) {}

  /** Whether `member` belongs to the group at `path`; `key` identifies the member for caching. */
  isMember(path: string, member: Member, key: string): Tri {
    // The cached answer first: a matrix asks hundreds of thousands of times (no visiting set to allocate).
    const hit = this.cache.get(key)?.get(path);
    return hit !== undefined ? hit : this.member(path, member, key, new Set());
  }

  private member(path: string, member: Member, key: string, visiting: Set<string>): Tri {
    let forMember = this.cache.get(key);
    if (!forMember) {
      forMember = new Map();
      this.cache.set(key, forMember);
    }
    const hit = forMember.get(path);
    if (hit !== undefined) return hit;
    if (visiting.has(path)) return false; // a cycle of nested groups (NSX refuses these on write)
    visiting.add(path);
    const result = this.compute(path, member, key, visiting);
    visiting.delete(path);
    forMember.set(path, result);
    return result;
  }

  private compute(path: string, member: Member, key: string, visiting: Set<string>): Tri {
    if (path === connectedVpcGroupPath) {
      return (this.world.nsx.linkedVpc?.linkedVpcAddresses ?? []).some((c) => ipLiteralHolds(c, member.ip));
    }
    const group: Group | undefined = this.world.nsx.groups.get(path);
    if (!group) {
      return unknown({
        code: 'NSX_OBJECT_MISSING',
        missing: path,
        what: `group ${path} is referenced but not in the data`,
        settle: 'export nsx/groups.json again (GET /policy/api/v1/infra/domains/cgw/groups) so that it holds the group',
      });
    }
    const base = this.expressionHolds(group.expression, member, key, visiting);
    if (!group.extendedExpression || group.extendedExpression.length === 0) return base;
    return and(
      base,
      unknown({
        code: 'GROUP_MEMBERSHIP_UNKNOWN',
        missing: path,
        what: `group ${group.displayName} has an extended_expression (identity groups): who is logged on where is not in the data`,
        settle: 'check the identity firewall sessions of the VMs (NSX realized-state virtual-machines/{id}/details)',
      }),
    );
  }

  /** Expressions joined by conjunctions; AND binds tighter than OR. */
  private expressionHolds(expr: readonly GroupExpression[], member: Member, key: string, visiting: Set<string>): Tri {
    if (expr.length === 0) return false;
    let anyTerm: Tri = false;
    let term: Tri = true;
    for (const e of expr) {
      if (e.resourceType === 'ConjunctionOperator') {
        if (e.conjunctionOperator === 'OR') {
          anyTerm = or(anyTerm, term);
          term = true;
        }
        continue;
      }
      if (term === false) continue;
      term = and(term, this.single(e, member, key, visiting));
    }
    return or(anyTerm, term);
  }

  /** The member's VIFs, or the answer when there are none to look at (a bare IP; a VM without VIF data). */
  private vifs(member: Member, e: GroupExpression, what: string): { vifs: NonNullable<Vm['vifs']> } | { answer: Tri } {
    const vm = member.vm;
    if (!vm) return { answer: false };
    if (vm.vifs) return { vifs: vm.vifs };
    return {
      answer: unknown({
        code: 'DATA_MISSING',
        missing: vm.externalId,
        what: `${e.resourceType} needs the ${what} of ${vm.displayName}'s network interfaces, which the data does not hold`,
        settle: 'export nsx/vifs.json (GET /policy/api/v1/infra/realized-state/enforcement-points/vmc-enforcementpoint/vifs)',
      }),
    };
  }

  private single(e: GroupExpression, member: Member, key: string, visiting: Set<string>): Tri {
    switch (e.resourceType) {
      case 'IPAddressExpression':
        return e.ipAddresses.some((a) => ipLiteralHolds(a, member.ip));
      case 'Condition':
        return this.condition(e, member);
      case 'PathExpression':
        return some(e.paths, (p) => {
          if (p === member.segmentPath) return true;
          if (/\/segments\/[^/]+\/ports\//.test(p)) {
            return member.vm
              ? unknown({
                  code: 'GROUP_MEMBERSHIP_UNKNOWN',
                  missing: p,
                  what: `segment port ${p}: which VIF it attaches is not in the data`,
                  settle: 'export the segment ports of the CGW segments (GET /policy/api/v1/infra/tier-1s/cgw/segments/{id}/ports)',
                })
              : false;
          }
          if (p.includes('/groups/')) return this.member(p, member, key, visiting);
          return false;
        });
      case 'ExternalIDExpression': {
        if (!member.vm) return false;
        const ids = new Set(e.externalIds.map(lower));
        if (e.memberType === 'VirtualMachine') return ids.has(lower(member.vm.externalId));
        if (e.memberType !== 'VirtualNetworkInterface') return false;
        const found = this.vifs(member, e, 'external ids');
        return 'answer' in found ? found.answer : found.vifs.some((v) => ids.has(lower(v.externalId)));
      }
      case 'MACAddressExpression': {
        const found = this.vifs(member, e, 'MAC addresses');
        if ('answer' in found) return found.answer;
        const macs = new Set(e.macAddresses.map(normalMac));
        return found.vifs.some((v) => v.macAddress !== undefined && macs.has(normalMac(v.macAddress)));
      }
      case 'NestedExpression':
        return this.expressionHolds(e.expressions, member, key, visiting);
      case 'ConjunctionOperator':
        return false;
      case 'IdentityGroupExpression':
        return unknown({
          code: 'GROUP_MEMBERSHIP_UNKNOWN',
          missing: e.identityGroups.map((g) => g.distinguishedName ?? g.sid ?? '?').join(', ') || 'IdentityGroupExpression',
          what: 'an identity group (AD users logged on to VMs) decides membership; the sessions are not in the data',
          settle: 'check the identity firewall sessions of the VMs (NSX realized-state virtual-machines/{id}/details)',
        });
      case 'UnknownExpression':
        return unknown({
          code: 'GROUP_MEMBERSHIP_UNKNOWN',
          missing: e.type,
          what: `expression type ${e.type} is not evaluated by this model`,
          settle: `check by hand whether the endpoint is a member (NSX: GET /policy/api/v1/infra/domains/cgw/groups/{id}/members/ip-addresses)`,
        });
    }
  }

  private condition(e: Condition, member: Member): Tri {
    const vm = member.vm;
    switch (e.memberType.toUpperCase()) {
      case 'VIRTUALMACHINE': {
        if (!vm) return false;
        switch (lower(e.key)) {
          case 'name':
            return valuesHold(e, [vm.displayName]);
          case 'osname':
            return valuesHold(e, vm.osName ? [vm.osName] : []);
          case 'computername':
            return valuesHold(e, vm.computerName ? [vm.computerName] : []);
          case 'tag':
            return tagsHold(e, vm.tags);
          default:
            return unknownCondition(e);
        }
      }
      case 'SEGMENT': {
        if (!vm) return false;
        const seg = [...this.world.nsx.segments.values()].find((s) => s.path === member.segmentPath);
        if (!seg) return false;
        return lower(e.key) === 'tag'
          ? tagsHold(e, seg.tags)
          : lower(e.key) === 'name'
            ? valuesHold(e, [seg.displayName])
            : unknownCondition(e);
      }
      case 'SEGMENTPORT':
        return vm ? unknownCondition(e) : false; // only VMs sit on segment ports
      case 'IPSET':
        return unknownCondition(e); // IP sets (any address, an EC2 instance's too) are not in the data
      default:
        return unknownCondition(e);
    }
  }
}

const normalMac = (m: string): string => lower(m).replaceAll('-', ':');

const unknownCondition = (e: Condition): Tri =>
  unknown({
    code: 'GROUP_MEMBERSHIP_UNKNOWN',
    missing: `${e.memberType}.${e.key}`,
    what: `a Condition on ${e.memberType} ${e.key} needs objects the data does not hold`,
    settle: 'check by hand whether the endpoint is a member (NSX: GET /policy/api/v1/infra/domains/cgw/groups/{id}/members/ip-addresses)',
  });
