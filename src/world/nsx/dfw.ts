// NSX distributed firewall (DFW) security policies of domain `cgw` and their rules
// (`/infra/domains/cgw/security-policies/{id}[/rules/{id}]`): PATCH create-or-merge, PUT with
// `_revision` (412 when stale), DELETE, and the whole-policy PUT that replaces the policy's rules.
// The default section and its default rule can be changed but not deleted.
import { nsxError } from '../errors';
import { isIpv4, isIpv4Cidr, parseIpRange } from '../cidr';
import type { NsxTag } from '../tags';
import { mustGetNsx, type World } from '../world';
import type { CgwRuleInput } from './gateway-rules';
import type { DfwAction, DfwCategory, DfwPolicy, DfwRule } from './types';
import { defaultDfwPolicy, dfwCategories, dfwPolicyPath, dfwRulePath } from './dfw-default';

export * from './dfw-default';

export type DfwRuleInput = Omit<CgwRuleInput, 'action'> & { action?: DfwAction };

export interface DfwPolicyInput {
  displayName?: string;
  description?: string;
  category?: DfwCategory;
  sequenceNumber?: number;
  scope?: string[];
  stateful?: boolean;
  tags?: NsxTag[];
  /** Rules written with the policy (children); on PUT they replace all of the policy's rules. */
  rules?: (DfwRuleInput & { id: string })[];
}

/** The DFW store; a world loaded from data without it gets VMC's default section on the first write. */
export function dfwStore(world: World): Map<string, DfwPolicy> {
  if (!world.nsx.dfwPolicies) world.nsx.dfwPolicies = new Map([[defaultDfwPolicy().id, defaultDfwPolicy()]]);
  return world.nsx.dfwPolicies;
}

function checkGroups(world: World, id: string, field: string, values: readonly string[], allowLiterals: boolean): void {
  if (values.length === 0) throw nsxError(500196, `${id}: ${field} must not be empty (use ["ANY"]).`, 400);
  if (values.some((v) => v.toUpperCase() === 'ANY') && values.length > 1)
    throw nsxError(500196, `${id}: ${field}: ANY must be the only element.`, 400);
  for (const v of values) {
    if (v.toUpperCase() === 'ANY' || (allowLiterals && (isIpv4(v) || isIpv4Cidr(v) || parseIpRange(v)))) continue;
    if (!world.nsx.groups.has(v)) throw nsxError(500012, `${id}: ${field} refers to ${v}, which does not exist.`, 400);
  }
}

function allRuleIds(world: World): number[] {
  return [...world.nsx.cgwRules.values(), ...[...dfwStore(world).values()].flatMap((p) => [...p.rules.values()])].map((r) => r.ruleId);
}

