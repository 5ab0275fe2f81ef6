// The JSON summary validates against the committed JSON Schema (checked by Python's jsonschema, an
// independent validator, Draft 2020-12), and the schema rejects what a consumer must not receive.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { renderJsonSummary } from './json-summary';
import { sampleRun } from './test-support/results';

const schema = join(__dirname, 'json-summary.schema.json');

/** Validation errors for each document (empty: valid). */
function validate(docs: unknown[]): string[][] {
  const script = `
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
print(json.dumps([[f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(d)] for d in json.load(sys.stdin)]))
`;
  const r = spawnSync('python3', ['-c', script, schema], { input: JSON.stringify(docs), encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}

test('the summary of a mixed run (pass, failure, infra error, flaky, a scenario not run, a failed teardown) is valid', () => {
  const summary = renderJsonSummary(sampleRun());
  expect(validate([summary])).toEqual([[]]);
  expect(summary).toMatchObject({
    passed: false,
    counts: { scenarios: 2, scenariosNotRun: 1, probes: 4, passed: 2, flaky: 1, failed: 1, infraError: 1, teardownFailures: 1 },
  });
});

test('the blocking hop is numbered as the text prints it, and the fix is the command to paste', () => {
  const probe = (
    renderJsonSummary(sampleRun()).scenarios as {
      probes: { label: string; verdict: { blockedBy: { hop: number; fix: { command: string } } | null } | null }[];
    }[]
  )[0]!.probes.find((p) => p.label.startsWith('case B'))!;
  expect(probe.verdict!.blockedBy!.hop).toBeGreaterThan(1);
  expect(probe.verdict!.blockedBy!.fix.command).toMatch(/^aws ec2 authorize-security-group-ingress --cli-input-json '\{"GroupId":"sg-/);
});

test('the schema refuses a summary with a missing count, an unknown origin or an extra field', () => {
  const good = renderJsonSummary(sampleRun()) as {
    counts: Record<string, unknown>;
    scenarios: { probes: { observed: Record<string, unknown> }[] }[];
  };
  const noCount = structuredClone(good);
  delete noCount.counts.failed;
  const badOrigin = structuredClone(good);
  badOrigin.scenarios[0]!.probes[0]!.observed.transcriptOrigin = 'real';
  const extra = { ...structuredClone(good), surprise: true };
  const [a, b, c] = validate([noCount, badOrigin, extra]);
  expect(a!.join()).toMatch(/'failed' is a required property/);
  expect(b!.join()).toMatch(/scenarios\/0\/probes\/0\/observed/);
  expect(c!.join()).toMatch(/'surprise' was unexpected/);
});

test("a TCP/UDP probe carries its protocol, port and the tool's answer, and stays valid", () => {
  const [s] = sampleRun();
  const p = s!.probes[1]!;
  const udp = {
    ...p,
    probe: { protocol: 'udp' as const, port: 53, listen: true },
    observed: {
      ...(p.observed as Extract<typeof p.observed, { kind: 'ran' }>),
      port: { protocol: 'udp' as const, port: 53, outcome: 'filtered' as const, detail: 'no reply within 5 s', judged: 'filtered' },
    },
  };
  const summary = renderJsonSummary([{ ...s!, probes: [udp] }]);
  expect(validate([summary])).toEqual([[]]);
  expect((summary.scenarios as { probes: { probe: unknown; observed: { port: unknown } }[] }[])[0]!.probes[0]).toMatchObject({
    probe: { protocol: 'udp', port: 53 },
    observed: { port: { outcome: 'filtered' } },
  });
});
