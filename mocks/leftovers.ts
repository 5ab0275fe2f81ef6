// What a run left in the mock world: every difference between the world as a snapshot before the run
// and after it, except instances that are terminated (EC2 keeps them visible for a while), the SSM node
// list that follows them, and NSX's revision bookkeeping (an exact revert still moves `_revision` on,
// as in NSX). Used after scenario files and by the reliability checks.
import { snapshotFiles, snapshotFileNames } from '../src/snapshot';
import type { World } from '../src/world';

const followsInstances = new Set<string>([snapshotFileNames.instances, snapshotFileNames.ssmInstances]);

/** NSX bookkeeping that any write moves on, even one that restores the content exactly. */
const bookkeeping = new Set(['_revision', '_last_modified_time', '_last_modified_user']);

function content(text: string): string {
  if (!text) return '';
  return JSON.stringify(
    JSON.parse(text, (key, value) => (bookkeeping.has(key) ? undefined : value)),
    null,
    2,
  );
}

function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if (x[i] !== y[i]) return `line ${i + 1}: ${JSON.stringify((x[i] ?? '(none)').trim())} → ${JSON.stringify((y[i] ?? '(none)').trim())}`;
  return 'no line differs';
}

export function leftovers(world: World, before: ReadonlyMap<string, string>): string[] {
  const after = snapshotFiles(world, { description: 'before' });
  const out: string[] = [];
  for (const file of new Set([...before.keys(), ...after.keys()])) {
    if (followsInstances.has(file)) continue;
    const a = content(before.get(file) ?? '');
    const b = content(after.get(file) ?? '');
    if (a !== b) out.push(`${file} changed (${firstDifference(a, b)})`);
  }
  const known = before.get(snapshotFileNames.instances) ?? '';
  for (const inst of world.ec2.instances.values()) {
    if (inst.state !== 'terminated' && !known.includes(inst.instanceId)) out.push(`instance ${inst.instanceId} is still ${inst.state}`);
  }
  return out;
}
