// Instances ⇄ aws/describe-instances.json. Every reservation is read; the writer puts each instance in
// its own reservation (the world does not keep reservations). Terminated instances have left the
// network and are skipped. The user data is not part of DescribeInstances and is not kept.
import { describeInstances, instanceStateCodes, type Instance, type InstanceStateName, type World } from '../../world';
import { files } from '../layout';
import { instancesSchema, type InstanceJson } from '../schemas/instances';
import type { SnapshotSource } from '../snapshot-source';
import { awsTagsJson } from '../json-shapes';
import { awsTime, derivedId, privateDnsName } from '../derived-values';
import { checkEniAttachments, networkInterfaceJson } from './network-interfaces';

/** A snapshot is a moment: instances caught in a transition finish it after load, on the world's clock. */
function transitionAt(world: World, state: InstanceStateName): number | undefined {
  if (state === 'pending') return world.clock() + world.latency.instanceBootMs;
  if (state === 'stopping' || state === 'shutting-down') return world.clock() + world.latency.instanceShutdownMs;
  return undefined;
}

function readInstance(src: SnapshotSource, world: World, inst: InstanceJson, at: string, ownerId: string): Instance {
  const file = files.instances;
  const state = inst.State.Name;
  if (inst.SubnetId === undefined) src.invalid(file, `${at}.SubnetId`, inst.SubnetId, `is missing: a ${state} instance has a subnet`);
  const subnet = world.ec2.subnets.get(inst.SubnetId) ?? src.dangling(file, `${at}.SubnetId`, inst.SubnetId, files.subnets);
  if (inst.PrivateIpAddress === undefined)
    src.invalid(file, `${at}.PrivateIpAddress`, undefined, `is missing: a ${state} instance has a private address`);
  // The instance's SecurityGroups are its primary ENI's groups: a group missing from the export is reported there.
  const k = inst.NetworkInterfaces.findIndex((n) => n.Attachment?.DeviceIndex === 0);
  if (k < 0)
    src.invalid(
      file,
      `${at}.NetworkInterfaces`,
      inst.NetworkInterfaces.length,
      'interfaces listed, none with Attachment.DeviceIndex 0: the instance needs its primary ENI',
    );
  const eniId = inst.NetworkInterfaces[k]!.NetworkInterfaceId;
  if (!world.ec2.networkInterfaces.has(eniId))
    src.dangling(file, `${at}.NetworkInterfaces[${k}].NetworkInterfaceId`, eniId, files.networkInterfaces);
  const stateTransitionAt = transitionAt(world, state);
  return {
    instanceId: inst.InstanceId,
    imageId: inst.ImageId,
    instanceType: inst.InstanceType,
    ownerId,
    state,
    ...(stateTransitionAt !== undefined ? { stateTransitionAt } : {}),
    subnetId: subnet.subnetId,
    vpcId: inst.VpcId ?? subnet.vpcId,
    privateIpAddress: inst.PrivateIpAddress,
    networkInterfaceId: eniId,
    availabilityZone: inst.Placement?.AvailabilityZone ?? subnet.availabilityZone,
    launchTime: inst.LaunchTime !== undefined ? Date.parse(inst.LaunchTime) : 0,
    tags: inst.Tags.map((t) => ({ key: t.Key, value: t.Value })),
    ...(inst.IamInstanceProfile ? { iamInstanceProfileArn: inst.IamInstanceProfile.Arn } : {}),
    ...(inst.Platform?.toLowerCase() === 'windows' ? { platform: 'windows' as const } : {}),
    ...(inst.KeyName ? { keyName: inst.KeyName } : {}),
    ...(inst.ClientToken ? { clientToken: inst.ClientToken } : {}),
  };
}

