// A table of IPv4 prefixes (IPv6 ones are ignored: packets are IPv4) for fast point lookups: one hash map per prefix length in use, so a lookup
// costs at most one map probe per distinct length (rarely more than a handful).
import { isIpv4Cidr, maskOf, parseCidr } from '../world/cidr';

interface Entry<T> {
  value: T;
  order: number;
}

export class PrefixTable<T> {
  private readonly byLength = new Map<number, Map<number, Entry<T>>>();
  private lengths: number[] = [];

  /** Adds an IPv4 prefix; for duplicates the entry with the lowest `order` is kept. Other text (IPv6) is skipped. */
  add(cidr: string, value: T, order: number): void {
    if (!isIpv4Cidr(cidr)) return;
    const c = parseCidr(cidr);
    let m = this.byLength.get(c.prefix);
    if (!m) {
      m = new Map();
      this.byLength.set(c.prefix, m);
      this.lengths = [...this.byLength.keys()].sort((a, b) => b - a);
    }
    const have = m.get(c.network);
    if (!have || order < have.order) m.set(c.network, { value, order });
  }

  /** The containing entry with the lowest order (the first rule in declaration order). */
  first(ip: number): Entry<T> | undefined {
    let best: Entry<T> | undefined;
    for (const len of this.lengths) {
      const e = this.byLength.get(len)!.get((ip & maskOf(len)) >>> 0);
      if (e && (!best || e.order < best.order)) best = e;
    }
    return best;
  }

  /** The containing entry with the longest prefix (route lookup). */
  longest(ip: number): Entry<T> | undefined {
    for (const len of this.lengths) {
      const e = this.byLength.get(len)!.get((ip & maskOf(len)) >>> 0);
      if (e) return e;
    }
    return undefined;
  }
}
