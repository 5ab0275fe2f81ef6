// Managed prefix lists ⇄ aws/describe-managed-prefix-lists.json plus one
// aws/managed-prefix-list-entries/<pl-id>.json per list (both optional; written when the world has lists).
// A list without its entries file loads with a warning and `entriesMissing` (never as an empty list);
// IPv6 lists load like IPv4 ones (an IPv4 flow skips their entries).
import { ipFamily, type ManagedPrefixList, type World } from '../../world';
import { files, prefixListEntriesDir, prefixListEntriesFile } from '../layout';
import { prefixListEntriesSchema, prefixListsSchema } from '../schemas/prefix-lists';
import type { SnapshotSource } from '../snapshot-source';
import { awsTagsJson } from '../json-shapes';

export function readPrefixLists(src: SnapshotSource, world: World): void {
  const json = src.readOptional(files.prefixLists, prefixListsSchema);
  json?.PrefixLists.forEach((p, i) => {
    if (world.ec2.prefixLists.has(p.PrefixListId)) src.duplicate(files.prefixLists, `PrefixLists[${i}].PrefixListId`, p.PrefixListId);
    const entriesFile = prefixListEntriesFile(p.PrefixListId);
    const entries = src.readOptional(entriesFile, prefixListEntriesSchema);
    if (!entries) {
      src.missing(
        files.prefixLists,
        `PrefixLists[${i}].PrefixListId`,
        p.PrefixListId,
        entriesFile,
        `flows whose route or rule may come from ${p.PrefixListId} are indeterminate (PREFIX_LIST_ENTRIES_MISSING)`,
      );
    }
    const list: ManagedPrefixList = {
      prefixListId: p.PrefixListId,
      prefixListName: p.PrefixListName,
      ownerId: p.OwnerId ?? world.accountId,
      addressFamily: p.AddressFamily,
      entries: (entries?.Entries ?? []).map((e) => ({
        cidr: e.Cidr,
        ...(e.Description !== undefined ? { description: e.Description } : {}),
      })),
      ...(entries ? {} : { entriesMissing: true }),
      tags: p.Tags.map((t) => ({ key: t.Key, value: t.Value })),
    };
    world.ec2.prefixLists.set(list.prefixListId, list);
  });
  // Entries exported for a list that describe-managed-prefix-lists does not show (an AWS-managed list, or
  // that file was not exported): the entries alone decide; the family comes from the first entry.
  for (const file of [...src.files.keys()].filter((f) => f.startsWith(`${prefixListEntriesDir}/`)).sort()) {
    const id = file.slice(prefixListEntriesDir.length + 1, -'.json'.length);
    if (world.ec2.prefixLists.has(id) || !id.startsWith('pl-')) continue;
    const entries = src.readOptional(file, prefixListEntriesSchema)!;
    world.ec2.prefixLists.set(id, {
      prefixListId: id,
      prefixListName: '',
      ownerId: world.accountId,
      addressFamily: ipFamily(entries.Entries[0]?.Cidr ?? '') ?? 'IPv4',
      entries: entries.Entries.map((e) => ({ cidr: e.Cidr, ...(e.Description !== undefined ? { description: e.Description } : {}) })),
      tags: [],
    });
  }
}

/** The file texts' objects by path; empty when the world has no prefix lists. */
export function renderPrefixLists(world: World): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const lists = [...world.ec2.prefixLists.values()];
  if (lists.length === 0) return out;
  out.set(files.prefixLists, {
    PrefixLists: lists.map((p) => ({
      PrefixListId: p.prefixListId,
      AddressFamily: p.addressFamily,
      State: 'create-complete',
      PrefixListArn: `arn:aws:ec2:${world.region}:${p.ownerId}:prefix-list/${p.prefixListId}`,
      PrefixListName: p.prefixListName,
      MaxEntries: p.maxEntries ?? Math.max(p.entries.length, 10),
      Version: 1,
      Tags: awsTagsJson(p.tags),
      OwnerId: p.ownerId,
    })),
  });
  for (const p of lists) {
    if (p.entriesMissing) continue;
    out.set(prefixListEntriesFile(p.prefixListId), { Entries: p.entries.map((e) => ({ Cidr: e.cidr, Description: e.description })) });
  }
  return out;
}
