// Address matches for nftables rules: a list of IPs, CIDRs and ranges is merged into disjoint ranges
// (nftables refuses overlapping interval elements) and written as one expression on the source or
// destination address.
import { numberToIp, parseIpLiteral } from '../world';

export interface Range {
  first: number;
  last: number;
}

/** Disjoint, sorted ranges covering every literal (unparsable literals are skipped). */
export function mergeRanges(literals: readonly string[]): Range[] {
  const ranges = literals
    .map((l) => parseIpLiteral(l))
    .filter((r): r is Range => r !== undefined)
    .sort((a, b) => a.first - b.first);
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.first <= last.last + 1) last.last = Math.max(last.last, r.last);
    else out.push({ ...r });
  }
  return out;
}

const rangeText = (r: Range): string => (r.first === r.last ? numberToIp(r.first) : `${numberToIp(r.first)}-${numberToIp(r.last)}`);

/**
 * `ip saddr { … }` (or `!=` when `negate`) for the literals. Null when the match can never hold (no
 * address, not negated); the empty string when it always holds (no address, negated).
 */
export function addressMatch(field: 'saddr' | 'daddr', literals: readonly string[], negate = false): string | null {
  const ranges = mergeRanges(literals);
  if (ranges.length === 0) return negate ? '' : null;
  const body = ranges.length === 1 ? rangeText(ranges[0]!) : `{ ${ranges.map(rangeText).join(', ')} }`;
  return `ip ${field} ${negate ? '!= ' : ''}${body}`;
}
