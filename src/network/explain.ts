// Verdicts rendered as text: one flow drawn hop by hop with the blocking hop and its fix, and the
// matrix of every instance × VM pair in both directions. Kept apart from evaluation (data first).
import type { Fix, Hop, Verdict } from './verdict';

const kebab = (action: string): string => action.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

/** A fix as a command a user can paste. */
export function renderFixCommand(fix: Fix): string {
  const json = JSON.stringify(fix.params);
  if (fix.api === 'ec2') return `aws ec2 ${kebab(fix.action)} --cli-input-json '${json}'`;
  if (fix.api === 'nsx') return `${fix.action}  ${json}`;
  if (fix.api === 'vsphere') return `${fix.action}  ${json}`;
  return `(in the guest OS) ${fix.action} ${json}`;
}

const endpoint = (e: Verdict['source']): string => (e.name === e.id ? `${e.id} (${e.ip})` : `${e.name} (${e.id}, ${e.ip})`);
const protocolText = (v: Verdict): string => (v.protocol === 'icmp' ? 'ICMP echo' : `${v.protocol.toUpperCase()} ${v.port}`);

function hopLine(h: Hop, n: number): string {
  const mark = h.outcome === 'allow' ? '✓' : '✗';
  const res = `${h.resource.id}${h.resource.name ? ` (${h.resource.name})` : ''}${h.via ? ` on ${h.via.id}` : ''}`;
  const code = h.code ? `  [${h.code}]` : '';
  const why = h.stateful ? h.detail : h.matched ? `${h.matched.summary} — ${h.detail}` : h.outcome === 'block' && h.kind !== 'instance-state' && h.kind !== 'vm-power' ? `no rule matched — ${h.detail}` : h.detail;
  return `  ${String(n).padStart(2)} ${mark} ${h.kind.padEnd(15)} ${res}\n       ${why}${code}`;
}

export function renderVerdict(v: Verdict): string {
  const lines = [`${endpoint(v.source)} → ${endpoint(v.destination)}  ${protocolText(v)}: ${v.reachable ? 'REACHABLE' : 'UNREACHABLE'}`];
  let section = '';
  v.hops.forEach((h, i) => {
    if (h.path !== section) {
      section = h.path;
      lines.push(section === 'forward' ? ' forward path' : ' return path (the reply)');
    }
    lines.push(hopLine(h, i + 1));
    if (v.blockedBy && i === v.blockedBy.hopIndex) {
      lines.push(`       fix: ${v.blockedBy.fix.text}`);
      lines.push(`            ${renderFixCommand(v.blockedBy.fix)}`);
    }
  });
  if (v.blockedBy) {
    const b = v.blockedBy;
    lines.push(`blocked by ${b.code} on the ${b.direction} path at ${b.resource.id}${b.resource.name ? ` (${b.resource.name})` : ''}`);
  } else {
    lines.push(`reachable: ${v.hops.length} hops checked, none blocked`);
  }
  return lines.join('\n');
}

const cell = (v: Verdict | undefined): string => (!v ? '-' : v.reachable ? 'reachable' : v.blockedBy ? `${v.blockedBy.code} (${v.blockedBy.direction})` : v.status);

/** A table: one row per instance × VM, the verdict of each direction. */
export function renderMatrix(verdicts: readonly Verdict[]): string {
  const rows = new Map<string, { inst: Verdict['source']; vm: Verdict['source']; out?: Verdict; back?: Verdict }>();
  for (const v of verdicts) {
    const [inst, vm] = v.source.kind === 'instance' ? [v.source, v.destination] : [v.destination, v.source];
    const key = `${inst.id}|${vm.id}`;
    const row = rows.get(key) ?? { inst, vm };
    if (v.source.kind === 'instance') row.out = v;
    else row.back = v;
    rows.set(key, row);
  }
  const table = [['EC2 instance', 'SDDC VM', 'EC2 → VM', 'VM → EC2']];
  for (const r of rows.values()) table.push([`${r.inst.name} ${r.inst.ip}`, `${r.vm.name} ${r.vm.ip}`, cell(r.out), cell(r.back)]);
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table.map((row) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}
