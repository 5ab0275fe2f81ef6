// Doctor, AWS side: credentials and region, the connected VPC as these credentials see it, the SDDC VM
// as an SSM managed node, the test instances' image, and the permissions a run needs, by DryRun calls.
//
// Credentials are checked with EC2 DescribeAvailabilityZones, not STS GetCallerIdentity: the call proves
// the same things a run needs (credentials found by the default chain, signature accepted, region valid,
// EC2 reachable), the run itself uses EC2 and SSM only, and `vmc-reach mock serve` implements EC2 and SSM
// but not STS (nor DescribeRegions), so the check is exercised against the served mock on the live path.
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeAvailabilityZonesCommand,
  DescribeImagesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  RunInstancesCommand,
  type EC2Client,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand, GetParameterCommand, type InstanceInformation, type SSMClient } from '@aws-sdk/client-ssm';
import { dryRunCheck, errorName, errorText, fail, pass, type CheckResult } from './check';
import { failFromError } from './error-kind';
import { vmNode, type NodeLookup } from '../../target/ssm-nodes';

const policyFix = 'attach the policy in docs/iam-policy.json to the identity the SDK uses';

export async function checkCredentials(ec2: EC2Client, region: string): Promise<CheckResult> {
  const name = 'AWS credentials and region';
  try {
    const out = await ec2.send(new DescribeAvailabilityZonesCommand({}));
    return pass(name, `accepted by EC2 in ${region} (${out.AvailabilityZones?.length ?? 0} availability zones)`);
  } catch (e) {
    const n = errorName(e);
    if (n === 'CredentialsProviderError' || /Could not load credentials/i.test(String((e as Error).message))) {
      return fail(
        name,
        'no credentials found by the SDK default chain',
        'aws sso login (or aws configure, AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or an OIDC role in CI)',
      );
    }
    if (/AuthFailure|InvalidClientTokenId|UnrecognizedClient|SignatureDoesNotMatch|ExpiredToken|RequestExpired/.test(n)) {
      return fail(
        name,
        `credentials rejected (${errorText(e)})`,
        'refresh them (aws sso login, or new keys); check the clock if the signature is rejected',
      );
    }
    if (n === 'UnauthorizedOperation') return fail(name, 'credentials work but may not call ec2:DescribeAvailabilityZones', policyFix);
    return fail(
      name,
      `EC2 in ${region} did not answer (${errorText(e)})`,
      `check "region"/AWS_REGION (${region}) and the network path to the EC2 endpoint`,
    );
  }
}

export async function checkVpcVisible(ec2: EC2Client, vpcId: string): Promise<CheckResult> {
  const name = 'connected VPC in this AWS account';
  try {
    const out = await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }));
    const vpc = out.Vpcs?.[0];
    return vpc
      ? pass(name, `${vpcId} (${vpc.CidrBlock}) is visible to these credentials`)
      : fail(name, `${vpcId} not returned`, 'use credentials of the account and region the SDDC is connected to');
  } catch (e) {
    if (/NotFound/.test(errorName(e)))
      return fail(
        name,
        `${vpcId} does not exist for these credentials`,
        'use credentials of the account and region the SDDC is connected to (the SDDC names its connected VPC)',
      );
    return failFromError(name, e, { call: 'EC2 DescribeVpcs', endpoint: 'the EC2 endpoint', permission: 'ec2:DescribeVpcs', policyFix });
  }
}

export interface VmNode {
  name: string;
  ip: string;
}

/** The SDDC VM (the configured one, else any VM found by its IP) is an Online SSM managed node. */
export async function checkVmManagedNode(
  ssm: SSMClient,
  vms: VmNode[],
  configured?: { name: string; managedInstanceId: string },
  endpoint = 'the SSM endpoint',
): Promise<CheckResult> {
  const name = 'SDDC VM registered with SSM';
  const fix =
    'create a hybrid activation (aws ssm create-activation), install and register the SSM agent in the VM, and let the agent reach the SSM endpoints (README: live mode walkthrough, step 3)';
  try {
    if (configured) {
      const out = await ssm.send(
        new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: [configured.managedInstanceId] }] }),
      );
      const node = out.InstanceInformationList?.[0];
      if (!node)
        return fail(
          name,
          `${configured.managedInstanceId} (live.vm, ${configured.name}) is not an SSM managed node in this account and region`,
          fix,
        );
      if (node.PingStatus !== 'Online')
        return fail(
          name,
          `${configured.managedInstanceId} (${configured.name}) is ${node.PingStatus}`,
          'start the VM and its amazon-ssm-agent; check its way out to the SSM endpoints',
        );
      return pass(name, `${configured.name} is ${configured.managedInstanceId}, Online`);
    }
    const nodes: InstanceInformation[] = [];
    let token: string | undefined;
    do {
      const out = await ssm.send(new DescribeInstanceInformationCommand({ ...(token ? { NextToken: token } : {}) }));
      nodes.push(...(out.InstanceInformationList ?? []));
      token = out.NextToken;
    } while (token);
    const found = vms.flatMap((vm) => nodes.filter((n) => n.IPAddress === vm.ip).map((n) => ({ vm, node: n })));
    const online = found.filter((f) => f.node.PingStatus === 'Online');
    if (online.length === 0) {
      return fail(
        name,
        found.length > 0
          ? `${found.map((f) => `${f.vm.name} ${f.node.InstanceId} ${f.node.PingStatus}`).join(', ')}: none Online`
          : `none of the SDDC's ${vms.length} VMs with an IPv4 address is an SSM managed node`,
        fix,
      );
    }
    return pass(
      name,
      `${online.map((f) => `${f.vm.name} (${f.vm.ip}) is ${f.node.InstanceId}, Online`).join('; ')}${configured ? '' : ' (set live.vm to pin one)'}`,
    );
  } catch (e) {
    return failFromError(name, e, {
      call: 'SSM DescribeInstanceInformation',
      endpoint,
      permission: 'ssm:DescribeInstanceInformation',
      policyFix,
    });
  }
}

