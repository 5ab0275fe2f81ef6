// The stable reason codes a verdict blocks with. Scenarios and reports assert on these, never on prose.

export const reasonCodes = [
  'NO_ROUTE',
  'ROUTE_TO_INACTIVE_ENI',
  'SG_EGRESS_NO_MATCH',
  'SG_INGRESS_NO_MATCH',
  'ENI_SG_INGRESS_NO_MATCH',
  'ENI_SG_EGRESS_NO_MATCH',
  'NACL_OUTBOUND_DENY',
  'NACL_INBOUND_DENY',
  'CGW_RULE_DROP',
  'CGW_RULE_REJECT',
  'CGW_DEFAULT_DROP',
  'DFW_RULE_DROP',
  'DFW_RULE_REJECT',
  'DFW_DEFAULT_DROP',
  'SEGMENT_DISCONNECTED',
  'VM_POWERED_OFF',
  'INSTANCE_NOT_RUNNING',
  'GUEST_FIREWALL_DROP',
] as const;

export type ReasonCode = (typeof reasonCodes)[number];

export const isReasonCode = (s: string): s is ReasonCode => (reasonCodes as readonly string[]).includes(s);

/** One line per code, for help texts and reports. */
export const reasonCodeMeaning: Record<ReasonCode, string> = {
  NO_ROUTE: 'no route leads the packet to its destination',
  ROUTE_TO_INACTIVE_ENI: 'the route points at a cross-link ENI that is not the active one (blackhole)',
  SG_EGRESS_NO_MATCH: "no outbound rule of the source instance's security groups allows the packet",
  SG_INGRESS_NO_MATCH: "no inbound rule of the destination instance's security groups allows the packet",
  ENI_SG_INGRESS_NO_MATCH: "no inbound rule of the cross-link ENI's security groups admits the packet into the SDDC",
  ENI_SG_EGRESS_NO_MATCH: "no outbound rule of the cross-link ENI's security groups lets the packet out of the SDDC",
  NACL_OUTBOUND_DENY: "the subnet's network ACL denies the packet leaving the subnet",
  NACL_INBOUND_DENY: "the subnet's network ACL denies the packet entering the subnet",
  CGW_RULE_DROP: 'a compute gateway firewall rule drops the packet',
  CGW_RULE_REJECT: 'a compute gateway firewall rule rejects the packet',
  CGW_DEFAULT_DROP: 'no compute gateway firewall rule matches; the default uplink rule drops the packet',
  DFW_RULE_DROP: "a distributed firewall rule at the VM's vNIC drops the packet",
  DFW_RULE_REJECT: "a distributed firewall rule at the VM's vNIC rejects the packet",
  DFW_DEFAULT_DROP:
    "no distributed firewall rule matches and the default layer-3 rule (changed from VMC's allow) drops or rejects the packet",
  SEGMENT_DISCONNECTED: "the VM's segment is disconnected from the compute gateway",
  VM_POWERED_OFF: 'the SDDC VM is not powered on',
  INSTANCE_NOT_RUNNING: 'the EC2 instance is not running',
  GUEST_FIREWALL_DROP: "the guest operating system's firewall drops the packet",
};
