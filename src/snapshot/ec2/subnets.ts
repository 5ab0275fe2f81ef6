// Subnets ⇄ aws/describe-subnets.json, with the IPv6 CIDR of dual-stack subnets.
import { parseCidr, type Subnet, type World } from '../../world';
import { files } from '../layout';
import { subnetsSchema } from '../schemas/subnets';
import type { SnapshotSource } from '../snapshot-source';
import { awsTagsJson } from '../json-shapes';
import { derivedId } from '../derived-values';
import { ipv6Of } from './vpcs';

export function readSubnets(src: SnapshotSource, world: World): void {
  const json = src.read(files.subnets, subnetsSchema);
  json.Subnets.forEach((s, i) => {
    const at = `Subnets[${i}]`;
    if (world.ec2.subnets.has(s.SubnetId)) src.duplicate(files.subnets, `${at}.SubnetId`, s.SubnetId);
    if (!world.ec2.vpcs.has(s.VpcId)) src.dangling(files.subnets, `${at}.VpcId`, s.VpcId, files.vpcs);
    if (s.CidrBlock === undefined) {
      src.skip(
        files.subnets,
        `${at}.CidrBlock`,
        s.SubnetId,
        'an IPv6-only subnet carries no IPv4 flow (the engine evaluates IPv4); its ENIs and instances are left out too',
      );
      return;
    }
    const subnet: Subnet = {
      subnetId: s.SubnetId,
      vpcId: s.VpcId,
      ownerId: s.OwnerId ?? world.accountId,
      cidrBlock: s.CidrBlock,
      ...ipv6Of(s.Ipv6CidrBlockAssociationSet),
      availabilityZone: s.AvailabilityZone,
      state: s.State,
      tags: s.Tags.map((t) => ({ key: t.Key, value: t.Value })),
    };
    world.ec2.subnets.set(subnet.subnetId, subnet);
  });
}

/** Addresses left in the subnet: its size less AWS's five reserved ones and those ENIs hold. */
function availableIpAddressCount(world: World, s: Subnet): number {
  let used = 0;
  for (const eni of world.ec2.networkInterfaces.values()) {
    if (eni.subnetId === s.subnetId) used += 1 + eni.secondaryPrivateIpAddresses.length;
  }
  return 2 ** (32 - parseCidr(s.cidrBlock).prefix) - 5 - used;
}

export function renderSubnets(world: World): unknown {
  return {
    Subnets: [...world.ec2.subnets.values()].map((s) => ({
      AvailabilityZone: s.availabilityZone,
      AvailableIpAddressCount: availableIpAddressCount(world, s),
      CidrBlock: s.cidrBlock,
      DefaultForAz: false,
      MapPublicIpOnLaunch: false,
      State: s.state,
      SubnetId: s.subnetId,
      VpcId: s.vpcId,
      OwnerId: s.ownerId,
      AssignIpv6AddressOnCreation: false,
      Ipv6CidrBlockAssociationSet: (s.ipv6CidrBlocks ?? []).map((cidr) => ({
        AssociationId: derivedId('subnet-cidr-assoc', s.subnetId, cidr),
        Ipv6CidrBlock: cidr,
        Ipv6CidrBlockState: { State: 'associated' },
      })),
      Tags: awsTagsJson(s.tags),
      SubnetArn: `arn:aws:ec2:${world.region}:${s.ownerId}:subnet/${s.subnetId}`,
    })),
  };
}
