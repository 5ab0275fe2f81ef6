// Instances on the wire: RunInstances (subnet, security groups by id or name, a private address or
// one allocated from the subnet, tags for the instance and its ENI, IAM instance profile, user data,
// MinCount/MaxCount, clientToken idempotency), DescribeInstances, TerminateInstances.
// DescribeInstances filters: instance-id, instance-state-name, instance-state-code, instance-type,
// image-id, vpc-id, subnet-id, availability-zone, private-ip-address, private-dns-name,
// network-interface.network-interface-id, network-interface.addresses.private-ip-address,
// instance.group-id, instance.group-name, group-id, group-name, iam-instance-profile.arn, platform,
// architecture, client-token, key-name, reservation-id, owner-id, launch-time, tag:<k>, tag-key.
// Mock notes: the image must exist (the region's catalogue or an image the world's instances use);
// instance profiles and key pairs are not checked against IAM or EC2 key pairs (the world has none);
// instances get no public addresses; the root volume is shown but not modelled.
import {
  derivedHex,
  describeInstances,
  ec2Error,
  findImage,
  getImage,
  getSubnet,
  instanceStateCodes,
  reservationIdOf,
  runReservation,
  terminateInstances,
  type Instance,
  type InstanceStateName,
  type World,
} from '../../../src/world';
import { isoTime, items, type XmlObject } from '../protocols/ec2-xml';
import type { QueryParams } from '../protocols/query-params';
import { applyFilters, type FilterTable } from './filters';
import { page } from './paging';
import { operation, type Ec2OperationTable } from './operation';
import { groupSet, parseDescribe, tagSet, unsupported } from './render';
import { macAddressOf, privateDnsNameOf } from './network-interfaces';
import { groupByName } from './security-group-rules';

const groupIdsOf = (world: World, inst: Instance): string[] => world.ec2.networkInterfaces.get(inst.networkInterfaceId)?.groupIds ?? [];
const gone = (inst: Instance): boolean => inst.state === 'terminated';

export function instanceFilters(world: World): FilterTable<Instance> {
  const groupIds = (i: Instance) => groupIdsOf(world, i);
  const groupNames = (i: Instance) => groupIdsOf(world, i).map((g) => world.ec2.securityGroups.get(g)?.groupName);
  return {
    'instance-id': (i) => i.instanceId,
    'instance-state-name': (i) => i.state,
    'instance-state-code': (i) => instanceStateCodes[i.state],
    'instance-type': (i) => i.instanceType,
    'image-id': (i) => i.imageId,
    'vpc-id': (i) => (gone(i) ? undefined : i.vpcId),
    'subnet-id': (i) => (gone(i) ? undefined : i.subnetId),
    'availability-zone': (i) => i.availabilityZone,
    'private-ip-address': (i) => (gone(i) ? undefined : i.privateIpAddress),
    'private-dns-name': (i) => (gone(i) ? undefined : privateDnsNameOf(world, i.privateIpAddress)),
    'network-interface.network-interface-id': (i) => (gone(i) ? undefined : i.networkInterfaceId),
    'network-interface.addresses.private-ip-address': (i) => (gone(i) ? undefined : i.privateIpAddress),
    'instance.group-id': groupIds,
    'instance.group-name': groupNames,
    'group-id': groupIds,
    'group-name': groupNames,
    'iam-instance-profile.arn': (i) => i.iamInstanceProfileArn,
    platform: (i) => i.platform,
    architecture: (i) => findImage(world, i.imageId)?.architecture,
    'client-token': (i) => i.clientToken,
    'key-name': (i) => i.keyName,
    'reservation-id': (i) => reservationIdOf(i),
    'owner-id': (i) => i.ownerId,
    'launch-time': (i) => isoTime(i.launchTime),
  };
}

const stateXml = (state: InstanceStateName) => ({ code: instanceStateCodes[state], name: state });