export function readInstances(src: SnapshotSource, world: World): void {
  const json = src.read(files.instances, instancesSchema);
  const inFile = new Set<string>();
  json.Reservations.forEach((r, i) => {
    r.Instances.forEach((inst, j) => {
      const at = `Reservations[${i}].Instances[${j}]`;
      if (inFile.has(inst.InstanceId)) src.duplicate(files.instances, `${at}.InstanceId`, inst.InstanceId);
      inFile.add(inst.InstanceId);
      if (inst.State.Name === 'terminated') return;
      const primary = inst.NetworkInterfaces.find((n) => n.Attachment?.DeviceIndex === 0)?.NetworkInterfaceId;
      if ((inst.SubnetId !== undefined && src.skipped.has(inst.SubnetId)) || (primary !== undefined && src.skipped.has(primary))) {
        src.skip(files.instances, `${at}.InstanceId`, inst.InstanceId, 'an IPv6-only instance carries no IPv4 flow');
        return;
      }
      const instance = readInstance(src, world, inst, at, r.OwnerId ?? world.accountId);
      world.ec2.instances.set(instance.instanceId, instance);
    });
  });
  checkEniAttachments(src, world, inFile);
}

function instanceJson(world: World, inst: Instance): Record<string, unknown> {
  const enis = [...world.ec2.networkInterfaces.values()]
    .filter((e) => e.attachment?.instanceId === inst.instanceId)
    .sort((a, b) => a.attachment!.deviceIndex - b.attachment!.deviceIndex);
  const primary = world.ec2.networkInterfaces.get(inst.networkInterfaceId);
  const gone = inst.state === 'terminated';
  return {
    AmiLaunchIndex: 0,
    ImageId: inst.imageId,
    InstanceId: inst.instanceId,
    InstanceType: inst.instanceType,
    KeyName: inst.keyName,
    LaunchTime: awsTime(inst.launchTime),
    Monitoring: { State: 'disabled' },
    Placement: { AvailabilityZone: inst.availabilityZone, GroupName: '', Tenancy: 'default' },
    Platform: inst.platform,
    PrivateDnsName: gone ? '' : privateDnsName(inst.privateIpAddress, world.region),
    PrivateIpAddress: gone ? undefined : inst.privateIpAddress,
    ProductCodes: [],
    PublicDnsName: '',
    State: { Code: instanceStateCodes[inst.state], Name: inst.state },
    StateTransitionReason: '',
    SubnetId: gone ? undefined : inst.subnetId,
    VpcId: gone ? undefined : inst.vpcId,
    ClientToken: inst.clientToken ?? '',
    IamInstanceProfile:
      inst.iamInstanceProfileArn === undefined
        ? undefined
        : { Arn: inst.iamInstanceProfileArn, Id: derivedId('AIPA', inst.iamInstanceProfileArn).toUpperCase().replace('-', '') },
    NetworkInterfaces: enis.map((eni) => {
      // describe-instances embeds each ENI without AvailabilityZone, RequesterManaged and TagSet, and its
      // attachment without the instance (it is the enclosing one).
      const { AvailabilityZone: _az, RequesterManaged: _rm, TagSet: _tags, Attachment, ...rest } = networkInterfaceJson(world, eni);
      const { InstanceId: _id, InstanceOwnerId: _owner, ...attachment } = Attachment as Record<string, unknown>;
      return { Attachment: attachment, ...rest };
    }),
    SecurityGroups: (primary?.groupIds ?? []).map((g) => ({ GroupName: world.ec2.securityGroups.get(g)?.groupName, GroupId: g })),
    SourceDestCheck: primary?.sourceDestCheck ?? true,
    Tags: awsTagsJson(inst.tags),
  };
}

export function renderInstances(world: World): unknown {
  // DescribeInstances first settles due state transitions (pending → running), as EC2 would show them.
  return {
    Reservations: describeInstances(world).map((inst) => ({
      Groups: [],
      Instances: [instanceJson(world, inst)],
      OwnerId: inst.ownerId,
      ReservationId: derivedId('r', inst.instanceId),
    })),
  };
}
