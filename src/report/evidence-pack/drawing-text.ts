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

export const textWidth = (text: string, size: number): number => [...text].length * advance(size);

/** How many glyphs of `size` fit in `width` user units. */
export const fits = (width: number, size: number): number => Math.max(4, Math.floor(width / advance(size)));

/**
 * Wraps text into lines of at most `max` glyphs: at spaces, else after a `-` or `/` (ids and paths keep
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
  for (const word of text.split(' ').filter((w) => w.length > 0)) {
    const candidate = line ? `${line} ${word}` : word;
    if ([...candidate].length <= max) {
      line = candidate;
      continue;
    }
    // a word longer than a line starts on the current line when a fair part of it fits there
    let rest = word;
    const room = max - [...line].length - 1;
    if (line && [...word].length > max && room >= 8) {
      const head = [...rest].slice(0, room).join('');
      const cut = Math.max(head.lastIndexOf('-'), head.lastIndexOf('/'));
      const at = cut >= room / 3 ? cut + 1 : room;
      line = `${line} ${[...rest].slice(0, at).join('')}`;
      rest = [...rest].slice(at).join('');
    }
    push();
    while ([...rest].length > max) {
      const head = [...rest].slice(0, max).join('');
      const cut = Math.max(head.lastIndexOf('-'), head.lastIndexOf('/'));
      const at = cut >= max / 3 ? cut + 1 : max;
      lines.push([...rest].slice(0, at).join(''));
      rest = [...rest].slice(at).join('');
    }
    line = rest;
  }
  push();
  return lines.length ? lines : [''];
}
