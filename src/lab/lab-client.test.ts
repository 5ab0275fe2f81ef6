// The lab in its own process, driven over the JSON-lines RPC: build from a world, probes in parallel,
// apply, remote errors with their message, close (or the end of an `await using` scope) ending the process.
import { articleCaseB, articleCaseC } from '../world/test-support';
import { LabClient, LabUnavailableError } from './lab-client';
import { labProcesses } from './leftovers';
import { pingArgv } from './ping';
import { describeLab } from './test-support/lab-env';

describeLab('lab client and lab process', () => {
  let client: LabClient;
  beforeAll(async () => {
    client = await LabClient.start();
    await client.build(articleCaseB());
  });
  afterAll(() => client?.close());

  test('probes sent together come back each with its own result', async () => {
    const [allowed, blocked] = await Promise.all([
      client.exec('CJ-AWS01', pingArgv('192.168.100.10', { waitSeconds: 2 })),
      client.exec('CJ-AWS02', pingArgv('192.168.100.10', { waitSeconds: 0.3 })),
    ]);
    expect([allowed.exitCode, blocked.exitCode]).toEqual([0, 1]);
  });

  test('apply changes the running lab in the lab process', async () => {
    expect((await client.apply(articleCaseC())).rebuilt).toBe(false);
    expect((await client.exec('CJ-AWS02', pingArgv('192.168.100.10', { waitSeconds: 2 }))).exitCode).toBe(0);
  });

  test("a failed request rejects with the lab's own error and message", async () => {
    await expect(client.exec('nobody', ['true'])).rejects.toMatchObject({
      name: 'LabError',
      message: expect.stringContaining('no lab node "nobody"'),
    });
  });

  test('close tears the lab down and ends the lab process', async () => {
    const other = await LabClient.start();
    await other.build(articleCaseB());
    await other.close();
    expect(labProcesses(other.runId)).toEqual([]);
    expect(() => process.kill(other.pid, 0)).toThrow();
  });

  test('a client in `await using` is closed at the end of its scope: lab torn down, process ended', async () => {
    let ended: { runId: string; pid: number };
    {
      await using scoped = await LabClient.start();
      await scoped.build(articleCaseB());
      ended = { runId: scoped.runId, pid: scoped.pid };
      expect(labProcesses(ended.runId)).not.toEqual([]);
    }
    expect(labProcesses(ended.runId)).toEqual([]);
    expect(() => process.kill(ended.pid, 0)).toThrow();
  });

  test('a lab process that cannot run the lab says what is missing, and start() rejects with it', async () => {
    const attempt = LabClient.start({ launcher: ['/usr/bin/env', 'PATH=/nonexistent'] }); // no setpriv, unshare, nsenter, bash, ping, python3, timeout
    await expect(attempt).rejects.toBeInstanceOf(LabUnavailableError);
    await expect(attempt).rejects.toThrow(
      /missing commands setpriv \(package util-linux\), unshare \(package util-linux\), nsenter \(package util-linux\), bash \(package bash\), ping \(package iputils-ping\), python3 \(package python3\), timeout \(package coreutils\): apt-get install -y util-linux bash iputils-ping python3 coreutils/,
    );
  });
});
