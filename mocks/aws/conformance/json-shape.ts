// Compares the structure of two JSON documents (the AWS CLI's output from the mock and from another
// server): which member paths only one side has, which lists only one side left empty, and which
// values differ in type. Values themselves (ids, times) are not compared; list items are merged, so
// `Instances[].Tags[].Key` stands for every item.

export type DifferenceKind = 'only mock' | 'only moto' | 'empty in mock' | 'empty in moto' | 'type';

export interface ShapeDifference {
  path: string;
  kind: DifferenceKind;
}

type Shape = { t: 'object'; keys: Map<string, Shape> } | { t: 'list'; item: Shape | null } | { t: 'scalar'; type: string };

function merge(a: Shape | null, b: Shape): Shape {
  if (!a) return b;
  if (a.t === 'object' && b.t === 'object') {
    const keys = new Map(a.keys);
    for (const [k, v] of b.keys) keys.set(k, merge(keys.get(k) ?? null, v));
    return { t: 'object', keys };
  }
  if (a.t === 'list' && b.t === 'list') return { t: 'list', item: b.item ? merge(a.item, b.item) : a.item };
  return a;
}

/** JSON numbers are one type whether or not they have a fraction (epoch seconds may or may not). */
export function shapeOf(v: unknown): Shape {
  if (Array.isArray(v)) return { t: 'list', item: v.reduce<Shape | null>((acc, x) => merge(acc, shapeOf(x)), null) };
  if (v !== null && typeof v === 'object') return { t: 'object', keys: new Map(Object.entries(v).map(([k, x]) => [k, shapeOf(x)])) };
  return { t: 'scalar', type: v === null ? 'null' : typeof v };
}

function walk(a: Shape, b: Shape, path: string, out: ShapeDifference[]): void {
  if (a.t === 'object' && b.t === 'object') {
    for (const k of a.keys.keys()) if (!b.keys.has(k)) out.push({ path: path ? `${path}.${k}` : k, kind: 'only mock' });
    for (const k of b.keys.keys()) if (!a.keys.has(k)) out.push({ path: path ? `${path}.${k}` : k, kind: 'only moto' });
    for (const [k, v] of a.keys) {
      const w = b.keys.get(k);
      if (w) walk(v, w, path ? `${path}.${k}` : k, out);
    }
    return;
  }
  if (a.t === 'list' && b.t === 'list') {
    const p = `${path}[]`;
    if (a.item && b.item) walk(a.item, b.item, p, out);
    else if (a.item && !b.item) out.push({ path: p, kind: 'empty in moto' });
    else if (!a.item && b.item) out.push({ path: p, kind: 'empty in mock' });
    return;
  }
  const ta = a.t === 'scalar' ? a.type : a.t;
  const tb = b.t === 'scalar' ? b.type : b.t;
  if (ta !== tb) out.push({ path, kind: 'type' });
}

/** The structural differences between the mock's JSON and the other server's, in a stable order. */
export function compareShapes(mock: unknown, other: unknown): ShapeDifference[] {
  const out: ShapeDifference[] = [];
  walk(shapeOf(mock), shapeOf(other), '', out);
  return out.sort((x, y) => x.path.localeCompare(y.path) || x.kind.localeCompare(y.kind));
}
