// Managed prefix lists (used by SG rules and routes; VMC's managed prefix list mode fills one).
import { ec2Error } from '../errors';
import { isIpv4Cidr } from '../cidr';
import type { Tag } from '../tags';
import { mustGet, type World } from '../world';
import type { ManagedPrefixList } from './types';

export function createManagedPrefixList(world: World, input: { prefixListName: string; entries: { cidr: string; description?: string }[]; tags?: Tag[] }): ManagedPrefixList {
  for (const e of input.entries) if (!isIpv4Cidr(e.cidr)) throw ec2Error('InvalidParameterValue', `CIDR block ${e.cidr} is malformed`);
  const pl: ManagedPrefixList = {
    prefixListId: world.ids.next('pl'),
    prefixListName: input.prefixListName,
    ownerId: world.accountId,
    addressFamily: 'IPv4',
    entries: input.entries.map((e) => ({ ...e })),
    tags: [...(input.tags ?? [])],
  };
  world.ec2.prefixLists.set(pl.prefixListId, pl);
  world.touch();
  return pl;
}

export const getManagedPrefixList = (world: World, id: string): ManagedPrefixList =>
  mustGet(world.ec2.prefixLists, id, 'InvalidPrefixListID.NotFound', 'prefix list ID');
