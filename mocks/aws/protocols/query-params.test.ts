// The EC2 Query parameter reader: nested list names as the SDKs send them, typed values, and the
// parameters nobody read.
import { isWorldError } from '../../../src/world';
import { QueryParams } from './query-params';

const body = [
  'Action=AuthorizeSecurityGroupIngress',
  'GroupId=sg-1',
  'IpPermissions.1.IpProtocol=tcp',
  'IpPermissions.1.FromPort=22',
  'IpPermissions.1.ToPort=22',
  'IpPermissions.1.Groups.2.GroupId=sg-3',
  'IpPermissions.1.Groups.1.GroupId=sg-2',
  'TagSpecification.1.ResourceType=security-group-rule',
  'TagSpecification.1.Tag.1.Key=a%20b',
  'TagSpecification.1.Tag.1.Value=',
].join('&');

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (isWorldError(e)) return e.code;
  }
  return undefined;
};

test('reads nested lists in index order, decoded', () => {
  const p = QueryParams.fromBody(body);
  const perm = p.list('IpPermissions')[0]!;
  expect([perm.str('IpProtocol'), perm.int('FromPort'), perm.list('Groups').map((g) => g.str('GroupId'))]).toEqual([
    'tcp',
    22,
    ['sg-2', 'sg-3'],
  ]);
  expect(p.tagSpecifications(['security-group-rule'])).toEqual([
    { resourceType: 'security-group-rule', tags: [{ key: 'a b', value: '' }] },
  ]);
});

test('reports what was not read, with its full name', () => {
  const p = QueryParams.fromBody(body);
  p.str('Action');
  p.str('GroupId');
  expect(p.unused()).toEqual([
    'IpPermissions.1.IpProtocol',
    'IpPermissions.1.FromPort',
    'IpPermissions.1.ToPort',
    'IpPermissions.1.Groups.2.GroupId',
    'IpPermissions.1.Groups.1.GroupId',
    'TagSpecification.1.ResourceType',
    'TagSpecification.1.Tag.1.Key',
    'TagSpecification.1.Tag.1.Value',
  ]);
});

test('a missing required value is MissingParameter; a bad integer or boolean InvalidParameterValue', () => {
  const p = QueryParams.fromBody('FromPort=x&DryRun=yes');
  expect([code(() => p.required('GroupId')), code(() => p.int('FromPort')), code(() => p.bool('DryRun'))]).toEqual([
    'MissingParameter',
    'InvalidParameterValue',
    'InvalidParameterValue',
  ]);
});

test('a tag specification for a resource type the operation does not create is refused', () => {
  expect(code(() => QueryParams.fromBody(body).tagSpecifications(['instance']))).toBe('InvalidParameterValue');
});
