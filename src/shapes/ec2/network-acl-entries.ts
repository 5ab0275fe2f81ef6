// One network ACL entry of DescribeNetworkAcls, for the EC2 mock's XML (`entrySet` item) and the
// snapshot's JSON (`Entries[]`). An entry holds an IPv4 `CidrBlock` or an `Ipv6CidrBlock`; AWS's own
// IPv6 catch-all entries are numbered 32768, above the 32766 a user may create.
import { z } from 'zod';
import { isIpv4Cidr, isIpv6Cidr, type NaclEntry } from '../../world';

/** The entry's fields in the wire order (XML names), undefined ones left out. */
export function naclEntryShape(e: NaclEntry): Record<string, unknown> {
  return {
    ruleNumber: e.ruleNumber,
    protocol: e.protocol,
    ruleAction: e.ruleAction,
    egress: e.egress,
    ...(e.cidrBlock !== undefined ? { cidrBlock: e.cidrBlock } : {}),
    ...(e.ipv6CidrBlock !== undefined ? { ipv6CidrBlock: e.ipv6CidrBlock } : {}),
    ...(e.icmpTypeCode ? { icmpTypeCode: { code: e.icmpTypeCode.code, type: e.icmpTypeCode.type } } : {}),
    ...(e.portRange ? { portRange: { from: e.portRange.from, to: e.portRange.to } } : {}),
  };
}

/** The entry as the AWS CLI prints it. */
export function naclEntryJson(e: NaclEntry): Record<string, unknown> {
  return {
    ...(e.cidrBlock !== undefined ? { CidrBlock: e.cidrBlock } : {}),
    Egress: e.egress,
    ...(e.icmpTypeCode ? { IcmpTypeCode: { Code: e.icmpTypeCode.code, Type: e.icmpTypeCode.type } } : {}),
    ...(e.ipv6CidrBlock !== undefined ? { Ipv6CidrBlock: e.ipv6CidrBlock } : {}),
    ...(e.portRange ? { PortRange: { From: e.portRange.from, To: e.portRange.to } } : {}),
    Protocol: e.protocol,
    RuleAction: e.ruleAction,
    RuleNumber: e.ruleNumber,
  };
}

/** The CLI JSON of an entry (exactly one of the two CIDRs: the reader says which file and field lacks it). */
export const naclEntryJsonSchema = z
  .looseObject({
    RuleNumber: z.number().int().min(1).max(32768),
    Protocol: z.string().regex(/^(-1|\d{1,3})$/, { error: 'is not a protocol number or -1' }),
    RuleAction: z.enum(['allow', 'deny']),
    Egress: z.boolean(),
    CidrBlock: z.string().refine(isIpv4Cidr, { error: 'is not an IPv4 CIDR' }).optional(),
    Ipv6CidrBlock: z.string().refine(isIpv6Cidr, { error: 'is not an IPv6 CIDR' }).optional(),
    IcmpTypeCode: z.looseObject({ Type: z.number().int(), Code: z.number().int() }).optional(),
    PortRange: z.looseObject({ From: z.number().int(), To: z.number().int() }).optional(),
  })
  .transform((j): NaclEntry => ({
    ruleNumber: j.RuleNumber,
    protocol: j.Protocol,
    ruleAction: j.RuleAction,
    egress: j.Egress,
    ...(j.CidrBlock !== undefined ? { cidrBlock: j.CidrBlock } : {}),
    ...(j.Ipv6CidrBlock !== undefined ? { ipv6CidrBlock: j.Ipv6CidrBlock } : {}),
    ...(j.IcmpTypeCode ? { icmpTypeCode: { type: j.IcmpTypeCode.Type, code: j.IcmpTypeCode.Code } } : {}),
    ...(j.PortRange ? { portRange: { from: j.PortRange.From, to: j.PortRange.To } } : {}),
  }));
