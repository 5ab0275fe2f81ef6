// Security groups (`ec2:security-group`): the connected VPC's default SG is adopted (never deleted); the
// scenario's own are created with a run-unique name, tagged and in the ledger before use, then their
// rules, which may name each other's groups. Removal finds a group whose id never reached the ledger by
// that name, and retries while an instance or a rule still depends on it.
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  RevokeSecurityGroupEgressCommand,
} from '@aws-sdk/client-ec2';
import type { LedgerEntry } from '../../target/ledger';
import type { ScenarioSpec } from '../dsl/spec';
import { ProvisionError } from '../run/provision-error';
import type { Provisioned } from '../run/provisioned';
import { tagSpec, type RunContext } from '../run/run-context';
import type { ResourceKind, TeardownClients } from './kind';
import { retryWhileDependent } from './removal';
import { ipPermission } from './sg-permissions';

const type = 'ec2:security-group';

/** Adopts the connected VPC's default SG: it carries the cross-link ENI, so the scenario's rules on it are changes. */
export async function adoptDefaultSecurityGroup(ctx: RunContext, _spec: ScenarioSpec, out: Provisioned): Promise<void> {
  const vpcId = ctx.discovery.connectedVpc.vpcId;
  const r = await ctx.aws.ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'group-name', Values: ['default'] },
      ],
    }),
  );
  const sg = r.SecurityGroups?.[0];
  if (!sg?.GroupId) throw new ProvisionError(`the connected VPC ${vpcId} has no default security group visible to these credentials`);
  out.defaultSecurityGroupId = sg.GroupId;
  await ctx.ledger.record({ action: 'adopted', type, id: sg.GroupId, name: 'default' });
}

async function provision(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  const vpcId = ctx.discovery.connectedVpc.vpcId;
  for (const sg of spec.securityGroups.filter((s) => !s.isDefault)) {
    const groupName = `${sg.name}.${ctx.runId}`;
    const entry = await ctx.ledger.record({ action: 'created', type, name: sg.name, details: { groupName, vpcId } });
    const created = await ctx.aws.ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: groupName,
        Description: `vmc-reach ${ctx.scenario}: ${sg.name}`.slice(0, 255),
        VpcId: vpcId,
        TagSpecifications: tagSpec(ctx, 'security-group', sg.name),
      }),
    );
    await ctx.ledger.update(entry.seq, { id: created.GroupId!, state: 'live' });
    out.securityGroups.set(sg.name, created.GroupId!);
    ctx.log(`created security group ${sg.name} (${created.GroupId})`);
  }
  // Rules after every group exists: rules may reference each other's groups. They go with their group.
  for (const sg of spec.securityGroups.filter((s) => !s.isDefault)) {
    const groupId = out.securityGroups.get(sg.name)!;
    if (sg.noDefaultEgress) {
      await ctx.aws.ec2.send(
        new RevokeSecurityGroupEgressCommand({
          GroupId: groupId,
          IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
        }),
      );
    }
    const ingress = sg.rules.filter((r) => r.direction === 'ingress').map((r) => ipPermission(r, out));
    const egress = sg.rules.filter((r) => r.direction === 'egress').map((r) => ipPermission(r, out));
    if (ingress.length) await ctx.aws.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: ingress }));
    if (egress.length) await ctx.aws.ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: egress }));
  }
}

/** A security group created by a run that died before recording its id is found by its run-unique name. */
async function findSecurityGroupId(c: TeardownClients, entry: LedgerEntry): Promise<string | undefined> {
  if (entry.id) return entry.id;
  const groupName = entry.details?.groupName as string | undefined;
  const vpcId = entry.details?.vpcId as string | undefined;
  if (!groupName || !vpcId) return undefined;
  const r = await c.ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'group-name', Values: [groupName] },
        { Name: 'vpc-id', Values: [vpcId] },
      ],
    }),
  );
  return r.SecurityGroups?.[0]?.GroupId;
}

export const securityGroup = {
  type,
  plan: (spec) =>
    spec.securityGroups.map((sg) =>
      sg.isDefault
        ? '  security group default: adopt (never deleted)'
        : `  security group ${sg.name}: create (CreateSecurityGroup, AuthorizeSecurityGroupIngress/Egress${sg.noDefaultEgress ? ', RevokeSecurityGroupEgress of the allow-all rule' : ''})`,
    ),
  provision,
  async remove(c, e) {
    const id = await findSecurityGroupId(c, e);
    if (!id) return 'skipped';
    await retryWhileDependent(c, `security group ${id} to be deletable`, () => c.ec2.send(new DeleteSecurityGroupCommand({ GroupId: id })));
    return 'removed';
  },
} satisfies ResourceKind<typeof type>;
