// Turns one file's text into validated data: JSON syntax errors and schema violations become a
// SnapshotError naming the file, the field and what to do (fix the value or export the file again).
import type { z } from 'zod';
import { howToProduce } from './layout';
import { SnapshotError, formatFieldPath, showValue } from './snapshot-error';

type Issue = z.core.$ZodIssue;

/** "Export it again with …" — the tail of every message about a file's content. */
export const reexportHint = (file: string): string => `Fix it in the file, or export the file again: ${howToProduce(file)}.`;

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function jsonSyntaxError(file: string, text: string, error: Error): SnapshotError {
  const position = /at position (\d+)/.exec(error.message)?.[1];
  const truncated =
    text.trim() === '' || /end of JSON input/.test(error.message) || (position !== undefined && Number(position) >= text.trimEnd().length);
  const where = position !== undefined ? ` at ${lineAndColumn(text, Number(position))}` : '';
  const what = truncated
    ? `ends before the JSON is complete${where} (the file looks truncated or empty)`
    : `is not valid JSON${where}: ${error.message.replace(/,? ".*" is not valid JSON$/s, '')}`;
  return new SnapshotError(file, '', `${file} ${what}. Export the file again: ${howToProduce(file)}.`);
}

const article = (expected: string): string => (/^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`);

/** The problem part of a message, from one zod issue (which carries the offending input). */
function describeIssue(issue: Issue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `is missing (expected ${article(issue.expected)})`;
      return `${showValue(input)} should be ${article(issue.expected)}, not ${input === null ? 'null' : Array.isArray(input) ? 'an array' : article(typeof input)}`;
    case 'invalid_value':
      return `${showValue(input)} should be one of ${issue.values.map((v) => showValue(v)).join(', ')}`;
    case 'invalid_union': {
      const disc = (issue as { discriminator?: string; options?: unknown[] }).discriminator;
      const options = (issue as { options?: unknown[] }).options;
      if (disc !== undefined && options) {
        const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[disc] : input;
        return `${showValue(value)} should be one of ${options.map((v) => showValue(v)).join(', ')}`;
      }
      return `${showValue(input)} does not have any of the accepted shapes`;
    }
    case 'custom':
      return `${showValue(input)} ${issue.message}`;
    default:
      return input === undefined ? issue.message : `${showValue(input)}: ${issue.message}`;
  }
}

const jitFrom = 256 * 1024;

/** Parses `text` as JSON and validates it; throws a SnapshotError for the first problem found. */
export function parseFile<S extends z.ZodType>(file: string, text: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw jsonSyntaxError(file, text, e as Error);
  }
  // zod compiles a fast parser per object schema on first use (new Function): that pays off on large
  // files only; a small one is checked faster by the interpreter (a fixture loads ~40% faster).
  const result = schema.safeParse(json, { reportInput: true, jitless: text.length < jitFrom });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = formatFieldPath(issue.path);
  const problem = describeIssue(issue);
  // "X is missing" reads as one phrase; "X: <value> is not …" names the value after a colon.
  const subject = field === '' ? `${file}:` : problem.startsWith('is ') ? `${file}: ${field}` : `${file}: ${field}:`;
  throw new SnapshotError(file, field, `${subject} ${problem}. ${reexportHint(file)}`);
}
