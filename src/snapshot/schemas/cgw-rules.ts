// nsx/cgw-rules.json: the Policy API's `GET /policy/api/v1/infra/domains/cgw/gateway-policies/default/rules`
// list result. The shape is defined once, in src/shapes/nsx/rules.ts; this file names it for the snapshot format.
import { ruleJsonSchema, rulesJsonSchema } from '../../shapes/nsx';

export const cgwRuleSchema = ruleJsonSchema;
export const cgwRulesSchema = rulesJsonSchema;
