// What a run left in the account: the full describe-* dumps before and after, compared resource by
// resource. Whatever is new or changed is either the harness's leak (something it created, or a change
// to a foreign resource, that AWS would let it remove or revert) or moto's own residue, a fact of moto
// that AWS does not show: a primary ENI surviving its terminated instance (moto creates it with
// DeleteOnTermination=false), the tags of deleted resources (DescribeTags), a deleted subnet's
// association left on the default network ACL, the rules of a deleted security group. Terminated
// instances are not leaks: AWS lists them for about an hour too.
import type { AwsDump } from './describe-dump';

export interface Finding {
  kind: 'leak' | 'moto-residue';
  resource: string;
  why: string;
}

type Item = Record<string, unknown> & { Tags?: { Key?: string; Value?: string }[] };

const listOf = (dump: AwsDump, file: string, key: string): Item[] => (dump.files[file]?.[key] as Item[] | undefined) ?? [];
const instancesOf = (dump: AwsDump): Item[] =>
  listOf(dump, 'describe-instances.json', 'Reservations').flatMap((r) => (r.Instances as Item[] | undefined) ?? []);

const byId = (items: Item[], id: string): Map<string, Item> => new Map(items.map((i) => [String(i[id]), i]));

/** Fields that change without anyone changing the resource (counters, ordering of lists). */
const stable = (i: Item, drop: string[]): string => JSON.stringify(i, (k, v: unknown) => (drop.includes(k) ? undefined : v));

