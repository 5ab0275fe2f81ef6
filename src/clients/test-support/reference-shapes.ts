// The field lists of ../shared/reference/vmc-nsx-api.md (names and JSON types), for the test that checks
// every body the client sends and receives against them (test support; nothing else imports it).
// A field marked `extra` is real NSX/VMC but not in the reference; each says where it comes from.

export type JsonType = 'string' | 'number' | 'boolean' | 'array' | 'object';

export interface Shape {
  fields: Record<string, JsonType>;
  /** Shapes of object fields and of array items, by field name. */
  nested?: Record<string, Shape>;
  /** Fields that must be present. */
  required?: string[];
}

/** §3.2: the fields every policy object carries. */
const policyCommon: Record<string, JsonType> = {
  id: 'string',
  display_name: 'string',
  description: 'string',
  path: 'string',
  parent_path: 'string',
  relative_path: 'string',
  resource_type: 'string',
  marked_for_delete: 'boolean',
  tags: 'array',
  _revision: 'number',
  _create_time: 'number',
  _create_user: 'string',
  _last_modified_time: 'number',
  _last_modified_user: 'string',
  _system_owned: 'boolean',
  _protection: 'string',
};
const tag: Shape = { fields: { scope: 'string', tag: 'string' } };
const policy = (fields: Record<string, JsonType>, nested: Record<string, Shape> = {}, required: string[] = []): Shape => ({
  fields: { ...policyCommon, ...fields },
  nested: { tags: tag, ...nested },
  required: ['id', 'path', '_revision', 'resource_type', ...required],
});

const expression: Shape = {
  fields: {
    resource_type: 'string',
    ip_addresses: 'array',
    member_type: 'string',
    key: 'string',
    operator: 'string',
    value: 'string',
    scope_operator: 'string', // extra: NSX Condition (terraform-provider-nsxt), for Tag conditions
    paths: 'array',
    external_ids: 'array',
    mac_addresses: 'array',
    conjunction_operator: 'string',
    expressions: 'array',
    identity_groups: 'array', // extra: NSX IdentityGroupExpression
  },
  required: ['resource_type'],
};
expression.nested = { expressions: expression };

