// The predefined NSX services a CGW rule refers to by path (`/infra/services/ICMP-ALL`, …).
// Mock note: NSX ships several hundred; these are the ones probes and common rules use.
import type { NsxService, ServiceEntry } from './types';

const icmp = (protocol: 'ICMPv4' | 'ICMPv6', icmpType?: number): ServiceEntry => ({
  resourceType: 'ICMPTypeServiceEntry',
  protocol,
  ...(icmpType === undefined ? {} : { icmpType }),
});
const l4 = (protocol: 'TCP' | 'UDP', ...ports: string[]): ServiceEntry => ({
  resourceType: 'L4PortSetServiceEntry',
  protocol,
  destinationPorts: ports,
});

export function predefinedServices(): NsxService[] {
  const svc = (id: string, displayName: string, entries: ServiceEntry[]): NsxService => ({
    id,
    path: `/infra/services/${id}`,
    displayName,
    entries,
  });
  return [
    svc('ICMP-ALL', 'ICMP ALL', [icmp('ICMPv4'), icmp('ICMPv6')]),
    svc('ICMP_Echo_Request', 'ICMP Echo Request', [icmp('ICMPv4', 8)]),
    svc('ICMP_Echo_Reply', 'ICMP Echo Reply', [icmp('ICMPv4', 0)]),
    svc('SSH', 'SSH', [l4('TCP', '22')]),
    svc('HTTP', 'HTTP', [l4('TCP', '80')]),
    svc('HTTPS', 'HTTPS', [l4('TCP', '443')]),
    svc('RDP', 'RDP', [l4('TCP', '3389')]),
    svc('DNS-UDP', 'DNS-UDP', [l4('UDP', '53')]),
    svc('DNS', 'DNS', [l4('TCP', '53')]),
    svc('WinRM-HTTPS', 'WinRM HTTPS', [l4('TCP', '5986')]),
  ];
}
