// CreateTags and DeleteTags on any taggable EC2 resource of the world, found by its id prefix. Every
// resource is checked before anything changes, so a bad id fails the call and tags nothing.
import { ec2Error } from '../errors';
import { mergeTags, type Tag } from '../tags';
import type { World } from '../world';
import { getVpc } from './vpcs';
import { getSubnet } from './subnets';
import { getRouteTable } from './route-tables';
import { getNetworkAcl } from './network-acls';
import { getSecurityGroup } from './security-groups';
import { getNetworkInterface } from './network-interfaces';
import { getManagedPrefixList } from './prefix-lists';
import { getInstance } from './instances';

const maxTagsPerResource = 50;

interface Taggable {
  tags: Tag[];
}

/** The resource an id names, or EC2's NotFound error for its kind (InvalidID for an unknown kind). */
export function taggableResource(world: World, id: string): Taggable {
  const s = world.ec2;
  const prefix = id.slice(0, id.indexOf('-'));
  switch (prefix) {
    case 'vpc':
      return getVpc(world, id);
    case 'subnet':
      return getSubnet(world, id);
    case 'rtb':
      return getRouteTable(world, id);
    case 'acl':
      return getNetworkAcl(world, id);
    case 'sg':
      return getSecurityGroup(world, id);
    case 'eni':
      return getNetworkInterface(world, id);
    case 'pl':
      return getManagedPrefixList(world, id);
    case 'i':
      return getInstance(world, id);
    case 'sgr':
      for (const sg of s.securityGroups.values()) {
        const rule = sg.rules.find((r) => r.securityGroupRuleId === id);
        if (rule) return rule;
      }
      throw ec2Error('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${id}' does not exist`);
    default:
      throw ec2Error('InvalidID', `The ID '${id}' is not valid`);
  }
}

function checkTag(t: Tag): void {
  if (t.key.length === 0 || t.key.length > 128)
    throw ec2Error('InvalidParameterValue', `Tag key '${t.key}' must be 1 to 128 characters long`);
  if (t.value.length > 256)
    throw ec2Error('InvalidParameterValue', `Tag value for key '${t.key}' exceeds the maximum length of 256 characters`);
  if (t.key.toLowerCase().startsWith('aws:'))
    throw ec2Error('InvalidParameterValue', `Tag keys starting with 'aws:' are reserved for internal use (key '${t.key}')`);
}

/** CreateTags: existing keys get the new value, new keys are added; at most 50 tags per resource. */
export function createTags(world: World, resourceIds: readonly string[], tags: readonly Tag[]): void {
  if (resourceIds.length === 0) throw ec2Error('MissingParameter', 'The request must contain the parameter resourceIdSet');
  if (tags.length === 0) throw ec2Error('MissingParameter', 'The request must contain the parameter tagSet');
  tags.forEach(checkTag);
  const resources = resourceIds.map((id) => taggableResource(world, id));
  for (const r of resources) {
    if (mergeTags(r.tags, tags).length > maxTagsPerResource)
      throw ec2Error('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.');
  }
  for (const r of resources) r.tags = mergeTags(r.tags, tags);
  world.touch();
}

/**
 * DeleteTags: a tag given with a value is deleted only if the value matches (an empty value matches
 * only an empty value); a tag given without a value is deleted whatever its value; no tags at all
 * deletes every tag of the resources. Tags that are not there are ignored, as in EC2.
 */
export function deleteTags(world: World, resourceIds: readonly string[], tags?: readonly { key: string; value?: string }[]): void {
  if (resourceIds.length === 0) throw ec2Error('MissingParameter', 'The request must contain the parameter resourceIdSet');
  const resources = resourceIds.map((id) => taggableResource(world, id));
  for (const r of resources) {
    r.tags =
      tags === undefined || tags.length === 0
        ? []
        : r.tags.filter((t) => !tags.some((d) => d.key === t.key && (d.value === undefined || d.value === t.value)));
  }
  world.touch();
}