export const shapes = {
  /** §1.1 */
  cspToken: {
    fields: {
      access_token: 'string',
      expires_in: 'number',
      id_token: 'string',
      refresh_token: 'string',
      scope: 'string',
      token_type: 'string',
    },
    required: ['access_token', 'expires_in'],
  },
  cspError: {
    fields: {
      cspErrorCode: 'string',
      errorCode: 'string',
      message: 'string',
      moduleCode: 'string',
      requestId: 'string',
      statusCode: 'number',
    },
    required: ['message', 'statusCode'],
  },
  /** §2 */
  vmcError: {
    fields: { status: 'number', path: 'string', retryable: 'boolean', error_code: 'string', error_messages: 'array' },
    required: ['status', 'error_messages'],
  },
  /** §2.1 */
  org: {
    fields: {
      id: 'string',
      name: 'string',
      display_name: 'string',
      org_type: 'string',
      project_state: 'string',
      properties: 'object',
      created: 'string',
      updated: 'string',
      user_id: 'string',
      user_name: 'string',
      version: 'number',
    },
    required: ['id'],
  },
  /** §2.2, §2.3 */
  sddc: {
    fields: {
      id: 'string',
      name: 'string',
      org_id: 'string',
      sddc_state: 'string',
      provider: 'string',
      sddc_type: 'string',
      account_link_state: 'string',
      sddc_access_state: 'string',
      resource_config: 'object',
      created: 'string',
      updated: 'string',
      user_id: 'string',
      user_name: 'string',
      version: 'number',
    },
    required: ['id', 'org_id', 'sddc_state', 'resource_config'],
    nested: {
      resource_config: {
        fields: {
          nsx_api_public_endpoint_url: 'string',
          nsxt: 'boolean',
          nsx_mgr_url: 'string',
          nsx_mgr_login_url: 'string',
          nsx_mgr_management_ip: 'string',
          nsx_cloud_admin: 'string',
          nsx_cloud_audit: 'string',
          vc_url: 'string',
          vc_public_ip: 'string',
          vc_management_ip: 'string',
          cloud_username: 'string',
          region: 'string',
          availability_zones: 'array',
          deployment_type: 'string',
          sddc_id: 'string',
          account_link_sddc_config: 'array',
          vpc_info: 'object',
        },
        required: ['nsx_api_public_endpoint_url', 'nsxt'],
        nested: {
          account_link_sddc_config: { fields: { connected_account_id: 'string', customer_subnet_ids: 'array' } },
          vpc_info: {
            fields: {
              id: 'string',
              vpc_cidr: 'string',
              security_group_id: 'string',
              esx_security_group_id: 'string',
              vm_security_group_id: 'string',
              internet_gateway_id: 'string',
              vgw_id: 'string',
              routetables: 'object',
              available_zones: 'array',
            },
          },
        },
      },
    },
  },
  /** §2.4 */
  sddcConnection: {
    fields: {
      vpc_id: 'string',
      cidr_block_vpc: 'string',
      subnet_id: 'string',
      cidr_block_subnet: 'string',
      subnet_availability_zone: 'string',
      connected_account_id: 'string',
      sddc_id: 'string',
      org_id: 'string',
      cgw_present: 'boolean',
      connection_order: 'number',
      state: 'string',
      default_route_table: 'string',
      customer_eni_infos: 'array',
      eni_group: 'string',
    },
    required: ['vpc_id', 'customer_eni_infos'],
    nested: {
      customer_eni_infos: {
        fields: { eni_id: 'string', primary_ip_address: 'string', secondary_ip_addresses: 'array' },
        required: ['eni_id'],
      },
    },
  },
  /** §2.5 */
  linkedVpc: policy(
    {
      linked_vpc_id: 'string',
      linked_account: 'string',
      linked_vpc_addresses: 'array',
      linked_vpc_ipv6_addresses: 'array',
      linked_vpc_subnets: 'array',
      active_eni: 'string',
      route_table_ids: 'array',
      traffic_group_eni_mappings: 'array',
      linked_vpc_nat_ips: 'array',
      linked_vpc_managed_prefix_list_info: 'object',
      linked_vpc_ipv6_mode_info: 'object',
      arn_role: 'string',
      service_arn_role: 'string',
      external_id: 'string',
    },
    {
      linked_vpc_subnets: {
        fields: { id: 'string', cidr: 'string', availability_zone: 'string', availability_zone_id: 'string', ipv6_cidr: 'string' },
        required: ['id', 'cidr'],
      },
      traffic_group_eni_mappings: {
        fields: { eni: 'string', traffic_group_id: 'string', traffic_group_name: 'string' },
        required: ['eni'],
      },
      linked_vpc_managed_prefix_list_info: {
        fields: { managed_prefix_list_mode: 'string', aws_resource_share_info: 'object', managed_prefix_lists: 'array' },
      },
    },
    ['linked_vpc_id', 'route_table_ids'],
  ),
  /** §3.3 */
  segment: policy(
    { subnets: 'array', domain_name: 'string', type: 'string', advanced_config: 'object', connectivity_path: 'string' },
    {
      subnets: { fields: { gateway_address: 'string', dhcp_ranges: 'array', network: 'string' }, required: ['gateway_address'] },
      advanced_config: { fields: { connectivity: 'string', local_egress: 'string' } },
    },
    ['subnets', 'type'],
  ),
  /** §3.4 */
  group: policy({ expression: 'array' }, { expression }, ['expression']),
  /** §3.5 */
  rule: policy(
    {
      notes: 'string',
      sequence_number: 'number',
      source_groups: 'array',
      destination_groups: 'array',
      sources_excluded: 'boolean',
      destinations_excluded: 'boolean',
      services: 'array',
      service_entries: 'array',
      scope: 'array',
      action: 'string',
      direction: 'string',
      ip_protocol: 'string',
      logged: 'boolean',
      disabled: 'boolean',
      profiles: 'array',
      rule_id: 'number',
      is_default: 'boolean',
    },
    {},
    ['sequence_number', 'source_groups', 'destination_groups', 'services', 'scope', 'action', 'direction'],
  ),
  /** §3.6 */
  nsxError: {
    fields: {
      error_code: 'number',
      error_message: 'string',
      details: 'string',
      module_name: 'string',
      error_data: 'object',
      related_errors: 'array',
      httpStatus: 'string',
    },
    required: ['error_code', 'error_message'],
  },
  /** §3.7 */
  list: {
    fields: { results: 'array', result_count: 'number', cursor: 'string', sort_by: 'string', sort_ascending: 'boolean' },
    required: ['results', 'result_count'],
  },
} satisfies Record<string, Shape>;

