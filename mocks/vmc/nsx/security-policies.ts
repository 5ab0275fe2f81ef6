// The NSX distributed firewall, security policies of domain `cgw`:
//   /policy/api/v1/infra/domains/cgw/security-policies                 list (paged; `rule_count`, no rules)
//   .../security-policies/{id}                                         GET (with `rules`), PATCH, PUT, DELETE
//   .../security-policies/{id}/rules[/{id}]                            list (paged), get, PATCH, PUT, DELETE
// PATCH creates or merges (200, empty body; rules in the body are merged, the others kept); PUT creates
// or replaces (`_revision` required to replace, 412 when stale) and returns the object. A PUT of a
// policy replaces ALL its rules with the body's, as NSX does: the harness writes single rules only.
// Backed by src/world/nsx/dfw.ts; the engine sees every change at once. Mock notes: `tcp_strict`,
// `locked`, `notes`, `tag`, `comments` are accepted and not kept; the default section and its rule
// refuse deletion (403) like VMC; NSX's `include_rule_count` is always honoured (rule_count is always
// given); hierarchical `children` in a write are not supported (400 from the strict body schema).
import { z } from 'zod';
import {
  deleteDfwPolicy,
  deleteDfwRule,
  dfwRulePath,
  dfwStore,
  getDfwPolicy,
  getDfwRule,
  listDfwPolicies,
  listDfwRules,
  patchDfwPolicy,
  patchDfwRule,
  putDfwPolicy,
  putDfwRule,
  type DfwPolicy,
  type DfwPolicyInput,
  type DfwRule,
  type DfwRuleInput,
} from '../../../src/world';
import { dfwRuleJson, securityPolicyJson } from '../../../src/shapes/nsx';
import type { NsxAudit } from './audit';
import type { NsxCall, NsxRoute } from './call';
import { ruleFields, toInput } from './gateway-rules';
import { requireCgwDomain } from './groups';
import { checkBodyId, nsxEmpty, nsxJson, nsxListResponse, policyFields, readBody, readOnlyFields, tagsSchema } from './protocol';
import { checkPatchRevision } from './revisions';

const dfwAction = z.enum(['ALLOW', 'DROP', 'REJECT', 'JUMP_TO_APPLICATION']);
const dfwRuleFields = { ...ruleFields, action: dfwAction.optional() };
const ruleBody = z.strictObject(dfwRuleFields);
type DfwRuleBody = z.output<typeof ruleBody>;

