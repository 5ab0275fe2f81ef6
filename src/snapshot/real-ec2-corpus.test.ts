// Every payload of the real EC2 corpus (fixtures/real/ec2: the AWS CLI's own examples, see SOURCES.md)
// passes the schema of the snapshot file it belongs in: IPv6, dual stack, rule 32768, prefix lists of
// either family and groups of other accounts are all accepted. `create-*` and `authorize-*` outputs
// hold one object of a describe file's list, so they are checked as a one-item list.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { vpcsSchema } from './schemas/vpcs';
import { subnetsSchema } from './schemas/subnets';
import { routeTablesSchema } from './schemas/route-tables';
import { networkAclsSchema } from './schemas/network-acls';
import { securityGroupsSchema } from './schemas/security-groups';
import { securityGroupRulesSchema } from './schemas/security-group-rules';
import { networkInterfacesSchema } from './schemas/network-interfaces';
import { instancesSchema } from './schemas/instances';
import { prefixListEntriesSchema, prefixListsSchema } from './schemas/prefix-lists';
import type { Json } from './test-support';

const dir = resolve(__dirname, '..', '..', 'fixtures', 'real', 'ec2');
const payloads = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** The schema a payload is checked with, and the payload as that file would hold it. */
const kinds: [RegExp, z.ZodType, (j: Json) => Json][] = [
  [/^describe-vpcs/, vpcsSchema, (j) => j],
  [/^create-vpc/, vpcsSchema, (j) => ({ Vpcs: [j.Vpc] })],
  [/^describe-subnets/, subnetsSchema, (j) => j],
  [/^create-subnet/, subnetsSchema, (j) => ({ Subnets: [j.Subnet] })],
  [/^describe-route-tables/, routeTablesSchema, (j) => j],
  [/^describe-network-acls/, networkAclsSchema, (j) => j],
  [/^describe-security-groups/, securityGroupsSchema, (j) => j],
  [/^(describe-security-group-rules|authorize-security-group-ingress)/, securityGroupRulesSchema, (j) => j],
  [/^describe-network-interfaces/, networkInterfacesSchema, (j) => j],
  [/^create-network-interface/, networkInterfacesSchema, (j) => ({ NetworkInterfaces: [j.NetworkInterface] })],
  [/^describe-instances/, instancesSchema, (j) => j],
  [/^describe-managed-prefix-lists/, prefixListsSchema, (j) => j],
  [/^get-managed-prefix-list-entries/, prefixListEntriesSchema, (j) => j],
];

describe('the real EC2 corpus', () => {
  it('has a source line in SOURCES.md for every payload', () => {
    const sources = readFileSync(join(dir, 'SOURCES.md'), 'utf8');
    expect(payloads.length).toBeGreaterThanOrEqual(30);
    expect(payloads.filter((f) => !sources.includes(`| \`${f}\` |`))).toEqual([]);
  });

  it.each(payloads)('%s passes the schema of its snapshot file', (file) => {
    const kind = kinds.find(([re]) => re.test(file));
    expect(kind).toBeDefined();
    const [, schema, wrap] = kind!;
    const result = schema.safeParse(wrap(JSON.parse(readFileSync(join(dir, file), 'utf8'))));
    expect(result.error?.issues ?? []).toEqual([]);
  });
});
