// Network ACLs ⇄ aws/describe-network-acls.json. IPv6 entries are not modelled and are skipped.
import type { NaclEntry, NetworkAcl, World } from '../../world';
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
    const entries: NaclEntry[] = acl.Entries.flatMap((e) =>
      e.CidrBlock === undefined
        ? []
        : [
            {
              ruleNumber: e.RuleNumber,
              protocol: e.Protocol,
              ruleAction: e.RuleAction,
              egress: e.Egress,
              cidrBlock: e.CidrBlock,
              ...(e.IcmpTypeCode ? { icmpTypeCode: { type: e.IcmpTypeCode.Type, code: e.IcmpTypeCode.Code } } : {}),
              ...(e.PortRange ? { portRange: { from: e.PortRange.From, to: e.PortRange.To } } : {}),
            },
          ],
    );
    acl.Associations.forEach((a, k) => {
      if (!world.ec2.subnets.has(a.SubnetId)) src.dangling(file, `${at}.Associations[${k}].SubnetId`, a.SubnetId, files.subnets);
    });
    const nacl: NetworkAcl = {
      networkAclId: acl.NetworkAclId,
      vpcId: acl.VpcId,
      ownerId: acl.OwnerId ?? world.accountId,
      isDefault: acl.IsDefault,
      entries,
      associations: acl.Associations.map((a) => ({ networkAclAssociationId: a.NetworkAclAssociationId, networkAclId: acl.NetworkAclId, subnetId: a.SubnetId })),
      tags: acl.Tags.map((t) => ({ key: t.Key, value: t.Value })),
    };
    world.ec2.networkAcls.set(nacl.networkAclId, nacl);
  });
}

export function renderNetworkAcls(world: World): unknown {
  return {
    NetworkAcls: [...world.ec2.networkAcls.values()].map((acl) => ({
      Associations: acl.associations.map((a) => ({ NetworkAclAssociationId: a.networkAclAssociationId, NetworkAclId: a.networkAclId, SubnetId: a.subnetId })),
      Entries: acl.entries.map((e) => ({
        CidrBlock: e.cidrBlock,
        Egress: e.egress,
        IcmpTypeCode: e.icmpTypeCode && { Code: e.icmpTypeCode.code, Type: e.icmpTypeCode.type },
        PortRange: e.portRange && { From: e.portRange.from, To: e.portRange.to },
        Protocol: e.protocol,
        RuleAction: e.ruleAction,
        RuleNumber: e.ruleNumber,
      })),
      IsDefault: acl.isDefault,
      NetworkAclId: acl.networkAclId,
      Tags: acl.tags.map((t) => ({ Key: t.key, Value: t.value })),
      VpcId: acl.vpcId,
      OwnerId: acl.ownerId,
    })),
  };
}
