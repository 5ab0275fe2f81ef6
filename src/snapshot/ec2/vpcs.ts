// VPCs ⇄ aws/describe-vpcs.json, with the IPv6 CIDRs of dual-stack VPCs.
import { isIpv6Cidr, type Vpc, type World } from '../../world';
import { files } from '../layout';
import { vpcsSchema } from '../schemas/vpcs';
import type { SnapshotSource } from '../snapshot-source';
import { awsTagsJson } from '../json-shapes';
import { derivedId } from '../derived-values';

type Ipv6Association = { Ipv6CidrBlock: string; Ipv6CidrBlockState?: { State: string } | undefined };

/** The associated IPv6 CIDRs (older CLI output prints the state in capitals, `ASSOCIATED`), left out of the object when there are none (IPv4-only worlds stay as they were). */
export function ipv6Of(set: readonly Ipv6Association[]): { ipv6CidrBlocks?: string[] } {
  const cidrs = set
    .filter((a) => a.Ipv6CidrBlockState === undefined || a.Ipv6CidrBlockState.State.toLowerCase() === 'associated')
    .map((a) => a.Ipv6CidrBlock)
    .filter(isIpv6Cidr);
  return cidrs.length > 0 ? { ipv6CidrBlocks: cidrs } : {};
}

export function readVpcs(src: SnapshotSource, world: World): void {
  const json = src.read(files.vpcs, vpcsSchema);
  json.Vpcs.forEach((v, i) => {
    if (world.ec2.vpcs.has(v.VpcId)) src.duplicate(files.vpcs, `Vpcs[${i}].VpcId`, v.VpcId);
    const secondary = v.CidrBlockAssociationSet.filter(
      (a) => a.CidrBlock !== v.CidrBlock && (a.CidrBlockState === undefined || a.CidrBlockState.State.toLowerCase() === 'associated'),
    ).map((a) => a.CidrBlock);
    const vpc: Vpc = {
      vpcId: v.VpcId,
      ownerId: v.OwnerId ?? world.accountId,
      cidrBlock: v.CidrBlock,
      secondaryCidrBlocks: secondary,
      ...ipv6Of(v.Ipv6CidrBlockAssociationSet),
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
      ...(v.ipv6CidrBlocks?.length
        ? {
            Ipv6CidrBlockAssociationSet: v.ipv6CidrBlocks.map((cidr) => ({
              AssociationId: derivedId('vpc-cidr-assoc', v.vpcId, cidr),
              Ipv6CidrBlock: cidr,
              Ipv6CidrBlockState: { State: 'associated' },
            })),
          }
        : {}),
      IsDefault: v.isDefault,
      Tags: awsTagsJson(v.tags),
    })),
  };
}
