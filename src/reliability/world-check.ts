// After a run: what it left in the world (anything created, anything foreign changed, via
// mocks/leftovers) and whether every default security group's rules equal the original exactly (rule
// ids, peers, ports: the revert of case C must be exact, not merely equivalent).
import { leftovers } from '../../mocks/leftovers';
import { snapshotFileNames, snapshotFiles } from '../snapshot';
import type { World } from '../world';

export interface WorldCheck {
  leaks: string[];
  /** True when the default SGs' rules are byte-for-byte what they were. */
  defaultSgRestored: boolean;
}

type Rule = { GroupId: string };

/** The rules of the VPCs' default security groups, as the snapshot's JSON text. */
export function defaultSgRules(files: ReadonlyMap<string, string>): string {
  const groups = JSON.parse(files.get(snapshotFileNames.securityGroups) ?? '{"SecurityGroups":[]}') as {
    SecurityGroups: { GroupId: string; GroupName: string }[];
  };
  const ids = new Set(groups.SecurityGroups.filter((g) => g.GroupName === 'default').map((g) => g.GroupId));
  const rules = JSON.parse(files.get(snapshotFileNames.securityGroupRules) ?? '{"SecurityGroupRules":[]}') as {
    SecurityGroupRules: Rule[];
  };
  return JSON.stringify(rules.SecurityGroupRules.filter((r) => ids.has(r.GroupId)));
}

export function checkWorld(world: World, before: ReadonlyMap<string, string>): WorldCheck {
  const after = snapshotFiles(world, { description: 'after' });
  return { leaks: leftovers(world, before), defaultSgRestored: defaultSgRules(before) === defaultSgRules(after) };
}