const policyBody = z.strictObject({
  ...readOnlyFields,
  resource_type: z.literal('SecurityPolicy').optional(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  category: z.enum(['Ethernet', 'Emergency', 'Infrastructure', 'Environment', 'Application']).optional(),
  sequence_number: z.number().int().optional(),
  scope: z.array(z.string()).optional(),
  stateful: z.boolean().optional(),
  tcp_strict: z.boolean().optional(),
  locked: z.boolean().optional(),
  comments: z.string().optional(),
  is_default: z.boolean().optional(),
  rule_count: z.number().int().optional(),
  tags: tagsSchema.optional(),
  rules: z.array(z.strictObject({ ...dfwRuleFields, id: z.string().min(1) })).optional(),
});

function ruleInput(b: DfwRuleBody, id: string): DfwRuleInput {
  const { action, ...rest } = b;
  return { ...toInput(rest, id), ...(action !== undefined ? { action } : {}) };
}

export function renderDfwRule(audit: NsxAudit, r: DfwRule): Record<string, unknown> {
  return {
    ...dfwRuleJson(r),
    profiles: r.profiles ? [...r.profiles] : ['ANY'],
    ...policyFields(audit, { id: r.id, path: r.path, revision: r.revision }),
  };
}

function renderPolicy(audit: NsxAudit, p: DfwPolicy, withRules: boolean): Record<string, unknown> {
  const rules = listDfwRules(p);
  const { rules: _r, _revision: _v, ...json } = securityPolicyJson(p, rules);
  return {
    ...json,
    ...(withRules ? { rules: rules.map((r) => renderDfwRule(audit, r)) } : {}),
    ...policyFields(audit, { id: p.id, path: p.path, revision: p.revision }),
  };
}

async function writePolicy(call: NsxCall, p: Record<string, string>, put: boolean): Promise<DfwPolicy> {
  requireCgwDomain(p.domain!);
  const id = p.id!;
  const body = await readBody(call.request, policyBody, `Security policy ${id}`);
  checkBodyId(body.id, id, `Security policy ${id}`);
  const input: DfwPolicyInput = {};
  if (body.display_name !== undefined) input.displayName = body.display_name;
  if (body.description !== undefined) input.description = body.description;
  if (body.category !== undefined) input.category = body.category;
  if (body.sequence_number !== undefined) input.sequenceNumber = body.sequence_number;
  if (body.scope !== undefined) input.scope = body.scope;
  if (body.stateful !== undefined) input.stateful = body.stateful;
  if (body.tags !== undefined) input.tags = body.tags.map((t) => ({ scope: t.scope, tag: t.tag }));
  if (body.rules !== undefined) input.rules = body.rules.map((r) => ({ ...ruleInput(r, r.id), id: r.id }));
  const existing = dfwStore(call.world).get(id);
  const before = new Set(existing?.rules.keys() ?? []);
  let policy: DfwPolicy;
  if (put) policy = putDfwPolicy(call.world, id, input, body._revision);
  else {
    checkPatchRevision(existing, body._revision);
    policy = patchDfwPolicy(call.world, id, input);
  }
  const audit = call.state.audit;
  for (const r of before) if (!policy.rules.has(r)) audit.deleted(dfwRulePath(id, r));
  for (const r of input.rules ?? []) audit.written(dfwRulePath(id, r.id), call.user);
  audit.written(policy.path, call.user);
  return policy;
}

async function writeRule(call: NsxCall, p: Record<string, string>, put: boolean): Promise<DfwRule> {
  requireCgwDomain(p.domain!);
  const id = p.id!;
  const body = await readBody(call.request, ruleBody, `Rule ${id}`);
  checkBodyId(body.id, id, `Rule ${id}`);
  let rule: DfwRule;
  if (put) rule = putDfwRule(call.world, p.policy!, id, ruleInput(body, id), body._revision);
  else {
    checkPatchRevision(getDfwPolicy(call.world, p.policy!).rules.get(id), body._revision);
    rule = patchDfwRule(call.world, p.policy!, id, ruleInput(body, id));
  }
  call.state.audit.written(rule.path, call.user);
  return rule;
}

const policies = '/policy/api/v1/infra/domains/:domain/security-policies';
const policy = `${policies}/:id`;
const rules = `${policies}/:policy/rules`;

export const securityPolicyRoutes: NsxRoute[] = [
  {
    method: 'GET',
    pattern: policies,
    operation: 'GET security-policies',
    handle: (call, p) => (
      requireCgwDomain(p.domain!),
      nsxListResponse(
        call.query,
        listDfwPolicies(call.world).map((x) => renderPolicy(call.state.audit, x, false)),
      )
    ),
  },
  {
    method: 'GET',
    pattern: policy,
    operation: 'GET security-policy',
    handle: (call, p) => (requireCgwDomain(p.domain!), nsxJson(renderPolicy(call.state.audit, getDfwPolicy(call.world, p.id!), true))),
  },
  {
    method: 'PATCH',
    pattern: policy,
    operation: 'PATCH security-policy',
    handle: async (call, p) => (await writePolicy(call, p, false), nsxEmpty()),
  },
  {
    method: 'PUT',
    pattern: policy,
    operation: 'PUT security-policy',
    handle: async (call, p) => nsxJson(renderPolicy(call.state.audit, await writePolicy(call, p, true), true)),
  },
  {
    method: 'DELETE',
    pattern: policy,
    operation: 'DELETE security-policy',
    handle: (call, p) => {
      requireCgwDomain(p.domain!);
      const existing = getDfwPolicy(call.world, p.id!);
      deleteDfwPolicy(call.world, p.id!);
      for (const r of existing.rules.values()) call.state.audit.deleted(r.path);
      call.state.audit.deleted(existing.path);
      return nsxEmpty();
    },
  },
  {
    method: 'GET',
    pattern: rules,
    operation: 'GET security-policy rules',
    handle: (call, p) => (
      requireCgwDomain(p.domain!),
      nsxListResponse(
        call.query,
        listDfwRules(getDfwPolicy(call.world, p.policy!)).map((r) => renderDfwRule(call.state.audit, r)),
      )
    ),
  },
  {
    method: 'GET',
    pattern: `${rules}/:id`,
    operation: 'GET security-policy rule',
    handle: (call, p) => (requireCgwDomain(p.domain!), nsxJson(renderDfwRule(call.state.audit, getDfwRule(call.world, p.policy!, p.id!)))),
  },
  {
    method: 'PATCH',
    pattern: `${rules}/:id`,
    operation: 'PATCH security-policy rule',
    handle: async (call, p) => (await writeRule(call, p, false), nsxEmpty()),
  },
  {
    method: 'PUT',
    pattern: `${rules}/:id`,
    operation: 'PUT security-policy rule',
    handle: async (call, p) => nsxJson(renderDfwRule(call.state.audit, await writeRule(call, p, true))),
  },
  {
    method: 'DELETE',
    pattern: `${rules}/:id`,
    operation: 'DELETE security-policy rule',
    handle: (call, p) => {
      requireCgwDomain(p.domain!);
      const rule = getDfwRule(call.world, p.policy!, p.id!);
      deleteDfwRule(call.world, p.policy!, p.id!);
      call.state.audit.deleted(rule.path);
      return nsxEmpty();
    },
  },
];
