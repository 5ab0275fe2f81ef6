// CGW gateway firewall rules of policy `default` (`/infra/domains/cgw/gateway-policies/default/rules/{id}`):
// PATCH create-or-merge, PUT with `_revision`, DELETE, and the whole-policy write that replaces all rules.
import { nsxError } from '../errors';
import { isIpv4, isIpv4Cidr, parseIpRange } from '../cidr';
import type { NsxTag } from '../tags';
import { mustGetNsx, type World } from '../world';
import type { CgwAction, CgwDirection, CgwRule, ServiceEntry } from './types';
import { isLabelPath, predefinedLabels } from './labels';

export const cgwRulePath = (id: string): string => `/infra/domains/cgw/gateway-policies/default/rules/${id}`;

export interface CgwRuleInput {
  displayName?: string;
  description?: string;
  sequenceNumber?: number;
  sourceGroups?: string[];
  destinationGroups?: string[];
  sourcesExcluded?: boolean;
  destinationsExcluded?: boolean;
  services?: string[];
  serviceEntries?: ServiceEntry[];
  profiles?: string[];
  scope?: string[];
  action?: CgwAction;
  direction?: CgwDirection;
  ipProtocol?: 'IPV4' | 'IPV6' | 'IPV4_IPV6';
  disabled?: boolean;
  logged?: boolean;
  isDefault?: boolean;
  tags?: NsxTag[];
}

function checkEndpoints(world: World, id: string, field: string, values: readonly string[]): void {
  if (values.length === 0) throw nsxError(500196, `Rule ${id}: ${field} must not be empty (use ["ANY"]).`, 400);
  if (values.some((v) => v.toUpperCase() === 'ANY') && values.length > 1)
    throw nsxError(500196, `Rule ${id}: ${field}: ANY must be the only element.`, 400);
  for (const v of values) {
    if (v.toUpperCase() === 'ANY' || isIpv4(v) || isIpv4Cidr(v) || parseIpRange(v)) continue;
    if (!world.nsx.groups.has(v)) throw nsxError(500012, `Rule ${id}: ${field} refers to ${v}, which does not exist.`, 400);
  }
}

function checkServices(world: World, id: string, services: readonly string[]): void {
  for (const s of services) {
    if (s.toUpperCase() === 'ANY') continue;
    if (!world.nsx.services.has(s)) throw nsxError(500012, `Rule ${id}: service ${s} does not exist.`, 400);
  }
}

export function patchCgwRule(world: World, id: string, input: CgwRuleInput): CgwRule {
  return writeCgwRule(world, id, input, world.nsx.cgwRules.get(id));
}

/**
 * Validates and stores a rule built from `input` over `base` (the rule merged into: PATCH passes the
 * existing rule, PUT none). `previous`, the rule being replaced, keeps its `rule_id` and `is_default`
 * and gives the next `_revision`. Nothing is stored when validation fails; a replaced rule keeps its place.
 */
