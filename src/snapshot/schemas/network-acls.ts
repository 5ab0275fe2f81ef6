// aws/describe-network-acls.json: `aws ec2 describe-network-acls --output json`. Entries with only an
// Ipv6CidrBlock are accepted and skipped by the reader (the model is IPv4).
import { z } from 'zod';
import { awsId, awsTags, ipv4Cidr } from './common';

export const networkAclsSchema = z.looseObject({
  NetworkAcls: z.array(
    z.looseObject({
      NetworkAclId: awsId('acl'),
      VpcId: awsId('vpc'),
      OwnerId: z.string().optional(),
      IsDefault: z.boolean().default(false),
      Entries: z
        .array(
          z.looseObject({
            RuleNumber: z.number().int().min(1).max(32767),
            Protocol: z.string().regex(/^(-1|\d{1,3})$/, { error: 'is not a protocol number or -1' }),
            RuleAction: z.enum(['allow', 'deny']),
            Egress: z.boolean(),
            CidrBlock: ipv4Cidr.optional(),
            Ipv6CidrBlock: z.string().optional(),
            IcmpTypeCode: z.looseObject({ Type: z.number().int(), Code: z.number().int() }).optional(),
            PortRange: z.looseObject({ From: z.number().int(), To: z.number().int() }).optional(),
          }),
        )
        .default([]),
      Associations: z
        .array(z.looseObject({ NetworkAclAssociationId: z.string(), NetworkAclId: z.string().optional(), SubnetId: z.string() }))
        .default([]),
      Tags: awsTags,
    }),
  ),
});

export type NetworkAclsJson = z.output<typeof networkAclsSchema>;
