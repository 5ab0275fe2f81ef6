// References a real account leaves dangling load with a warning naming the file, the field and the
// missing id; the snapshot is never refused for them.
import { readSnapshot } from './load-snapshot';
import { caseBFiles, editJson, type Json } from './test-support';

describe('loadSnapshot warnings', () => {
  it.each([
    [
      'an ENI security group outside the export',
      'aws/describe-network-interfaces.json',
      (j: Json) => void (j.NetworkInterfaces[0].Groups[0].GroupId = 'sg-0000000000000dead'),
      'NetworkInterfaces[0].Groups[0].GroupId',
      'SECURITY_GROUP_MISSING',
    ],
    [
      'a referenced group of another account',
      'aws/describe-security-groups.json',
      (j: Json) =>
        void (j.SecurityGroups[0].IpPermissions[0].UserIdGroupPairs[0] = { GroupId: 'sg-0000000000000dead', UserId: '999988887777' }),
      'SecurityGroups[0].IpPermissions[0].UserIdGroupPairs[0].GroupId',
      '999988887777',
    ],
    [
      'a referenced group of a peered VPC',
      'aws/describe-security-groups.json',
      (j: Json) =>
        void (j.SecurityGroups[0].IpPermissions[0].UserIdGroupPairs[0] = {
          GroupId: 'sg-0000000000000dead',
          VpcPeeringConnectionId: 'pcx-0123456789abcdef0',
          UserId: '123456789012',
        }),
      'SecurityGroups[0].IpPermissions[0].UserIdGroupPairs[0].GroupId',
      'pcx-0123456789abcdef0',
    ],
    [
      'a route to a deleted ENI',
      'aws/describe-route-tables.json',
      (j: Json) => void (j.RouteTables[0].Routes[1].NetworkInterfaceId = 'eni-0000000000000dead'),
      'RouteTables[0].Routes[1].NetworkInterfaceId',
      'aws/describe-network-interfaces.json',
    ],
    [
      'a NACL association to a deleted subnet',
      'aws/describe-network-acls.json',
      (j: Json) =>
        void j.NetworkAcls[0].Associations.push({
          NetworkAclAssociationId: 'aclassoc-0123456789abcdef0',
          NetworkAclId: j.NetworkAcls[0].NetworkAclId,
          SubnetId: 'subnet-0000000000000dead',
        }),
      'Associations[1].SubnetId',
      'aws/describe-subnets.json',
    ],
  ])('loads %s with a warning', (_what, file, edit, field, inMessage) => {
    const files = editJson(caseBFiles(), file, edit);
    files.delete('aws/describe-security-group-rules.json'); // optional; it would have to be edited alike
    const { world, warnings } = readSnapshot(files);
    expect(world.ec2.vpcs.size).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.file).toBe(file);
    expect(warnings[0]!.field).toContain(field);
    expect(warnings[0]!.missing).toMatch(/-0000000000000dead$/);
    expect(warnings[0]!.message).toContain(inMessage);
  });

  it('loads a prefix list without its entries file as entries-missing, naming the command that exports them', () => {
    const files = caseBFiles();
    files.set(
      'aws/describe-managed-prefix-lists.json',
      JSON.stringify({ PrefixLists: [{ PrefixListId: 'pl-0123456789abcdef0', PrefixListName: 'x', AddressFamily: 'IPv4' }] }),
    );
    const { world, warnings } = readSnapshot(files);
    expect(world.ec2.prefixLists.get('pl-0123456789abcdef0')).toMatchObject({ entries: [], entriesMissing: true });
    expect(warnings.map((w) => w.message).join('\n')).toContain(
      'aws ec2 get-managed-prefix-list-entries --prefix-list-id pl-0123456789abcdef0',
    );
  });

  it('gives no warning for a complete export', () => {
    expect(readSnapshot(caseBFiles()).warnings).toEqual([]);
  });
});
