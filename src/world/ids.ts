// Seedable resource ids that look like the real ones: `vpc-`, `sg-`, `i-`, … followed by 17 hex digits.
// A seeded generator gives the same ids on every run, which keeps fixtures and test output stable.

export interface IdGenerator {
  /** A new id with the given prefix, e.g. `next('sg')` → `sg-0f3a…` (17 hex digits). */
  next(prefix: string): string;
  /** The generator's state, so a world written to disk and loaded again continues the sequence. */
  readonly state: number;
}

/** Creates a deterministic id generator (splitmix32); the same seed gives the same ids. */
export function createIdGenerator(seed = 0x5eed): IdGenerator {
  let s = seed >>> 0;
  const word = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const hex = (n: number): string => {
    let out = '';
    while (out.length < n) out += word().toString(16).padStart(8, '0');
    return out.slice(0, n);
  };
  return {
    next: (prefix) => `${prefix}-${hex(17)}`,
    get state() {
      return s;
    },
  };
}

/** True when `id` has the shape `<prefix>-<8 or 17 hex digits>`, as AWS ids do. */
export function looksLikeId(prefix: string, id: string): boolean {
  return new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(id);
}

/**
 * Hex digits derived from `text` (FNV-1a per round): the same text gives the same digits in every world.
 * For ids that must not consume the world's generator (public AMI ids, reservation ids).
 */
export function derivedHex(text: string, n: number): string {
  let out = '';
  for (let round = 0; out.length < n; round++) {
    let h = 0x811c9dc5;
    const s = `${round}:${text}`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, n);
}
