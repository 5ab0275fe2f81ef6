// The evidence pack renderer on the article's case B configuration with verdicts from the engine:
// escaping of hostile data, no secrets (a canary token), account-id placeholders, the blocking-hop
// marker on the drawing and in the hop table, the tables, and nothing that loads from the network.
import { join } from 'node:path';
import { evaluate } from '../../network';
import type { ProbeRecord, ScenarioResult } from '../../target/results';
import { readSnapshotFiles, worldFromSnapshotFiles } from '../../snapshot';
import { renderEvidencePack, type PackMetadata } from './render-pack';

const canary = 'CANARY-TOKEN-8d41f0e2a9';
let result: ScenarioResult;
let accountId: string;

beforeAll(async () => {
  const files = await readSnapshotFiles(join(__dirname, '../../../fixtures/snapshots/article-case-b'));
  const world = worldFromSnapshotFiles(files);
  accountId = [...world.ec2.vpcs.values()][0]!.ownerId;
  const byName = (n: string) => [...world.ec2.instances.values()].find((i) => i.tags.some((t) => t.key === 'Name' && t.value === n))!;
  const vm = [...world.nsx.vms.values()].find((v) => v.displayName === 'CJ-VM01')!;
  const aws02 = byName('CJ-AWS02');
  const verdict = evaluate(world, {
    source: { kind: 'instance', instanceId: aws02.instanceId },
    destination: { kind: 'vm', externalId: vm.externalId },
  });
  const probe = (label: string, extra: Partial<ProbeRecord> = {}): ProbeRecord => ({
    scenario: 'case B',
    label,
    from: { name: 'CJ-AWS02', kind: 'instance', id: aws02.instanceId, ip: aws02.privateIpAddress },
    to: { name: 'CJ-VM01', kind: 'vm', id: vm.externalId, ip: vm.ipAddresses[0]! },
    expected: { reachable: false, blockedBy: 'ENI_SG_INGRESS_NO_MATCH' },
    observed: {
      kind: 'ran',
      reachable: false,
      sent: 3,
      received: 0,
      rttMs: null,
      command: `ping -c 3 -W 1 ${vm.ipAddresses[0]}`,
      exitCode: 1,
      status: 'Failed',
      transcript: `3 packets transmitted, 0 received <script>alert(1)</script> token=${canary} owner ${accountId}`,
      transcriptOrigin: 'model',
      tookMs: 4,
      apiCalls: 2,
    },
    verdict,
    agreement: 'agree',
    outcome: 'passed',
    reasons: [],
    attempts: 1,
    startedAt: '2026-11-25T00:00:00.000Z',
    durationMs: 1234,
    ...extra,
  });
  result = {
    title: 'case B <b>bold</b>',
    runId: 'r-1',
    target: 'mock',
    startedAt: '2026-11-25T00:00:00.000Z',
    durationMs: 5000,
    probes: [
      probe('case B: custom SG: CJ-AWS02 → CJ-VM01'),
      probe('retried', {
        attempts: 2,
        previousAttempts: [
          {
            observed: {
              kind: 'infra-error',
              error: `InvocationDoesNotExist Bearer ${canary}`,
              command: 'ping',
              transcriptOrigin: 'model',
              tookMs: 4,
              apiCalls: 1,
            },
            agreement: 'not-comparable',
            outcome: 'infra-error',
            reasons: ['InvocationDoesNotExist'],
            startedAt: 't',
            durationMs: 5,
          },
        ],
      }),
    ],
    changes: [{ label: 'authorize', detail: `on sg in account ${accountId}` }],
    resources: [
      {
        action: 'created',
        type: 'ec2:instance',
        id: aws02.instanceId,
        name: 'CJ-AWS02',
        seq: 1,
        state: 'removed',
        at: '2026-11-25T00:00:01.000Z',
      },
      { action: 'adopted', type: 'ec2:security-group', id: 'sg-1', name: 'default', seq: 2, state: 'live', at: '2026-11-25T00:00:01.000Z' },
      {
        action: 'changed',
        type: 'ec2:security-group-rule',
        id: 'sgr-1',
        name: 'ingress on default',
        seq: 3,
        state: 'reverted',
        at: '2026-11-25T00:00:02.000Z',
      },
    ] as ScenarioResult['resources'],
    teardown: { removed: 1, reverted: 1, failed: [] },
    discovered: Object.fromEntries(files),
  };
});

