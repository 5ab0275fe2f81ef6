// Verdicts rendered as text: one flow drawn hop by hop with the blocking hop and its fix (and, when the
// data cannot decide a hop, a `?` on it and the assumptions listed), and the matrix of every instance × VM
// pair in both directions (streamed row by row: matrix-rows.ts). Kept apart from evaluation (data first).
// The short forms here (`verdictCell`, `assumptionLine`) are the ones every report uses.
import type { UnaddressedEndpoint } from './endpoints';
import type { Assumption, Fix, Hop, Verdict, VerdictBrief, VerdictStatus } from './verdict';
import { renderColumns, safeCell } from './terminal-text';

const kebab = (action: string): string => action.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

/** A fix as a command a user can paste. */
export function renderFixCommand(fix: Fix): string {
  const json = JSON.stringify(fix.params);
  if (fix.api === 'ec2') return `aws ec2 ${kebab(fix.action)} --cli-input-json '${json}'`;
  if (fix.api === 'nsx') return `${fix.action}  ${json}`;
  if (fix.api === 'vsphere') return fix.action;
  if (fix.api === 'none') return `(no API request) ${fix.text}`;
  return `(in the guest OS) ${fix.action} ${json}`;
}

const endpoint = (e: Verdict['source']): string => safeCell(e.name === e.id ? `${e.id} (${e.ip})` : `${e.name} (${e.id}, ${e.ip})`);
const protocolText = (v: Verdict): string => (v.protocol === 'icmp' ? 'ICMP echo' : `${v.protocol.toUpperCase()} ${v.port}`);

const marks: Record<Hop['outcome'], string> = { allow: '✓', block: '✗', indeterminate: '?' };

/** One assumption on one line: what could not be judged, on which object, and the missing datum. */
export const assumptionLine = (a: Assumption): string =>
  `${a.what} (${a.path} path, ${a.hopKind} at ${a.resource.id}${a.resource.name ? ` (${a.resource.name})` : ''}; missing ${a.missing}) [${a.code}]`;

/** The verdict in a few words: `reachable`, the block's code and path, or `indeterminate` with what is missing. */
export function verdictCell(v: VerdictBrief): string {
  if (v.status === 'unreachable' && v.blockedBy) return `${v.blockedBy.code} (${v.blockedBy.direction})`;
  if (v.status === 'indeterminate') return `indeterminate (${[...new Set(v.assumptions.map((a) => a.code))].join(', ')})`;
  return v.status;
}

/** How many verdicts have each status. */
export function statusCounts(verdicts: Iterable<Pick<VerdictBrief, 'status'>>): Record<VerdictStatus, number> {
  const counts: Record<VerdictStatus, number> = { reachable: 0, unreachable: 0, indeterminate: 0 };
  for (const v of verdicts) counts[v.status] += 1;
  return counts;
}

/** The assumptions block of the text form (empty when there are none). */
export function renderAssumptions(v: Verdict): string[] {
  if (v.assumptions.length === 0) return [];
  const lines = [
    v.status === 'indeterminate'
      ? 'Assumptions (the data cannot decide these hops; the verdict would be reachable only if each allows):'
      : 'Assumptions (hops the data could not decide; a definite block decided the verdict anyway):',
  ];
  v.assumptions.forEach((a, i) => {
    lines.push(`  ${i + 1}. ${a.what}`);
    lines.push(
      `     object: ${a.resource.id}${a.resource.name ? ` (${a.resource.name})` : ''}, ${a.hopKind} on the ${a.path} path; missing: ${a.missing} [${a.code}]`,
    );
    lines.push(`     to settle it: ${a.settle}`);
  });
  return lines;
}

function hopLine(h: Hop, n: number): string {
  const mark = marks[h.outcome];
  const res = `${h.resource.id}${h.resource.name ? ` (${h.resource.name})` : ''}${h.via ? ` on ${h.via.id}` : ''}`;
  const code = h.code ? `  [${h.code}]` : '';
  const why = h.stateful
    ? h.detail
    : h.matched
      ? `${h.matched.summary} — ${h.detail}`
      : h.outcome === 'block' && h.kind !== 'instance-state' && h.kind !== 'vm-power'
        ? `no rule matched — ${h.detail}`
        : h.detail;
  return `  ${String(n).padStart(2)} ${mark} ${h.kind.padEnd(15)} ${safeCell(res)}\n       ${safeCell(why)}${code}`;
}

export function renderVerdict(v: Verdict): string {
  const lines = [`${endpoint(v.source)} → ${endpoint(v.destination)}  ${protocolText(v)}: ${v.status.toUpperCase()}`];
  let section = '';
  v.hops.forEach((h, i) => {
    if (h.path !== section) {
      section = h.path;
      lines.push(section === 'forward' ? ' forward path' : ' return path (the reply)');
    }
    lines.push(hopLine(h, i + 1));
    if (v.blockedBy && i === v.blockedBy.hopIndex) {
      lines.push(`       fix: ${safeCell(v.blockedBy.fix.text)}`);
      lines.push(`            ${safeCell(renderFixCommand(v.blockedBy.fix))}`);
    }
  });
  lines.push(...renderAssumptions(v));
  if (v.blockedBy) {
    const b = v.blockedBy;
    lines.push(
      `blocked by ${b.code} on the ${b.direction} path at hop ${b.hopIndex + 1}: ${safeCell(`${b.resource.id}${b.resource.name ? ` (${b.resource.name})` : ''}`)}`,
    );
  } else if (v.status === 'indeterminate') {
    const n = v.hops.filter((h) => h.outcome === 'indeterminate').length;
    lines.push(`indeterminate: ${v.hops.length} hops checked, none blocked, ${n} could not be judged from the data (see the assumptions)`);
  } else {
    lines.push(`reachable: ${v.hops.length} hops checked, none blocked`);
  }
  return lines.join('\n');
}

const cell = (v: Verdict | undefined): string => (!v ? '-' : verdictCell(v));
/** The cells of an endpoint without an IPv4 address. */
export const noAddress = 'no IPv4 address';

/**
 * A table: one row per instance × VM, the verdict of each direction; then one "no IPv4 address" row per
 * endpoint that has none (no flow to or from it can be evaluated).
 */
export function renderMatrix(verdicts: readonly Verdict[], unaddressed: readonly UnaddressedEndpoint[] = []): string {
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
  for (const u of unaddressed) {
    table.push(
      u.kind === 'instance'
        ? [`${u.name} (${noAddress})`, '(every VM)', noAddress, noAddress]
        : ['(every instance)', `${u.name} (${noAddress})`, noAddress, noAddress],
    );
  }
  return renderColumns(table).join('\n');
}