export function diffDumps(before: AwsDump, after: AwsDump): Finding[] {
  const out: Finding[] = [];
  const afterInstances = byId(instancesOf(after), 'InstanceId');
  const beforeInstances = byId(instancesOf(before), 'InstanceId');
  const terminated = new Set(
    [...afterInstances.values()]
      .filter((i) => (i.State as { Name?: string } | undefined)?.Name === 'terminated')
      .map((i) => String(i.InstanceId)),
  );
  for (const [id, i] of afterInstances) {
    if (beforeInstances.has(id) || terminated.has(id)) continue;
    out.push({
      kind: 'leak',
      resource: `instance ${id}`,
      why: `left ${(i.State as { Name?: string } | undefined)?.Name ?? 'in an unknown state'}`,
    });
  }
  const live = new Set<string>();
  const kinds: { file: string; key: string; id: string; label: string }[] = [
    { file: 'describe-vpcs.json', key: 'Vpcs', id: 'VpcId', label: 'VPC' },
    { file: 'describe-subnets.json', key: 'Subnets', id: 'SubnetId', label: 'subnet' },
    { file: 'describe-route-tables.json', key: 'RouteTables', id: 'RouteTableId', label: 'route table' },
    { file: 'describe-network-acls.json', key: 'NetworkAcls', id: 'NetworkAclId', label: 'network ACL' },
    { file: 'describe-security-groups.json', key: 'SecurityGroups', id: 'GroupId', label: 'security group' },
    { file: 'describe-network-interfaces.json', key: 'NetworkInterfaces', id: 'NetworkInterfaceId', label: 'ENI' },
  ];
  for (const k of kinds) for (const i of listOf(after, k.file, k.key)) live.add(String(i[k.id]));
  for (const i of afterInstances.keys()) if (!terminated.has(i)) live.add(i);
  const afterSubnets = new Set(listOf(after, 'describe-subnets.json', 'Subnets').map((s) => String(s.SubnetId)));
  const afterGroups = new Set(listOf(after, 'describe-security-groups.json', 'SecurityGroups').map((s) => String(s.GroupId)));

  for (const k of kinds) {
    const b = byId(listOf(before, k.file, k.key), k.id);
    const a = byId(listOf(after, k.file, k.key), k.id);
    for (const [id, item] of a) {
      const old = b.get(id);
      if (!old) {
        const attachment = item.Attachment as { InstanceId?: string; DeviceIndex?: number } | undefined;
        const eniOfTerminated =
          k.label === 'ENI' &&
          ((attachment?.InstanceId && terminated.has(attachment.InstanceId)) ||
            (!attachment &&
              String(item.Description ?? '') === '' &&
              item.RequesterManaged !== true &&
              (item.Groups as { GroupId?: string }[] | undefined)?.some((g) => !afterGroups.has(String(g.GroupId)))));
        if (eniOfTerminated)
          out.push({
            kind: 'moto-residue',
            resource: `ENI ${id}`,
            why: 'the primary ENI of a terminated instance survives it (moto creates it with DeleteOnTermination=false; AWS deletes it)',
          });
        else out.push({ kind: 'leak', resource: `${k.label} ${id}`, why: 'created by the run and still there' });
        continue;
      }
      if (k.label === 'network ACL') {
        const assocs = (x: Item): string[] =>
          ((x.Associations as { SubnetId?: string }[] | undefined) ?? []).map((s) => String(s.SubnetId)).sort();
        const ghost = assocs(item).filter((s) => !assocs(old).includes(s) && !afterSubnets.has(s));
        if (ghost.length)
          out.push({
            kind: 'moto-residue',
            resource: `network ACL ${id}`,
            why: `still associated with deleted subnet(s) ${ghost.join(', ')} (moto's DeleteSubnet leaves the association on the default ACL)`,
          });
        if (stable(item, ['Associations']) !== stable(old, ['Associations']))
          out.push({ kind: 'leak', resource: `network ACL ${id}`, why: 'its entries changed' });
        const lost = assocs(old).filter((s) => !assocs(item).includes(s));
        if (lost.length) out.push({ kind: 'leak', resource: `network ACL ${id}`, why: `lost its association with ${lost.join(', ')}` });
        continue;
      }
      // Counters and attachment state move with other resources (an instance launched and terminated).
      const drop = k.label === 'ENI' ? ['Attachment', 'Status'] : k.label === 'subnet' ? ['AvailableIpAddressCount'] : [];
      if (stable(item, drop) !== stable(old, drop))
        out.push({ kind: 'leak', resource: `${k.label} ${id}`, why: 'changed by the run and not reverted' });
    }
    for (const id of b.keys())
      if (!a.has(id))
        out.push({
          kind: 'leak',
          resource: `${k.label} ${id}`,
          why: 'existed before the run and is gone (a foreign resource was deleted)',
        });
  }

  const rulesBefore = byId(listOf(before, 'describe-security-group-rules.json', 'SecurityGroupRules'), 'SecurityGroupRuleId');
  for (const [id, r] of byId(listOf(after, 'describe-security-group-rules.json', 'SecurityGroupRules'), 'SecurityGroupRuleId')) {
    if (rulesBefore.has(id)) continue;
    if (!afterGroups.has(String(r.GroupId)))
      out.push({
        kind: 'moto-residue',
        resource: `security group rule ${id}`,
        why: `its group ${String(r.GroupId)} was deleted, the rule is still listed`,
      });
    else out.push({ kind: 'leak', resource: `security group rule ${id}`, why: `added to ${String(r.GroupId)} and not revoked` });
  }

  const tagKey = (t: Item): string => `${String(t.ResourceId)} ${String(t.Key)}`;
  const tagsBefore = new Set(listOf(before, 'describe-tags.json', 'Tags').map(tagKey));
  const residueTags = new Map<string, number>();
  for (const t of listOf(after, 'describe-tags.json', 'Tags')) {
    if (tagsBefore.has(tagKey(t))) continue;
    const rid = String(t.ResourceId);
    if (live.has(rid) || terminated.has(rid)) continue; // counted with its resource (or AWS keeps it too)
    residueTags.set(rid, (residueTags.get(rid) ?? 0) + 1);
  }
  for (const [rid, n] of residueTags)
    out.push({ kind: 'moto-residue', resource: `tags of ${rid}`, why: `${n} tag(s) of a deleted resource still in DescribeTags` });
  return out;
}
