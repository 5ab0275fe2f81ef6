// ENIs ⇄ aws/describe-network-interfaces.json (tags in `TagSet`). The SDDC's cross-link ENIs are among
// them, recognisable by their description "VMware VMC Interface".
import type { NetworkInterface, World } from '../../world';
import { files } from '../layout';
import { networkInterfacesSchema } from '../schemas/network-interfaces';
import type { SnapshotSource } from '../snapshot-source';
import { awsTime, privateDnsName } from '../derived-values';

export function readNetworkInterfaces(src: SnapshotSource, world: World): void {
  const json = src.read(files.networkInterfaces, networkInterfacesSchema);
  json.NetworkInterfaces.forEach((n, i) => {
    const at = `NetworkInterfaces[${i}]`;
    const file = files.networkInterfaces;
    if (world.ec2.networkInterfaces.has(n.NetworkInterfaceId)) src.duplicate(file, `${at}.NetworkInterfaceId`, n.NetworkInterfaceId);
    if (src.skipped.has(n.SubnetId) || n.PrivateIpAddress === undefined) {
      src.skip(file, `${at}.PrivateIpAddress`, n.NetworkInterfaceId, 'an ENI without an IPv4 address (IPv6 only) carries no IPv4 flow');
      return;
    }
    const subnet = world.ec2.subnets.get(n.SubnetId) ?? src.dangling(file, `${at}.SubnetId`, n.SubnetId, files.subnets);
    n.Groups.forEach((g, k) => {
      if (!world.ec2.securityGroups.has(g.GroupId)) {
        src.missing(
          file,
          `${at}.Groups[${k}].GroupId`,
          g.GroupId,
          files.securityGroups,
          `${n.NetworkInterfaceId} wears it, so flows through that ENI whose other groups do not allow them are indeterminate (SECURITY_GROUP_MISSING)`,
        );
      }
    });
    const a = n.Attachment;
    const eni: NetworkInterface = {
      networkInterfaceId: n.NetworkInterfaceId,
      subnetId: subnet.subnetId,
      vpcId: n.VpcId ?? subnet.vpcId,
      ownerId: n.OwnerId ?? world.accountId,
      availabilityZone: n.AvailabilityZone ?? subnet.availabilityZone,
      privateIpAddress: n.PrivateIpAddress,
      secondaryPrivateIpAddresses: n.PrivateIpAddresses.filter((p) => !p.Primary && p.PrivateIpAddress !== n.PrivateIpAddress).map(
        (p) => p.PrivateIpAddress,
      ),
      ...(n.Ipv6Addresses.length > 0 ? { ipv6Addresses: n.Ipv6Addresses.map((x) => x.Ipv6Address) } : {}),
      groupIds: n.Groups.map((g) => g.GroupId),
      description: n.Description,
      interfaceType: n.InterfaceType,
      // EC2 also reports attaching/detaching/associated; the model knows free or in use.
      status: n.Status === 'available' ? 'available' : 'in-use',
      sourceDestCheck: n.SourceDestCheck,
      requesterManaged: n.RequesterManaged,
      ...(a
        ? {
            attachment: {
              attachmentId: a.AttachmentId,
              ...(a.InstanceId !== undefined ? { instanceId: a.InstanceId } : {}),
              ...(a.InstanceOwnerId !== undefined ? { instanceOwnerId: a.InstanceOwnerId } : {}),
              deviceIndex: a.DeviceIndex,
              status: a.Status === 'attached' || a.Status === 'attaching' ? ('attached' as const) : ('detached' as const),
            },
          }
        : {}),
      tags: n.TagSet.map((t) => ({ key: t.Key, value: t.Value })),
    };
    world.ec2.networkInterfaces.set(eni.networkInterfaceId, eni);
  });
}

/** Run after the instances are read: an ENI attached to an instance of this account names one in describe-instances. */
export function checkEniAttachments(src: SnapshotSource, world: World, instanceIdsInFile: ReadonlySet<string>): void {
  [...world.ec2.networkInterfaces.values()].forEach((eni, i) => {
    const a = eni.attachment;
    if (a?.instanceId === undefined) return;
    if (a.instanceOwnerId !== undefined && a.instanceOwnerId !== eni.ownerId) return;
    if (!instanceIdsInFile.has(a.instanceId)) {
      src.missing(
        files.networkInterfaces,
        `NetworkInterfaces[${i}].Attachment.InstanceId`,
        a.instanceId,
        files.instances,
        `${eni.networkInterfaceId} is kept as attached to it; that instance cannot be a flow's endpoint`,
      );
    }
  });
}

/** The JSON of one ENI; describe-instances embeds the same shape (without a few fields) per instance. */
export function networkInterfaceJson(world: World, eni: NetworkInterface): Record<string, unknown> {
  const a = eni.attachment;
  const instance = a?.instanceId !== undefined ? world.ec2.instances.get(a.instanceId) : undefined;
  const groupName = (id: string): string | undefined => world.ec2.securityGroups.get(id)?.groupName;
  return {
    Attachment: a && {
      AttachTime: instance ? awsTime(instance.launchTime) : undefined,
      AttachmentId: a.attachmentId,
      DeleteOnTermination: a.deviceIndex === 0 && instance !== undefined,
      DeviceIndex: a.deviceIndex,
      NetworkCardIndex: 0,
      InstanceId: a.instanceId,
      InstanceOwnerId: a.instanceOwnerId,
      Status: a.status,
    },
    AvailabilityZone: eni.availabilityZone,
    Description: eni.description,
    Groups: eni.groupIds.map((g) => ({ GroupName: groupName(g), GroupId: g })),
    InterfaceType: eni.interfaceType,
    Ipv6Addresses: (eni.ipv6Addresses ?? []).map((ip) => ({ Ipv6Address: ip })),
    NetworkInterfaceId: eni.networkInterfaceId,
    OwnerId: eni.ownerId,
    PrivateDnsName: privateDnsName(eni.privateIpAddress, world.region),
    PrivateIpAddress: eni.privateIpAddress,
    PrivateIpAddresses: [eni.privateIpAddress, ...eni.secondaryPrivateIpAddresses].map((ip, k) => ({
      Primary: k === 0,
      PrivateDnsName: privateDnsName(ip, world.region),
      PrivateIpAddress: ip,
    })),
    RequesterManaged: eni.requesterManaged,
    SourceDestCheck: eni.sourceDestCheck,
    Status: eni.status,
    SubnetId: eni.subnetId,
    TagSet: eni.tags.map((t) => ({ Key: t.key, Value: t.value })),
    VpcId: eni.vpcId,
  };
}

export function renderNetworkInterfaces(world: World): unknown {
  return { NetworkInterfaces: [...world.ec2.networkInterfaces.values()].map((eni) => networkInterfaceJson(world, eni)) };
}