function writeCgwRule(world: World, id: string, input: CgwRuleInput, base: CgwRule | undefined, previous = base): CgwRule {
  const maxRuleId = Math.max(1000, ...[...world.nsx.cgwRules.values()].map((r) => r.ruleId));
  const rule: CgwRule = {
    id,
    path: cgwRulePath(id),
    displayName: input.displayName ?? base?.displayName ?? id,
    sequenceNumber: input.sequenceNumber ?? base?.sequenceNumber ?? 0,
    sourceGroups: [...(input.sourceGroups ?? base?.sourceGroups ?? ['ANY'])],
    destinationGroups: [...(input.destinationGroups ?? base?.destinationGroups ?? ['ANY'])],
    sourcesExcluded: input.sourcesExcluded ?? base?.sourcesExcluded ?? false,
    destinationsExcluded: input.destinationsExcluded ?? base?.destinationsExcluded ?? false,
    services: [...(input.services ?? base?.services ?? ['ANY'])],
    scope: [...(input.scope ?? base?.scope ?? [])],
    action: input.action ?? base?.action ?? 'ALLOW',
    direction: input.direction ?? base?.direction ?? 'IN_OUT',
    ipProtocol: input.ipProtocol ?? base?.ipProtocol ?? 'IPV4_IPV6',
    disabled: input.disabled ?? base?.disabled ?? false,
    logged: input.logged ?? base?.logged ?? false,
    isDefault: input.isDefault ?? previous?.isDefault ?? false,
    ruleId: previous?.ruleId ?? maxRuleId + 1,
    revision: previous ? previous.revision + 1 : 0,
    tags: [...(input.tags ?? base?.tags ?? [])],
  };
  const description = input.description ?? base?.description;
  if (description) rule.description = description;
  const serviceEntries = input.serviceEntries ?? base?.serviceEntries;
  if (serviceEntries && serviceEntries.length > 0) rule.serviceEntries = serviceEntries.map((e) => ({ ...e }));
  const profiles = input.profiles ?? base?.profiles;
  if (profiles && !profiles.some((p) => p.toUpperCase() === 'ANY')) rule.profiles = [...profiles];
  if (rule.scope.length === 0)
    throw nsxError(500196, `Rule ${id}: scope (Applied To) is required on the compute gateway, e.g. ["/infra/labels/cgw-cross-vpc"].`, 400);
  const labels = new Set(predefinedLabels().map((l) => l.path));
  const unknownLabel = rule.scope.find((s) => isLabelPath(s) && !labels.has(s));
  if (unknownLabel)
    throw nsxError(500012, `Rule ${id}: scope refers to ${unknownLabel}, which does not exist (labels: ${[...labels].join(', ')}).`, 400);
  checkEndpoints(world, id, 'source_groups', rule.sourceGroups);
  checkEndpoints(world, id, 'destination_groups', rule.destinationGroups);
  checkServices(world, id, rule.services);
  world.nsx.cgwRules.set(id, rule);
  world.touch();
  return rule;
}

export function putCgwRule(world: World, id: string, input: CgwRuleInput, revision?: number): CgwRule {
  const existing = world.nsx.cgwRules.get(id);
  if (existing && revision !== existing.revision) {
    throw nsxError(
      604,
      `The object was modified by somebody else (revision ${revision ?? 'missing'}, current ${existing.revision}). Refetch and retry.`,
      412,
    );
  }
  return writeCgwRule(world, id, input, undefined, existing);
}

export const getCgwRule = (world: World, id: string): CgwRule => mustGetNsx(world.nsx.cgwRules, id, `rule ${id}`);

export function deleteCgwRule(world: World, id: string): void {
  const rule = getCgwRule(world, id);
  if (rule.isDefault) throw nsxError(500105, `Rule ${rule.path} is the default rule and cannot be deleted.`, 403);
  world.nsx.cgwRules.delete(id);
  world.touch();
}

/** Rules in evaluation order: ascending sequence number, then rule id (NSX leaves ties unspecified). */
export function listCgwRules(world: World): CgwRule[] {
  return [...world.nsx.cgwRules.values()].sort((a, b) => a.sequenceNumber - b.sequenceNumber || a.ruleId - b.ruleId);
}

/**
 * A write of the whole policy: every rule not in `rules` is removed, as NSX does (the default rule too,
 * which is why the harness writes single rules). Each given rule is a full replacement; one that
 * existed keeps its `rule_id`. On error the policy is left as it was.
 */
export function replaceCgwPolicyRules(world: World, rules: readonly (CgwRuleInput & { id: string })[]): CgwRule[] {
  const before = new Map(world.nsx.cgwRules);
  try {
    const written = rules.map((r) => writeCgwRule(world, r.id, r, undefined, world.nsx.cgwRules.get(r.id)));
    const kept = new Set(rules.map((r) => r.id));
    for (const id of before.keys()) if (!kept.has(id)) world.nsx.cgwRules.delete(id);
    world.touch();
    return written;
  } catch (e) {
    world.nsx.cgwRules.clear();
    for (const [k, v] of before) world.nsx.cgwRules.set(k, v);
    throw e;
  }
}
