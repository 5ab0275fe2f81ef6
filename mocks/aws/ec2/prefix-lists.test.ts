// Managed prefix lists through the SDK: create, describe, entries, and NotFound.
import { CreateManagedPrefixListCommand, DescribeManagedPrefixListsCommand, GetManagedPrefixListEntriesCommand } from '@aws-sdk/client-ec2';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';

const mock = mockAws();

test('a created list is described with its entries', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  const created = (
    await ec2.send(
      new CreateManagedPrefixListCommand({
        PrefixListName: 'sddc',
        MaxEntries: 5,
        AddressFamily: 'IPv4',
        Entries: [{ Cidr: '192.168.100.0/24', Description: 'segment' }],
      }),
    )
  ).PrefixList!;
  expect(created).toMatchObject({
    PrefixListId: expect.stringMatching(/^pl-/),
    PrefixListName: 'sddc',
    MaxEntries: 5,
    State: 'create-complete',
    AddressFamily: 'IPv4',
  });
  const listed = await ec2.send(new DescribeManagedPrefixListsCommand({ Filters: [{ Name: 'prefix-list-name', Values: ['sddc'] }] }));
  const entries = await ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: created.PrefixListId! }));
  expect([listed.PrefixLists?.map((p) => p.PrefixListId), entries.Entries]).toEqual([
    [created.PrefixListId],
    [{ Cidr: '192.168.100.0/24', Description: 'segment' }],
  ]);
});

test('an unknown list is InvalidPrefixListID.NotFound', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  expect(await rejection(ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: 'pl-0123456789abcdef0' })))).toMatchObject({
    name: 'InvalidPrefixListID.NotFound',
  });
});

test('an IPv6 list holds IPv6 entries and refuses IPv4 ones', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  const created = (
    await ec2.send(
      new CreateManagedPrefixListCommand({
        PrefixListName: 'vpc-ipv6-cidrs',
        MaxEntries: 25,
        AddressFamily: 'IPv6',
        Entries: [{ Cidr: '2001:db8:1234:1a00::/56' }],
      }),
    )
  ).PrefixList!;
  expect(created.AddressFamily).toBe('IPv6');
  expect((await ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: created.PrefixListId! }))).Entries).toEqual([
    { Cidr: '2001:db8:1234:1a00::/56' },
  ]);
  const refused = await rejection(
    ec2.send(
      new CreateManagedPrefixListCommand({
        PrefixListName: 'mixed',
        MaxEntries: 5,
        AddressFamily: 'IPv6',
        Entries: [{ Cidr: '10.0.0.0/16' }],
      }),
    ),
  );
  expect(refused).toMatchObject({ name: 'InvalidParameterValue' });
});
