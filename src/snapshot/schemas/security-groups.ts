// aws/describe-security-groups.json: `aws ec2 describe-security-groups --output json`. It carries no rule
// ids; Ipv6Ranges are accepted and skipped by the reader (the model is IPv4).
import { z } from 'zod';
import { awsId, awsTags, ipv4Cidr } from './common';

export const ipPermissionSchema = z.looseObject({
  IpProtocol: z.string(),
  FromPort: z.number().int().optional(),
  ToPort: z.number().int().optional(),
  IpRanges: z.array(z.looseObject({ CidrIp: ipv4Cidr, Description: z.string().optional() })).default([]),
  UserIdGroupPairs: z
    .array(z.looseObject({ GroupId: awsId('sg'), UserId: z.string().optional(), Description: z.string().optional() }))
    .default([]),
  PrefixListIds: z.array(z.looseObject({ PrefixListId: awsId('pl'), Description: z.string().optional() })).default([]),
});

export const securityGroupsSchema = z.looseObject({
  SecurityGroups: z.array(
    z.looseObject({
      GroupId: awsId('sg'),
      GroupName: z.string(),
      Description: z.string().default(''),
      VpcId: awsId('vpc'),
      OwnerId: z.string().optional(),
      IpPermissions: z.array(ipPermissionSchema).default([]),
      IpPermissionsEgress: z.array(ipPermissionSchema).default([]),
      Tags: awsTags,
    }),
  ),
});

export type SecurityGroupsJson = z.output<typeof securityGroupsSchema>;
export type IpPermissionJson = z.output<typeof ipPermissionSchema>;
