// aws/describe-network-acls.json: `aws ec2 describe-network-acls --output json`. Entries are IPv4
// (`CidrBlock`) or IPv6 (`Ipv6CidrBlock`, AWS's own catch-all at rule 32768): src/shapes/ec2.
import { z } from 'zod';
import { naclEntryJsonSchema } from '../../shapes/ec2';
import { awsId, awsTags } from './common';

export const networkAclsSchema = z.looseObject({
  NetworkAcls: z.array(
    z.looseObject({
      NetworkAclId: awsId('acl'),
      VpcId: awsId('vpc'),
      OwnerId: z.string().optional(),
      IsDefault: z.boolean().default(false),
      Entries: z.array(naclEntryJsonSchema).default([]),
      Associations: z
        .array(z.looseObject({ NetworkAclAssociationId: z.string(), NetworkAclId: z.string().optional(), SubnetId: z.string() }))
        .default([]),
      Tags: awsTags,
    }),
  ),
});

export type NetworkAclsJson = z.output<typeof networkAclsSchema>;
