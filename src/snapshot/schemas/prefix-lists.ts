// aws/describe-managed-prefix-lists.json (optional) and, per list, aws/managed-prefix-list-entries/<pl-id>.json
// (`aws ec2 get-managed-prefix-list-entries --prefix-list-id <pl-id> --output json`).
import { z } from 'zod';
import { anyCidr, awsId, awsTags } from './common';

export const prefixListsSchema = z.looseObject({
  PrefixLists: z.array(
    z.looseObject({
      PrefixListId: awsId('pl'),
      PrefixListName: z.string().default(''),
      AddressFamily: z.enum(['IPv4', 'IPv6']).default('IPv4'),
      OwnerId: z.string().optional(),
      Tags: awsTags,
    }),
  ),
});

export const prefixListEntriesSchema = z.looseObject({
  Entries: z.array(z.looseObject({ Cidr: anyCidr, Description: z.string().optional() })),
});

export type PrefixListsJson = z.output<typeof prefixListsSchema>;
export type PrefixListEntriesJson = z.output<typeof prefixListEntriesSchema>;
