// aws/describe-network-interfaces.json: `aws ec2 describe-network-interfaces --output json`. Note that
// ENIs carry their tags in `TagSet`, not `Tags`; dual-stack ENIs list `Ipv6Addresses`.
import { z } from 'zod';
import { awsId, awsTags, ipv4, ipv6 } from './common';

export const networkInterfacesSchema = z.looseObject({
  NetworkInterfaces: z.array(
    z.looseObject({
      NetworkInterfaceId: awsId('eni'),
      SubnetId: awsId('subnet'),
      VpcId: awsId('vpc').optional(),
      OwnerId: z.string().optional(),
      AvailabilityZone: z.string().optional(),
      /** Absent on an ENI of an IPv6-only subnet. */
      PrivateIpAddress: ipv4.optional(),
      PrivateIpAddresses: z.array(z.looseObject({ PrivateIpAddress: ipv4, Primary: z.boolean().default(false) })).default([]),
      Ipv6Addresses: z.array(z.looseObject({ Ipv6Address: ipv6 })).default([]),
      Groups: z.array(z.looseObject({ GroupId: awsId('sg'), GroupName: z.string().optional() })).default([]),
      Description: z.string().default(''),
      InterfaceType: z.string().default('interface'),
      Status: z.string().default('in-use'),
      SourceDestCheck: z.boolean().default(true),
      RequesterManaged: z.boolean().default(false),
      Attachment: z
        .looseObject({
          AttachmentId: z.string(),
          InstanceId: z.string().optional(),
          InstanceOwnerId: z.string().optional(),
          DeviceIndex: z.number().int().default(0),
          Status: z.string().default('attached'),
        })
        .optional(),
      TagSet: awsTags,
    }),
  ),
});

export type NetworkInterfacesJson = z.output<typeof networkInterfacesSchema>;