const meta: PackMetadata = {
  runId: 'r-1',
  target: 'mock',
  startedAt: '2026-11-25T00:00:00.000Z',
  durationMs: 5000,
  versions: { 'vmc-reach': '0.1.0', node: 'v20' },
};
const render = (scrubAccountIds = false) => renderEvidencePack([result], meta, { secrets: [canary], scrubAccountIds });

test('hostile text is escaped, never markup', () => {
  const page = render();
  expect(page).not.toContain('<script>');
  expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(page).toContain('case B &lt;b&gt;bold&lt;/b&gt;');
});

test('a secret never appears, wherever it was', () => {
  const page = render();
  expect(page).not.toContain(canary);
  expect(page).toContain('token=[redacted]');
});

test('account ids: kept as discovered by default, consistent placeholders on request', () => {
  expect(render()).toContain(accountId);
  const page = render(true);
  expect(page).not.toContain(accountId);
  expect(page).toContain(`owner account-1`);
  expect(page).toContain('in account account-1');
});

test('the drawing marks the blocking hop of the blocked probe at the active cross-link ENI', () => {
  const page = render();
  const markers = [...page.matchAll(/<g class="marker blocking-hop" data-probe="(\d+)" data-code="([A-Z_]+)" data-node="([^"]+)"/g)].map(
    (m) => [m[1], m[2], m[3]],
  );
  const activeEni = (JSON.parse(result.discovered!['nsx/linked-vpcs.json']!) as { results: { active_eni: string }[] }).results[0]!
    .active_eni;
  expect(markers).toEqual([
    ['1', 'ENI_SG_INGRESS_NO_MATCH', `eni:${activeEni}`],
    ['2', 'ENI_SG_INGRESS_NO_MATCH', `eni:${activeEni}`],
  ]);
  expect(page).toMatch(new RegExp(`<g class="node eni active" data-id="${activeEni}"`));
  expect(page).toContain('<g class="probe-path blocked" data-probe="1">');
});

test('the hop table marks exactly the blocking hop, with the rule that decided each hop', () => {
  const page = render();
  const section = page.slice(page.indexOf('id="probe-1"'), page.indexOf('id="probe-2"'));
  const rows = section.match(/<tr class="hop [^"]*"/g)!;
  expect(rows.filter((r) => r.includes('blocking-hop-row'))).toHaveLength(1);
  expect(rows.length).toBe(result.probes[0]!.verdict!.hops.length);
  expect(section).toMatch(/blocking-hop-row"><td>\d+<\/td><td>forward<\/td><td>eni-sg-ingress<\/td>/);
  expect(section).toContain('no rule matched');
  expect(section).toContain('aws ec2 authorize-security-group-ingress');
});

test('the tables: summary rows, resources by action and state, earlier attempts, metadata', () => {
  const page = render();
  expect(page.match(/<tr class="outcome-/g)).toHaveLength(2);
  expect(page).toContain('<span class="badge flaky">FLAKY</span>');
  expect(page).toMatch(/<tr class="resource created state-removed"><td>created<\/td><td>ec2:instance<\/td><td>CJ-AWS02<\/td>/);
  expect(page).toContain('<tr class="resource adopted state-live">');
  expect(page).toContain('<tr class="resource changed state-reverted">');
  expect(page).toContain('attempt 1: infra-error — InvocationDoesNotExist');
  expect(page).toContain('<tr><th>vmc-reach</th><td>0.1.0</td></tr>');
});

test('the page loads nothing: no script, no external reference', () => {
  const page = render();
  expect(page).not.toMatch(/<script|<link|<img|@import|url\((?!#)/i);
  expect(page).not.toMatch(/(src|href)="(https?:)?\/\//i);
});
