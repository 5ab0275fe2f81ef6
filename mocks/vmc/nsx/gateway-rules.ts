// The CGW gateway firewall, policy `default` in domain `cgw`:
//   /policy/api/v1/infra/domains/cgw/gateway-policies            list (the one policy)
//   .../gateway-policies/default                                   GET (with `rules`), PATCH/PUT
//   .../gateway-policies/default/rules[/{id}]                      list, get, PATCH, PUT, DELETE
// A rule PATCH creates or merges (200, empty body); a rule PUT creates or replaces (`_revision` to
// replace) and returns the rule. A PATCH or PUT of the policy with `rules` replaces ALL its rules, as
// NSX does (the Default Uplink Rule too): the harness's client never sends one. Backed by
// src/world/nsx/gateway-rules.ts; the engine sees every change at once.
// Inline `service_entries` and context `profiles` are kept (entries read and written by the NSX shapes,
// src/shapes/nsx/services.ts); the engine matches the entries and judges a profile other than ANY
// indeterminate. Mock notes: only policy `default` exists (others 404); policy fields other than `rules`
// are accepted and not kept; a service entry type the shapes do not know is refused (400); NSX checks
// that context profile paths exist, the mock does not; `notes` and `tag` are accepted and not kept; NSX does not support concurrent rule
// writes under one policy, and neither does the harness, but the mock does not detect them.
import { z } from 'zod';
import {
  cgwRulePath,
  deleteCgwRule,
  getCgwRule,
  listCgwRules,
  nsxError,
  patchCgwRule,
  putCgwRule,
  replaceCgwPolicyRules,
  type CgwRule,
  type CgwRuleInput,
} from '../../../src/world';
import type { NsxAudit } from './audit';
import type { NsxCall, NsxRoute } from './call';
import { requireCgwDomain } from './groups';
import { checkBodyId, nsxEmpty, nsxJson, nsxListResponse, policyFields, readBody, readOnlyFields, tagsJson, tagsSchema } from './protocol';
import { checkPatchRevision } from './revisions';
import { serviceEntryFromJson, serviceEntryJson, serviceEntryJsonSchema } from '../../../src/shapes/nsx';

export const policyPath = '/infra/domains/cgw/gateway-policies/default';

export function renderRule(audit: NsxAudit, r: CgwRule): Record<string, unknown> {
  return {
    resource_type: 'Rule',
    display_name: r.displayName,
    ...(r.description !== undefined ? { description: r.description } : {}),
    sequence_number: r.sequenceNumber,
    source_groups: [...r.sourceGroups],
    destination_groups: [...r.destinationGroups],
    sources_excluded: r.sourcesExcluded,
    destinations_excluded: r.destinationsExcluded,
    services: [...r.services],
    ...(r.serviceEntries && r.serviceEntries.length > 0 ? { service_entries: r.serviceEntries.map(serviceEntryJson) } : {}),
    scope: [...r.scope],
    action: r.action,
    direction: r.direction,
    ip_protocol: r.ipProtocol,
    logged: r.logged,
    disabled: r.disabled,
    profiles: r.profiles ? [...r.profiles] : ['ANY'],
    rule_id: r.ruleId,
    is_default: r.isDefault,
    ...tagsJson(r.tags),
    ...policyFields(audit, { id: r.id, path: r.path, revision: r.revision }),
  };
}

function renderPolicy(call: NsxCall): Record<string, unknown> {
  const audit = call.state.audit;
  return {
    resource_type: 'GatewayPolicy',
    display_name: 'default',
    rules: listCgwRules(call.world).map((r) => renderRule(audit, r)),
    ...policyFields(audit, { id: 'default', path: policyPath, revision: audit.policyRevision }),
  };
}

const endpointList = z.array(z.string()).min(1);

