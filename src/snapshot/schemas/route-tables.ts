// aws/describe-route-tables.json: `aws ec2 describe-route-tables --output json`. Routes are IPv4, IPv6
// (`DestinationIpv6CidrBlock`, egress-only IGW) or prefix-list routes (src/shapes/ec2/routes.ts); gateway
// (edge) associations are accepted and skipped by the reader: the model decides per subnet.
import { z } from 'zod';
import { routeJsonSchema } from '../../shapes/ec2';
import { awsId, awsTags } from './common';

export const routeSchema = routeJsonSchema;

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