function buildRule(
  world: World,
  policy: DfwPolicy,
  id: string,
  input: DfwRuleInput,
  base: DfwRule | undefined,
  previous: DfwRule | undefined,
): DfwRule {
  const rule: DfwRule = {
    id,
    policyId: policy.id,
    path: dfwRulePath(policy.id, id),
    displayName: input.displayName ?? base?.displayName ?? id,
    sequenceNumber: input.sequenceNumber ?? base?.sequenceNumber ?? 0,
    sourceGroups: [...(input.sourceGroups ?? base?.sourceGroups ?? ['ANY'])],
    destinationGroups: [...(input.destinationGroups ?? base?.destinationGroups ?? ['ANY'])],
    sourcesExcluded: input.sourcesExcluded ?? base?.sourcesExcluded ?? false,
    destinationsExcluded: input.destinationsExcluded ?? base?.destinationsExcluded ?? false,
    services: [...(input.services ?? base?.services ?? ['ANY'])],
    scope: [...(input.scope ?? base?.scope ?? ['ANY'])],
    action: input.action ?? base?.action ?? 'ALLOW',
    direction: input.direction ?? base?.direction ?? 'IN_OUT',
    ipProtocol: input.ipProtocol ?? base?.ipProtocol ?? 'IPV4_IPV6',
    disabled: input.disabled ?? base?.disabled ?? false,
    logged: input.logged ?? base?.logged ?? false,
    isDefault: previous?.isDefault ?? false,
    ruleId: previous?.ruleId ?? Math.max(1000, ...allRuleIds(world)) + 1,
    revision: previous ? previous.revision + 1 : 0,
    tags: [...(input.tags ?? base?.tags ?? [])],
  };
  const description = input.description ?? base?.description;
  if (description) rule.description = description;
  const serviceEntries = input.serviceEntries ?? base?.serviceEntries;
  if (serviceEntries && serviceEntries.length > 0) rule.serviceEntries = serviceEntries.map((e) => ({ ...e }));
  const profiles = input.profiles ?? base?.profiles;
  if (profiles && !profiles.some((p) => p.toUpperCase() === 'ANY')) rule.profiles = [...profiles];
  if (rule.action === 'JUMP_TO_APPLICATION' && policy.category !== 'Environment')
    throw nsxError(500196, `Rule ${rule.path}: JUMP_TO_APPLICATION is allowed only in the Environment category.`, 400);
  if (
    rule.isDefault &&
    (rule.action === 'JUMP_TO_APPLICATION' || rule.sourceGroups.join() !== 'ANY' || rule.destinationGroups.join() !== 'ANY')
  ) {
    throw nsxError(500196, `Rule ${rule.path} is the default rule: only its action, logging and tags can change.`, 400);
  }
  checkGroups(world, `Rule ${rule.path}`, 'source_groups', rule.sourceGroups, true);
  checkGroups(world, `Rule ${rule.path}`, 'destination_groups', rule.destinationGroups, true);
  checkGroups(world, `Rule ${rule.path}`, 'scope', rule.scope, false);
  for (const s of rule.services)
    if (s.toUpperCase() !== 'ANY' && !world.nsx.services.has(s))
      throw nsxError(500012, `Rule ${rule.path}: service ${s} does not exist.`, 400);
  return rule;
}

function buildPolicy(
  world: World,
  id: string,
  input: DfwPolicyInput,
  base: DfwPolicy | undefined,
  previous: DfwPolicy | undefined,
): DfwPolicy {
  const category = input.category ?? base?.category ?? 'Application';
  if (!dfwCategories.includes(category))
    throw nsxError(500196, `Security policy ${id}: category ${String(category)} is not one of ${dfwCategories.join(', ')}.`, 400);
  if (previous?.isDefault && category !== previous.category)
    throw nsxError(500196, `Security policy ${id} is the default section: its category cannot change.`, 400);
  const policy: DfwPolicy = {
    id,
    path: dfwPolicyPath(id),
    displayName: input.displayName ?? base?.displayName ?? id,
    category,
    sequenceNumber: input.sequenceNumber ?? base?.sequenceNumber ?? 0,
    scope: [...(input.scope ?? base?.scope ?? ['ANY'])],
    stateful: input.stateful ?? base?.stateful ?? true,
    isDefault: previous?.isDefault ?? false,
    revision: previous ? previous.revision + 1 : 0,
    tags: [...(input.tags ?? base?.tags ?? [])],
    rules: new Map(base?.rules ?? []),
  };
  const description = input.description ?? base?.description;
  if (description) policy.description = description;
  checkGroups(world, `Security policy ${id}`, 'scope', policy.scope, false);
  return policy;
}

function store(world: World, policy: DfwPolicy): DfwPolicy {
  dfwStore(world).set(policy.id, policy);
  world.touch();
  return policy;
}

export const getDfwPolicy = (world: World, id: string): DfwPolicy => mustGetNsx(dfwStore(world), id, `security policy ${id}`);

