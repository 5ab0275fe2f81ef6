// The README links only inside the repository: every Markdown link is a relative path to a file or
// folder that exists in the checkout (or an anchor), never an address elsewhere or a path above the root.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
// Inline links and images `[text](target)` and reference definitions `[id]: target`, outside code spans.
const withoutCode = readme.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
const targets = [...withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...withoutCode.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map(
  (m) => m[1]!,
);

test('the README has links, and none leaves the repository', () => {
  expect(targets.length).toBeGreaterThan(0);
  const outside = targets.filter((t) => {
    if (t.startsWith('#')) return false;
    if (/^[a-z][a-z0-9+.-]*:/i.test(t) || t.startsWith('//')) return true;
    const path = resolve(root, t.split('#')[0]!);
    return relative(root, path).startsWith('..') || !existsSync(path);
  });
  expect(outside).toEqual([]);
});

test('no bare web address in the prose either', () => {
  expect(withoutCode.match(/\bhttps?:\/\/\S+/g) ?? []).toEqual([]);
});
