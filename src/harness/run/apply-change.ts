// Changes between probes (the fix of case C, a revoked rule, a segment disconnected). A change to a
// resource the run does not own (the default SG, an adopted segment) goes to the ledger first with the
// exact revert, then gets its rule ids once the API returns them. A rule that was already present is
// not the run's change: its entry is closed so the revert never removes the owner's rule.
import { AuthorizeSecurityGroupIngressCommand, RevokeSecurityGroupIngressCommand } from '@aws-sdk/client-ec2';
import type { Change } from '../dsl/spec';
import type { Provisioned } from './provisioned';
import type { RunContext } from './run-context';
import { ipPermission } from './sg-permissions';

export async function applyChange(ctx: RunContext, change: Change, out: Provisioned): Promise<string> {
  switch (change.type) {
    case 'authorize':
    case 'revoke': {
      const groupId = change.sg.name === 'default' ? out.defaultSecurityGroupId : out.securityGroups.get(change.sg.name)!;
      const foreign = change.sg.name === 'default';
      const permission = ipPermission(change.rule, out);
      if (change.type === 'authorize') {
        const entry = foreign
          ? await ctx.ledger.record({ action: 'changed', type: 'ec2:security-group-rule', name: `ingress on ${change.sg.name}`, state: 'intended', details: { groupId, permission }, revert: { action: 'RevokeSecurityGroupIngress', params: { GroupId: groupId, IpPermissions: [permission] } } })
          : undefined;
        const r = await ctx.aws.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [permission] })).catch(async (e: unknown) => {
          // The rule was already there: it is the owner's, not the run's; the revert must not remove it.
          if (entry && (e as { name?: string }).name === 'InvalidPermission.Duplicate') await ctx.ledger.update(entry.seq, { state: 'removed', details: { ...entry.details, outcome: 'already present: nothing changed' } });
          throw e;
        });
        const ruleIds = (r.SecurityGroupRules ?? []).map((x) => x.SecurityGroupRuleId!).filter(Boolean);
        if (entry) {
          await ctx.ledger.update(entry.seq, {
            state: 'live',
            ...(ruleIds.length ? { id: ruleIds.join(','), revert: { action: 'RevokeSecurityGroupIngress', params: { GroupId: groupId, SecurityGroupRuleIds: ruleIds } } } : {}),
          });
        }
        return `authorized ${JSON.stringify(permission)} on ${change.sg.name} (${groupId})${ruleIds.length ? ` as ${ruleIds.join(', ')}` : ''}`;
      }
      const entry = foreign
        ? await ctx.ledger.record({ action: 'changed', type: 'ec2:security-group-rule', name: `revoked ingress on ${change.sg.name}`, state: 'intended', details: { groupId, permission }, revert: { action: 'AuthorizeSecurityGroupIngress', params: { GroupId: groupId, IpPermissions: [permission] } } })
        : undefined;
      await ctx.aws.ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [permission] }));
      if (entry) await ctx.ledger.update(entry.seq, { state: 'live' });
      return `revoked ${JSON.stringify(permission)} on ${change.sg.name} (${groupId})`;
    }
    case 'segment-connectivity': {
      const seg = out.segments.get(change.segment.name)!;
      const owned = ctx.ledger.entries().some((e) => e.type === 'nsx:segment' && e.action === 'created' && e.id === seg.id);
      if (!owned) {
        const before = (await ctx.nsx.segments.get(seg.id)).advanced_config?.connectivity ?? 'ON';
        await ctx.ledger.record({ action: 'changed', type: 'nsx:segment-connectivity', id: seg.id, name: change.segment.name, revert: { action: 'PATCH segment', params: { id: seg.id, connectivity: before } } });
      }
      await ctx.nsx.segments.patch(seg.id, { advanced_config: { connectivity: change.connectivity } });
      return `segment ${change.segment.name} connectivity ${change.connectivity}`;
    }
  }
}
