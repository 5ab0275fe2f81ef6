// Managed prefix lists on the wire: CreateManagedPrefixList (IPv4 or IPv6), DescribeManagedPrefixLists
// (filters: prefix-list-id, prefix-list-name, owner-id) and GetManagedPrefixListEntries.
// Mock note: only the world's own prefix lists exist; AWS also lists its service prefix lists
// (com.amazonaws.<region>.s3, …), which the world does not model. Versions are always 1.
import { createManagedPrefixList, ec2Error, getManagedPrefixList, type ManagedPrefixList, type World } from '../../../src/world';
import { items } from '../protocols/ec2-xml';
import { applyFilters, type FilterTable } from './filters';
import { page } from './paging';
import { operation, type Ec2OperationTable } from './operation';
import { arn, parseDescribe, tagSet } from './render';

export const prefixListFilters: FilterTable<ManagedPrefixList> = {
  'prefix-list-id': (pl) => pl.prefixListId,
  'prefix-list-name': (pl) => pl.prefixListName,
  'owner-id': (pl) => pl.ownerId,
};

const notFound = (id: string | undefined) => ec2Error('InvalidPrefixListID.NotFound', `The prefix list ID '${id ?? '?'}' does not exist`);

const renderPrefixList = (world: World, pl: ManagedPrefixList) => ({
  prefixListId: pl.prefixListId,
  addressFamily: pl.addressFamily,
  state: 'create-complete',
  prefixListArn: arn(world, 'prefix-list', pl.prefixListId, pl.ownerId),
  prefixListName: pl.prefixListName,
  maxEntries: pl.maxEntries ?? Math.max(pl.entries.length, 1),
  version: 1,
  tagSet: tagSet(pl.tags),
  ownerId: pl.ownerId,
});

export const prefixListOperations: Ec2OperationTable = {
  CreateManagedPrefixList: operation({
    parse: (p) => {
      const family = p.required('AddressFamily');
      if (family !== 'IPv4' && family !== 'IPv6')
        throw ec2Error('InvalidParameterValue', `Value (${family}) for parameter addressFamily is invalid. Expected IPv4 or IPv6.`);
      p.str('ClientToken');
      const maxEntries = p.int('MaxEntries');
      if (maxEntries === undefined) throw ec2Error('MissingParameter', 'The request must contain the parameter MaxEntries');
      return {
        prefixListName: p.required('PrefixListName'),
        addressFamily: family as 'IPv4' | 'IPv6',
        maxEntries,
        entries: p.list('Entry').map((e) => {
          const description = e.str('Description');
          return { cidr: e.required('Cidr'), ...(description !== undefined ? { description } : {}) };
        }),
        tags: p.tagSpecifications(['prefix-list']).flatMap((t) => t.tags),
      };
    },
    run: ({ world }, input) => ({ prefixList: renderPrefixList(world, createManagedPrefixList(world, input)) }),
  }),
  DescribeManagedPrefixLists: operation({
    parse: (p) => parseDescribe(p, 'PrefixListId'),
    run: ({ world }, input) => {
      const lists = input.ids.length ? input.ids.map((id) => getManagedPrefixList(world, id)) : [...world.ec2.prefixLists.values()];
      const all = applyFilters(lists, input.filters, prefixListFilters, (pl) => pl.tags);
      const { page: shown, nextToken } = page(all, input, { min: 1, max: 100 });
      return { prefixListSet: items(shown.map((pl) => renderPrefixList(world, pl))), nextToken };
    },
    notFound: (input) => (input.ids.length ? notFound(input.ids[0]) : { prefixListSet: '' }),
  }),
  GetManagedPrefixListEntries: operation({
    parse: (p) => {
      p.int('TargetVersion');
      const maxResults = p.int('MaxResults');
      const nextToken = p.str('NextToken');
      return {
        id: p.required('PrefixListId'),
        ...(maxResults !== undefined ? { maxResults } : {}),
        ...(nextToken !== undefined ? { nextToken } : {}),
      };
    },
    run: ({ world }, input) => {
      const { page: shown, nextToken } = page(getManagedPrefixList(world, input.id).entries, input, { min: 1, max: 100 });
      return { entrySet: items(shown.map((e) => ({ cidr: e.cidr, description: e.description }))), nextToken };
    },
    notFound: (input) => notFound(input.id),
  }),
};
