// Unit tests for the predefined Applied-To labels.
import { catchWorldError } from '../test-support';
import { getLabel, listLabels } from './labels';

test('the VPC interface label is cgw-cross-vpc, beside All Uplinks and the others', () => {
  expect(listLabels().map((l) => l.path)).toEqual([
    '/infra/labels/cgw-all',
    '/infra/labels/cgw-public',
    '/infra/labels/cgw-cross-vpc',
    '/infra/labels/cgw-direct-connect',
    '/infra/labels/cgw-vpn',
    '/infra/labels/mgw',
  ]);
  expect(getLabel('/infra/labels/cgw-cross-vpc')).toEqual({
    id: 'cgw-cross-vpc',
    path: '/infra/labels/cgw-cross-vpc',
    displayName: 'VPC Interface',
  });
});

test('an unknown label is NSX 404 (500090)', () => {
  const err = catchWorldError(() => getLabel('/infra/labels/nope'));
  expect([err.code, err.httpStatus, err.message]).toEqual(['500090', 404, 'The path=[/infra/labels/nope] is invalid: label not found.']);
});
