// Text for a terminal from customer data (Name tags, VM display names, security group names and
// descriptions): control characters that a terminal would act on are shown escaped, never sent raw
// (ESC sequences, CR overwriting a line, BEL, C1 controls, DEL, bidirectional overrides and isolates that
// reorder what is shown), and columns are padded by display width, so East Asian wide characters and
// emoji (two cells) keep a table aligned. `string-width` (CommonJS, v4) measures the cells.
import stringWidth from 'string-width';

// C0 but \n and \t, DEL, C1, and the bidi controls (LRM/RLM, ALM, embeddings/overrides, isolates).
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b`-style escapes (also valid inside a JSON string) for every character a terminal would act on. */
export const escapeControls = (text: string): string => text.replace(unsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** One table cell or name: escaped, and on one line (a newline inside a name would break the row). */
export const safeCell = (text: string): string => escapeControls(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t');

const printableAscii = /^[\x20-\x7e]*$/;

/** Terminal cells the text takes (wide characters and emoji count two, combining marks none). */
export const displayWidth = (text: string): number => (printableAscii.test(text) ? text.length : stringWidth(text));

/** Pads to `width` terminal cells. */
export const padDisplay = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** Rows of cells as aligned columns, two spaces apart; cells are made safe first. */
export function renderColumns(rows: readonly (readonly string[])[]): string[] {
  const safe = rows.map((r) => r.map(safeCell));
  // A loop, not Math.max(...rows): 200,000 rows overflow the call stack as arguments.
  const widths = safe[0]!.map((_, i) => safe.reduce((w, row) => Math.max(w, displayWidth(row[i]!)), 0));
  return safe.map((row) =>
    row
      .map((c, i) => padDisplay(c, widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}
