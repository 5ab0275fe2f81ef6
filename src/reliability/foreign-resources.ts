// A customer's resources beside the harness's, some named and tagged close to it: an SG named CJ-SG
// without the run tag, instances tagged `vmc-reach:run` or named `vmc-reach-…`, an NSX group `cj-vm`
// and a CGW rule `cj-vm-inbound` in the policy. Created through the APIs, as the customer would; their
// JSON (every field, NSX revisions included) is what must be byte-for-byte unchanged after runs.
import { CreateSecurityGroupCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { createAwsClients } from '../clients/aws';
import { createVmcClient } from '../clients/vmc';
import { snapshotFileNames, snapshotFiles } from '../snapshot';
import type { World } from '../world';
import { settingsFor } from './run-settings';

export interface ForeignIds {
  securityGroups: string[];
  instances: string[];
  nsxGroups: string[];
  cgwRules: string[];
}

export async function createForeignResources(env: Record<string, string>, world: World): Promise<ForeignIds> {
  const settings = settingsFor(env);
  const aws = createAwsClients(settings.aws);
  try {
    const { discovery, nsx } = await createVmcClient(settings.vmc).connect();
    const vpcId = discovery.connectedVpc.vpcId;
    const sg = await aws.ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: 'CJ-SG',
        Description: 'the customer own CJ-SG',
        VpcId: vpcId,
        TagSpecifications: [
          {
            ResourceType: 'security-group',
            Tags: [
              { Key: 'Name', Value: 'CJ-SG' },
              { Key: 'owner', Value: 'customer' },
            ],
          },
        ],
      }),
    );
    const subnetId = [...world.ec2.subnets.values()].find((s) => s.vpcId === vpcId)!.subnetId;
    const image = await aws.ssm.send(new GetParameterCommand({ Name: settings.image }));
    const launch = (tags: { Key: string; Value: string }[]) =>
      aws.ec2.send(
        new RunInstancesCommand({
          ImageId: image.Parameter!.Value!,
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          SubnetId: subnetId,
          SecurityGroupIds: [sg.GroupId!],
          TagSpecifications: [{ ResourceType: 'instance', Tags: tags }],
        }),
      );
    const i1 = await launch([
      { Key: 'Name', Value: 'customer-app' },
      { Key: 'vmc-reach:run', Value: 'customer' },
    ]);
    const i2 = await launch([{ Key: 'Name', Value: 'vmc-reach-customer-probe' }]);
    await nsx.groups.patch('cj-vm', {
      display_name: 'CJ-VM',
      expression: [{ resource_type: 'Condition', member_type: 'VirtualMachine', key: 'Name', operator: 'EQUALS', value: 'CJ-VM01' }],
      tags: [{ scope: 'owner', tag: 'customer' }],
    });
    await nsx.rules.patch('cj-vm-inbound', {
      resource_type: 'Rule',
      display_name: 'CJ-VM Inbound',
      sequence_number: 5,
      source_groups: ['ANY'],
      destination_groups: ['/infra/domains/cgw/groups/cj-vm'],
      services: ['ANY'],
      scope: ['/infra/labels/cgw-cross-vpc'],
      action: 'ALLOW',
      direction: 'IN_OUT',
      logged: false,
    });
    return {
      securityGroups: [sg.GroupId!],
      instances: [i1.Instances![0]!.InstanceId!, i2.Instances![0]!.InstanceId!],
      nsxGroups: ['cj-vm'],
      cgwRules: ['cj-vm-inbound'],
    };
  } finally {
    aws.destroy();
  }
}

type Json = Record<string, unknown>;
const list = (files: ReadonlyMap<string, string>, file: string, key: string): Json[] => {
  const parsed = JSON.parse(files.get(file) ?? '{}') as Json;
  if (key === 'Reservations') return ((parsed.Reservations ?? []) as { Instances: Json[] }[]).flatMap((r) => r.Instances);
  return (parsed[key] ?? []) as Json[];
};

/** Each foreign resource's JSON, by a label naming it (rules of a foreign SG are part of it). */
export function foreignJson(world: World, ids: ForeignIds): Map<string, string> {
  const files = snapshotFiles(world, { description: 'foreign' });
  const out = new Map<string, string>();
  const sgs = list(files, snapshotFileNames.securityGroups, 'SecurityGroups');
  const rules = list(files, snapshotFileNames.securityGroupRules, 'SecurityGroupRules');
  for (const id of ids.securityGroups)
    out.set(`security group ${id}`, JSON.stringify([sgs.find((g) => g.GroupId === id), rules.filter((r) => r.GroupId === id)]));
  const instances = list(files, snapshotFileNames.instances, 'Reservations');
  for (const id of ids.instances) out.set(`instance ${id}`, JSON.stringify(instances.find((i) => i.InstanceId === id)));
  const groups = list(files, snapshotFileNames.groups, 'results');
  for (const id of ids.nsxGroups) out.set(`NSX group ${id}`, JSON.stringify(groups.find((g) => g.id === id)));
  const cgw = list(files, snapshotFileNames.cgwRules, 'results');
  for (const id of ids.cgwRules) out.set(`CGW rule ${id}`, JSON.stringify(cgw.find((r) => r.id === id)));
  return out;
}

/** Foreign resources whose JSON differs from before (or that are gone). */
export function foreignChanges(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...before].filter(([k, v]) => v === undefined || v === 'undefined' || after.get(k) !== v).map(([k]) => k);
}