export const ruleFields = {
  ...readOnlyFields,
  resource_type: z.enum(['Rule', 'CommunicationEntry']).optional(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  notes: z.string().optional(),
  tag: z.string().optional(),
  sequence_number: z.number().int().optional(),
  source_groups: endpointList.optional(),
  destination_groups: endpointList.optional(),
  sources_excluded: z.boolean().optional(),
  destinations_excluded: z.boolean().optional(),
  services: endpointList.optional(),
  service_entries: z.array(serviceEntryJsonSchema).optional(),
  profiles: z.array(z.string()).optional(),
  scope: z.array(z.string()).optional(),
  action: z.enum(['ALLOW', 'DROP', 'REJECT']).optional(),
  direction: z.enum(['IN', 'OUT', 'IN_OUT']).optional(),
  ip_protocol: z.enum(['IPV4', 'IPV6', 'IPV4_IPV6']).optional(),
  logged: z.boolean().optional(),
  disabled: z.boolean().optional(),
  rule_id: z.number().int().optional(),
  is_default: z.boolean().optional(),
  tags: tagsSchema.optional(),
};

const ruleBody = z.strictObject(ruleFields);
export type RuleBody = z.output<typeof ruleBody>;

const policyBody = z.strictObject({
  ...readOnlyFields,
  resource_type: z.literal('GatewayPolicy').optional(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  category: z.string().optional(),
  sequence_number: z.number().int().optional(),
  stateful: z.boolean().optional(),
  tcp_strict: z.boolean().optional(),
  locked: z.boolean().optional(),
  tags: tagsSchema.optional(),
  rules: z.array(z.strictObject({ ...ruleFields, id: z.string().min(1) })).optional(),
});

export function toInput(b: RuleBody, id: string): CgwRuleInput {
  const input: CgwRuleInput = {};
  if (b.service_entries !== undefined) {
    input.serviceEntries = b.service_entries.map((e) =>
      serviceEntryFromJson(e, (m) => {
        throw nsxError(500196, `Rule ${id}: service_entries: ${m.replace(/; flows it could cover are indeterminate$/, '')}.`, 400);
      }),
    );
  }
  if (b.profiles !== undefined) input.profiles = b.profiles;
  if (b.display_name !== undefined) input.displayName = b.display_name;
  if (b.description !== undefined) input.description = b.description;
  if (b.sequence_number !== undefined) input.sequenceNumber = b.sequence_number;
  if (b.source_groups !== undefined) input.sourceGroups = b.source_groups;
  if (b.destination_groups !== undefined) input.destinationGroups = b.destination_groups;
  if (b.sources_excluded !== undefined) input.sourcesExcluded = b.sources_excluded;
  if (b.destinations_excluded !== undefined) input.destinationsExcluded = b.destinations_excluded;
  if (b.services !== undefined) input.services = b.services;
  if (b.scope !== undefined) input.scope = b.scope;
  if (b.action !== undefined) input.action = b.action;
  if (b.direction !== undefined) input.direction = b.direction;
  if (b.ip_protocol !== undefined) input.ipProtocol = b.ip_protocol;
  if (b.logged !== undefined) input.logged = b.logged;
  if (b.disabled !== undefined) input.disabled = b.disabled;
  if (b.tags !== undefined) input.tags = b.tags.map((t) => ({ scope: t.scope, tag: t.tag }));
  return input;
}

function requireDefault(domain: string, policy: string): void {
  requireCgwDomain(domain);
  if (policy !== 'default')
    throw nsxError(
      500090,
      `The path=[/infra/domains/cgw/gateway-policies/${policy}] is invalid: the CGW has gateway policy default only.`,
      404,
    );
}

async function writeRule(call: NsxCall, p: Record<string, string>, put: boolean): Promise<CgwRule> {
  requireDefault(p.domain!, p.policy!);
  const id = p.id!;
  const body = await readBody(call.request, ruleBody, `Rule ${id}`);
  checkBodyId(body.id, id, `Rule ${id}`);
  let rule: CgwRule;
  if (put) {
    rule = putCgwRule(call.world, id, toInput(body, id), body._revision);
  } else {
    checkPatchRevision(call.world.nsx.cgwRules.get(id), body._revision);
    rule = patchCgwRule(call.world, id, toInput(body, id));
  }
  call.state.audit.written(rule.path, call.user);
  return rule;
}

async function writePolicy(call: NsxCall, p: Record<string, string>, put: boolean): Promise<void> {
  requireDefault(p.domain!, p.policy!);
  const body = await readBody(call.request, policyBody, 'Gateway policy default');
  checkBodyId(body.id, 'default', 'Gateway policy default');
  const audit = call.state.audit;
  if (put && body._revision !== audit.policyRevision) {
    throw nsxError(
      604,
      `The object ${policyPath} was modified by somebody else (revision ${body._revision ?? 'missing'}, current ${audit.policyRevision}). Refetch and retry.`,
      412,
    );
  }
  if (!put) checkPatchRevision({ revision: audit.policyRevision, path: policyPath }, body._revision);
  if (body.rules !== undefined) {
    const before = new Set(call.world.nsx.cgwRules.keys());
    const written = replaceCgwPolicyRules(
      call.world,
      body.rules.map((r) => ({ ...toInput(r, r.id), id: r.id })),
    );
    for (const id of before) if (!call.world.nsx.cgwRules.has(id)) audit.deleted(cgwRulePath(id));
    for (const r of written) audit.written(r.path, call.user);
  }
  audit.policyRevision++;
  audit.written(policyPath, call.user);
}

const policies = '/policy/api/v1/infra/domains/:domain/gateway-policies';
const policy = `${policies}/:policy`;
const rules = `${policy}/rules`;

export const gatewayRuleRoutes: NsxRoute[] = [
  {
    method: 'GET',
    pattern: policies,
    operation: 'GET gateway-policies',
    handle: (call, p) => {
      requireCgwDomain(p.domain!);
      const { rules: _rules, ...withoutRules } = renderPolicy(call);
      return nsxListResponse(call.query, [withoutRules]);
    },
  },
  {
    method: 'GET',
    pattern: policy,
    operation: 'GET gateway-policy',
    handle: (call, p) => (requireDefault(p.domain!, p.policy!), nsxJson(renderPolicy(call))),
  },
  {
    method: 'PATCH',
    pattern: policy,
    operation: 'PATCH gateway-policy',
    handle: async (call, p) => (await writePolicy(call, p, false), nsxEmpty()),
  },
  {
    method: 'PUT',
    pattern: policy,
    operation: 'PUT gateway-policy',
    handle: async (call, p) => (await writePolicy(call, p, true), nsxJson(renderPolicy(call))),
  },
  {
    method: 'GET',
    pattern: rules,
    operation: 'GET rules',
    handle: (call, p) => (
      requireDefault(p.domain!, p.policy!),
      nsxListResponse(
        call.query,
        listCgwRules(call.world).map((r) => renderRule(call.state.audit, r)),
      )
    ),
  },
  {
    method: 'GET',
    pattern: `${rules}/:id`,
    operation: 'GET rule',
    handle: (call, p) => (requireDefault(p.domain!, p.policy!), nsxJson(renderRule(call.state.audit, getCgwRule(call.world, p.id!)))),
  },
  {
    method: 'PATCH',
    pattern: `${rules}/:id`,
    operation: 'PATCH rule',
    handle: async (call, p) => (await writeRule(call, p, false), nsxEmpty()),
  },
  {
    method: 'PUT',
    pattern: `${rules}/:id`,
    operation: 'PUT rule',
    handle: async (call, p) => nsxJson(renderRule(call.state.audit, await writeRule(call, p, true))),
  },
  {
    method: 'DELETE',
    pattern: `${rules}/:id`,
    operation: 'DELETE rule',
    handle: (call, p) => {
      requireDefault(p.domain!, p.policy!);
      deleteCgwRule(call.world, p.id!);
      call.state.audit.deleted(cgwRulePath(p.id!));
      return nsxEmpty();
    },
  },
];
