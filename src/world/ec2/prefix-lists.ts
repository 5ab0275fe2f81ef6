// Managed prefix lists (used by SG rules and routes; VMC's managed prefix list mode fills one).
import { ec2Error } from '../errors';
import { isIpv4Cidr, isIpv6Cidr } from '../cidr';
import type { Tag } from '../tags';
import { mustGet, type World } from '../world';
import type { ManagedPrefixList } from './types';

export function createManagedPrefixList(
  world: World,
  input: {
    prefixListName: string;
    entries: { cidr: string; description?: string }[];
    tags?: Tag[];
    maxEntries?: number;
    addressFamily?: 'IPv4' | 'IPv6';
  },
): ManagedPrefixList {
  const addressFamily = input.addressFamily ?? 'IPv4';
  const valid = addressFamily === 'IPv4' ? isIpv4Cidr : isIpv6Cidr;
  for (const e of input.entries)
    if (!valid(e.cidr)) throw ec2Error('InvalidParameterValue', `CIDR block ${e.cidr} is malformed for an ${addressFamily} prefix list`);
  if (input.maxEntries !== undefined && (input.maxEntries < 1 || input.entries.length > input.maxEntries)) {
    throw ec2Error(
      'InvalidParameterValue',
      `The prefix list has ${input.entries.length} entries; MaxEntries (${input.maxEntries}) must be at least that and at least 1.`,
    );
  }
  const pl: ManagedPrefixList = {
    prefixListId: world.ids.next('pl'),
    prefixListName: input.prefixListName,
    ownerId: world.accountId,
    addressFamily,
    entries: input.entries.map((e) => ({ ...e })),
    ...(input.maxEntries !== undefined ? { maxEntries: input.maxEntries } : {}),
    tags: [...(input.tags ?? [])],
  };
  world.ec2.prefixLists.set(pl.prefixListId, pl);
  world.touch();
  return pl;
}

export const getManagedPrefixList = (world: World, id: string): ManagedPrefixList =>
  mustGet(world.ec2.prefixLists, id, 'InvalidPrefixListID.NotFound', 'prefix list ID');
