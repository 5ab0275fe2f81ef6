// `vmc-reach run --reporter junit,tap,json`: which report files the run writes beside the evidence pack
// (default junit): junit.xml, results.tap (TAP 14), summary.json (src/report/json-summary.schema.json).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScenarioResult } from '../target/results';
import { renderJsonSummary } from '../report/json-summary';
import { renderJunit } from '../report/junit';
import { renderTap } from '../report/tap';
import { UsageError } from './usage-error';

export const reporterNames = ['junit', 'tap', 'json'] as const;
export type Reporter = (typeof reporterNames)[number];

const files: Record<Reporter, { file: string; label: string; render: (r: readonly ScenarioResult[]) => string }> = {
  junit: { file: 'junit.xml', label: 'JUnit', render: renderJunit },
  tap: { file: 'results.tap', label: 'TAP', render: renderTap },
  json: { file: 'summary.json', label: 'JSON summary', render: (r) => `${JSON.stringify(renderJsonSummary(r), null, 2)}\n` },
};

/** Commander's parser for --reporter: a comma-separated list of known reporters, each once. */
export function parseReporters(value: string): Reporter[] {
  const names = value.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !(reporterNames as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(
      `--reporter ${JSON.stringify(value)}: unknown reporter ${unknown.map((u) => JSON.stringify(u)).join(', ')}; choose from ${reporterNames.join(', ')} (comma-separated, e.g. --reporter junit,tap,json)`,
    );
  }
  return [...new Set(names as Reporter[])];
}

/** Writes each chosen report into the report folder and says where. */
export async function writeReports(
  reportDir: string,
  results: readonly ScenarioResult[],
  reporters: readonly Reporter[],
  out: (text: string) => void,
): Promise<void> {
  for (const r of reporters) {
    const path = join(reportDir, files[r].file);
    await writeFile(path, files[r].render(results));
    out(`${files[r].label}: ${path}\n`);
  }
}
