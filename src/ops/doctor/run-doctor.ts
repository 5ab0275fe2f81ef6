// `vmc-reach doctor`: every prerequisite of a live run, in the order a run needs them, one line each
// (✓ found, ✗ with how to fix it, – skipped because what it needs failed). Passes only when all pass.
import type { HarnessConfig } from '../../target/config/schema';
import { resolveTarget, TargetError } from '../../target/target';
import { createAwsClients } from '../../clients/aws';
import { createVmcClient } from '../../clients/vmc';
import {
  checkCredentials,
  checkImage,
  checkInstanceProfile,
  checkPermissions,
  checkScenarioVms,
  checkVmManagedNode,
  checkVpcVisible,
} from './aws-checks';
import { nodeLookup, ssmEndpoint } from '../../target/ssm-nodes';
import { checkCspToken, checkNsxAndConnectedVpc, checkSddc } from './vmc-checks';
import { fail, pass, renderCheck, skip, type CheckResult } from './check';

/** The settings a live run reads, each missing one as its own ✗ line (resolveTarget lists them all). */
function settingsChecks(config: HarnessConfig, env: NodeJS.ProcessEnv): { results: CheckResult[]; vmcReady: boolean; region?: string } {
  const region = config.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const results: CheckResult[] = [];
  let vmcReady = true;
  try {
    resolveTarget(config, env);
    results.push(
      pass(
        'settings',
        `region ${region}, org ${config.live.orgId}, SDDC ${config.live.sddcId}, CSP token from ${env.VMC_API_TOKEN ? 'VMC_API_TOKEN' : 'the token file'}, instance profile ${config.live.instanceProfile}`,
      ),
    );
  } catch (e) {
    if (!(e instanceof TargetError)) throw e;
    for (const line of e.message.split('\n').slice(1)) {
      const [what, how] = line.replace(/^\s*-\s*/, '').split(/:\s(.*)/s);
      if (!/region|instance profile/i.test(what ?? '')) vmcReady = false;
      results.push(fail(`setting: ${what}`, 'missing', how ?? line));
    }
  }
  return { results, vmcReady, ...(region ? { region } : {}) };
}

export async function runDoctor(config: HarnessConfig, env: NodeJS.ProcessEnv, out: (line: string) => void): Promise<boolean> {
  const all: CheckResult[] = [];
  const report = (...rs: CheckResult[]): void => {
    for (const r of rs) {
      all.push(r);
      out(`${renderCheck(r)}\n`);
    }
  };
  const live: HarnessConfig = { ...config, target: 'live' };
  const settings = settingsChecks(live, env);
  report(...settings.results);
  // AWS needs the region only; VMware needs org, SDDC and token. Placeholders fill what a side does not use.
  const awsSettings = settings.region
    ? resolveTarget(
        {
          ...live,
          live: {
            ...live.live,
            orgId: live.live.orgId ?? '00000000-0000-4000-8000-000000000000',
            sddcId: live.live.sddcId ?? '00000000-0000-4000-8000-000000000000',
            cspTokenFile: undefined,
          },
        },
        { ...env, VMC_API_TOKEN: 'unused-by-the-aws-checks' },
        undefined,
        'inspect',
      )
    : undefined;
  const aws = awsSettings ? createAwsClients(awsSettings.aws) : undefined;
  try {
    const credentials = aws ? await checkCredentials(aws.ec2, settings.region!) : skip('AWS credentials and region', 'an AWS region');
    report(credentials);
    const awsOk = aws !== undefined && credentials.status === 'pass';
    let view: Awaited<ReturnType<typeof checkNsxAndConnectedVpc>> | undefined;
    if (settings.vmcReady) {
      const vmc = createVmcClient(resolveTarget(live, env, undefined, 'inspect').vmc);
      const token = await checkCspToken(vmc);
      report(token);
      const sddc = token.status === 'pass' ? await checkSddc(vmc) : skip('SDDC', 'a working CSP token');
      report(sddc);
      if (sddc.status === 'pass') {
        view = await checkNsxAndConnectedVpc(vmc);
        report(...view.result);
      } else report(skip('connected VPC (discovery)', 'the SDDC'), skip('NSX Policy API', 'the SDDC'));
    } else
      report(
        skip('CSP API token', 'the VMC settings above'),
        skip('SDDC', 'the VMC settings above'),
        skip('connected VPC (discovery)', 'the VMC settings above'),
      );

    const vpc = view?.vpc;
    if (!awsOk) {
      report(
        skip('connected VPC in this AWS account', 'AWS credentials'),
        skip('SDDC VM registered with SSM', 'AWS credentials'),
        skip('AMI for the test instances', 'AWS credentials'),
        skip('permissions (DryRun)', 'AWS credentials'),
      );
      return false;
    }
    report(vpc ? await checkVpcVisible(aws.ec2, vpc.vpcId) : skip('connected VPC in this AWS account', 'the connected VPC from discovery'));
    report(
      view
        ? await checkVmManagedNode(aws.ssm, view.vms, live.live.vm, ssmEndpoint(awsSettings!))
        : skip('SDDC VM registered with SSM', "the SDDC's VMs from NSX"),
    );
    if (view && live.live.vms)
      report(...(await checkScenarioVms(view.vms, live.live.vms, awsSettings!.vmManagedInstanceIds, nodeLookup(aws.ssm, awsSettings!))));
    const image = await checkImage(aws.ec2, aws.ssm, live.live.image);
    report(image.result);
    const subnetId = live.live.subnetId ?? vpc?.connectedSubnetId ?? vpc?.subnets[0]?.id;
    if (!live.live.instanceProfile)
      report(
        fail(
          'instance profile for the test instances',
          'not set',
          'create a role with AmazonSSMManagedInstanceCore and an instance profile for it (or use AmazonSSMRoleForInstancesQuickSetup); set live.instanceProfile or VMC_REACH_INSTANCE_PROFILE',
        ),
      );
    else if (image.imageId && subnetId)
      report(
        await checkInstanceProfile(aws.ec2, {
          imageId: image.imageId,
          instanceType: live.live.instanceType,
          subnetId,
          instanceProfile: live.live.instanceProfile,
        }),
      );
    else report(skip('instance profile for the test instances', 'an AMI and a subnet (for the RunInstances DryRun that checks it exists)'));
    if (vpc && image.imageId && subnetId) {
      report(
        ...(await checkPermissions(aws.ec2, {
          imageId: image.imageId,
          instanceType: live.live.instanceType,
          subnetId,
          vpcId: vpc.vpcId,
          ...(live.live.instanceProfile ? { instanceProfile: live.live.instanceProfile } : {}),
        })),
      );
    } else report(skip('permissions (DryRun)', 'the connected VPC, a subnet and an AMI'));
    return all.every((r) => r.status === 'pass');
  } finally {
    aws?.destroy();
  }
}
