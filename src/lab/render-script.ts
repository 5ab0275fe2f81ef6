// A namespace's plan as the shell script that realizes it inside the namespace (run by `sh -s` under
// `nsenter -n`): sysctls, then `ip -batch` (links, addresses, rules, routes), then `nft -f`. The setup
// script runs once at build; the policy script replaces addresses, link states, routes and the ruleset
// in place when the world changes (apply), and then forgets tracked connections, so every probe after a
// change is judged by the new rules.
import type { NamespacePlan, RoutePlan, RulePlan } from './plan';

const ipEnd = 'VMC_REACH_IP';
const nftEnd = 'VMC_REACH_NFT';

export function routeLine(r: RoutePlan): string {
  const type = r.type === 'unicast' ? '' : `${r.type} `;
  const via = r.via ? ` via ${r.via}` : '';
  const dev = r.dev ? ` dev ${r.dev}` : '';
  const onlink = r.via ? ' onlink' : '';
  const table = r.table === 'main' ? '' : ` table ${r.table}`;
  return `route add ${type}${r.prefix}${via}${dev}${onlink}${table}`;
}

export function ruleLine(r: RulePlan): string {
  const iif = r.iif ? ` iif ${r.iif}` : '';
  return r.action === 'lookup' ? `rule add pref ${r.pref}${iif} lookup ${r.table}` : `rule add pref ${r.pref}${iif} blackhole`;
}

function tablesOf(...plans: (NamespacePlan | undefined)[]): string[] {
  const tables = new Set<string>();
  for (const p of plans) for (const r of p?.routes ?? []) tables.add(String(r.table));
  for (const p of plans) if (p && p.role !== 'vpc-router' && p.role !== 'sddc-edge') tables.add('main');
  return [...tables];
}

/** The policy part; `previous` is the plan the namespace has now (its tables are flushed too). */
export function policyScript(ns: NamespacePlan, previous?: NamespacePlan, options: { flushConntrack?: boolean } = {}): string {
  const ip: string[] = [];
  for (const i of ns.interfaces) {
    ip.push(`addr flush dev ${i.name}`);
    for (const a of i.addresses) ip.push(`addr add ${a} dev ${i.name}`);
    ip.push(`link set ${i.name} ${i.up ? 'up' : 'down'}`);
  }
  ip.push('neigh flush all'); // an address that was down may have a failed or pending neighbor entry (1 s ARP retries)
  for (const t of tablesOf(ns, previous)) ip.push(`route flush table ${t}`);
  ip.push(...ns.routes.map(routeLine));
  const out = [`ip -batch - <<'${ipEnd}'`, ...ip, ipEnd];
  if (ns.nft !== null) out.push(`nft -f - <<'${nftEnd}'`, ns.nft.trimEnd(), nftEnd);
  else if (previous?.nft) out.push('nft delete table inet vmc_reach');
  if (options.flushConntrack) out.push('conntrack -F >/dev/null 2>&1 || true');
  return out.join('\n') + '\n';
}

/** The whole setup of a fresh namespace. `label` goes on every interface (its alias). */
export function setupScript(ns: NamespacePlan, label: string): string {
  const out = ['set -e', 'for f in /proc/sys/net/ipv4/conf/*/rp_filter; do echo 0 > "$f"; done'];
  out.push(`echo ${ns.forwarding ? 1 : 0} > /proc/sys/net/ipv4/ip_forward`);
  if (ns.localPorts) out.push(`echo '${ns.localPorts[0]} ${ns.localPorts[1]}' > /proc/sys/net/ipv4/ip_local_port_range`);
  const ip = ['link set lo up', ...ns.interfaces.map((i) => `link set dev ${i.name} alias ${label}`), ...ns.rules.map(ruleLine)];
  out.push(`ip -batch - <<'${ipEnd}'`, ...ip, ipEnd);
  return out.join('\n') + '\n' + policyScript(ns);
}
