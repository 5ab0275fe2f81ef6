// aws/describe-subnets.json: `aws ec2 describe-subnets --output json`.
import { z } from 'zod';
import { awsId, awsTags, ipv4Cidr } from './common';

export const subnetsSchema = z.looseObject({
  Subnets: z.array(
    z.looseObject({
      SubnetId: awsId('subnet'),
      VpcId: awsId('vpc'),
      CidrBlock: ipv4Cidr,
      AvailabilityZone: z.string(),
      OwnerId: z.string().optional(),
      State: z.enum(['pending', 'available']).default('available'),
      Tags: awsTags,
    }),
  ),
});

export type SubnetsJson = z.output<typeof subnetsSchema>;
