// The application-level gateways NSX knows (ALGTypeServiceEntry.alg) with the transport and well-known
// port each one inspects: what an ALG entry matches when it names no destination port. One table for the
// engine (src/network/nsx-service-match.ts) and the lab (src/lab/compile-services.ts).
export const algPorts: Readonly<Record<string, { protocol: 'tcp' | 'udp'; port: number }>> = {
  FTP: { protocol: 'tcp', port: 21 },
  TFTP: { protocol: 'udp', port: 69 },
  ORACLE_TNS: { protocol: 'tcp', port: 1521 },
  SUN_RPC_TCP: { protocol: 'tcp', port: 111 },
  SUN_RPC_UDP: { protocol: 'udp', port: 111 },
  MS_RPC_TCP: { protocol: 'tcp', port: 135 },
  MS_RPC_UDP: { protocol: 'udp', port: 135 },
  NBNS_BROADCAST: { protocol: 'udp', port: 137 },
  NBDG_BROADCAST: { protocol: 'udp', port: 138 },
};

/** The ALG an entry names, case-insensitively, or undefined. */
export const algPort = (alg: string | undefined): { protocol: 'tcp' | 'udp'; port: number } | undefined =>
  algPorts[(alg ?? '').toUpperCase()];
