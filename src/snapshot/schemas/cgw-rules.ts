// nsx/cgw-rules.json: the Policy API's `GET /policy/api/v1/infra/domains/cgw/gateway-policies/default/rules`
// list result. Absent fields take the API's defaults (direction IN_OUT, ip_protocol IPV4_IPV6, …).
import { z } from 'zod';
import { nsxList, nsxTags } from './common';

export const cgwRuleSchema = z.looseObject({
  id: z.string().min(1),
  display_name: z.string().optional(),
  path: z.string().optional(),
  sequence_number: z.number().int().default(0),
  source_groups: z.array(z.string()).default(['ANY']),
  destination_groups: z.array(z.string()).default(['ANY']),
  sources_excluded: z.boolean().default(false),
  destinations_excluded: z.boolean().default(false),
  services: z.array(z.string()).default(['ANY']),
  scope: z.array(z.string()).default([]),
  action: z.enum(['ALLOW', 'DROP', 'REJECT']),
  direction: z.enum(['IN', 'OUT', 'IN_OUT']).default('IN_OUT'),
  ip_protocol: z.enum(['IPV4', 'IPV6', 'IPV4_IPV6']).default('IPV4_IPV6'),
  disabled: z.boolean().default(false),
  logged: z.boolean().default(false),
  is_default: z.boolean().default(false),
  rule_id: z.number().int().optional(),
  _revision: z.number().int().default(0),
  tags: nsxTags,
});

export const cgwRulesSchema = nsxList(cgwRuleSchema);

export type CgwRulesJson = z.output<typeof cgwRulesSchema>;
