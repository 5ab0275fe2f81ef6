// NSX inventory groups in domain `cgw`, `/policy/api/v1/infra/domains/cgw/groups[/{id}]`: list, get,
// PATCH create-or-merge (200, empty body), PUT create-or-replace (`_revision` to replace), DELETE
// (refused while a rule or another group refers to it). Every expression type of the reference:
// IPAddressExpression, Condition, PathExpression, ExternalIDExpression, MACAddressExpression,
// NestedExpression, IdentityGroupExpression, with ConjunctionOperator between them, and
// `extended_expression`; bodies are read and written by the NSX shapes (src/shapes/nsx/groups.ts).
// Backed by src/world/nsx/groups.ts.
// Mock notes: domain `mgw` is not modelled (501); any other domain gets VMC's 401 "not authorized"
// (what VMC answers for `domains/default`); an expression type the shapes do not know is refused (400);
// expressions come back without the `id`/`path` NSX gives each expression.
import { z } from 'zod';
import {
  deleteGroup,
  getGroup,
  groupPath,
  listGroups,
  nsxError,
  patchGroup,
  putGroup,
  type Group,
  type GroupInput,
} from '../../../src/world';
import type { NsxAudit } from './audit';
import type { NsxCall, NsxRoute } from './call';
import { checkBodyId, nsxEmpty, nsxJson, nsxListResponse, policyFields, readBody, readOnlyFields, tagsJson, tagsSchema } from './protocol';
import { checkPatchRevision } from './revisions';
import { expressionFields, expressionFromJson, expressionJson, expressionJsonSchema } from '../../../src/shapes/nsx';

export { expressionJson };

export function renderGroup(audit: NsxAudit, g: Group): Record<string, unknown> {
  return {
    resource_type: 'Group',
    display_name: g.displayName,
    ...(g.description !== undefined ? { description: g.description } : {}),
    expression: g.expression.map(expressionJson),
    ...(g.extendedExpression && g.extendedExpression.length > 0
      ? { extended_expression: g.extendedExpression.map((x) => ({ ...x })) }
      : {}),
    ...tagsJson(g.tags),
    ...policyFields(audit, { id: g.id, path: g.path, revision: g.revision, systemOwned: g.systemOwned }),
  };
}

const groupBody = z.strictObject({
  ...readOnlyFields,
  resource_type: z.literal('Group').optional(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  expression: z.array(expressionJsonSchema).optional(),
  extended_expression: z.array(z.looseObject({})).optional(),
  tags: tagsSchema.optional(),
});

/** NSX refuses an expression it does not know (400); the shapes' conversion says which. */
const refuse =
  (id: string) =>
  (message: string): never => {
    throw nsxError(500196, `Group ${id}: ${message.replace(/; its membership is unknown$/, '')}.`, 400);
  };

const policyExpressionFields = new Set([
  'resource_type',
  'id',
  'path',
  'relative_path',
  'parent_path',
  'marked_for_delete',
  'overridden',
  '_protection',
  '_revision',
  'display_name',
  'description',
]);

/** NSX refuses a field an expression type does not have (400 naming it), at any depth. */
function checkFields(e: Record<string, unknown> & { resource_type: string }, id: string): void {
  const fields = new Set([...(expressionFields(e.resource_type) ?? []), ...policyExpressionFields]);
  const extra = Object.keys(e).find((k) => !fields.has(k));
  if (extra) throw nsxError(255, `Group ${id}: field ${extra} is not a field of ${e.resource_type}.`, 400);
  if (e.resource_type === 'NestedExpression' && Array.isArray(e.expressions)) for (const x of e.expressions) checkFields(x, id);
}

function toInput(b: z.output<typeof groupBody>, id: string): GroupInput {
  for (const e of b.expression ?? []) checkFields(e, id);
  const input: GroupInput = {};
  if (b.display_name !== undefined) input.displayName = b.display_name;
  if (b.description !== undefined) input.description = b.description;
  if (b.expression !== undefined) input.expression = b.expression.map((e) => expressionFromJson(e, refuse(id)));
  if (b.extended_expression !== undefined) input.extendedExpression = b.extended_expression.map((x) => ({ ...x }));
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
    group = putGroup(call.world, domain, id, toInput(body, id), body._revision);
  } else {
    checkPatchRevision(call.world.nsx.groups.get(groupPath(domain, id)), body._revision);
    group = patchGroup(call.world, domain, id, toInput(body, id));
  }
  call.state.audit.written(group.path, call.user);
  return group;
}

export const groupRoutes: NsxRoute[] = [
  {
    method: 'GET',
    pattern: base,
    operation: 'GET groups',
    handle: (call, p) => (
      requireCgwDomain(p.domain!),
      nsxListResponse(
        call.query,
        listGroups(call.world, p.domain!).map((g) => renderGroup(call.state.audit, g)),
      )
    ),
  },
  {
    method: 'GET',
    pattern: `${base}/:id`,
    operation: 'GET group',
    handle: (call, p) => (
      requireCgwDomain(p.domain!),
      nsxJson(renderGroup(call.state.audit, getGroup(call.world, groupPath(p.domain!, p.id!))))
    ),
  },
  {
    method: 'PATCH',
    pattern: `${base}/:id`,
    operation: 'PATCH group',
    handle: async (call, p) => (await write(call, p.domain!, p.id!, false), nsxEmpty()),
  },
  {
    method: 'PUT',
    pattern: `${base}/:id`,
    operation: 'PUT group',
    handle: async (call, p) => nsxJson(renderGroup(call.state.audit, await write(call, p.domain!, p.id!, true))),
  },
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
