// VPCs ⇄ aws/describe-vpcs.json.
import type { Vpc, World } from '../../world';
import { files } from '../layout';
import { vpcsSchema } from '../schemas/vpcs';
import type { SnapshotSource } from '../snapshot-source';
import { awsTagsJson } from '../json-shapes';
import { derivedId } from '../derived-values';

export function readVpcs(src: SnapshotSource, world: World): void {
  const json = src.read(files.vpcs, vpcsSchema);
  json.Vpcs.forEach((v, i) => {
    if (world.ec2.vpcs.has(v.VpcId)) src.duplicate(files.vpcs, `Vpcs[${i}].VpcId`, v.VpcId);
    const secondary = v.CidrBlockAssociationSet.filter(
      (a) => a.CidrBlock !== v.CidrBlock && (a.CidrBlockState === undefined || a.CidrBlockState.State === 'associated'),
    ).map((a) => a.CidrBlock);
    const vpc: Vpc = {
      vpcId: v.VpcId,
      ownerId: v.OwnerId ?? world.accountId,
      cidrBlock: v.CidrBlock,
      secondaryCidrBlocks: secondary,
      isDefault: v.IsDefault,
      state: v.State,
      tags: v.Tags.map((t) => ({ key: t.Key, value: t.Value })),
    };
    world.ec2.vpcs.set(vpc.vpcId, vpc);
  });
}

export function renderVpcs(world: World): unknown {
  return {
    Vpcs: [...world.ec2.vpcs.values()].map((v) => ({
      CidrBlock: v.cidrBlock,
      State: v.state,
      VpcId: v.vpcId,
      OwnerId: v.ownerId,
      InstanceTenancy: 'default',
      CidrBlockAssociationSet: [v.cidrBlock, ...v.secondaryCidrBlocks].map((cidr) => ({
        AssociationId: derivedId('vpc-cidr-assoc', v.vpcId, cidr),
        CidrBlock: cidr,
        CidrBlockState: { State: 'associated' },
      })),
      IsDefault: v.isDefault,
      Tags: awsTagsJson(v.tags),
    })),
  };
}
