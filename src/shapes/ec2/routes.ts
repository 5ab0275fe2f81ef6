// One route of DescribeRouteTables, for the EC2 mock's XML (`routeSet` item) and the snapshot's JSON
// (`Routes[]`): IPv4, IPv6 (`destinationIpv6CidrBlock`, egress-only IGW) and prefix-list destinations.
import { z } from 'zod';
import { isIpv4Cidr, isIpv6Cidr, type Route } from '../../world';

/** The route's fields in the wire order, undefined ones left out; keys are the XML names. */
export function routeShape(r: Route): Record<string, string> {
  const out: Record<string, string | undefined> = {
    destinationCidrBlock: r.destinationCidrBlock,
    destinationIpv6CidrBlock: r.destinationIpv6CidrBlock,
    destinationPrefixListId: r.destinationPrefixListId,
    egressOnlyInternetGatewayId: r.egressOnlyInternetGatewayId,
    gatewayId: r.gatewayId,
    instanceId: r.instanceId,
    natGatewayId: r.natGatewayId,
    transitGatewayId: r.transitGatewayId,
    networkInterfaceId: r.networkInterfaceId,
    vpcPeeringConnectionId: r.vpcPeeringConnectionId,
    origin: r.origin,
    state: r.state,
  };
  return Object.fromEntries(Object.entries(out).filter((e): e is [string, string] => e[1] !== undefined));
}

const pascal = (k: string): string => k.charAt(0).toUpperCase() + k.slice(1);

/** The route as the AWS CLI prints it: the same fields, capitalised. */
export const routeJson = (r: Route): Record<string, string> =>
  Object.fromEntries(Object.entries(routeShape(r)).map(([k, v]) => [pascal(k), v]));

/**
 * The CLI JSON of a route. EC2 also reports routes it has `filtered` and origins the model does not
 * tell apart (`Advertisement`): they load as CreateRoute. A route with no destination the model knows
 * (a carrier or core-network route, say) is kept out by the reader.
 */
export const routeJsonSchema = z
  .looseObject({
    DestinationCidrBlock: z.string().refine(isIpv4Cidr, { error: 'is not an IPv4 CIDR' }).optional(),
    DestinationIpv6CidrBlock: z.string().refine(isIpv6Cidr, { error: 'is not an IPv6 CIDR' }).optional(),
    DestinationPrefixListId: z.string().optional(),
    EgressOnlyInternetGatewayId: z.string().optional(),
    GatewayId: z.string().optional(),
    NetworkInterfaceId: z.string().optional(),
    InstanceId: z.string().optional(),
    TransitGatewayId: z.string().optional(),
    VpcPeeringConnectionId: z.string().optional(),
    NatGatewayId: z.string().optional(),
    State: z.string().default('active'),
    Origin: z.string().default('CreateRoute'),
  })
  .transform((j): Route => {
    const r: Route = {
      state: j.State === 'blackhole' ? 'blackhole' : 'active',
      origin: j.Origin === 'CreateRouteTable' || j.Origin === 'EnableVgwRoutePropagation' ? j.Origin : 'CreateRoute',
    };
    const copy: [keyof Route, string | undefined][] = [
      ['destinationCidrBlock', j.DestinationCidrBlock],
      ['destinationIpv6CidrBlock', j.DestinationIpv6CidrBlock],
      ['destinationPrefixListId', j.DestinationPrefixListId],
      ['egressOnlyInternetGatewayId', j.EgressOnlyInternetGatewayId],
      ['gatewayId', j.GatewayId],
      ['networkInterfaceId', j.NetworkInterfaceId],
      ['instanceId', j.InstanceId],
      ['transitGatewayId', j.TransitGatewayId],
      ['vpcPeeringConnectionId', j.VpcPeeringConnectionId],
      ['natGatewayId', j.NatGatewayId],
    ];
    for (const [k, v] of copy) if (v !== undefined) (r as unknown as Record<string, string>)[k] = v;
    return r;
  });
