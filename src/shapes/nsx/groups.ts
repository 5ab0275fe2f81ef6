// NSX groups ⇄ world: the Policy API's `Group` and its `expression` list (IPAddressExpression, Condition,
// PathExpression, ExternalIDExpression, MACAddressExpression, NestedExpression, IdentityGroupExpression,
// ConjunctionOperator). An expression of a type the model does not know, or one malformed, is kept as
// `UnknownExpression` (the group's membership is then unknown) instead of refusing the whole group.
import { z } from 'zod';
import type { Group, GroupExpression } from '../../world';
import { nsxListSchema, nsxTagsSchema, parentPath, tagsFromJson, tagsJson } from './common';

/** Anything with a `resource_type`; the conversion checks each known type's fields. */
export const expressionJsonSchema = z.looseObject({ resource_type: z.string() });

const strings = z.array(z.string());
const known = {
  IPAddressExpression: z.looseObject({ ip_addresses: strings }),
  Condition: z.looseObject({
    member_type: z.string(),
    key: z.string(),
    operator: z.string().optional(),
    value: z.string(),
    scope_operator: z.string().optional(),
  }),
  PathExpression: z.looseObject({ paths: strings }),
  ExternalIDExpression: z.looseObject({ member_type: z.string().default('VirtualMachine'), external_ids: strings }),
  MACAddressExpression: z.looseObject({ mac_addresses: strings }),
  ConjunctionOperator: z.looseObject({
    conjunction_operator: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(z.enum(['AND', 'OR'])),
  }),
  NestedExpression: z.looseObject({ expressions: z.array(expressionJsonSchema) }),
  IdentityGroupExpression: z.looseObject({
    identity_groups: z
      .array(
        z.looseObject({
          distinguished_name: z.string().optional(),
          domain_base_distinguished_name: z.string().optional(),
          sid: z.string().optional(),
        }),
      )
      .default([]),
  }),
};

/** The fields NSX defines for an expression type (besides `resource_type` and the policy fields), or undefined for a type this model does not know. */
export const expressionFields = (type: string): string[] | undefined =>
  type in known ? Object.keys(known[type as keyof typeof known].shape) : undefined;

/** Called for each expression kept as `UnknownExpression`, with why. */
export type ShapeWarn = (message: string) => void;

