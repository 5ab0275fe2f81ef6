// Three-valued answers for NSX matching: `true`, `false`, or the list of reasons the data cannot decide
// (Kleene logic: AND is false as soon as one side is false, OR true as soon as one side is true).
import type { AssumptionCode } from './verdict';

/** Why a match cannot be decided from the data, in the terms of a verdict's assumption. */
export interface Unknown {
  code: AssumptionCode;
  /** The missing object (group path, profile path, service path, entry type). */
  missing: string;
  what: string;
  settle: string;
}

/** `true`, `false`, or (non-empty) the reasons it is unknown. */
export type Tri = boolean | readonly Unknown[];

export const isUnknown = (t: Tri): t is readonly Unknown[] => typeof t !== 'boolean';

export function and(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  return [...a, ...b];
}

export function or(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  if (a === false) return b;
  if (b === false) return a;
  return [...a, ...b];
}

export const not = (a: Tri): Tri => (typeof a === 'boolean' ? !a : a);

/** OR over items, stopping at the first `true`. */
export function some<T>(items: Iterable<T>, f: (item: T) => Tri): Tri {
  let acc: Tri = false;
  for (const item of items) {
    acc = or(acc, f(item));
    if (acc === true) return true;
  }
  return acc;
}

export const unknown = (u: Unknown): Tri => [u];
