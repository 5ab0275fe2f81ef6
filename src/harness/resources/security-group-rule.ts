// Rules added to or revoked from a security group between probes (`ec2:security-group-rule`; the fix of
// case C). A change to a group the run does not own (the default SG) goes to the ledger first with the
// exact revert, then gets its rule ids once the API returns them, so teardown revokes by rule id exactly.
// A rule that was already present is not the run's change: its entry is closed so the revert never
// removes the owner's rule. Rules of the run's own groups go with their group (not in the ledger).
import { AuthorizeSecurityGroupIngressCommand, RevokeSecurityGroupIngressCommand, type IpPermission } from '@aws-sdk/client-ec2';
import type { Change } from '../dsl/spec';
import type { Provisioned } from '../run/provisioned';
import type { RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';
import { ipPermission } from './sg-permissions';

const type = 'ec2:security-group-rule';

export type SgRuleChange = Extract<Change, { type: 'authorize' | 'revoke' }>;

/** What the plan adds to a change's line: a rule on the default SG is a foreign change. */
export const planSgRuleChange = (change: Change): string =>
  change.type === 'authorize' && change.sg.name === 'default' ? ' (foreign: recorded by rule id, reverted exactly at teardown)' : '';

export async function applySgRuleChange(ctx: RunContext, change: SgRuleChange, out: Provisioned): Promise<string> {
  const groupId = change.sg.name === 'default' ? out.defaultSecurityGroupId : out.securityGroups.get(change.sg.name)!;
  const foreign = change.sg.name === 'default';
  const permission = ipPermission(change.rule, out);
  if (change.type === 'authorize') {
    const entry = foreign
      ? await ctx.ledger.record({
          action: 'changed',
          type,
          name: `ingress on ${change.sg.name}`,
          state: 'intended',
          details: { groupId, permission },
          revert: { action: 'RevokeSecurityGroupIngress', params: { GroupId: groupId, IpPermissions: [permission] } },
        })
      : undefined;
    const r = await ctx.aws.ec2
      .send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [permission] }))
      .catch(async (e: unknown) => {
        // The rule was already there: it is the owner's, not the run's; the revert must not remove it.
        if (entry && (e as { name?: string }).name === 'InvalidPermission.Duplicate')
          await ctx.ledger.update(entry.seq, {
            state: 'removed',
            details: { ...entry.details, outcome: 'already present: nothing changed' },
          });
        throw e;
      });
    const ruleIds = (r.SecurityGroupRules ?? []).map((x) => x.SecurityGroupRuleId!).filter(Boolean);
    if (entry) {
      await ctx.ledger.update(entry.seq, {
        state: 'live',
        ...(ruleIds.length
          ? {
              id: ruleIds.join(','),
              revert: { action: 'RevokeSecurityGroupIngress', params: { GroupId: groupId, SecurityGroupRuleIds: ruleIds } },
            }
          : {}),
      });
    }
    return `authorized ${JSON.stringify(permission)} on ${change.sg.name} (${groupId})${ruleIds.length ? ` as ${ruleIds.join(', ')}` : ''}`;
  }
  const entry = foreign
    ? await ctx.ledger.record({
        action: 'changed',
        type,
        name: `revoked ingress on ${change.sg.name}`,
        state: 'intended',
        details: { groupId, permission },
        revert: { action: 'AuthorizeSecurityGroupIngress', params: { GroupId: groupId, IpPermissions: [permission] } },
      })
    : undefined;
  await ctx.aws.ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [permission] }));
  if (entry) await ctx.ledger.update(entry.seq, { state: 'live' });
  return `revoked ${JSON.stringify(permission)} on ${change.sg.name} (${groupId})`;
}

export const securityGroupRule = {
  type,
  /** The revert the entry recorded: revoke the added rule by its ids, or authorize the revoked one again. */
  async remove(c, e) {
    const r = e.revert!;
    const p = r.params as { GroupId: string; SecurityGroupRuleIds?: string[]; IpPermissions?: IpPermission[] };
    if (r.action === 'RevokeSecurityGroupIngress') await c.ec2.send(new RevokeSecurityGroupIngressCommand(p));
    else await c.ec2.send(new AuthorizeSecurityGroupIngressCommand(p as { GroupId: string; IpPermissions: IpPermission[] }));
    return 'reverted';
  },
} satisfies ResourceKind<typeof type>;
