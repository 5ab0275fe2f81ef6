// Text measurement for the topology drawing without a browser. The drawing sets its text in a monospace
// font (DejaVu Sans Mono, Menlo, Consolas, SF Mono: every glyph 0.55–0.61 em wide), so a line's width is
// its length times one advance, and boxes can be sized and lines wrapped before anything is rendered.
// The browser test checks the result in Chromium (no text overflows its box).

/** Font sizes of the drawing, in SVG user units. */
export const FONT = { text: 12, title: 13, heading: 14 } as const;

/** The advance of one glyph, with a margin over the widest common monospace font (DejaVu: 0.602 em). */
export const advance = (size: number): number => size * 0.62;

/** The vertical distance between two lines of a given size. */
export const lineHeight = (size: number): number => Math.round(size * 1.35);

/** East Asian wide and fullwidth characters and emoji take two cells of the monospace grid. */
const wide =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
const cellsOf = (c: string): number => (wide.test(c) ? 2 : 1);

/** The width of a text in cells of the monospace grid. */
export const cells = (text: string): number => [...text].reduce((n, c) => n + cellsOf(c), 0);

export const textWidth = (text: string, size: number): number => cells(text) * advance(size);

/** The longest head of `chars` that fits in `max` cells (at least one character). */
const headFitting = (chars: string[], max: number): number => {
  let n = 0;
  let k = 0;
  while (k < chars.length && n + cellsOf(chars[k]!) <= max) n += cellsOf(chars[k++]!);
  return Math.max(1, k);
};

/** How many glyphs of `size` fit in `width` user units. */
export const fits = (width: number, size: number): number => Math.max(4, Math.floor(width / advance(size)));

/**
 * Wraps text into lines of at most `max` cells (a wide character takes two): at spaces, else after a `-` or `/` (ids and paths keep
 * their characters: joining a line that ends with `-` or `/` to the next one gives the id back), else
 * hard at `max`.
 */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (): void => {
    if (line) lines.push(line);
    line = '';
  };
  // the cut in a word too long for the room: after its last `-` or `/` that fits, else hard
  const cutAt = (chars: string[], room: number): number => {
    const fit = headFitting(chars, room);
    const head = chars.slice(0, fit).join('');
    const cut = Math.max(head.lastIndexOf('-'), head.lastIndexOf('/'));
    return cut >= 0 && cells(head.slice(0, cut + 1)) >= room / 3 ? [...head.slice(0, cut + 1)].length : fit;
  };
  for (const word of text.split(' ').filter((w) => w.length > 0)) {
    const candidate = line ? `${line} ${word}` : word;
    if (cells(candidate) <= max) {
      line = candidate;
      continue;
    }
    let rest = [...word];
    // a word longer than a line starts on the current line when a fair part of it fits there
    const room = max - cells(line) - 1;
    if (line && cells(word) > max && room >= 8) {
      const at = cutAt(rest, room);
      line = `${line} ${rest.slice(0, at).join('')}`;
      rest = rest.slice(at);
    }
    push();
    while (cells(rest.join('')) > max) {
      const at = cutAt(rest, max);
      lines.push(rest.slice(0, at).join(''));
      rest = rest.slice(at);
    }
    line = rest.join('');
  }
  push();
  return lines.length ? lines : [''];
}
