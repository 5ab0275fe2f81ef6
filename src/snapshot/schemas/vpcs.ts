// aws/describe-vpcs.json: `aws ec2 describe-vpcs --output json`. Dual-stack VPCs list their IPv6 CIDRs in
// Ipv6CidrBlockAssociationSet (disassociated ones, and the empty CIDR of one still `associating`, are
// skipped by the reader).
import { z } from 'zod';
import { awsId, awsTags, ipv4Cidr } from './common';

export const vpcsSchema = z.looseObject({
  Vpcs: z.array(
    z.looseObject({
      VpcId: awsId('vpc'),
      CidrBlock: ipv4Cidr,
      OwnerId: z.string().optional(),
      State: z.enum(['pending', 'available']).default('available'),
      IsDefault: z.boolean().default(false),
      CidrBlockAssociationSet: z
        .array(
          z.looseObject({
            CidrBlock: ipv4Cidr,
            AssociationId: z.string().optional(),
            CidrBlockState: z.looseObject({ State: z.string() }).optional(),
          }),
        )
        .default([]),
      Ipv6CidrBlockAssociationSet: z
        .array(
          z.looseObject({
            Ipv6CidrBlock: z.string(),
            AssociationId: z.string().optional(),
            Ipv6CidrBlockState: z.looseObject({ State: z.string() }).optional(),
          }),
        )
        .default([]),
      Tags: awsTags,
    }),
  ),
});

export type VpcsJson = z.output<typeof vpcsSchema>;
