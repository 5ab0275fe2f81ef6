// `vmc-reach reap --yes` on a run of the embedded mock: that world ended with its run, so reap says so
// and sends nothing anywhere (no endpoint of a served mock is set), leaving the ledger as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../target/ledger';
import { runReap } from './reap-command';

test('a pending entry of an embedded-mock run is reported, not reaped', async () => {
  const root = mkdtempSync(join(tmpdir(), 'vmc-reach-reap-emb-'));
  const ledger = await Ledger.create(root, { runId: 'emb-1', target: 'mock', region: 'us-west-2' });
  await ledger.record({ action: 'created', type: 'ec2:instance', id: 'i-0123456789abcdef0', state: 'live' });
  const saved = { ec2: process.env.AWS_ENDPOINT_URL_EC2, all: process.env.AWS_ENDPOINT_URL };
  delete process.env.AWS_ENDPOINT_URL_EC2;
  delete process.env.AWS_ENDPOINT_URL;
  let out = '';
  try {
    const code = await runReap({ run: 'emb-1', yes: true }, { out: (t) => (out += t), err: () => undefined }, root);
    expect({
      code,
      out: out.includes('run emb-1: it ran on the embedded mock'),
      state: (await Ledger.open(root, 'emb-1')).entries()[0]!.state,
    }).toEqual({ code: 0, out: true, state: 'live' });
  } finally {
    rmSync(root, { recursive: true, force: true });
    if (saved.ec2 !== undefined) process.env.AWS_ENDPOINT_URL_EC2 = saved.ec2;
    if (saved.all !== undefined) process.env.AWS_ENDPOINT_URL = saved.all;
  }
});
