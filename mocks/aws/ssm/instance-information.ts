// DescribeInstanceInformation on the wire. Filters, in both styles (`Filters` [{Key, Values}] and the
// legacy `InstanceInformationFilterList` [{key, valueSet}], not both at once): InstanceIds,
// AgentVersion, PingStatus, PlatformTypes, ActivationIds, IamRole, ResourceType, AssociationStatus;
// `Filters` also takes tag:<key> and tag-key (EC2 instance tags). Unknown keys are InvalidFilterKey.
// Mock note: AssociationStatus is always empty (State Manager associations are not modelled).
import { z } from 'zod';
import { describeInstanceInformation, ssmError, type ManagedNode, type World } from '../../../src/world';
import { epochSeconds } from '../protocols/ssm-json';
import { ssmOperation, type SsmOperationTable } from './operation';
import { ssmPage } from './paging';

const keyed: Record<string, (n: ManagedNode) => string | undefined> = {
  InstanceIds: (n) => n.instanceId,
  AgentVersion: (n) => n.agentVersion,
  PingStatus: (n) => n.pingStatus,
  PlatformTypes: (n) => n.platformType,
  ActivationIds: (n) => n.activationId,
  IamRole: (n) => n.iamRole,
  ResourceType: (n) => n.resourceType,
  AssociationStatus: () => undefined,
};

function filterNodes(
  world: World,
  nodes: ManagedNode[],
  filters: { key: string; values: string[] }[],
  tagsAllowed: boolean,
): ManagedNode[] {
  return filters.reduce((acc, f) => {
    const tagKey = f.key.startsWith('tag:') ? f.key.slice(4) : f.key === 'tag-key' ? null : undefined;
    if (tagsAllowed && tagKey !== undefined) {
      return acc.filter((n) => {
        const tags = n.target.kind === 'instance' ? (world.ec2.instances.get(n.target.instanceId)?.tags ?? []) : [];
        return tags.some((t) => (tagKey === null ? f.values.includes(t.key) : t.key === tagKey && f.values.includes(t.value)));
      });
    }
    const get = keyed[f.key];
    if (!get) throw ssmError('InvalidFilterKey', `The filter key ${f.key} is not valid.`);
    return acc.filter((n) => f.values.includes(get(n) ?? ''));
  }, nodes);
}

const renderNode = (n: ManagedNode) => ({
  InstanceId: n.instanceId,
  PingStatus: n.pingStatus,
  LastPingDateTime: epochSeconds(n.lastPingDateTime),
  AgentVersion: n.agentVersion,
  IsLatestVersion: n.isLatestVersion,
  PlatformType: n.platformType,
  PlatformName: n.platformName,
  PlatformVersion: n.platformVersion,
  ...(n.activationId ? { ActivationId: n.activationId } : {}),
  ...(n.iamRole ? { IamRole: n.iamRole } : {}),
  ...(n.registrationDate !== undefined ? { RegistrationDate: epochSeconds(n.registrationDate) } : {}),
  ResourceType: n.resourceType,
  ...(n.name !== undefined ? { Name: n.name } : {}),
  IPAddress: n.ipAddress,
  ComputerName: n.computerName,
  SourceId: n.sourceId,
  SourceType: n.sourceType,
});

const input = z.object({
  InstanceInformationFilterList: z.array(z.object({ key: z.string(), valueSet: z.array(z.string()).min(1) })).optional(),
  Filters: z.array(z.object({ Key: z.string(), Values: z.array(z.string()).min(1) })).optional(),
  MaxResults: z.number().int().optional(),
  NextToken: z.string().optional(),
});

export const instanceInformationOperations: SsmOperationTable = {
  DescribeInstanceInformation: ssmOperation({
    input,
    run: ({ world }, req) => {
      if (req.Filters?.length && req.InstanceInformationFilterList?.length) {
        throw ssmError('InvalidInstanceInformationFilterValue', 'Filters and InstanceInformationFilterList cannot be used together.');
      }
      let nodes = describeInstanceInformation(world);
      nodes = filterNodes(
        world,
        nodes,
        (req.InstanceInformationFilterList ?? []).map((f) => ({ key: f.key, values: f.valueSet })),
        false,
      );
      nodes = filterNodes(
        world,
        nodes,
        (req.Filters ?? []).map((f) => ({ key: f.Key, values: f.Values })),
        true,
      );
      const { page, NextToken } = ssmPage(nodes, req, { min: 5, max: 50, default: 10 });
      return { InstanceInformationList: page.map(renderNode), ...(NextToken ? { NextToken } : {}) };
    },
    notFound: () => ({ InstanceInformationList: [] }),
  }),
};