/** §3.5: a gateway policy is a policy object with `rules`. */
export const gatewayPolicyShape: Shape = policy({ rules: 'array' }, { rules: shapes.rule });

/** Objects the reference does not list field by field: the common policy fields plus what each adds. */
export const otherPolicyShapes = {
  // extra: NSX Service (`service_entries`, `is_default` on predefined services), entries as in NSX's ServiceEntry types
  service: policy(
    { service_entries: 'array', is_default: 'boolean' },
    {
      service_entries: {
        // extra: the entry types of a real NSX 4 manager's predefined services (ALG, IGMP) and NSX's EtherType and nested entries
        fields: {
          resource_type: 'string',
          id: 'string',
          l4_protocol: 'string',
          source_ports: 'array',
          destination_ports: 'array',
          protocol: 'string',
          icmp_type: 'number',
          icmp_code: 'number',
          protocol_number: 'number',
          alg: 'string',
          ether_type: 'number',
          nested_service_path: 'string',
        },
      },
    },
  ),
  // extra: NSX PolicyLabel
  label: policy({ refs: 'array' }),
  // extra: realized-state VirtualMachine and VirtualNetworkInterface, as the snapshot format reads them (README "Snapshots")
  virtualMachine: {
    fields: {
      resource_type: 'string',
      external_id: 'string',
      display_name: 'string',
      power_state: 'string',
      type: 'string',
      guest_info: 'object',
      tags: 'array',
    },
    nested: { guest_info: { fields: { os_name: 'string', computer_name: 'string' } }, tags: tag },
    required: ['external_id', 'display_name'],
  },
  vif: {
    fields: {
      resource_type: 'string',
      external_id: 'string',
      owner_vm_id: 'string',
      device_key: 'string',
      device_name: 'string',
      mac_address: 'string',
      lport_attachment_id: 'string',
      ip_address_info: 'array',
    },
    nested: { ip_address_info: { fields: { source: 'string', ip_addresses: 'array' } } },
    required: ['owner_vm_id'],
  },
} satisfies Record<string, Shape>;

const typeOf = (v: unknown): JsonType | 'null' => (v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType));

/** Every way `value` departs from `shape`: a field the list does not have, a wrong type, a missing required field. */
export function shapeProblems(value: unknown, shape: Shape, at = '$'): string[] {
  if (typeOf(value) !== 'object') return [`${at}: expected an object, got ${typeOf(value)}`];
  const o = value as Record<string, unknown>;
  const out: string[] = [];
  for (const r of shape.required ?? []) if (!(r in o)) out.push(`${at}.${r}: missing`);
  for (const [k, v] of Object.entries(o)) {
    const want = shape.fields[k];
    if (!want) {
      out.push(`${at}.${k}: not in the reference's field list`);
      continue;
    }
    if (typeOf(v) !== want) out.push(`${at}.${k}: expected ${want}, got ${typeOf(v)}`);
    const nested = shape.nested?.[k];
    if (!nested) continue;
    if (Array.isArray(v)) v.forEach((item, i) => out.push(...shapeProblems(item, nested, `${at}.${k}[${i}]`)));
    else out.push(...shapeProblems(v, nested, `${at}.${k}`));
  }
  return out;
}
