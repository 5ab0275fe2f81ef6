// What provisioning produced, by the scenario's own names: ids, addresses, SSM node ids. Probes and
// changes resolve scenario names through it.

export interface ProvisionedInstance {
  instanceId: string;
  privateIp: string;
  /** SSM can run commands on it (Online); otherwise why not. */
  ssm: { ready: true } | { ready: false; why: string };
}

export interface ProvisionedVm {
  externalId: string;
  ip: string;
  os: 'linux' | 'windows';
  powerState: string;
  /** SSM hybrid managed node, when the VM has the agent and it is Online. */
  nodeId?: string;
  /** Why no probe can run from the VM (no node, node not Online, lookup failed). */
  unavailable?: string;
}

export interface Provisioned {
  securityGroups: Map<string, string>;
  defaultSecurityGroupId: string;
  subnets: Map<string, string>;
  segments: Map<string, { id: string; path: string; cidr: string }>;
  groups: Map<string, string>;
  instances: Map<string, ProvisionedInstance>;
  vms: Map<string, ProvisionedVm>;
}

export const emptyProvisioned = (): Provisioned => ({
  securityGroups: new Map(),
  defaultSecurityGroupId: '',
  subnets: new Map(),
  segments: new Map(),
  groups: new Map(),
  instances: new Map(),
  vms: new Map(),
});
