// EC2 filter semantics: OR within a filter, AND across filters, wildcards, tag filters, unknown names.
import { isWorldError } from '../../../src/world';
import { applyFilters } from './filters';

const items = [
  { id: 'a', name: 'web-1', n: 1, tags: [{ key: 'env', value: 'prod' }] },
  { id: 'b', name: 'web-2', n: 2, tags: [{ key: 'env', value: 'test' }] },
  { id: 'c', name: 'db?', n: 3, tags: [] },
];
const table = { name: (x: (typeof items)[number]) => x.name, n: (x: (typeof items)[number]) => x.n };
const ids = (filters: { name: string; values: string[] }[]) => applyFilters(items, filters, table, (x) => x.tags).map((x) => x.id);

test('values of one filter are ORed, filters are ANDed', () => {
  expect(ids([{ name: 'name', values: ['web-1', 'db?'] }])).toEqual(['a', 'c']);
  expect(
    ids([
      { name: 'name', values: ['web-*'] },
      { name: 'tag:env', values: ['test'] },
    ]),
  ).toEqual(['b']);
});

test('* and ? are wildcards; an escaped \\? is a question mark; numbers match as text', () => {
  expect(ids([{ name: 'name', values: ['web-?'] }])).toEqual(['a', 'b']);
  expect(ids([{ name: 'name', values: ['db\\?'] }])).toEqual(['c']);
  expect(ids([{ name: 'n', values: ['2'] }])).toEqual(['b']);
});

test('tag-key and tag-value look at every tag', () => {
  expect([ids([{ name: 'tag-key', values: ['env'] }]), ids([{ name: 'tag-value', values: ['prod'] }])]).toEqual([['a', 'b'], ['a']]);
});

test('an unknown filter name is InvalidParameterValue naming it', () => {
  let error: unknown;
  try {
    ids([{ name: 'colour', values: ['x'] }]);
  } catch (e) {
    error = e;
  }
  expect(isWorldError(error) && [error.code, error.message]).toEqual(['InvalidParameterValue', "The filter 'colour' is invalid"]);
});