/** The test instances' image: an SSM public parameter (resolved) or an AMI id (described). */
export async function checkImage(ec2: EC2Client, ssm: SSMClient, image: string): Promise<{ result: CheckResult; imageId?: string }> {
  const name = 'AMI for the test instances';
  try {
    if (image.startsWith('/')) {
      const out = await ssm.send(new GetParameterCommand({ Name: image }));
      const id = out.Parameter?.Value;
      return id
        ? { result: pass(name, `${image} resolves to ${id}`), imageId: id }
        : { result: fail(name, `${image} has no value`, 'set live.image to an SSM public parameter or an AMI id') };
    }
    const out = await ec2.send(new DescribeImagesCommand({ ImageIds: [image] }));
    const found = out.Images?.[0];
    return found
      ? { result: pass(name, `${image} (${found.Name ?? 'unnamed'}) is ${found.State}`), imageId: image }
      : { result: fail(name, `${image} not found`, 'set live.image to an AMI available in this region') };
  } catch (e) {
    if (/ParameterNotFound|InvalidAMIID/.test(errorName(e)))
      return {
        result: fail(
          name,
          `${image}: ${errorText(e)}`,
          'set live.image to an SSM public parameter (e.g. /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64) or an AMI id of this region',
        ),
      };
    return {
      result: failFromError(name, e, {
        call: image.startsWith('/') ? 'SSM GetParameter' : 'EC2 DescribeImages',
        endpoint: image.startsWith('/') ? 'the SSM endpoint' : 'the EC2 endpoint',
        permission: image.startsWith('/') ? 'ssm:GetParameter on /aws/service/*' : 'ec2:DescribeImages',
        policyFix,
      }),
    };
  }
}

/**
 * The instance profile exists and may be passed: RunInstances as a DryRun with it. AWS answers
 * InvalidParameterValue ("Invalid IAM Instance Profile name") for a profile that does not exist; moto
 * answers NoSuchEntity. Both are "does not exist", never a ✓ for a name that was only configured.
 */
export async function checkInstanceProfile(
  ec2: EC2Client,
  p: { imageId: string; instanceType: string; subnetId: string; instanceProfile: string },
): Promise<CheckResult> {
  const name = 'instance profile for the test instances';
  const profile = p.instanceProfile.startsWith('arn:') ? { Arn: p.instanceProfile } : { Name: p.instanceProfile };
  const create =
    'create a role with AmazonSSMManagedInstanceCore and an instance profile for it (or use AmazonSSMRoleForInstancesQuickSetup); set live.instanceProfile or VMC_REACH_INSTANCE_PROFILE';
  try {
    await ec2.send(
      new RunInstancesCommand({
        DryRun: true,
        ImageId: p.imageId,
        InstanceType: p.instanceType as _InstanceType,
        SubnetId: p.subnetId,
        MinCount: 1,
        MaxCount: 1,
        IamInstanceProfile: profile,
      }),
    );
    return fail(name, 'the DryRun call was carried out instead of answering DryRunOperation', 'report this: the endpoint ignored DryRun');
  } catch (e) {
    const n = errorName(e);
    if (n === 'DryRunOperation')
      return pass(name, `${p.instanceProfile} exists and may be passed (RunInstances DryRun with it answered DryRunOperation)`);
    if (
      n === 'NoSuchEntity' ||
      /InvalidIamInstanceProfile/.test(n) ||
      (n === 'InvalidParameterValue' && /instance ?profile/i.test(String((e as Error).message)))
    ) {
      return fail(name, `${p.instanceProfile} does not exist in this account (${errorText(e)})`, create);
    }
    return failFromError(name, e, {
      call: 'EC2 RunInstances (DryRun, with the instance profile)',
      endpoint: 'the EC2 endpoint',
      permission: `ec2:RunInstances and iam:PassRole on the role of ${p.instanceProfile}`,
      policyFix,
    });
  }
}

