// aws/describe-route-tables.json: `aws ec2 describe-route-tables --output json`. IPv6-only routes and
// gateway (edge) associations are accepted and skipped by the reader: the model is IPv4 and per subnet.
import { z } from 'zod';
import { awsId, awsTags, ipv4Cidr } from './common';

export const routeSchema = z.looseObject({
  DestinationCidrBlock: ipv4Cidr.optional(),
  DestinationIpv6CidrBlock: z.string().optional(),
  DestinationPrefixListId: z.string().optional(),
  GatewayId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  InstanceId: z.string().optional(),
  TransitGatewayId: z.string().optional(),
  VpcPeeringConnectionId: z.string().optional(),
  NatGatewayId: z.string().optional(),
  State: z.enum(['active', 'blackhole']).default('active'),
  Origin: z.enum(['CreateRouteTable', 'CreateRoute', 'EnableVgwRoutePropagation']).default('CreateRoute'),
});

export const routeTablesSchema = z.looseObject({
  RouteTables: z.array(
    z.looseObject({
      RouteTableId: awsId('rtb'),
      VpcId: awsId('vpc'),
      OwnerId: z.string().optional(),
      Routes: z.array(routeSchema).default([]),
      Associations: z
        .array(
          z.looseObject({
            RouteTableAssociationId: z.string(),
            RouteTableId: z.string().optional(),
            SubnetId: z.string().optional(),
            GatewayId: z.string().optional(),
            Main: z.boolean().default(false),
            AssociationState: z.looseObject({ State: z.string() }).optional(),
          }),
        )
        .default([]),
      Tags: awsTags,
    }),
  ),
});

export type RouteTablesJson = z.output<typeof routeTablesSchema>;
export type RouteJson = z.output<typeof routeSchema>;
