// aws/describe-subnets.json: `aws ec2 describe-subnets --output json`. Dual-stack subnets list their IPv6
// CIDR in Ipv6CidrBlockAssociationSet.
import { z } from 'zod';
import { awsId, awsTags, ipv4Cidr } from './common';

export const subnetsSchema = z.looseObject({
  Subnets: z.array(
    z.looseObject({
      SubnetId: awsId('subnet'),
      VpcId: awsId('vpc'),
      /** Absent on an IPv6-only subnet. */
      CidrBlock: ipv4Cidr.optional(),
      AvailabilityZone: z.string(),
      OwnerId: z.string().optional(),
      State: z.enum(['pending', 'available']).default('available'),
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

export type SubnetsJson = z.output<typeof subnetsSchema>;
