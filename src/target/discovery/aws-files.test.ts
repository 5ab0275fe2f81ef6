// Discovery's AWS side through the EC2 mock, on worlds a real account can have: an ENI that wears a group
// of no VPC the credentials see, and a prefix list the main route table uses. What discovery reads goes
// through the snapshot reader with a warning, never an abort, and the list's entries are read.
import { readSnapshot, snapshotFiles } from '../../snapshot';
import { articleCaseB } from '../../world/test-support';
import { editJson, type Json } from '../../snapshot/test-support';
import { mockAws } from '../../../mocks/test-support/aws';
import { collectAwsFiles } from './aws-files';

const mock = mockAws();

/** The case B snapshot edited by `edit`, loaded (with its warnings) as the world the mock serves. */
function servedWorld(edit: (files: Map<string, string>) => Map<string, string>) {
  const files = edit(snapshotFiles(articleCaseB(), { description: 'case B' }));
  files.delete('aws/describe-security-group-rules.json');
  return { files, ...readSnapshot(files) };
}

/** Discovery's AWS files with the snapshot's own manifest and NSX files, read as discovery reads them. */
async function discover(files: ReadonlyMap<string, string>, world: ReturnType<typeof servedWorld>['world']) {
  const { ec2 } = mock.use(world);
  const vpcId = [...world.ec2.vpcs.keys()][0]!;
  const aws = await collectAwsFiles(ec2, { vpcId });
  const all = new Map([...files].filter(([f]) => !f.startsWith('aws/')));
  for (const [f, text] of aws) all.set(f, text);
  return { aws, ...readSnapshot(all) };
}

test('an ENI wearing a group outside the export is discovered with a warning, not an abort', async () => {
  const { files, world } = servedWorld((f) =>
    editJson(
      f,
      'aws/describe-network-interfaces.json',
      (j) => void j.NetworkInterfaces[0].Groups.push({ GroupId: 'sg-0000000000000dead', GroupName: 'peer' }),
    ),
  );
  const { warnings } = await discover(files, world);
  expect(warnings).toEqual([expect.objectContaining({ file: 'aws/describe-network-interfaces.json', missing: 'sg-0000000000000dead' })]);
});

test('a prefix list the route table uses is discovered with its entries (no warning: routes through it are decided)', async () => {
  const entries = Array.from({ length: 150 }, (_, k) => ({ Cidr: `10.${100 + Math.floor(k / 256)}.${k % 256}.0/24` }));
  const { files, world } = servedWorld((f) => {
    const out = editJson(f, 'aws/describe-route-tables.json', (j) => {
      const r = j.RouteTables[0].Routes.find((x: Json) => x.DestinationCidrBlock === '192.168.100.0/24');
      delete r.DestinationCidrBlock;
      r.DestinationPrefixListId = 'pl-0123456abcabcabc1';
    });
    out.set(
      'aws/describe-managed-prefix-lists.json',
      JSON.stringify({
        PrefixLists: [{ PrefixListId: 'pl-0123456abcabcabc1', PrefixListName: 'vpc-cidrs', AddressFamily: 'IPv4', MaxEntries: 200 }],
      }),
    );
    out.set('aws/managed-prefix-list-entries/pl-0123456abcabcabc1.json', JSON.stringify({ Entries: entries }));
    return out;
  });
  const found = await discover(files, world);
  expect(found.warnings).toEqual([]);
  expect(JSON.parse(found.aws.get('aws/managed-prefix-list-entries/pl-0123456abcabcabc1.json')!).Entries).toHaveLength(150);
});
