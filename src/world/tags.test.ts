// Unit tests for tag helpers.
import { mergeTags, nameTag } from './tags';

describe('nameTag', () => {
  it('reads the Name tag, or undefined', () => {
    expect(
      nameTag([
        { key: 'env', value: 'lab' },
        { key: 'Name', value: 'CJ-AWS01' },
      ]),
    ).toBe('CJ-AWS01');
    expect(nameTag([{ key: 'name', value: 'lower case is another key' }])).toBeUndefined();
  });
});

describe('mergeTags', () => {
  it('overwrites existing keys and appends new ones, as CreateTags does', () => {
    expect(
      mergeTags(
        [
          { key: 'Name', value: 'old' },
          { key: 'env', value: 'lab' },
        ],
        [
          { key: 'Name', value: 'new' },
          { key: 'run', value: 'r1' },
        ],
      ),
    ).toEqual([
      { key: 'Name', value: 'new' },
      { key: 'env', value: 'lab' },
      { key: 'run', value: 'r1' },
    ]);
  });

  it('does not modify its inputs', () => {
    const existing = [{ key: 'Name', value: 'old' }];
    mergeTags(existing, [{ key: 'Name', value: 'new' }]);
    expect(existing).toEqual([{ key: 'Name', value: 'old' }]);
  });
});
