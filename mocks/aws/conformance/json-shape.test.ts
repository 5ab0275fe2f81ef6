// The structure comparison behind the AWS CLI / moto comparison.
import { compareShapes } from './json-shape';

test('a member only one side has is reported with its path, items merged', () => {
  const mock = { Vpcs: [{ VpcId: 'a', Tags: [{ Key: 'Name', Value: 'x' }] }, { VpcId: 'b' }] };
  const moto = { Vpcs: [{ VpcId: 'c', Extra: true }] };
  expect(compareShapes(mock, moto)).toEqual([
    { path: 'Vpcs[].Extra', kind: 'only moto' },
    { path: 'Vpcs[].Tags', kind: 'only mock' },
  ]);
});

test('a list one side left empty is reported once, not member by member', () => {
  expect(compareShapes({ Zones: [{ ZoneName: 'a', ZoneId: 'z' }] }, { Zones: [] })).toEqual([{ path: 'Zones[]', kind: 'empty in moto' }]);
});

test('numbers with and without a fraction are one type; a string is not a number', () => {
  expect(compareShapes({ T: 1731360559, U: 1 }, { T: 1731360559.5, U: '1' })).toEqual([{ path: 'U', kind: 'type' }]);
});
