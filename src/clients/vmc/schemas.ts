// zod schemas for the responses the VMC client reads, with the fields it relies on; every other field
// passes through (objects are loose), so callers see the services' own JSON. NSX group expressions,
// service entries, VIFs and linked VPCs use the NSX shapes' definitions (src/shapes/nsx). A mismatch becomes a
// VmcClientError naming the request and the field, instead of an `undefined` deep in the harness.
import { z } from 'zod';
import { VmcClientError } from './errors';
import {
  dfwRuleJsonSchema,
  expressionJsonSchema,
  linkedVpcJsonSchema,
  ruleJsonSchema,
  securityPolicyJsonSchema,
  serviceEntryJsonSchema,
  vifJsonSchema,
} from '../../shapes/nsx';

export const cspTokenSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string().optional(),
});

export const orgSchema = z.looseObject({ id: z.string(), display_name: z.string().optional(), name: z.string().optional() });

export const sddcSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  org_id: z.string(),
  sddc_state: z.string(),
  resource_config: z.looseObject({
    nsx_api_public_endpoint_url: z.url(),
    nsxt: z.boolean().optional(),
    region: z.string().optional(),
  }),
});

export const sddcConnectionSchema = z.looseObject({
  vpc_id: z.string(),
  subnet_id: z.string().optional(),
  sddc_id: z.string().optional(),
  default_route_table: z.string().optional(),
  connected_account_id: z.string().optional(),
  customer_eni_infos: z.array(z.looseObject({ eni_id: z.string(), primary_ip_address: z.string().optional() })).default([]),
});

const tags = z.array(z.looseObject({ scope: z.string().optional(), tag: z.string() })).optional();

export const policyObjectSchema = z.looseObject({
  id: z.string(),
  path: z.string(),
  _revision: z.number().int(),
  display_name: z.string().optional(),
  tags,
});

export const segmentSchema = policyObjectSchema.extend({
  subnets: z
    .array(z.looseObject({ gateway_address: z.string(), network: z.string().optional(), dhcp_ranges: z.array(z.string()).optional() }))
    .default([]),
  type: z.string().optional(),
  advanced_config: z.looseObject({ connectivity: z.string().optional() }).optional(),
});

export const groupSchema = policyObjectSchema.extend({ expression: z.array(expressionJsonSchema).default([]) });

/** A CGW rule as the NSX shapes read it (defaults as NSX's), with the policy fields the client needs. */
export const ruleSchema = ruleJsonSchema.extend({ path: z.string(), _revision: z.number().int(), tags });

/** A DFW rule and a security policy (domain `cgw`) as the NSX shapes read them, with the fields the client needs. */
export const dfwRuleSchema = dfwRuleJsonSchema.extend({ path: z.string(), _revision: z.number().int(), tags });
export const securityPolicySchema = securityPolicyJsonSchema.extend({
  path: z.string(),
  _revision: z.number().int(),
  tags,
  rules: z.array(dfwRuleSchema).default([]),
});

export const gatewayPolicySchema = policyObjectSchema.extend({ rules: z.array(ruleSchema).default([]) });

export const serviceSchema = policyObjectSchema.extend({ service_entries: z.array(serviceEntryJsonSchema).default([]) });

export const labelSchema = policyObjectSchema;

export const virtualMachineSchema = z.looseObject({
  external_id: z.string(),
  display_name: z.string(),
  power_state: z.string().optional(),
  tags,
});

/** A VIF, as the NSX shapes read it (MAC, addresses of both families, owner VM). */
export const vifSchema = vifJsonSchema;

/** `LinkedVpcInfo`, as the NSX shapes read it (`active_eni`, `traffic_group_eni_mappings`). */
export const linkedVpcSchema = linkedVpcJsonSchema.extend({ id: z.string().optional() });

/** An NSX list result page. */
export const listPageSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({ results: z.array(item).default([]), result_count: z.number().int().optional(), cursor: z.string().optional() });

export type Sddc = z.output<typeof sddcSchema>;
export type Org = z.output<typeof orgSchema>;
export type SddcConnection = z.output<typeof sddcConnectionSchema>;
export type NsxSegment = z.output<typeof segmentSchema>;
export type NsxGroup = z.output<typeof groupSchema>;
export type NsxRule = z.output<typeof ruleSchema>;
export type NsxGatewayPolicy = z.output<typeof gatewayPolicySchema>;
export type NsxDfwRule = z.output<typeof dfwRuleSchema>;
export type NsxSecurityPolicy = z.output<typeof securityPolicySchema>;
export type NsxServiceObject = z.output<typeof serviceSchema>;
export type NsxLabelObject = z.output<typeof labelSchema>;
export type NsxVirtualMachine = z.output<typeof virtualMachineSchema>;
export type NsxVif = z.output<typeof vifSchema>;
export type LinkedVpcInfo = z.output<typeof linkedVpcSchema>;

/** `value` checked against `schema`, or a VmcClientError naming `what` and the offending fields. */
export function expectShape<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
  throw new VmcClientError(`${what}: unexpected response shape: ${issues}`);
}
