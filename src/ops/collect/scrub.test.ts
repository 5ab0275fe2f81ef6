// Secret removal and --scrub on snapshot files: passwords and tokens gone, account ids and public
// addresses mapped to the same placeholder everywhere (CIDR containment kept), private ones and versions kept.
import { removeSecrets } from './remove-secrets';
import { scrubFiles } from './scrub';

const files = new Map<string, string>([
  [
    'vmc/sddc.json',
    JSON.stringify({
      id: 's',
      resource_config: {
        cloud_password: 'hunter2',
        nsx_cloudadmin_password: 'p',
        vc_public_ip: '52.10.20.30',
        nsx_api_public_endpoint_url: 'https://52.10.20.30/sks',
        version: '1.20.0.1',
      },
      account_link_sddc_config: [{ connected_account_id: '210987654321' }],
    }),
  ],
  [
    'aws/describe-instances.json',
    JSON.stringify({
      Reservations: [
        {
          OwnerId: '123456789012',
          Instances: [
            {
              PublicIpAddress: '52.10.20.31',
              PublicDnsName: 'ec2-52-10-20-31.compute.amazonaws.com',
              PrivateIpAddress: '172.31.16.7',
              IamInstanceProfile: { Arn: 'arn:aws:iam::123456789012:instance-profile/x' },
            },
          ],
        },
      ],
    }),
  ],
  [
    'aws/describe-security-groups.json',
    JSON.stringify({
      SecurityGroups: [
        {
          OwnerId: '123456789012',
          IpPermissions: [
            {
              IpRanges: [{ CidrIp: '52.10.20.0/24' }, { CidrIp: '0.0.0.0/0' }, { CidrIp: '10.0.0.0/8' }],
              UserIdGroupPairs: [{ UserId: '123456789012', GroupId: 'sg-1' }],
            },
          ],
        },
      ],
    }),
  ],
]);

test('secrets are dropped by key and redacted by value', () => {
  const out = [
    ...removeSecrets(new Map([...files, ['nsx/x.json', JSON.stringify({ note: 'token CANARY123 here', NextToken: 'keep' })]]), [
      'CANARY123',
    ]).values(),
  ].join('');
  expect(out).not.toMatch(/hunter2|cloudadmin_password|CANARY123/);
  expect(out).toContain('[redacted]');
  expect(out).toContain('"NextToken": "keep"');
});

test('--scrub: consistent placeholders for account ids and public addresses', () => {
  const { files: out, accounts, addresses } = scrubFiles(files);
  const all = [...out.values()].join('\n');
  expect(all).not.toMatch(/123456789012|210987654321|52\.10\.20|52-10-20/);
  expect(accounts).toBe(2);
  expect(addresses).toBe(3);
  const inst = JSON.parse(out.get('aws/describe-instances.json')!);
  const sg = JSON.parse(out.get('aws/describe-security-groups.json')!);
  const sddc = JSON.parse(out.get('vmc/sddc.json')!);
  const account = inst.Reservations[0].OwnerId;
  expect(account).toMatch(/^0{11}[12]$/);
  expect(sg.SecurityGroups[0].OwnerId).toBe(account);
  expect(sg.SecurityGroups[0].IpPermissions[0].UserIdGroupPairs[0].UserId).toBe(account);
  expect(inst.Reservations[0].Instances[0].IamInstanceProfile.Arn).toBe(`arn:aws:iam::${account}:instance-profile/x`);
  const cidr = sg.SecurityGroups[0].IpPermissions[0].IpRanges.map((r: { CidrIp: string }) => r.CidrIp);
  expect(cidr[0]).toMatch(/^198\.1[89]\.\d+\.0\/24$/);
  expect(cidr.slice(1)).toEqual(['0.0.0.0/0', '10.0.0.0/8']);
  const block = cidr[0].split('.').slice(0, 3).join('.');
  expect(inst.Reservations[0].Instances[0].PublicIpAddress).toBe(`${block}.31`);
  expect(inst.Reservations[0].Instances[0].PublicDnsName).toBe(`ec2-${block.replace(/\./g, '-')}-31.compute.amazonaws.com`);
  expect(sddc.resource_config.vc_public_ip).toBe(`${block}.30`);
  expect(sddc.resource_config.nsx_api_public_endpoint_url).toBe(`https://${block}.30/sks`);
  expect(sddc.resource_config.version).toBe('1.20.0.1');
  expect(inst.Reservations[0].Instances[0].PrivateIpAddress).toBe('172.31.16.7');
  expect(scrubFiles(out).files).toEqual(out); // idempotent
});
