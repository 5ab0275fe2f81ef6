// Teardown goes through the table of resource kinds: an entry of a type this version does not know
// fails loudly, by name, and the rest still goes; an adopted entry is never touched, whatever its kind.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { NsxClient } from '../../clients/vmc';
import { Ledger } from '../../target/ledger';
import { manualClock } from '../../target/wait';
import type { LedgerType } from '../resources';
import { teardown } from './teardown';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'vmc-reach-kinds-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** Clients that record every call and answer it with nothing. */
function recordingClients() {
  const calls: string[] = [];
  const ec2 = {
    send: jest.fn(async (cmd: { constructor: { name: string } }) => (calls.push(cmd.constructor.name), {})),
  } as unknown as EC2Client;
  const nsx = new Proxy(
    {},
    {
      get: (_t, p) => {
        calls.push(`nsx.${String(p)}`);
        throw new Error(`nsx.${String(p)} called`);
      },
    },
  ) as NsxClient;
  return { calls, clients: { ec2, nsx, clock: manualClock(), log: () => undefined, waitMs: 60_000 } };
}

test('an entry of a type no kind has fails by name, is kept for reap, and the entries around it still go', async () => {
  const ledger = await Ledger.create<LedgerType>(root, { runId: 'r-unknown', target: 'live' });
  await ledger.record({ action: 'created', type: 'ec2:route-table-association', id: 'rtbassoc-1', state: 'live' });
  // @ts-expect-error: a run's ledger takes only the table's types (a newer version may have written this one)
  await ledger.record({ action: 'created', type: 'ec2:prefix-list', id: 'pl-1', state: 'live' });
  await ledger.record({ action: 'created', type: 'ec2:route-table-association', id: 'rtbassoc-2', state: 'live' });
  const { calls, clients } = recordingClients();
  const report = await teardown(ledger, clients);
  expect(report.failed.map((f) => [f.entry.type, f.error])).toEqual([
    ['ec2:prefix-list', 'UnknownLedgerTypeError: the ledger has an entry of a type this version cannot remove: ec2:prefix-list'],
  ]);
  expect(report.removed.map((e) => e.id)).toEqual(['rtbassoc-2', 'rtbassoc-1']);
  expect(calls).toEqual(['DisassociateRouteTableCommand', 'DisassociateRouteTableCommand']);
  expect((await Ledger.open(root, 'r-unknown')).entries().map((e) => e.state)).toEqual(['removed', 'removal-failed', 'removed']);
});

test('adopted entries (the VPC, the default SG, a segment, a VM) are never touched', async () => {
  const ledger = await Ledger.create<LedgerType>(root, { runId: 'r-adopted', target: 'live' });
  await ledger.record({ action: 'adopted', type: 'ec2:vpc', id: 'vpc-1' });
  await ledger.record({ action: 'adopted', type: 'ec2:security-group', id: 'sg-default', name: 'default' });
  await ledger.record({ action: 'adopted', type: 'nsx:segment', id: 'seg-1' });
  await ledger.record({ action: 'adopted', type: 'nsx:vm', id: 'vm-1' });
  const { calls, clients } = recordingClients();
  const report = await teardown(ledger, clients);
  expect({ calls, removed: report.removed, reverted: report.reverted, failed: report.failed }).toEqual({
    calls: [],
    removed: [],
    reverted: [],
    failed: [],
  });
  expect(ledger.entries().map((e) => e.state)).toEqual(['live', 'live', 'live', 'live']);
});
