// Network ACLs ⇄ aws/describe-network-acls.json, IPv4 and IPv6 entries alike (entry shape: src/shapes/ec2).
// An association to a subnet the export lacks (a deleted subnet) loads with a warning.
import type { NetworkAcl, World } from '../../world';
import { naclEntryJson } from '../../shapes/ec2';
import { files } from '../layout';
import { networkAclsSchema } from '../schemas/network-acls';
import type { SnapshotSource } from '../snapshot-source';

export function readNetworkAcls(src: SnapshotSource, world: World): void {
  const file = files.networkAcls;
  const json = src.read(file, networkAclsSchema);
  json.NetworkAcls.forEach((acl, i) => {
    const at = `NetworkAcls[${i}]`;
    if (world.ec2.networkAcls.has(acl.NetworkAclId)) src.duplicate(file, `${at}.NetworkAclId`, acl.NetworkAclId);
    if (!world.ec2.vpcs.has(acl.VpcId)) src.dangling(file, `${at}.VpcId`, acl.VpcId, files.vpcs);
    acl.Entries.forEach((e, k) => {
      if ((e.cidrBlock === undefined) === (e.ipv6CidrBlock === undefined)) {
        src.invalid(
          file,
          `${at}.Entries[${k}]`,
          e.ruleNumber,
          'is a rule number whose entry needs exactly one of CidrBlock and Ipv6CidrBlock',
        );
      }
    });
    acl.Associations.forEach((a, k) => {
      if (!world.ec2.subnets.has(a.SubnetId)) {
        src.missing(
          file,
          `${at}.Associations[${k}].SubnetId`,
          a.SubnetId,
          files.subnets,
          `the association of ${acl.NetworkAclId} is kept but decides nothing (a deleted subnet carries no flow)`,
        );
      }
    });
    const nacl: NetworkAcl = {
      networkAclId: acl.NetworkAclId,
      vpcId: acl.VpcId,
      ownerId: acl.OwnerId ?? world.accountId,
      isDefault: acl.IsDefault,
      entries: acl.Entries,
      associations: acl.Associations.map((a) => ({
        networkAclAssociationId: a.NetworkAclAssociationId,
        networkAclId: acl.NetworkAclId,
        subnetId: a.SubnetId,
      })),
      tags: acl.Tags.map((t) => ({ key: t.Key, value: t.Value })),
    };
    world.ec2.networkAcls.set(nacl.networkAclId, nacl);
  });
}

export function renderNetworkAcls(world: World): unknown {
  return {
    NetworkAcls: [...world.ec2.networkAcls.values()].map((acl) => ({
      Associations: acl.associations.map((a) => ({
        NetworkAclAssociationId: a.networkAclAssociationId,
        NetworkAclId: a.networkAclId,
        SubnetId: a.subnetId,
      })),
      Entries: acl.entries.map(naclEntryJson),
      IsDefault: acl.isDefault,
      NetworkAclId: acl.networkAclId,
      Tags: acl.tags.map((t) => ({ Key: t.key, Value: t.value })),
      VpcId: acl.vpcId,
      OwnerId: acl.ownerId,
    })),
  };
}
