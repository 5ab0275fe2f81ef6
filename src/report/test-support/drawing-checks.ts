// Test code only: reads the rendered geometry of a topology drawing in the browser (the client rectangles
// of its boxes, texts and markers, and the points of its path pieces, after layout and scaling) and checks
// the drawing's rules on it: no two labels or markers overlap, every text stays inside its box and off other
// boxes, no path piece crosses a box other than the stations it joins (and their containers), markers stay
// off the boxes, labels are large enough to read. Each check returns the violations it found, in words.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

// The little of the DOM `readDrawings` uses, declared here (the project compiles without the DOM library).
interface Matrix {
  a: number;
  b: number;
}
interface El {
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  classList: Iterable<string> & { contains(c: string): boolean };
  textContent: string | null;
  closest(selector: string): El | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  parentElement: (El & { clientWidth: number }) | null;
  getScreenCTM(): Matrix | null;
  points: Iterable<{ x: number; y: number }>;
}
declare const document: { querySelectorAll(selector: string): Iterable<El> };
declare function getComputedStyle(e: El): { fontSize: string; strokeDasharray: string };
declare const DOMPoint: new (x: number, y: number) => { matrixTransform(m: Matrix): { x: number; y: number } };
export interface DrawnBox {
  key: string;
  parent: string;
  classes: string[];
  rect: Rect;
  text: string;
}
export interface DrawnText {
  box: string;
  inMarker: boolean;
  rect: Rect;
  text: string;
  fontPx: number;
}
export interface DrawnMarker {
  classes: string[];
  probe: string;
  node: string;
  code: string;
  reply: string;
  rect: Rect;
  text: string;
}
export interface DrawnPiece {
  from: string;
  to: string;
  points: [number, number][];
  arrow: boolean;
  undecided: boolean;
  dashed: boolean;
}
export interface DrawnLeg {
  probe: string;
  classes: string[];
  pieces: DrawnPiece[];
}
export interface DrawingGeometry {
  /** The svg's width on the page, and its container's. */
  width: number;
  containerWidth: number;
  boxes: DrawnBox[];
  texts: DrawnText[];
  markers: DrawnMarker[];
  legs: DrawnLeg[];
  /** The legend's entries, each joined as the boxes' texts are. */
  legend: string[];
}

/**
 * Runs in the page (passed to `page.evaluate`): the geometry of every `svg.topology` in document order.
 * Self-contained: it may not use anything from the module's scope.
 */
export function readDrawings(): DrawingGeometry[] {
  const rectOf = (e: El): Rect => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height };
  };
  const joined = (texts: El[]): string =>
    texts
      .map((t) => t.textContent ?? '')
      .map((t) => (t.endsWith('-') || t.endsWith('/') ? t : `${t} `))
      .join('');
  return [...document.querySelectorAll('svg.topology')].map((svg) => {
    const s = svg;
    const boxes = [...s.querySelectorAll('[data-box]')].map((g) => ({
      key: g.getAttribute('data-box') ?? '',
      parent: g.getAttribute('data-parent') ?? '',
      classes: [...g.classList],
      rect: rectOf(g.querySelector(':scope > rect')!),
      text: joined([...g.querySelectorAll(':scope > text')]),
    }));
    const texts = [...s.querySelectorAll('text')].map((t) => {
      const ctm = t.getScreenCTM()!;
      return {
        box: t.closest('[data-box]')?.getAttribute('data-box') ?? '',
        inMarker: !!t.closest('.marker'),
        rect: rectOf(t),
        text: t.textContent ?? '',
        fontPx: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b),
      };
    });
    const markers = [...s.querySelectorAll('.marker')].map((m) => ({
      classes: [...m.classList],
      probe: m.getAttribute('data-probe') ?? m.closest('[data-probe]')?.getAttribute('data-probe') ?? '',
      node: m.getAttribute('data-node') ?? '',
      code: m.getAttribute('data-code') ?? '',
      reply: m.getAttribute('data-reply') ?? '',
      rect: rectOf(m.querySelector('rect')!),
      text: m.querySelector('text')?.textContent ?? '',
    }));
    const legs = [...s.querySelectorAll('g.probe-path')].map((g) => ({
      probe: g.getAttribute('data-probe') ?? '',
      classes: [...g.classList],
      pieces: [...g.querySelectorAll('polyline')].map((p) => {
        const line = p;
        const ctm = line.getScreenCTM()!;
        const points = [...line.points].map((pt) => {
          const q = new DOMPoint(pt.x, pt.y).matrixTransform(ctm);
          return [q.x, q.y] as [number, number];
        });
        const dash = getComputedStyle(line).strokeDasharray;
        return {
          from: p.getAttribute('data-from') ?? '',
          to: p.getAttribute('data-to') ?? '',
          points,
          arrow: p.hasAttribute('marker-end'),
          undecided: p.classList.contains('undecided'),
          dashed: !!dash && dash !== 'none',
        };
      }),
    }));
    const legend = [...s.querySelectorAll('.legend-entry')].map((e) => joined([...e.querySelectorAll(':scope > text')]));
    return { width: s.getBoundingClientRect().width, containerWidth: s.parentElement!.clientWidth, boxes, texts, markers, legs, legend };
  });
}

const T = 0.5;
export const intersects = (a: Rect, b: Rect, t = T): boolean =>
  a.x < b.x + b.w - t && b.x < a.x + a.w - t && a.y < b.y + b.h - t && b.y < a.y + a.h - t;
const inside = (a: Rect, b: Rect, t = T): boolean =>
  a.x >= b.x - t && a.y >= b.y - t && a.x + a.w <= b.x + b.w + t && a.y + a.h <= b.y + b.h + t;
