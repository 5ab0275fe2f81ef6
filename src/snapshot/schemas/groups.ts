// nsx/groups.json: the Policy API's `GET /policy/api/v1/infra/domains/cgw/groups` list result, with the
// group `expression` types the model knows (nested expressions recurse).
import { z } from 'zod';
import { nsxIpLiteral, nsxList, nsxTags } from './common';

export type ExpressionJson =
  | { resource_type: 'IPAddressExpression'; ip_addresses: string[] }
  | { resource_type: 'Condition'; member_type: string; key: string; operator: string; value: string; scope_operator?: string | undefined }
  | { resource_type: 'PathExpression'; paths: string[] }
  | { resource_type: 'ExternalIDExpression'; member_type: string; external_ids: string[] }
  | { resource_type: 'MACAddressExpression'; mac_addresses: string[] }
  | { resource_type: 'ConjunctionOperator'; conjunction_operator: 'AND' | 'OR' }
  | { resource_type: 'NestedExpression'; expressions: ExpressionJson[] };

export const expressionSchema: z.ZodType<ExpressionJson> = z.lazy(() =>
  z.discriminatedUnion('resource_type', [
    z.looseObject({ resource_type: z.literal('IPAddressExpression'), ip_addresses: z.array(nsxIpLiteral) }),
    z.looseObject({
      resource_type: z.literal('Condition'),
      member_type: z.string(),
      key: z.string(),
      operator: z.string(),
      value: z.string(),
      scope_operator: z.string().optional(),
    }),
    z.looseObject({ resource_type: z.literal('PathExpression'), paths: z.array(z.string()) }),
    z.looseObject({ resource_type: z.literal('ExternalIDExpression'), member_type: z.string(), external_ids: z.array(z.string()) }),
    z.looseObject({ resource_type: z.literal('MACAddressExpression'), mac_addresses: z.array(z.string()) }),
    z.looseObject({ resource_type: z.literal('ConjunctionOperator'), conjunction_operator: z.enum(['AND', 'OR']) }),
    z.looseObject({ resource_type: z.literal('NestedExpression'), expressions: z.array(expressionSchema) }),
  ]),
);

export const groupSchema = z.looseObject({
  id: z.string().min(1),
  display_name: z.string().optional(),
  description: z.string().optional(),
  path: z.string().optional(),
  expression: z.array(expressionSchema).default([]),
  _revision: z.number().int().default(0),
  tags: nsxTags,
});

export const groupsSchema = nsxList(groupSchema);

export type GroupsJson = z.output<typeof groupsSchema>;
