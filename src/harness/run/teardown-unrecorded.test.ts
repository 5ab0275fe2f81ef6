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

test('the client-token filter answered HTTP 500: the instance is found by its run tags and terminated', async () => {
  const terminated: string[] = [];
  const send = jest.fn(async (cmd: { constructor: { name: string }; input: { Filters?: { Name: string }[]; InstanceIds?: string[] } }) => {
    const filters = (cmd.input.Filters ?? []).map((f) => f.Name);
    if (cmd.constructor.name === 'TerminateInstancesCommand') {
      terminated.push(...(cmd.input.InstanceIds ?? []));
      return {};
    }
    if (filters.includes('client-token')) throw Object.assign(new Error('XML parse error'), { $metadata: { httpStatusCode: 500 } });
    if (filters.includes('tag:vmc-reach:run-id')) return { Reservations: [{ Instances: [{ InstanceId: 'i-0123' }] }] };
    return { Reservations: [{ Instances: [{ InstanceId: 'i-0123', State: { Name: 'terminated' } }] }] };
  });
  const ledger = await Ledger.create(root, { runId: 'vr-test', target: 'live' });
  await ledger.record({
    action: 'created',
    type: 'ec2:instance',
    name: 'CJ-AWS01',
    details: { clientToken: 'vr-test-CJ-AWS01', runTag: 'vr-test' },
  });
  const report = await teardown(ledger, {
    ec2: { send } as unknown as EC2Client,
    nsx: {} as NsxClient,
    clock: manualClock(),
    log: () => undefined,
    waitMs: 60_000,
  });
  expect(terminated).toEqual(['i-0123']);
  expect(report.failed).toEqual([]);
});

test('the client-token filter answered HTTP 500 and no instance wears the run tags: never launched, nothing terminated, no failure', async () => {
  const terminated: string[] = [];
  const send = jest.fn(async (cmd: { constructor: { name: string }; input: { Filters?: { Name: string }[]; InstanceIds?: string[] } }) => {
    const filters = (cmd.input.Filters ?? []).map((f) => f.Name);
    if (cmd.constructor.name === 'TerminateInstancesCommand') {
      terminated.push(...(cmd.input.InstanceIds ?? []));
      return {};
    }
    if (filters.includes('client-token')) throw Object.assign(new Error('XML parse error'), { $metadata: { httpStatusCode: 500 } });
    return { Reservations: [] };
  });
  const ledger = await Ledger.create(root, { runId: 'vr-test', target: 'live' });
  await ledger.record({
    action: 'created',
    type: 'ec2:instance',
    name: 'CJ-AWS02',
    details: { clientToken: 'vr-test-CJ-AWS02', runTag: 'vr-test' },
  });
  const report = await teardown(ledger, {
    ec2: { send } as unknown as EC2Client,
    nsx: {} as NsxClient,
    clock: manualClock(),
    log: () => undefined,
    waitMs: 60_000,
  });
  expect({ terminated, failed: report.failed, state: ledger.entries()[0]!.state }).toEqual({
    terminated: [],
    failed: [],
    state: 'removed',
  });
});
