// The evidence pack on a probe whose configuration verdict is indeterminate (built by hand on case B's
// configuration): amber everywhere it is shown, the undecided hop marked `?` on the drawing and in the
// hop table, and the assumptions listed with what would settle them.
import { join } from 'node:path';
import type { ScenarioResult } from '../../target/results';
import { readSnapshotFiles, worldFromSnapshotFiles } from '../../snapshot';
import { indeterminateProbe, indeterminateVerdict } from '../test-support/probes';
import { renderEvidencePack } from './render-pack';

let page: string;
beforeAll(async () => {
  const files = await readSnapshotFiles(join(__dirname, '../../../fixtures/snapshots/article-case-b'));
  const world = worldFromSnapshotFiles(files);
  const instance = [...world.ec2.instances.values()][0]!;
  const vm = [...world.nsx.vms.values()][0]!;
  const probe = {
    ...indeterminateProbe('CJ-AWS01 → CJ-VM01 through an L7 rule'),
    verdict: indeterminateVerdict(instance.instanceId, vm.externalId),
  };
  probe.from = { ...probe.from, id: instance.instanceId };
  probe.to = { ...probe.to, id: vm.externalId };
  const result: ScenarioResult = {
    title: 'L7 rule',
    runId: 'r-2',
    target: 'mock',
    startedAt: '2026-11-25T00:00:00.000Z',
    durationMs: 1000,
    probes: [probe],
    changes: [],
    resources: [],
    teardown: { removed: 0, reverted: 0, failed: [] },
    discovered: Object.fromEntries(files),
  };
  page = renderEvidencePack(
    [result],
    { runId: 'r-2', target: 'mock', startedAt: '2026-11-25T00:00:00.000Z', durationMs: 1000, versions: {} },
    { secrets: [] },
  );
});

test('the summary and the probe say indeterminate, in the amber style', () => {
  expect(page).toContain('<td class="verdict-indeterminate">indeterminate (CONTEXT_PROFILE)</td>');
  expect(page).toMatch(/<section class="probe outcome-pass verdict-indeterminate"/);
  expect(page).toMatch(/<td class="verdict-indeterminate">indeterminate: 3 hops checked, none blocked, 1 could not be judged/);
  expect(page).toMatch(
    /engine verdicts on the discovered configuration: <strong>0<\/strong> reachable, <strong>0<\/strong> unreachable, <strong class="verdict-indeterminate">1<\/strong> indeterminate/,
  );
});

test('the assumptions are listed with the object, the missing datum and what would settle it', () => {
  const rows = page.match(/<tr class="assumption">.*?<\/tr>/gs)!;
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatch(
    /<td>forward<\/td><td>cgw<\/td><td>\/infra\/domains\/cgw\/gateway-policies\/default\/rules\/web-l7 \(web-l7\)<\/td>/,
  );
  expect(rows[0]).toContain('<code>/infra/context-profiles/HTTP</code>');
  expect(rows[0]).toContain('remove the profile from the rule, or probe the flow for real');
});

test('the undecided hop is marked: `?` in the hop table and on the drawing at the edge, the path amber', () => {
  expect(page).toMatch(/<tr class="hop indeterminate"><td>2<\/td><td>forward<\/td><td>cgw<\/td>/);
  expect(page).toContain('? cannot judge');
  expect(page).toMatch(/<g class="marker indeterminate-hop" data-probe="1" data-hop="2" data-node="edge">/);
  expect(page).toContain('<g class="probe-path indeterminate" data-probe="1">');
  expect(page).not.toMatch(/class="marker blocking-hop"/);
});
