// aws/describe-security-groups.json: `aws ec2 describe-security-groups --output json`. It carries no rule
// ids. The IpPermission shape (IPv4 and IPv6 ranges, groups of other accounts or peered VPCs, prefix
// lists) is defined once in src/shapes/ec2.
import { z } from 'zod';
import { ipPermissionJsonSchema } from '../../shapes/ec2';
import { awsId, awsTags } from './common';

export const ipPermissionSchema = ipPermissionJsonSchema;

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
