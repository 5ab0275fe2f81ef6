// Element shapes several EC2 responses share: tag sets, security group references, ARNs, and the
// parameters every Describe action takes (ids, filters, paging).
import { ec2Error, type Tag, type World } from '../../../src/world';
import { items, type XmlValue } from '../protocols/ec2-xml';
import type { Filter, QueryParams } from '../protocols/query-params';
import type { PageRequest } from './paging';

export const tagSet = (tags: readonly Tag[]): XmlValue => items(tags.map((t) => ({ key: t.key, value: t.value })));

/** `<groupSet>` of an instance or ENI: group id and name. */
export const groupSet = (world: World, groupIds: readonly string[]): XmlValue =>
  items(groupIds.map((groupId) => ({ groupId, groupName: world.ec2.securityGroups.get(groupId)?.groupName })));

export const arn = (world: World, type: string, id: string, owner = world.accountId): string =>
  `arn:aws:ec2:${world.region}:${owner}:${type}/${id}`;

export interface DescribeInput extends PageRequest {
  ids: string[];
  filters: Filter[];
}

/** The usual Describe parameters: `<IdName>.N`, `Filter.N`, `MaxResults`, `NextToken`. */
export function parseDescribe(p: QueryParams, idName: string): DescribeInput {
  const maxResults = p.int('MaxResults');
  const nextToken = p.str('NextToken');
  return {
    ids: p.strings(idName),
    filters: p.filters(),
    ...(maxResults !== undefined ? { maxResults } : {}),
    ...(nextToken !== undefined ? { nextToken } : {}),
  };
}

/** Refuses a parameter the mock reads but does not model (never silently ignored). */
export function unsupported(p: QueryParams, name: string, why: string): void {
  if (p.has(name)) throw ec2Error('UnsupportedOperation', `The vmc-reach mock does not support ${name}: ${why}`);
}
