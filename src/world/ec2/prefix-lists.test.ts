// Unit tests for managed prefix lists.
import { World } from '../world';
import { looksLikeId } from '../ids';
import { expectWorldError } from '../test-support';
import { createManagedPrefixList, getManagedPrefixList } from './prefix-lists';

describe('createManagedPrefixList', () => {
  it('returns an IPv4 list with a real-looking id and its entries', () => {
    const world = new World();
    const pl = createManagedPrefixList(world, {
      prefixListName: 'sddc',
      entries: [{ cidr: '192.168.100.0/24', description: 'CJ segment' }],
    });
    expect(looksLikeId('pl', pl.prefixListId)).toBe(true);
    expect(pl).toMatchObject({
      prefixListName: 'sddc',
      addressFamily: 'IPv4',
      ownerId: world.accountId,
      entries: [{ cidr: '192.168.100.0/24', description: 'CJ segment' }],
    });
    expect(getManagedPrefixList(world, pl.prefixListId)).toBe(pl);
  });

  it('rejects a malformed entry with InvalidParameterValue', () => {
    const world = new World();
    expectWorldError(world, () => createManagedPrefixList(world, { prefixListName: 'x', entries: [{ cidr: '192.168.100.0' }] }), {
      code: 'InvalidParameterValue',
      message: 'CIDR block 192.168.100.0 is malformed',
    });
  });

  it('fails on an unknown id with InvalidPrefixListID.NotFound', () => {
    const world = new World();
    expectWorldError(world, () => getManagedPrefixList(world, 'pl-00000000000000000'), {
      code: 'InvalidPrefixListID.NotFound',
      message: "The prefix list ID 'pl-00000000000000000' does not exist",
    });
  });
});
