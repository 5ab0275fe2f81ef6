// Managed prefix lists ⇄ aws/describe-managed-prefix-lists.json plus one
// aws/managed-prefix-list-entries/<pl-id>.json per list (both optional; written when the world has lists).
import type { ManagedPrefixList, World } from '../../world';
import { files, howToProduce, prefixListEntriesFile } from '../layout';
import { prefixListEntriesSchema, prefixListsSchema } from '../schemas/prefix-lists';
import type { SnapshotSource } from '../snapshot-source';
import { SnapshotError } from '../snapshot-error';
import { awsTagsJson } from '../json-shapes';

export function readPrefixLists(src: SnapshotSource, world: World): void {
  const json = src.readOptional(files.prefixLists, prefixListsSchema);
  json?.PrefixLists.forEach((p, i) => {
    if (world.ec2.prefixLists.has(p.PrefixListId)) src.duplicate(files.prefixLists, `PrefixLists[${i}].PrefixListId`, p.PrefixListId);
    const entriesFile = prefixListEntriesFile(p.PrefixListId);
    const entries = src.readOptional(entriesFile, prefixListEntriesSchema);
    if (!entries) {
      throw new SnapshotError(
        entriesFile,
        '',
        `${entriesFile} is missing: ${files.prefixLists} lists ${p.PrefixListId} (PrefixLists[${i}]) and every list needs its entries. Create it: ${howToProduce(entriesFile)}.`,
      );
    }
    const list: ManagedPrefixList = {
      prefixListId: p.PrefixListId,
      prefixListName: p.PrefixListName,
      ownerId: p.OwnerId ?? world.accountId,
      addressFamily: p.AddressFamily,
      entries: entries.Entries.map((e) => ({ cidr: e.Cidr, ...(e.Description !== undefined ? { description: e.Description } : {}) })),
      tags: p.Tags.map((t) => ({ key: t.Key, value: t.Value })),
    };
    world.ec2.prefixLists.set(list.prefixListId, list);
  });
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
      MaxEntries: Math.max(p.entries.length, 10),
      Version: 1,
      Tags: awsTagsJson(p.tags),
      OwnerId: p.ownerId,
    })),
  });
  for (const p of lists) {
    out.set(prefixListEntriesFile(p.prefixListId), { Entries: p.entries.map((e) => ({ Cidr: e.cidr, Description: e.description })) });
  }
  return out;
}