export function expressionFromJson(json: Record<string, unknown> & { resource_type: string }, warn: ShapeWarn = () => {}): GroupExpression {
  const type = json.resource_type;
  const unknown = (why: string): GroupExpression => {
    warn(`${type}: ${why}; its membership is unknown`);
    return { resourceType: 'UnknownExpression', type, json: { ...json } };
  };
  if (!(type in known)) return unknown('an expression type this model does not know');
  const parsed = known[type as keyof typeof known].safeParse(json);
  if (!parsed.success) return unknown(`malformed (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  const e = parsed.data as Record<string, unknown>;
  switch (type) {
    case 'IPAddressExpression':
      return { resourceType: type, ipAddresses: [...(e.ip_addresses as string[])] };
    case 'Condition': {
      const c = e as unknown as z.output<typeof known.Condition>;
      return {
        resourceType: type,
        memberType: c.member_type,
        key: c.key,
        operator: c.operator ?? 'EQUALS',
        value: c.value,
        ...(c.scope_operator !== undefined ? { scopeOperator: c.scope_operator } : {}),
      };
    }
    case 'PathExpression':
      return { resourceType: type, paths: [...(e.paths as string[])] };
    case 'ExternalIDExpression':
      return { resourceType: type, memberType: e.member_type as string, externalIds: [...(e.external_ids as string[])] };
    case 'MACAddressExpression':
      return { resourceType: type, macAddresses: [...(e.mac_addresses as string[])] };
    case 'ConjunctionOperator':
      return { resourceType: type, conjunctionOperator: e.conjunction_operator as 'AND' | 'OR' };
    case 'NestedExpression':
      return {
        resourceType: type,
        expressions: (e.expressions as z.output<typeof expressionJsonSchema>[]).map((x) => expressionFromJson(x, warn)),
      };
    default: {
      const groups = (e as unknown as z.output<typeof known.IdentityGroupExpression>).identity_groups;
      return {
        resourceType: 'IdentityGroupExpression',
        identityGroups: groups.map((g) => ({
          ...(g.distinguished_name !== undefined ? { distinguishedName: g.distinguished_name } : {}),
          ...(g.domain_base_distinguished_name !== undefined ? { domainBaseDistinguishedName: g.domain_base_distinguished_name } : {}),
          ...(g.sid !== undefined ? { sid: g.sid } : {}),
        })),
      };
    }
  }
}

/** A group expression in the NSX Policy API's JSON. */
export function expressionJson(e: GroupExpression): Record<string, unknown> {
  switch (e.resourceType) {
    case 'IPAddressExpression':
      return { ip_addresses: [...e.ipAddresses], resource_type: e.resourceType };
    case 'Condition':
      return {
        member_type: e.memberType,
        key: e.key,
        operator: e.operator,
        value: e.value,
        ...(e.scopeOperator !== undefined ? { scope_operator: e.scopeOperator } : {}),
        resource_type: e.resourceType,
      };
    case 'PathExpression':
      return { paths: [...e.paths], resource_type: e.resourceType };
    case 'ExternalIDExpression':
      return { member_type: e.memberType, external_ids: [...e.externalIds], resource_type: e.resourceType };
    case 'MACAddressExpression':
      return { mac_addresses: [...e.macAddresses], resource_type: e.resourceType };
    case 'ConjunctionOperator':
      return { conjunction_operator: e.conjunctionOperator, resource_type: e.resourceType };
    case 'NestedExpression':
      return { expressions: e.expressions.map(expressionJson), resource_type: e.resourceType };
    case 'IdentityGroupExpression':
      return {
        identity_groups: e.identityGroups.map((g) => ({
          distinguished_name: g.distinguishedName,
          domain_base_distinguished_name: g.domainBaseDistinguishedName,
          sid: g.sid,
        })),
        resource_type: e.resourceType,
      };
    case 'UnknownExpression':
      return { ...e.json, resource_type: e.type };
  }
}

export const groupJsonSchema = z.looseObject({
  id: z.string().min(1),
  display_name: z.string().optional(),
  description: z.string().optional(),
  path: z.string().optional(),
  expression: z.array(expressionJsonSchema).default([]),
  extended_expression: z.array(z.looseObject({})).default([]),
  _revision: z.number().int().default(0),
  tags: nsxTagsSchema,
});

export const groupsJsonSchema = nsxListSchema(groupJsonSchema);

export type GroupJson = z.output<typeof groupJsonSchema>;

/** The domain of a group path (`/infra/domains/cgw/groups/x` → `cgw`). */
export const groupDomain = (path: string): string => /^\/infra\/domains\/([^/]+)\/groups\//.exec(path)?.[1] ?? 'cgw';

export function groupFromJson(g: GroupJson, warn: ShapeWarn = () => {}): Group {
  const path = g.path ?? `/infra/domains/cgw/groups/${g.id}`;
  const w: ShapeWarn = (m) => warn(`group ${path}: ${m}`);
  if (g.extended_expression.length > 0) w('extended_expression (identity groups) makes its membership unknown');
  return {
    id: g.id,
    domain: groupDomain(path),
    displayName: g.display_name ?? g.id,
    path,
    ...(g.description !== undefined ? { description: g.description } : {}),
    expression: g.expression.map((e) => expressionFromJson(e, w)),
    ...(g.extended_expression.length > 0 ? { extendedExpression: g.extended_expression.map((x) => ({ ...x })) } : {}),
    revision: g._revision,
    tags: tagsFromJson(g.tags),
    systemOwned: false,
  };
}

/** A group as NSX lists it (without the audit fields). */
export function groupJson(g: Group): Record<string, unknown> {
  return {
    expression: g.expression.map(expressionJson),
    ...(g.extendedExpression && g.extendedExpression.length > 0
      ? { extended_expression: g.extendedExpression.map((x) => ({ ...x })) }
      : {}),
    resource_type: 'Group',
    id: g.id,
    display_name: g.displayName,
    ...(g.description !== undefined ? { description: g.description } : {}),
    tags: tagsJson(g.tags),
    path: g.path,
    relative_path: g.id,
    parent_path: parentPath(g.path),
    _revision: g.revision,
  };
}
