// Wrapping the drawing's text lines: at spaces first, long ids after a `-` so that they join back whole.
import { cells, fits, wrap } from './drawing-text';

test('short text stays on one line; words move to the next line at spaces', () => {
  expect(wrap('main route table', 25)).toEqual(['main route table']);
  expect(wrap('192.168.100.0/24 → eni-477cf713871d077ea', 25)).toEqual(['192.168.100.0/24 →', 'eni-477cf713871d077ea']);
});

test('an id longer than a line breaks after a hyphen, and the lines join back to the id', () => {
  const lines = wrap('501f2c4a-8d3e-4b7a-9c61-3f0e5d2a7b21', 25);
  expect(lines).toEqual(['501f2c4a-8d3e-4b7a-9c61-', '3f0e5d2a7b21']);
  expect(lines.join('')).toBe('501f2c4a-8d3e-4b7a-9c61-3f0e5d2a7b21');
});

test('a long word starts on the current line when a fair part of it fits', () => {
  expect(wrap('SG CJ-SG.vr-261204-021039-5fce-article', 25)).toEqual(['SG CJ-SG.vr-261204-', '021039-5fce-article']);
});

test('a word with no hyphen is cut hard at the line length; no line is longer than asked', () => {
  const lines = wrap(`x ${'a'.repeat(60)}`, 25);
  expect(lines.every((l) => [...l].length <= 25)).toBe(true);
  expect(lines.join('').replace(/ /g, '')).toBe(`x${'a'.repeat(60)}`);
});

test('how many glyphs fit: the monospace advance with its margin', () => {
  expect(fits(184, 12)).toBe(24);
});

test('wide characters count two cells: a Japanese name wraps at half the glyphs', () => {
  const name = '本番データベースサーバー本番データベースサーバー';
  const lines = wrap(name, 24);
  expect(lines).toEqual(['本番データベースサーバー', '本番データベースサーバー']);
  expect(lines.every((l) => cells(l) <= 24)).toBe(true);
});
