// aws/describe-instances.json: `aws ec2 describe-instances --output json` (any number of reservations).
// Terminated instances may lack SubnetId, PrivateIpAddress and NetworkInterfaces; the reader skips them.
import { z } from 'zod';
import { awsId, awsTags, ipv4, timestamp } from './common';

const instanceStates = ['pending', 'running', 'shutting-down', 'terminated', 'stopping', 'stopped'] as const;

export const instanceSchema = z.looseObject({
  InstanceId: awsId('i'),
  ImageId: z.string().default(''),
  InstanceType: z.string().default(''),
  State: z.looseObject({ Name: z.enum(instanceStates), Code: z.number().int().optional() }),
  SubnetId: awsId('subnet').optional(),
  VpcId: awsId('vpc').optional(),
  PrivateIpAddress: ipv4.optional(),
  Placement: z.looseObject({ AvailabilityZone: z.string().optional() }).optional(),
  LaunchTime: timestamp.optional(),
  IamInstanceProfile: z.looseObject({ Arn: z.string() }).optional(),
  Platform: z.string().optional(),
  KeyName: z.string().optional(),
  ClientToken: z.string().optional(),
  SecurityGroups: z.array(z.looseObject({ GroupId: awsId('sg'), GroupName: z.string().optional() })).default([]),
  NetworkInterfaces: z
    .array(
      z.looseObject({
        NetworkInterfaceId: awsId('eni'),
        Attachment: z.looseObject({ DeviceIndex: z.number().int() }).optional(),
      }),
    )
    .default([]),
  Tags: awsTags,
});

export const instancesSchema = z.looseObject({
  Reservations: z.array(
    z.looseObject({
      ReservationId: z.string().optional(),
      OwnerId: z.string().optional(),
      Instances: z.array(instanceSchema),
    }),
  ),
});

export type InstancesJson = z.output<typeof instancesSchema>;
export type InstanceJson = z.output<typeof instanceSchema>;
