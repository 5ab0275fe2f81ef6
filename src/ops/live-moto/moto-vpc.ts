// The connected VPC, built in moto the way VMC leaves a customer's VPC: a VPC of its own (10.20.0.0/16,
// deliberately not the 172.31.0.0/16 the scenarios once hard-coded), a connected subnet, two cross-link
// ENIs described "VMware VMC Interface" in the default SG, and the main route table routing the SDDC's
// segments to the active ENI. Plus the instance profile the test instances are launched with.
// moto differs from AWS: the default SG has no self-referencing inbound rule (AWS creates one); it is
// added here, as AWS would have it, so the VM ↔ default-SG cases are judged on an AWS-like VPC.
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';

export interface MotoVpc {
  vpcId: string;
  cidr: string;
  subnetId: string;
  subnetCidr: string;
  availabilityZone: string;
  defaultSecurityGroupId: string;
  activeEni: string;
  standbyEni: string;
  mainRouteTableId: string;
}

export const crossLinkDescription = 'VMware VMC Interface';

export async function buildConnectedVpc(
  ec2: EC2Client,
  o: { cidr: string; subnetCidr: string; availabilityZone: string; sddcCidrs: string[] },
): Promise<MotoVpc> {
  const vpc = await ec2.send(
    new CreateVpcCommand({
      CidrBlock: o.cidr,
      TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'sddc-connected-vpc' }] }],
    }),
  );
  const vpcId = vpc.Vpc!.VpcId!;
  const subnet = await ec2.send(
    new CreateSubnetCommand({
      VpcId: vpcId,
      CidrBlock: o.subnetCidr,
      AvailabilityZone: o.availabilityZone,
      TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'Name', Value: 'sddc-connected-subnet' }] }],
    }),
  );
  const subnetId = subnet.Subnet!.SubnetId!;
  const sgs = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'group-name', Values: ['default'] },
      ],
    }),
  );
  const defaultSecurityGroupId = sgs.SecurityGroups![0]!.GroupId!;
  const selfRule = sgs.SecurityGroups![0]!.IpPermissions?.some((p) =>
    p.UserIdGroupPairs?.some((g) => g.GroupId === defaultSecurityGroupId),
  );
  if (!selfRule) {
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: defaultSecurityGroupId,
        IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: defaultSecurityGroupId }] }],
      }),
    );
  }
  // Explicit addresses at the top of the subnet, away from where RunInstances hands them out (moto may
  // give an instance an address an explicitly addressed ENI already holds).
  const base = o.subnetCidr.split('/')[0]!.split('.').map(Number);
  const at = (n: number): string => [base[0], base[1], base[2], n].join('.');
  const eni = async (ip: string): Promise<string> =>
    (
      await ec2.send(
        new CreateNetworkInterfaceCommand({
          SubnetId: subnetId,
          Description: crossLinkDescription,
          Groups: [defaultSecurityGroupId],
          PrivateIpAddress: ip,
        }),
      )
    ).NetworkInterface!.NetworkInterfaceId!;
  const activeEni = await eni(at(250));
  const standbyEni = await eni(at(251));
  const rts = await ec2.send(
    new DescribeRouteTablesCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'association.main', Values: ['true'] },
      ],
    }),
  );
  const mainRouteTableId = rts.RouteTables![0]!.RouteTableId!;
  for (const c of o.sddcCidrs)
    await ec2.send(new CreateRouteCommand({ RouteTableId: mainRouteTableId, DestinationCidrBlock: c, NetworkInterfaceId: activeEni }));
  return {
    vpcId,
    cidr: o.cidr,
    subnetId,
    subnetCidr: o.subnetCidr,
    availabilityZone: o.availabilityZone,
    defaultSecurityGroupId,
    activeEni,
    standbyEni,
    mainRouteTableId,
  };
}

/** IAM CreateInstanceProfile on moto through its Query API (this project has no IAM client). */
export async function createInstanceProfile(motoUrl: string, name: string): Promise<string> {
  const body = new URLSearchParams({ Action: 'CreateInstanceProfile', Version: '2010-05-08', InstanceProfileName: name });
  const r = await fetch(motoUrl, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: 'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
    },
  });
  const text = await r.text();
  const arn = /<Arn>([^<]+)<\/Arn>/.exec(text)?.[1];
  if (!r.ok || !arn) throw new Error(`moto IAM CreateInstanceProfile ${name} answered ${r.status}: ${text.slice(0, 300)}`);
  return arn;
}
