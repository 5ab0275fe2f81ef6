// The differences between the mock's and moto's answers to the AWS CLI script, as documented in
// docs/mock-vs-aws.md (the table between the `cli-differences` markers). The conformance test
// compares what it measures with this table, so the document cannot go stale silently.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './cli-runs';

export const differencesDoc = join(repoRoot, 'docs', 'mock-vs-aws.md');

export interface DocumentedDifference {
  operation: string;
  path: string;
  kind: string;
  reason: string;
}

export const differenceKey = (d: { operation: string; path: string; kind: string }): string => `${d.operation} | ${d.path} | ${d.kind}`;

export function readDocumentedDifferences(file = differencesDoc): DocumentedDifference[] {
  const text = readFileSync(file, 'utf8');
  const m = /<!-- cli-differences:start -->([\s\S]*?)<!-- cli-differences:end -->/.exec(text);
  if (!m) throw new Error(`${file} has no <!-- cli-differences:start --> … <!-- cli-differences:end --> table`);
  return m[1]!
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l) && !/^\|\s*operation\s*\|/.test(l))
    .map((l) => {
      const [operation = '', path = '', kind = '', reason = ''] = l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim().replace(/^`|`$/g, ''));
      return { operation, path, kind, reason };
    });
}