const show = (r: Rect): string => `(${r.x.toFixed(1)},${r.y.toFixed(1)} ${r.w.toFixed(1)}×${r.h.toFixed(1)})`;

/** Does the segment a→b pass through the inside of r (its border shrunk by `t`)? Liang–Barsky clipping. */
export function segmentCrosses(a: [number, number], b: [number, number], r: Rect, t = 1): boolean {
  const [x0, y0] = a;
  const dx = b[0] - x0;
  const dy = b[1] - y0;
  const [xmin, xmax, ymin, ymax] = [r.x + t, r.x + r.w - t, r.y + t, r.y + r.h - t];
  if (xmin >= xmax || ymin >= ymax) return false;
  let u0 = 0;
  let u1 = 1;
  for (const [p, q] of [
    [-dx, x0 - xmin],
    [dx, xmax - x0],
    [-dy, y0 - ymin],
    [dy, ymax - y0],
  ] as const) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const u = q / p;
    if (p < 0) u0 = Math.max(u0, u);
    else u1 = Math.min(u1, u);
    if (u0 >= u1) return false;
  }
  return true;
}

const ancestors = (d: DrawingGeometry, key: string): string[] => {
  const out: string[] = [];
  let k = d.boxes.find((b) => b.key === key)?.parent;
  while (k) {
    out.push(k);
    k = d.boxes.find((b) => b.key === k)?.parent;
  }
  return out;
};

/** No two labels, no two markers, no label and marker overlap. */
export function overlappingLabels(d: DrawingGeometry): string[] {
  const items = [
    ...d.texts.filter((t) => !t.inMarker && t.text.trim()).map((t) => ({ what: `text "${t.text}"`, rect: t.rect })),
    ...d.markers.map((m) => ({ what: `marker ${m.classes.join('.')} #${m.probe}`, rect: m.rect })),
  ];
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (intersects(items[i]!.rect, items[j]!.rect))
        out.push(`${items[i]!.what} ${show(items[i]!.rect)} overlaps ${items[j]!.what} ${show(items[j]!.rect)}`);
    }
  }
  return out;
}

/** Every text inside its own box, and off every box that is neither its own nor one of its containers. */
export function textOutOfPlace(d: DrawingGeometry): string[] {
  const out: string[] = [];
  for (const t of d.texts.filter((x) => !x.inMarker && x.text.trim())) {
    const own = d.boxes.find((b) => b.key === t.box);
    if (!own) {
      out.push(`text "${t.text}" is in no box`);
      continue;
    }
    if (!inside(t.rect, own.rect)) out.push(`text "${t.text}" ${show(t.rect)} overflows its box ${own.key} ${show(own.rect)}`);
    const allowed = new Set([own.key, ...ancestors(d, own.key)]);
    for (const b of d.boxes) {
      if (!allowed.has(b.key) && intersects(t.rect, b.rect)) out.push(`text "${t.text}" of ${own.key} lies on box ${b.key}`);
    }
  }
  return out;
}

/** No path piece crosses a box other than the two stations it joins and their containers. */
export function piecesThroughBoxes(d: DrawingGeometry): string[] {
  const out: string[] = [];
  for (const leg of d.legs) {
    for (const p of leg.pieces) {
      const allowed = new Set([p.from, p.to, ...ancestors(d, p.from), ...ancestors(d, p.to)]);
      for (const b of d.boxes) {
        if (allowed.has(b.key)) continue;
        for (let s = 0; s + 1 < p.points.length; s++) {
          if (segmentCrosses(p.points[s]!, p.points[s + 1]!, b.rect)) {
            out.push(`probe #${leg.probe}: the piece ${p.from} → ${p.to} crosses box ${b.key}`);
            break;
          }
        }
      }
    }
  }
  return out;
}

/** No path piece runs over a label (a marker's own number aside). */
export function piecesThroughTexts(d: DrawingGeometry): string[] {
  const out: string[] = [];
  for (const leg of d.legs) {
    for (const p of leg.pieces) {
      for (const t of d.texts.filter((x) => !x.inMarker && x.text.trim())) {
        if (p.points.some((a, s) => s + 1 < p.points.length && segmentCrosses(a, p.points[s + 1]!, t.rect, 0.5)))
          out.push(`probe #${leg.probe}: the piece ${p.from} → ${p.to} runs over "${t.text}"`);
      }
    }
  }
  return out;
}

/** Markers on the lines sit beside the boxes, never on one (the legend's tags sit in the legend). */
export function markersOnBoxes(d: DrawingGeometry): string[] {
  const containers = new Set(['vpc', 'sddc', 'subnet', 'segment', 'container']);
  const out: string[] = [];
  for (const m of d.markers.filter((x) => !x.classes.includes('legend-tag'))) {
    for (const b of d.boxes.filter((x) => !x.classes.some((c) => containers.has(c)))) {
      if (intersects(m.rect, b.rect)) out.push(`marker ${m.classes.join('.')} #${m.probe} lies on box ${b.key}`);
    }
  }
  return out;
}

/** Every label at least `min` px high as rendered. */
export function smallLabels(d: DrawingGeometry, min: number): string[] {
  return d.texts.filter((t) => t.text.trim() && t.fontPx < min).map((t) => `text "${t.text}" is ${t.fontPx.toFixed(1)} px`);
}

/** Distance from a point to a rectangle (0 inside). */
export function distance(p: [number, number], r: Rect): number {
  const dx = Math.max(r.x - p[0], 0, p[0] - (r.x + r.w));
  const dy = Math.max(r.y - p[1], 0, p[1] - (r.y + r.h));
  return Math.hypot(dx, dy);
}