/** Policies in evaluation order: category, then sequence number, then id. */
export function listDfwPolicies(world: World): DfwPolicy[] {
  const order = (c: DfwCategory): number => dfwCategories.indexOf(c);
  return [...dfwStore(world).values()].sort(
    (a, b) => order(a.category) - order(b.category) || a.sequenceNumber - b.sequenceNumber || a.id.localeCompare(b.id),
  );
}

/** A policy's rules in evaluation order (sequence number, then rule id); the default rule last. */
export function listDfwRules(policy: DfwPolicy): DfwRule[] {
  return [...policy.rules.values()].sort(
    (a, b) => Number(a.isDefault) - Number(b.isDefault) || a.sequenceNumber - b.sequenceNumber || a.ruleId - b.ruleId,
  );
}

/** PATCH: create or merge the policy; rules given are created or merged, the others kept. */
export function patchDfwPolicy(world: World, id: string, input: DfwPolicyInput): DfwPolicy {
  const existing = dfwStore(world).get(id);
  const policy = buildPolicy(world, id, input, existing, existing);
  for (const r of input.rules ?? [])
    policy.rules.set(r.id, buildRule(world, policy, r.id, r, policy.rules.get(r.id), policy.rules.get(r.id)));
  return store(world, policy);
}

/**
 * PUT: the whole policy, `_revision` required when it exists. Its rules become exactly `input.rules`
 * (every other rule is removed, as NSX does); a rule that existed keeps its `rule_id`.
 */
export function putDfwPolicy(world: World, id: string, input: DfwPolicyInput, revision?: number): DfwPolicy {
  const existing = dfwStore(world).get(id);
  if (existing && revision !== existing.revision) throw staleRevision(revision, existing.revision);
  const policy = buildPolicy(world, id, input, undefined, existing);
  policy.rules = new Map();
  for (const r of input.rules ?? []) policy.rules.set(r.id, buildRule(world, policy, r.id, r, undefined, existing?.rules.get(r.id)));
  if (existing?.isDefault && ![...policy.rules.values()].some((r) => r.isDefault)) {
    throw nsxError(500105, `Security policy ${existing.path} is the default section: its default rule cannot be removed.`, 403);
  }
  return store(world, policy);
}

export function deleteDfwPolicy(world: World, id: string): void {
  const policy = getDfwPolicy(world, id);
  if (policy.isDefault) throw nsxError(500105, `Security policy ${policy.path} is the default section and cannot be deleted.`, 403);
  dfwStore(world).delete(id);
  world.touch();
}

export function getDfwRule(world: World, policyId: string, id: string): DfwRule {
  return mustGetNsx(getDfwPolicy(world, policyId).rules, id, `rule ${dfwRulePath(policyId, id)}`);
}

export function patchDfwRule(world: World, policyId: string, id: string, input: DfwRuleInput): DfwRule {
  const policy = getDfwPolicy(world, policyId);
  const existing = policy.rules.get(id);
  const rule = buildRule(world, policy, id, input, existing, existing);
  policy.rules.set(id, rule);
  world.touch();
  return rule;
}

export function putDfwRule(world: World, policyId: string, id: string, input: DfwRuleInput, revision?: number): DfwRule {
  const policy = getDfwPolicy(world, policyId);
  const existing = policy.rules.get(id);
  if (existing && revision !== existing.revision) throw staleRevision(revision, existing.revision);
  const rule = buildRule(world, policy, id, input, undefined, existing);
  policy.rules.set(id, rule);
  world.touch();
  return rule;
}

export function deleteDfwRule(world: World, policyId: string, id: string): void {
  const rule = getDfwRule(world, policyId, id);
  if (rule.isDefault) throw nsxError(500105, `Rule ${rule.path} is the default rule and cannot be deleted.`, 403);
  getDfwPolicy(world, policyId).rules.delete(id);
  world.touch();
}

const staleRevision = (given: number | undefined, current: number): Error =>
  nsxError(604, `The object was modified by somebody else (revision ${given ?? 'missing'}, current ${current}). Refetch and retry.`, 412);
