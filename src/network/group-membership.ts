// NSX group membership for CGW rules: is an endpoint (an SDDC VM, or a bare IP such as an EC2
// instance's) a member of a group? Covers IP expressions, VM conditions (name, tag, OS, computer name),
// path expressions (segments and nested groups), external ids, conjunctions and nested expressions,
// and the tier-0 `connected_vpc` group (the linked VPC's CIDRs).
import type { Group, GroupExpression, Vm, World } from '../world';
import { parseIpLiteral } from '../world/cidr';
import { connectedVpcGroupPath } from '../world';

export interface Member {
  ip: number;
  vm?: Vm;
  /** Path of the segment the member sits on (VMs only). */
  segmentPath?: string;
}

/** An IP literal, CIDR or range (as groups and rules accept them) holds `ip`. */
export function ipLiteralHolds(literal: string, ip: number): boolean {
  const r = parseIpLiteral(literal);
  return r !== undefined && r.first <= ip && ip <= r.last;
}

function conditionHolds(e: Extract<GroupExpression, { resourceType: 'Condition' }>, vm: Vm | undefined): boolean {
  if (!vm || e.memberType !== 'VirtualMachine') return false;
  const values: string[] = (() => {
    switch (e.key) {
      case 'Name':
        return [vm.displayName];
      case 'OSName':
        return vm.osName ? [vm.osName] : [];
      case 'ComputerName':
        return vm.computerName ? [vm.computerName] : [];
      case 'Tag':
        // NSX writes tag conditions as `scope|tag`; a value without `|` matches the tag in any scope.
        return vm.tags.flatMap((t) => [`${t.scope}|${t.tag}`, ...(e.value.includes('|') ? [] : [t.tag])]);
      default:
        return [];
    }
  })();
  const want = e.value;
  const test = (v: string): boolean => {
    switch (e.operator) {
      case 'EQUALS':
        return v === want;
      case 'CONTAINS':
        return v.includes(want);
      case 'STARTSWITH':
        return v.startsWith(want);
      case 'ENDSWITH':
        return v.endsWith(want);
      case 'IN':
        return want.split(',').map((s) => s.trim()).includes(v);
      case 'MATCHES':
        try {
          return new RegExp(want).test(v);
        } catch {
          return false;
        }
      default:
        return false;
    }
  };
  if (e.operator === 'NOTEQUALS') return !values.includes(want);
  if (e.operator === 'NOTIN') return !values.some((v) => want.split(',').map((s) => s.trim()).includes(v));
  return values.some(test);
}

export class GroupMembership {
  /** member key → group path → membership. */
  private readonly cache = new Map<string, Map<string, boolean>>();

  constructor(private readonly world: World) {}

  /** Whether `member` belongs to the group at `path`; `key` identifies the member for caching. */
  isMember(path: string, member: Member, key: string, depth = 0): boolean {
    let forMember = this.cache.get(key);
    if (!forMember) {
      forMember = new Map();
      this.cache.set(key, forMember);
    }
    const hit = forMember.get(path);
    if (hit !== undefined) return hit;
    const result = this.compute(path, member, key, depth);
    forMember.set(path, result);
    return result;
  }

  private compute(path: string, member: Member, key: string, depth: number): boolean {
    if (depth > 16) return false; // a cycle of nested groups; NSX refuses these on write
    if (path === connectedVpcGroupPath) {
      return (this.world.nsx.linkedVpc?.linkedVpcAddresses ?? []).some((c) => ipLiteralHolds(c, member.ip));
    }
    const group: Group | undefined = this.world.nsx.groups.get(path);
    if (!group) return false;
    return this.expressionHolds(group.expression, member, key, depth);
  }

  /** Expressions joined by conjunctions; AND binds tighter than OR. */
  private expressionHolds(expr: readonly GroupExpression[], member: Member, key: string, depth: number): boolean {
    if (expr.length === 0) return false;
    let anyTerm = false;
    let term = true;
    for (const e of expr) {
      if (e.resourceType === 'ConjunctionOperator') {
        if (e.conjunctionOperator === 'OR') {
          anyTerm ||= term;
          term = true;
        }
        continue;
      }
      term &&= this.single(e, member, key, depth);
    }
    return anyTerm || term;
  }

  private single(e: GroupExpression, member: Member, key: string, depth: number): boolean {
    switch (e.resourceType) {
      case 'IPAddressExpression':
        return e.ipAddresses.some((a) => ipLiteralHolds(a, member.ip));
      case 'Condition':
        return conditionHolds(e, member.vm);
      case 'PathExpression':
        return e.paths.some((p) => (p === member.segmentPath ? true : p.includes('/groups/') ? this.isMember(p, member, key, depth + 1) : false));
      case 'ExternalIDExpression':
        return member.vm !== undefined && e.externalIds.includes(member.vm.externalId);
      case 'MACAddressExpression':
        return false; // MAC addresses are not modelled
      case 'NestedExpression':
        return this.expressionHolds(e.expressions, member, key, depth + 1);
      case 'ConjunctionOperator':
        return false;
    }
  }
}
