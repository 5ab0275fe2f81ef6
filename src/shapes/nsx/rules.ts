// CGW gateway firewall rules ⇄ world: the Policy API's `Rule` under `/infra/domains/cgw/gateway-policies/default`.
// Absent fields take the API's defaults (direction IN_OUT, ip_protocol IPV4_IPV6, services ANY,
// profiles ANY). `service_entries` are kept (matched with `services`); `profiles` other than ANY are
// kept and make the rule indeterminate for the engine.
import { z } from 'zod';
import type { CgwRule } from '../../world';
import { nsxListSchema, nsxTagsSchema, parentPath, tagsFromJson, tagsJson } from './common';
import type { ShapeWarn } from './groups';
import { serviceEntryFromJson, serviceEntryJson, serviceEntryJsonSchema } from './services';

export const ruleJsonSchema = z.looseObject({
  id: z.string().min(1),
  display_name: z.string().optional(),
  description: z.string().optional(),
  path: z.string().optional(),
  sequence_number: z.number().int().default(0),
  source_groups: z.array(z.string()).default(['ANY']),
  destination_groups: z.array(z.string()).default(['ANY']),
  sources_excluded: z.boolean().default(false),
  destinations_excluded: z.boolean().default(false),
  services: z.array(z.string()).default(['ANY']),
  service_entries: z.array(serviceEntryJsonSchema).default([]),
  profiles: z.array(z.string()).optional(),
  scope: z.array(z.string()).default([]),
  action: z.enum(['ALLOW', 'DROP', 'REJECT']),
  direction: z.enum(['IN', 'OUT', 'IN_OUT']).default('IN_OUT'),
  ip_protocol: z.enum(['IPV4', 'IPV6', 'IPV4_IPV6']).default('IPV4_IPV6'),
  disabled: z.boolean().default(false),
  logged: z.boolean().default(false),
  is_default: z.boolean().default(false),
  rule_id: z.number().int().optional(),
  _revision: z.number().int().default(0),
  tags: nsxTagsSchema,
});

export const rulesJsonSchema = nsxListSchema(ruleJsonSchema);

export type RuleJson = z.output<typeof ruleJsonSchema>;

export const defaultCgwRulePath = (id: string): string => `/infra/domains/cgw/gateway-policies/default/rules/${id}`;

/** `ruleId` is used when the JSON has no `rule_id` (NSX always gives one; hand-made files may not). */
export function ruleFromJson(r: RuleJson, ruleId: number, warn: ShapeWarn = () => {}): CgwRule {
  const path = r.path ?? defaultCgwRulePath(r.id);
  const profiles = r.profiles ?? ['ANY'];
  return {
    id: r.id,
    displayName: r.display_name ?? r.id,
    ...(r.description !== undefined ? { description: r.description } : {}),
    path,
    sequenceNumber: r.sequence_number,
    sourceGroups: [...r.source_groups],
    destinationGroups: [...r.destination_groups],
    sourcesExcluded: r.sources_excluded,
    destinationsExcluded: r.destinations_excluded,
    services: [...r.services],
    ...(r.service_entries.length > 0
      ? { serviceEntries: r.service_entries.map((e) => serviceEntryFromJson(e, (m) => warn(`rule ${path}: ${m}`))) }
      : {}),
    ...(isAny(profiles) ? {} : { profiles: [...profiles] }),
    scope: [...r.scope],
    action: r.action,
    direction: r.direction,
    ipProtocol: r.ip_protocol,
    disabled: r.disabled,
    logged: r.logged,
    isDefault: r.is_default,
    ruleId: r.rule_id ?? ruleId,
    revision: r._revision,
    tags: tagsFromJson(r.tags),
  };
}

const isAny = (values: readonly string[]): boolean => values.length === 0 || values.some((v) => v.toUpperCase() === 'ANY');

/** A rule as NSX lists it (without the audit fields). */
export function ruleJson(r: CgwRule): Record<string, unknown> {
  return {
    action: r.action,
    resource_type: 'Rule',
    id: r.id,
    display_name: r.displayName,
    ...(r.description !== undefined ? { description: r.description } : {}),
    path: r.path,
    relative_path: r.id,
    parent_path: parentPath(r.path),
    sequence_number: r.sequenceNumber,
    sources_excluded: r.sourcesExcluded,
    destinations_excluded: r.destinationsExcluded,
    source_groups: [...r.sourceGroups],
    destination_groups: [...r.destinationGroups],
    services: [...r.services],
    ...(r.serviceEntries && r.serviceEntries.length > 0 ? { service_entries: r.serviceEntries.map(serviceEntryJson) } : {}),
    ...(r.profiles ? { profiles: [...r.profiles] } : {}),
    scope: [...r.scope],
    direction: r.direction,
    ip_protocol: r.ipProtocol,
    disabled: r.disabled,
    logged: r.logged,
    is_default: r.isDefault,
    rule_id: r.ruleId,
    tags: tagsJson(r.tags),
    _revision: r.revision,
  };
}
