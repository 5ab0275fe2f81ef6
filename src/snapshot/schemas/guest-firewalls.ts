// guest-firewalls.json (optional; our one non-service file): host firewalls no cloud API shows, keyed by
// instance id or VM external id, in the shape of `GuestFirewall` (src/world/ec2/types.ts).
import { z } from 'zod';
import { ipv4Cidr } from './common';

export const guestFirewallSchema = z.looseObject({
  defaultInbound: z.enum(['allow', 'drop']),
  rules: z
    .array(
      z.looseObject({
        action: z.enum(['allow', 'drop']),
        protocol: z.enum(['all', 'icmp', 'tcp', 'udp']),
        sourceCidr: ipv4Cidr.optional(),
        port: z.number().int().min(0).max(65535).optional(),
      }),
    )
    .default([]),
});

export const guestFirewallsSchema = z.record(z.string(), guestFirewallSchema);

export type GuestFirewallsJson = z.output<typeof guestFirewallsSchema>;
