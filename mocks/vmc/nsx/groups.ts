// NSX inventory groups in domain `cgw`, `/policy/api/v1/infra/domains/cgw/groups[/{id}]`: list, get,
// PATCH create-or-merge (200, empty body), PUT create-or-replace (`_revision` to replace), DELETE
// (refused while a rule or another group refers to it). Every expression type of the reference:
// IPAddressExpression, Condition, PathExpression, ExternalIDExpression, MACAddressExpression,
// NestedExpression, with ConjunctionOperator between them. Backed by src/world/nsx/groups.ts.
// Mock notes: domain `mgw` is not modelled (501); any other domain gets VMC's 401 "not authorized"
// (what VMC answers for `domains/default`); IPv6 literals are refused (the world is IPv4);
// expressions come back without the `id`/`path` NSX gives each expression.
import { z } from 'zod';
import { deleteGroup, getGroup, groupPath, listGroups, nsxError, patchGroup, putGroup, type Group, type GroupExpression, type GroupInput } from '../../../src/world';
import type { NsxAudit } from './audit';
import type { NsxCall, NsxRoute } from './call';
import { checkBodyId, nsxEmpty, nsxJson, nsxListResponse, policyFields, readBody, readOnlyFields, tagsJson, tagsSchema } from './protocol';
import { checkPatchRevision } from './revisions';
import { expressionJson } from '../../../src/snapshot/nsx/groups';

export { expressionJson };

export function renderGroup(audit: NsxAudit, g: Group): Record<string, unknown> {
  return {
    resource_type: 'Group',
    display_name: g.displayName,
    ...(g.description !== undefined ? { description: g.description } : {}),
    expression: g.expression.map(expressionJson),
    ...tagsJson(g.tags),
    ...policyFields(audit, { id: g.id, path: g.path, revision: g.revision, systemOwned: g.systemOwned }),
  };
}

type ExpressionBody = z.output<typeof leafExpression> | { resource_type: 'NestedExpression'; expressions: ExpressionBody[] };

const ro = { id: z.string().optional(), path: z.string().optional(), relative_path: z.string().optional(), parent_path: z.string().optional(), marked_for_delete: z.boolean().optional(), _protection: z.string().optional(), _revision: z.number().optional() };

const leafExpression = z.discriminatedUnion('resource_type', [
  z.strictObject({ ...ro, resource_type: z.literal('IPAddressExpression'), ip_addresses: z.array(z.string()) }),
  z.strictObject({
    ...ro,
    resource_type: z.literal('Condition'),
    member_type: z.enum(['VirtualMachine', 'Segment', 'SegmentPort', 'IPSet', 'LogicalPort', 'LogicalSwitch']),
    key: z.enum(['Name', 'Tag', 'OSName', 'ComputerName']),
    operator: z.enum(['EQUALS', 'CONTAINS', 'STARTSWITH', 'ENDSWITH', 'NOTEQUALS', 'IN', 'NOTIN', 'MATCHES']),
    value: z.string(),
    scope_operator: z.enum(['EQUALS', 'NOTEQUALS']).optional(),
  }),
  z.strictObject({ ...ro, resource_type: z.literal('PathExpression'), paths: z.array(z.string()) }),
  z.strictObject({ ...ro, resource_type: z.literal('ExternalIDExpression'), member_type: z.literal('VirtualMachine'), external_ids: z.array(z.string()) }),
  z.strictObject({ ...ro, resource_type: z.literal('MACAddressExpression'), mac_addresses: z.array(z.string()) }),
  z.strictObject({ ...ro, resource_type: z.literal('ConjunctionOperator'), conjunction_operator: z.enum(['AND', 'OR']) }),
]);

const expressionBody: z.ZodType<ExpressionBody> = z.lazy(() =>
  z.union([leafExpression, z.strictObject({ ...ro, resource_type: z.literal('NestedExpression'), expressions: z.array(expressionBody) })]),
);

