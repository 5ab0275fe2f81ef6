// An instance whose id the run never recorded (killed between RunInstances and the ledger update) is
// found by its client token, or, where the endpoint rejects that filter (moto 5.2: HTTP 500), by the
// tags RunInstances gave it; then it is terminated. When neither search finds it, it was never launched.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { NsxClient } from '../../clients/vmc';
import { Ledger } from '../../target/ledger';
import { manualClock } from '../../target/wait';
import { teardown } from './teardown';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'vmc-reach-unrecorded-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/**
 * Tears down a ledger holding one instance entry without an id, against an EC2 whose client-token filter
 * answers HTTP 500 (as moto 5.2's does) and whose search by the run's tags finds `tagged` (or none).
 * Returns the ids terminated, the report and the entry's state afterwards.
 */
async function tearDownUnrecorded(name: string, tagged: string | undefined) {
  const terminated: string[] = [];
  const send = jest.fn(async (cmd: { constructor: { name: string }; input: { Filters?: { Name: string }[]; InstanceIds?: string[] } }) => {
    const filters = (cmd.input.Filters ?? []).map((f) => f.Name);
    if (cmd.constructor.name === 'TerminateInstancesCommand') {
      terminated.push(...(cmd.input.InstanceIds ?? []));
      return {};
    }
    if (filters.includes('client-token')) throw Object.assign(new Error('XML parse error'), { $metadata: { httpStatusCode: 500 } });
    if (filters.includes('tag:vmc-reach:run-id')) return { Reservations: tagged ? [{ Instances: [{ InstanceId: tagged }] }] : [] };
    return { Reservations: [{ Instances: [{ InstanceId: tagged, State: { Name: 'terminated' } }] }] };
  });
  const ledger = await Ledger.create(root, { runId: 'vr-test', target: 'live' });
  await ledger.record({ action: 'created', type: 'ec2:instance', name, details: { clientToken: `vr-test-${name}`, runTag: 'vr-test' } });
  const report = await teardown(ledger, {
    ec2: { send } as unknown as EC2Client,
    nsx: {} as NsxClient,
    clock: manualClock(),
    log: () => undefined,
    waitMs: 60_000,
  });
  return { terminated, failed: report.failed, state: ledger.entries()[0]!.state };
}

test('the client-token filter answered HTTP 500: the instance is found by its run tags and terminated', async () => {
  expect(await tearDownUnrecorded('CJ-AWS01', 'i-0123')).toEqual({ terminated: ['i-0123'], failed: [], state: 'removed' });
});

test('the client-token filter answered HTTP 500 and no instance wears the run tags: never launched, nothing terminated, no failure', async () => {
  expect(await tearDownUnrecorded('CJ-AWS02', undefined)).toEqual({ terminated: [], failed: [], state: 'removed' });
});
