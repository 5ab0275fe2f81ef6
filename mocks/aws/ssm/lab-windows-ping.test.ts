// The lab as the guest OS of Run Command, for a PowerShell ping on a Windows node: the lab's nodes are
// Linux, so the real Linux ping runs and ping.exe's format is printed from its reply lines: the TTL and
// round-trip times it measured, never invented ones. Needs the namespace lab (root, nftables, iproute2).
import { LabClient } from '../../../src/lab/lab-client';
import { describeLab } from '../../../src/lab/test-support/lab-env';
import { findManagedNode } from '../../../src/world';
import { labScriptRunner } from './lab-script-runner';
import { caseBWithWindows, instanceNamed, windowsVm } from '../../../src/world/test-support/article-windows';

describeLab('lab Run Command: PowerShell ping on a Windows VM', () => {
  test("ping.exe's lines carry the measured TTL and times of the real Linux ping", async () => {
    const world = caseBWithWindows();
    await using lab = await LabClient.start();
    await lab.build(world);
    const target = instanceNamed(world, 'CJ-AWS01').ip;
    const node = findManagedNode(world, windowsVm.managedInstanceId)!;
    const ping = ['ping', '-c', '3', '-W', '1', target];
    const linux = await lab.exec(windowsVm.managedInstanceId, ping, 10_000);
    const measuredTtl = Number(/ttl=(\d+)/.exec(linux.stdout)![1]);
    const r = await labScriptRunner(lab)(world, {
      commandId: 'c-1',
      documentName: 'AWS-RunPowerShellScript',
      commands: [`ping -n 3 -w 1000 ${target}`],
      node,
    });
    const replies = r.stdout.split('\r\n').filter((l) => l.startsWith('Reply from'));
    expect(replies).toHaveLength(3);
    for (const l of replies)
      expect(l).toMatch(new RegExp(`^Reply from ${target.replace(/\./g, '\\.')}: bytes=32 time(<1|=\\d+)ms TTL=${measuredTtl}$`));
    // The model's formatter would have said TTL=126 (a Windows destination's 128 minus two routers); the
    // destination is Linux, so the real TTL is 64 minus the routers the lab crosses.
    expect(measuredTtl).toBeLessThan(64);
    expect(r.stdout).toContain(`Packets: Sent = 3, Received = 3, Lost = 0 (0% loss),`);
    expect(r.exitCode).toBe(0);
  }, 120_000);
});