export function renderInstance(world: World, inst: Instance): XmlObject {
  const image = findImage(world, inst.imageId);
  const eni = gone(inst) ? undefined : world.ec2.networkInterfaces.get(inst.networkInterfaceId);
  const dns = gone(inst) ? '' : privateDnsNameOf(world, inst.privateIpAddress);
  const stopped = inst.state === 'shutting-down' || inst.state === 'terminated' || inst.state === 'stopping' || inst.state === 'stopped';
  return {
    instanceId: inst.instanceId,
    imageId: inst.imageId,
    instanceState: stateXml(inst.state),
    privateDnsName: dns,
    dnsName: '',
    reason: stopped ? 'User initiated' : '',
    keyName: inst.keyName,
    amiLaunchIndex: 0,
    productCodes: '',
    instanceType: inst.instanceType,
    launchTime: isoTime(inst.launchTime),
    placement: { availabilityZone: inst.availabilityZone, groupName: '', tenancy: 'default' },
    platform: inst.platform,
    monitoring: { state: 'disabled' },
    subnetId: gone(inst) ? undefined : inst.subnetId,
    vpcId: gone(inst) ? undefined : inst.vpcId,
    privateIpAddress: gone(inst) ? undefined : inst.privateIpAddress,
    sourceDestCheck: eni?.sourceDestCheck ?? true,
    groupSet: groupSet(world, groupIdsOf(world, inst)),
    stateReason: stopped
      ? { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' }
      : undefined,
    architecture: image?.architecture ?? 'x86_64',
    rootDeviceType: 'ebs',
    rootDeviceName: image?.rootDeviceName ?? '/dev/xvda',
    // The root EBS volume every EBS-backed instance has (the world models no volumes; its id is derived).
    blockDeviceMapping: items([
      {
        deviceName: image?.rootDeviceName ?? '/dev/xvda',
        ebs: {
          volumeId: `vol-${derivedHex(inst.instanceId, 17)}`,
          status: inst.state === 'terminated' ? 'detached' : 'attached',
          attachTime: isoTime(inst.launchTime),
          deleteOnTermination: true,
        },
      },
    ]),
    virtualizationType: 'hvm',
    clientToken: inst.clientToken ?? '',
    tagSet: tagSet(inst.tags),
    hypervisor: 'xen',
    networkInterfaceSet: items(
      eni
        ? [
            {
              networkInterfaceId: eni.networkInterfaceId,
              subnetId: eni.subnetId,
              vpcId: eni.vpcId,
              description: eni.description,
              ownerId: eni.ownerId,
              status: eni.status,
              macAddress: macAddressOf(eni.networkInterfaceId),
              privateIpAddress: eni.privateIpAddress,
              privateDnsName: privateDnsNameOf(world, eni.privateIpAddress),
              sourceDestCheck: eni.sourceDestCheck,
              groupSet: groupSet(world, eni.groupIds),
              attachment: {
                attachmentId: eni.attachment?.attachmentId,
                deviceIndex: 0,
                status: eni.attachment?.status,
                attachTime: isoTime(inst.launchTime),
                deleteOnTermination: true,
                networkCardIndex: 0,
              },
              privateIpAddressesSet: items([
                { privateIpAddress: eni.privateIpAddress, privateDnsName: privateDnsNameOf(world, eni.privateIpAddress), primary: true },
              ]),
              ipv6AddressesSet: '',
              interfaceType: eni.interfaceType,
            },
          ]
        : [],
    ),
    iamInstanceProfile: inst.iamInstanceProfileArn
      ? { arn: inst.iamInstanceProfileArn, id: `AIPA${derivedHex(inst.iamInstanceProfileArn, 17).toUpperCase()}` }
      : undefined,
    ebsOptimized: false,
    enaSupport: true,
    cpuOptions: { coreCount: 1, threadsPerCore: 2 },
    capacityReservationSpecification: { capacityReservationPreference: 'open' },
    hibernationOptions: { configured: false },
    metadataOptions: {
      state: 'applied',
      httpTokens: 'required',
      httpPutResponseHopLimit: 2,
      httpEndpoint: 'enabled',
      httpProtocolIpv6: 'disabled',
      instanceMetadataTags: 'disabled',
    },
    enclaveOptions: { enabled: false },
    platformDetails: image?.platformDetails ?? 'Linux/UNIX',
    usageOperation: image?.usageOperation ?? 'RunInstances',
    privateDnsNameOptions: { hostnameType: 'ip-name', enableResourceNameDnsARecord: false, enableResourceNameDnsAAAARecord: false },
    maintenanceOptions: { autoRecovery: 'default' },
    currentInstanceBootMode: 'legacy-bios',
  };
}

const renderReservation = (world: World, reservationId: string, instances: readonly Instance[]) => ({
  reservationId,
  ownerId: instances[0]?.ownerId ?? world.accountId,
  groupSet: '',
  instancesSet: items(instances.map((i) => renderInstance(world, i))),
});

interface RunInput {
  imageId: string;
  instanceType: string | undefined;
  minCount: number;
  maxCount: number;
  subnetId: string | undefined;
  groupIds: string[];
  groupNames: string[];
  privateIpAddress: string | undefined;
  userData: string | undefined;
  keyName: string | undefined;
  clientToken: string | undefined;
  profile: { arn?: string; name?: string };
  zone: string | undefined;
  instanceTags: { key: string; value: string }[];
  eniTags: { key: string; value: string }[];
}

function parseRun(p: QueryParams): RunInput {
  const nics = p.list('NetworkInterface');
  if (nics.length > 1)
    throw ec2Error('UnsupportedOperation', 'The vmc-reach mock launches instances with one network interface (device index 0).');
  const nic = nics[0];
  if (nic) {
    if ((nic.int('DeviceIndex') ?? 0) !== 0)
      throw ec2Error('UnsupportedOperation', 'The vmc-reach mock supports NetworkInterface.1 with DeviceIndex 0 only.');
    nic.bool('DeleteOnTermination');
    if (nic.bool('AssociatePublicIpAddress'))
      throw ec2Error('UnsupportedOperation', 'The vmc-reach mock gives instances no public addresses.');
    unsupported(nic, 'NetworkInterfaceId', 'existing ENIs cannot be attached at launch');
  }
  const profile = p.struct('IamInstanceProfile');
  const placement = p.struct('Placement');
  placement?.str('Tenancy');
  p.struct('Monitoring')?.bool('Enabled');
  p.str('InstanceInitiatedShutdownBehavior');
  p.bool('DisableApiTermination');
  p.bool('EbsOptimized');
  const metadata = p.struct('MetadataOptions');
  metadata?.str('HttpTokens');
  metadata?.str('HttpEndpoint');
  metadata?.int('HttpPutResponseHopLimit');
  const userData = p.str('UserData');
  if (userData !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(userData))
    throw ec2Error('InvalidParameterValue', 'Invalid BASE64 encoding of user data.');
  const specs = p.tagSpecifications(['instance', 'network-interface', 'volume']);
  const minCount = p.int('MinCount');
  const maxCount = p.int('MaxCount');
  if (minCount === undefined) throw ec2Error('MissingParameter', 'The request must contain the parameter MinCount');
  if (maxCount === undefined) throw ec2Error('MissingParameter', 'The request must contain the parameter MaxCount');
  const profileArn = profile?.str('Arn');
  const profileName = profile?.str('Name');
  return {
    imageId: p.required('ImageId'),
    instanceType: p.str('InstanceType'),
    minCount,
    maxCount,
    subnetId: nic?.str('SubnetId') ?? p.str('SubnetId'),
    groupIds: [...p.strings('SecurityGroupId'), ...(nic?.strings('SecurityGroupId') ?? [])],
    groupNames: p.strings('SecurityGroup'),
    privateIpAddress: nic?.str('PrivateIpAddress') ?? p.str('PrivateIpAddress'),
    userData,
    keyName: p.str('KeyName'),
    clientToken: p.str('ClientToken'),
    profile: { ...(profileArn !== undefined ? { arn: profileArn } : {}), ...(profileName !== undefined ? { name: profileName } : {}) },
    zone: placement?.str('AvailabilityZone'),
    instanceTags: specs.filter((s) => s.resourceType === 'instance').flatMap((s) => s.tags),
    eniTags: specs.filter((s) => s.resourceType === 'network-interface').flatMap((s) => s.tags),
  };
}

function runInstancesOnWorld(world: World, input: RunInput) {
  const image = getImage(world, input.imageId);
  if (input.instanceType !== undefined && !/^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(input.instanceType)) {
    throw ec2Error('InvalidParameterValue', `Invalid value '${input.instanceType}' for InstanceType.`);
  }
  const subnetId = input.subnetId ?? [...world.ec2.subnets.values()].find((s) => world.ec2.vpcs.get(s.vpcId)?.isDefault)?.subnetId;
  if (subnetId === undefined)
    throw ec2Error('VPCIdNotSpecified', 'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.');
  const subnet = getSubnet(world, subnetId);
  if (input.zone !== undefined && input.zone !== subnet.availabilityZone) {
    throw ec2Error(
      'InvalidParameterValue',
      `Value (${input.zone}) for parameter availabilityZone is invalid. Subnet ${subnet.subnetId} is in availability zone ${subnet.availabilityZone}`,
    );
  }
  const groupIds = [...input.groupIds, ...input.groupNames.map((n) => groupByName(world, n, subnet.vpcId).groupId)];
  const profileArn =
    input.profile.arn ??
    (input.profile.name !== undefined ? `arn:aws:iam::${world.accountId}:instance-profile/${input.profile.name}` : undefined);
  const reservation = runReservation(world, {
    imageId: image.imageId,
    subnetId,
    minCount: input.minCount,
    maxCount: input.maxCount,
    ...(input.instanceType !== undefined ? { instanceType: input.instanceType } : {}),
    ...(groupIds.length ? { securityGroupIds: groupIds } : {}),
    ...(input.privateIpAddress !== undefined ? { privateIpAddress: input.privateIpAddress } : {}),
    ...(input.instanceTags.length ? { tags: input.instanceTags } : {}),
    ...(profileArn !== undefined ? { iamInstanceProfileArn: profileArn } : {}),
    ...(input.userData !== undefined ? { userData: input.userData } : {}),
    ...(input.keyName !== undefined ? { keyName: input.keyName } : {}),
    ...(input.clientToken !== undefined ? { clientToken: input.clientToken } : {}),
    ...(image.platform ? { platform: image.platform } : {}),
  });
  for (const inst of reservation.instances) {
    const eni = world.ec2.networkInterfaces.get(inst.networkInterfaceId);
    if (eni && input.eniTags.length && eni.tags.length === 0) eni.tags = [...input.eniTags];
  }
  return reservation;
}

const instanceNotFound = (id: string | undefined) =>
  ec2Error('InvalidInstanceID.NotFound', `The instance ID '${id ?? '?'}' does not exist`);

export const instanceOperations: Ec2OperationTable = {
  RunInstances: operation({
    parse: parseRun,
    run: ({ world }, input) => {
      const r = runInstancesOnWorld(world, input);
      return renderReservation(world, r.reservationId, r.instances);
    },
  }),
  DescribeInstances: operation({
    parse: (p) => parseDescribe(p, 'InstanceId'),
    run: ({ world }, input) => {
      const all = applyFilters(describeInstances(world, input.ids), input.filters, instanceFilters(world), (i) => i.tags);
      const { page: shown, nextToken } = page(all, input, { min: 5, max: 1000, ...(input.ids.length ? { idsGiven: 'instancesSet' } : {}) });
      const reservations = new Map<string, Instance[]>();
      for (const inst of shown) {
        const id = reservationIdOf(inst);
        reservations.set(id, [...(reservations.get(id) ?? []), inst]);
      }
      return { reservationSet: items([...reservations].map(([id, insts]) => renderReservation(world, id, insts))), nextToken };
    },
    notFound: (input) => (input.ids.length ? instanceNotFound(input.ids[0]) : { reservationSet: '' }),
  }),
  TerminateInstances: operation({
    parse: (p) => {
      const ids = p.strings('InstanceId');
      if (ids.length === 0) throw ec2Error('MissingParameter', 'The request must contain the parameter InstanceId');
      return ids;
    },
    run: ({ world }, ids) => ({
      instancesSet: items(
        terminateInstances(world, ids).map((t) => ({
          instanceId: t.instanceId,
          currentState: stateXml(t.current),
          previousState: stateXml(t.previous),
        })),
      ),
    }),
    notFound: (ids) => instanceNotFound(ids[0]),
  }),
};
