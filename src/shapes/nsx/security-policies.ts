// NSX distributed firewall ⇄ world: the Policy API's `SecurityPolicy` (domain `cgw`) with its `Rule`s.
// A policy's rules are read from `rules` (as GET …/security-policies/{id} returns them) or from
// hierarchical `children` (`{"resource_type": "ChildRule", "Rule": {...}}`); they are written as `rules`.
// Absent fields take the API's defaults (category Application, scope ANY, stateful true); the rule fields
// are those of the CGW rule shape (rules.ts) with the DFW-only action JUMP_TO_APPLICATION. A policy is
// the default section when NSX says `is_default` or its id is VMC's `default-layer3-section`.
import { z } from 'zod';
import { defaultDfwPolicyId, dfwPolicyPath, dfwRulePath, type DfwPolicy, type DfwRule } from '../../world';
import { nsxTagsSchema, parentPath, tagsFromJson, tagsJson } from './common';
import type { ShapeWarn } from './groups';
import { ruleFromJson, ruleJson, ruleJsonSchema, type RuleJson } from './rules';

export const dfwRuleJsonSchema = ruleJsonSchema.extend({ action: z.enum(['ALLOW', 'DROP', 'REJECT', 'JUMP_TO_APPLICATION']) });
export type DfwRuleJson = z.output<typeof dfwRuleJsonSchema>;

export const securityPolicyJsonSchema = z.looseObject({
  id: z.string().min(1),
  display_name: z.string().optional(),
  description: z.string().optional(),
  category: z.enum(['Ethernet', 'Emergency', 'Infrastructure', 'Environment', 'Application']).default('Application'),
  sequence_number: z.number().int().default(0),
  scope: z.array(z.string()).default(['ANY']),
  stateful: z.boolean().default(true),
  is_default: z.boolean().default(false),
  _revision: z.number().int().default(0),
  tags: nsxTagsSchema,
  rules: z.array(dfwRuleJsonSchema).default([]),
  children: z.array(z.looseObject({ Rule: dfwRuleJsonSchema.optional() })).default([]),
});
export type SecurityPolicyJson = z.output<typeof securityPolicyJsonSchema>;

/** `nsx/dfw-policies.json`: `{results: [policy with its rules]}`. */
export const securityPoliciesFileSchema = z.looseObject({
  results: z.array(securityPolicyJsonSchema),
  result_count: z.number().int().optional(),
});

export function dfwRuleFromJson(r: DfwRuleJson, policyId: string, ruleId: number, warn: ShapeWarn = () => {}): DfwRule {
  const path = r.path ?? dfwRulePath(policyId, r.id);
  const base = ruleFromJson({ ...r, action: 'ALLOW', path } as RuleJson, ruleId, warn);
  return { ...base, action: r.action, policyId, scope: base.scope.length === 0 ? ['ANY'] : base.scope };
}

/** `nextRuleId` numbers rules without a `rule_id` (hand-made files). */
export function securityPolicyFromJson(p: SecurityPolicyJson, nextRuleId: () => number, warn: ShapeWarn = () => {}): DfwPolicy {
  const rules = [...p.rules, ...p.children.flatMap((c) => (c.Rule ? [c.Rule] : []))];
  return {
    id: p.id,
    path: dfwPolicyPath(p.id),
    displayName: p.display_name ?? p.id,
    ...(p.description !== undefined ? { description: p.description } : {}),
    category: p.category,
    sequenceNumber: p.sequence_number,
    scope: p.scope.length === 0 ? ['ANY'] : [...p.scope],
    stateful: p.stateful,
    isDefault: p.is_default || p.id === defaultDfwPolicyId,
    revision: p._revision,
    tags: tagsFromJson(p.tags),
    rules: new Map(
      rules.map((r) => [r.id, dfwRuleFromJson(r, p.id, r.rule_id ?? nextRuleId(), (m) => warn(`security policy ${p.id}: ${m}`))]),
    ),
  };
}

export function dfwRuleJson(r: DfwRule): Record<string, unknown> {
  return { ...ruleJson({ ...r, action: 'ALLOW' }), action: r.action };
}

/** A policy as GET …/security-policies/{id} returns it: the policy with its rules inline. */
export function securityPolicyJson(p: DfwPolicy, rules: readonly DfwRule[]): Record<string, unknown> {
  return {
    resource_type: 'SecurityPolicy',
    id: p.id,
    display_name: p.displayName,
    ...(p.description !== undefined ? { description: p.description } : {}),
    path: p.path,
    relative_path: p.id,
    parent_path: parentPath(p.path),
    category: p.category,
    sequence_number: p.sequenceNumber,
    scope: [...p.scope],
    stateful: p.stateful,
    is_default: p.isDefault,
    rule_count: rules.length,
    tags: tagsJson(p.tags),
    _revision: p.revision,
    rules: rules.map(dfwRuleJson),
  };
}
