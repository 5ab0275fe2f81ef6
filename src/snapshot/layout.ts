// The snapshot folder's layout: every file we read or write, whether it is required, and how a support
// engineer produces it from the customer's environment (quoted in error messages as "what to do").

export const files = {
  manifest: 'manifest.json',
  vpcs: 'aws/describe-vpcs.json',
  subnets: 'aws/describe-subnets.json',
  routeTables: 'aws/describe-route-tables.json',
  networkAcls: 'aws/describe-network-acls.json',
  securityGroups: 'aws/describe-security-groups.json',
  securityGroupRules: 'aws/describe-security-group-rules.json',
  networkInterfaces: 'aws/describe-network-interfaces.json',
  instances: 'aws/describe-instances.json',
  prefixLists: 'aws/describe-managed-prefix-lists.json',
  sddc: 'vmc/sddc.json',
  linkedVpcs: 'nsx/linked-vpcs.json',
  segments: 'nsx/segments.json',
  groups: 'nsx/groups.json',
  cgwRules: 'nsx/cgw-rules.json',
  dfwPolicies: 'nsx/dfw-policies.json',
  services: 'nsx/services.json',
  virtualMachines: 'nsx/virtual-machines.json',
  vifs: 'nsx/vifs.json',
  guestFirewalls: 'guest-firewalls.json',
  ssmInstances: 'ssm/describe-instance-information.json',
} as const;

export const prefixListEntriesDir = 'aws/managed-prefix-list-entries';
export const prefixListEntriesFile = (prefixListId: string): string => `${prefixListEntriesDir}/${prefixListId}.json`;

export const requiredFiles: readonly string[] = [
  files.manifest,
  files.vpcs,
  files.subnets,
  files.routeTables,
  files.networkAcls,
  files.securityGroups,
  files.networkInterfaces,
  files.instances,
  files.linkedVpcs,
  files.segments,
  files.groups,
  files.cgwRules,
  files.virtualMachines,
  files.vifs,
];

export const optionalFiles: readonly string[] = [
  files.securityGroupRules,
  files.prefixLists,
  files.sddc,
  files.services,
  files.dfwPolicies,
  files.guestFirewalls,
  files.ssmInstances,
];

const awsCli = (command: string, file: string): string => `aws ec2 ${command} --region <region> --output json > ${file}`;
const nsxGet = (path: string, file: string): string =>
  `GET <nsx_api_public_endpoint_url>${path} (header csp-auth-token) and save the JSON body as ${file}`;
const csGet = (path: string, file: string): string =>
  `GET <nsx_api_public_endpoint_url without /sks-nsxt-manager>${path} (header csp-auth-token) and save the JSON body as ${file}`;

const realizedState = '/policy/api/v1/infra/realized-state/enforcement-points/vmc-enforcementpoint';

/** How to produce each file: a command or API call, or the shape to write by hand. */
export function howToProduce(file: string): string {
  if (file.startsWith(`${prefixListEntriesDir}/`)) {
    const id = file.slice(prefixListEntriesDir.length + 1, -'.json'.length);
    return `aws ec2 get-managed-prefix-list-entries --prefix-list-id ${id} --region <region> --output json > ${file}`;
  }
  switch (file) {
    case files.manifest:
      return `write ${file} by hand: {"region": "<aws region, e.g. ap-northeast-1>", "description": "<what this snapshot shows>", "accountId": "<optional 12-digit account id>"}`;
    case files.vpcs:
      return awsCli('describe-vpcs', file);
    case files.subnets:
      return awsCli('describe-subnets', file);
    case files.routeTables:
      return awsCli('describe-route-tables', file);
    case files.networkAcls:
      return awsCli('describe-network-acls', file);
    case files.securityGroups:
      return awsCli('describe-security-groups', file);
    case files.securityGroupRules:
      return awsCli('describe-security-group-rules', file);
    case files.networkInterfaces:
      return awsCli('describe-network-interfaces', file);
    case files.instances:
      return awsCli('describe-instances', file);
    case files.prefixLists:
      return awsCli('describe-managed-prefix-lists', file);
    case files.sddc:
      return `GET https://vmc.vmware.com/vmc/api/orgs/<org>/sddcs/<sddc> (header csp-auth-token) and save the JSON body as ${file}`;
    case files.linkedVpcs:
      return csGet('/cloud-service/api/v1/infra/linked-vpcs', file);
    case files.segments:
      return nsxGet('/policy/api/v1/infra/tier-1s/cgw/segments', file);
    case files.groups:
      return nsxGet('/policy/api/v1/infra/domains/cgw/groups', file);
    case files.cgwRules:
      return nsxGet('/policy/api/v1/infra/domains/cgw/gateway-policies/default/rules', file);
    case files.services:
      return nsxGet('/policy/api/v1/infra/services', file);
    case files.dfwPolicies:
      return `GET <nsx_api_public_endpoint_url>/policy/api/v1/infra/domains/cgw/security-policies (header csp-auth-token), then for each policy GET …/security-policies/<id> (its rules come inline as "rules"); save {"results": [<each policy GET body>]} as ${file}. Without this file verdicts say the distributed firewall was not checked (DFW_NOT_EXPORTED)`;
    case files.virtualMachines:
      return nsxGet(`${realizedState}/virtual-machines`, file);
    case files.vifs:
      return nsxGet(`${realizedState}/vifs`, file);
    case files.guestFirewalls:
      return `write ${file} by hand: {"<instance id or VM external id>": {"defaultInbound": "allow" | "drop", "rules": [{"action": "allow", "protocol": "icmp", "sourceCidr": "10.0.0.0/8"}]}}`;
    case files.ssmInstances:
      return `aws ssm describe-instance-information --region <region> --output json > ${file}`;
    default:
      return `see the snapshot format (design §8) for ${file}`;
  }
}
