// What in a world carries a run's id: EC2 resources tagged `vmc-reach:run-id` (instances not yet
// terminated) and NSX objects tagged with it. Used to show that two runs' resources stay apart and that
// reaping one run leaves the other's alone.
import type { World } from '../world';

const runTag = 'vmc-reach:run-id';

export function ownedBy(world: World, runId: string): string[] {
  const out: string[] = [];
  const ec2Tagged = (tags: readonly { key: string; value: string }[]): boolean => tags.some((t) => t.key === runTag && t.value === runId);
  for (const i of world.ec2.instances.values()) if (i.state !== 'terminated' && ec2Tagged(i.tags)) out.push(`instance ${i.instanceId}`);
  for (const g of world.ec2.securityGroups.values()) if (ec2Tagged(g.tags)) out.push(`security group ${g.groupId}`);
  for (const g of world.nsx.groups.values()) if (g.tags.some((t) => t.scope === runTag && t.tag === runId)) out.push(`NSX group ${g.id}`);
  for (const r of world.nsx.cgwRules.values())
    if ((r as { tags?: { scope?: string; tag: string }[] }).tags?.some((t) => t.scope === runTag && t.tag === runId))
      out.push(`CGW rule ${r.id}`);
  for (const p of world.nsx.dfwPolicies?.values() ?? []) {
    if (p.tags.some((t) => t.scope === runTag && t.tag === runId)) out.push(`DFW policy ${p.id}`);
    for (const r of p.rules.values()) if (r.tags.some((t) => t.scope === runTag && t.tag === runId)) out.push(`DFW rule ${p.id}/${r.id}`);
  }
  return out.sort();
}