const groupBody = z.strictObject({
  ...readOnlyFields,
  resource_type: z.literal('Group').optional(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  expression: z.array(expressionBody).optional(),
  tags: tagsSchema.optional(),
});

function toExpression(e: ExpressionBody): GroupExpression {
  switch (e.resource_type) {
    case 'IPAddressExpression':
      return { resourceType: e.resource_type, ipAddresses: [...e.ip_addresses] };
    case 'Condition':
      return { resourceType: e.resource_type, memberType: e.member_type, key: e.key, operator: e.operator, value: e.value, ...(e.scope_operator ? { scopeOperator: e.scope_operator } : {}) };
    case 'PathExpression':
      return { resourceType: e.resource_type, paths: [...e.paths] };
    case 'ExternalIDExpression':
      return { resourceType: e.resource_type, memberType: e.member_type, externalIds: [...e.external_ids] };
    case 'MACAddressExpression':
      return { resourceType: e.resource_type, macAddresses: [...e.mac_addresses] };
    case 'ConjunctionOperator':
      return { resourceType: e.resource_type, conjunctionOperator: e.conjunction_operator };
    case 'NestedExpression':
      return { resourceType: e.resource_type, expressions: e.expressions.map(toExpression) };
  }
}

function toInput(b: z.output<typeof groupBody>): GroupInput {
  const input: GroupInput = {};
  if (b.display_name !== undefined) input.displayName = b.display_name;
  if (b.description !== undefined) input.description = b.description;
  if (b.expression !== undefined) input.expression = b.expression.map(toExpression);
  if (b.tags !== undefined) input.tags = b.tags.map((t) => ({ scope: t.scope, tag: t.tag }));
  return input;
}

/** Domains: `cgw` is modelled; `mgw` exists on VMC but not here; any other is VMC's 401. */
export function requireCgwDomain(domain: string): void {
  if (domain === 'cgw') return;
  if (domain === 'mgw') throw nsxError(501, 'The vmc-reach mock does not model the management gateway domain mgw (only cgw).', 501);
  throw nsxError(401, `User is not authorized to perform this operation on domain ${domain}: VMC has the domains cgw and mgw.`, 401);
}

const base = '/policy/api/v1/infra/domains/:domain/groups';

async function write(call: NsxCall, domain: string, id: string, put: boolean): Promise<Group> {
  requireCgwDomain(domain);
  const body = await readBody(call.request, groupBody, `Group ${id}`);
  checkBodyId(body.id, id, `Group ${id}`);
  let group: Group;
  if (put) {
    group = putGroup(call.world, domain, id, toInput(body), body._revision);
  } else {
    checkPatchRevision(call.world.nsx.groups.get(groupPath(domain, id)), body._revision);
    group = patchGroup(call.world, domain, id, toInput(body));
  }
  call.state.audit.written(group.path, call.user);
  return group;
}

export const groupRoutes: NsxRoute[] = [
  {
    method: 'GET',
    pattern: base,
    operation: 'GET groups',
    handle: (call, p) => (requireCgwDomain(p.domain!), nsxListResponse(call.query, listGroups(call.world, p.domain!).map((g) => renderGroup(call.state.audit, g)))),
  },
  {
    method: 'GET',
    pattern: `${base}/:id`,
    operation: 'GET group',
    handle: (call, p) => (requireCgwDomain(p.domain!), nsxJson(renderGroup(call.state.audit, getGroup(call.world, groupPath(p.domain!, p.id!))))),
  },
  { method: 'PATCH', pattern: `${base}/:id`, operation: 'PATCH group', handle: async (call, p) => (await write(call, p.domain!, p.id!, false), nsxEmpty()) },
  { method: 'PUT', pattern: `${base}/:id`, operation: 'PUT group', handle: async (call, p) => nsxJson(renderGroup(call.state.audit, await write(call, p.domain!, p.id!, true))) },
  {
    method: 'DELETE',
    pattern: `${base}/:id`,
    operation: 'DELETE group',
    handle: (call, p) => {
      requireCgwDomain(p.domain!);
      deleteGroup(call.world, p.domain!, p.id!);
      call.state.audit.deleted(groupPath(p.domain!, p.id!));
      return nsxEmpty();
    },
  },
];