const doctorTags = [{ Key: 'vmc-reach:run-id', Value: 'doctor-dry-run' }];

export interface PermissionInputs {
  imageId: string;
  instanceType: string;
  subnetId: string;
  vpcId: string;
  instanceProfile?: string;
}

/** RunInstances (with the instance profile, so iam:PassRole too, and tags), CreateSecurityGroup, and a rule on the default SG: each as a DryRun. */
export async function checkPermissions(ec2: EC2Client, p: PermissionInputs): Promise<CheckResult[]> {
  const profile = p.instanceProfile
    ? p.instanceProfile.startsWith('arn:')
      ? { Arn: p.instanceProfile }
      : { Name: p.instanceProfile }
    : undefined;
  const results: CheckResult[] = [];
  results.push(
    await dryRunCheck(
      `permission ec2:RunInstances${profile ? ' with the instance profile (iam:PassRole)' : ''} and tags`,
      () =>
        ec2.send(
          new RunInstancesCommand({
            DryRun: true,
            ImageId: p.imageId,
            InstanceType: p.instanceType as _InstanceType,
            SubnetId: p.subnetId,
            MinCount: 1,
            MaxCount: 1,
            ...(profile ? { IamInstanceProfile: profile } : {}),
            TagSpecifications: [{ ResourceType: 'instance', Tags: doctorTags }],
          }),
        ),
      `${policyFix}: ec2:RunInstances, ec2:CreateTags${profile ? ` and iam:PassRole on the role of ${p.instanceProfile}` : ''}`,
    ),
  );
  results.push(
    await dryRunCheck(
      'permission ec2:CreateSecurityGroup and tags',
      () =>
        ec2.send(
          new CreateSecurityGroupCommand({
            DryRun: true,
            GroupName: 'vmc-reach-doctor-dry-run',
            Description: 'vmc-reach doctor dry run',
            VpcId: p.vpcId,
            TagSpecifications: [{ ResourceType: 'security-group', Tags: doctorTags }],
          }),
        ),
      `${policyFix}: ec2:CreateSecurityGroup, ec2:CreateTags`,
    ),
  );
  const defaultSg = await ec2
    .send(
      new DescribeSecurityGroupsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [p.vpcId] },
          { Name: 'group-name', Values: ['default'] },
        ],
      }),
    )
    .then((o) => o.SecurityGroups?.[0]?.GroupId)
    .catch(() => undefined);
  if (defaultSg) {
    results.push(
      await dryRunCheck(
        `permission ec2:AuthorizeSecurityGroupIngress on the default SG ${defaultSg}`,
        () =>
          ec2.send(
            new AuthorizeSecurityGroupIngressCommand({
              DryRun: true,
              GroupId: defaultSg,
              IpPermissions: [
                {
                  IpProtocol: 'icmp',
                  FromPort: -1,
                  ToPort: -1,
                  IpRanges: [{ CidrIp: '192.0.2.1/32', Description: 'vmc-reach doctor dry run' }],
                },
              ],
            }),
          ),
        `${policyFix}: ec2:AuthorizeSecurityGroupIngress and ec2:RevokeSecurityGroupIngress on the connected VPC's default SG (case C changes it)`,
      ),
    );
  } else
    results.push(
      fail(
        'permission ec2:AuthorizeSecurityGroupIngress on the default SG',
        `the default security group of ${p.vpcId} cannot be read`,
        `${policyFix} (ec2:DescribeSecurityGroups)`,
      ),
    );
  return results;
}

/**
 * The VMs the scenarios will use (live.vms maps their names to this SDDC's): each in the inventory and,
 * unless its node is configured, an Online SSM managed node (found by its IP). One line per VM.
 */
export async function checkScenarioVms(
  vms: VmNode[],
  mapping: Record<string, string>,
  configuredNodes: Record<string, string>,
  lookup: NodeLookup,
): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for (const [scenarioName, display] of Object.entries(mapping)) {
    const name = `scenario VM ${scenarioName} → ${display}`;
    const vm = vms.find((v) => v.name === display);
    if (!vm) {
      out.push(
        fail(
          name,
          `"${display}" is not in the SDDC's inventory (or reports no IPv4 address)`,
          "fix live.vms: map the scenario's VM to one of the SDDC's VM display names",
        ),
      );
      continue;
    }
    const node = await vmNode(vm, configuredNodes[display], lookup);
    out.push(
      'nodeId' in node
        ? pass(name, `${vm.ip}, SSM node ${node.nodeId}${configuredNodes[display] ? ' (configured)' : ', Online'}`)
        : fail(
            name,
            node.unavailable,
            "register the VM's SSM agent as a hybrid node and keep it Online (README: live mode walkthrough, step 3)",
          ),
    );
  }
  return out;
}
