// aws/describe-security-group-rules.json (optional): `aws ec2 describe-security-group-rules --output json`.
// When present it gives the rules their real ids (and order); describe-security-groups stays the source
// of what is allowed, and the two must agree.
import { z } from 'zod';
import { awsId, awsTags, ipv4Cidr, ipv6Cidr } from './common';

export const securityGroupRulesSchema = z.looseObject({
  SecurityGroupRules: z.array(
    z.looseObject({
      SecurityGroupRuleId: awsId('sgr'),
      GroupId: awsId('sg'),
      GroupOwnerId: z.string().optional(),
      IsEgress: z.boolean(),
      IpProtocol: z.string(),
      FromPort: z.number().int().optional(),
      ToPort: z.number().int().optional(),
      CidrIpv4: ipv4Cidr.optional(),
      CidrIpv6: ipv6Cidr.optional(),
      ReferencedGroupInfo: z
        .looseObject({
          GroupId: awsId('sg'),
          UserId: z.string().optional(),
          VpcId: z.string().optional(),
          VpcPeeringConnectionId: z.string().optional(),
        })
        .optional(),
      PrefixListId: awsId('pl').optional(),
      Description: z.string().optional(),
      Tags: awsTags,
    }),
  ),
});

export type SecurityGroupRulesJson = z.output<typeof securityGroupRulesSchema>;
