// Customer names on a terminal: control characters escaped, wide characters measured in cells.
import { displayWidth, escapeControls, renderColumns, safeCell } from './terminal-text';

test('ESC, CR, BEL, DEL, C1 controls and bidi overrides are escaped; newline and tab are kept', () => {
  expect(escapeControls('a\x1b[31mb\rc\x07d\x7fe\x9bf\u202eg\u2066h\n\ti')).toBe(
    'a\\u001b[31mb\\u000dc\\u0007d\\u007fe\\u009bf\\u202eg\\u2066h\n\ti',
  );
});

test('a cell is one line: newline and tab inside a name are escaped too', () => {
  expect(safeCell('web\nprod\tx')).toBe('web\\nprod\\tx');
});

test('East Asian wide characters and emoji take two cells, ASCII one', () => {
  expect([displayWidth('abc'), displayWidth('東京'), displayWidth('🚀'), displayWidth('é')]).toEqual([3, 4, 2, 1]);
});

test('columns stay aligned with wide names', () => {
  const lines = renderColumns([
    ['name', 'verdict'],
    ['東京-web-🚀', 'reachable'],
    ['plain', 'unreachable'],
  ]);
  const at = lines.map((l) =>
    displayWidth(l.slice(0, l.indexOf(l.includes('verdict') ? 'verdict' : l.includes('unreachable') ? 'unreachable' : 'reachable'))),
  );
  expect(new Set(at).size).toBe(1);
});
