// Benchmark: the lab on the article's world (case B), through the lab process as `--dataplane lab` will
// use it. Build (plan compile + namespaces + links + rules), an allowed probe (CJ-AWS01 → CJ-VM01), a
// blocked probe (CJ-AWS02 → CJ-VM01, bounded by ping's wait), a TCP and a UDP probe against a listener
// on CJ-VM01 (port-probe.ts: the listener's start and bind, then the connect or the echoed datagram;
// python3 starts twice), an apply (case C's fix), and teardown.
// Targets (issue 6): build ≤ 3 s, allowed probe ≤ 50 ms, blocked probe bounded by the wait (0.5 s by
// default; within wait + 50 ms). `start` is the lab process's start (bundling included), before the build.
// Run: node bin/run-ts.cjs bench/lab.bench.ts [rounds] [netns|container]   (root, as the lab needs; the
// container backend also Docker and `npm run lab:image`, and its guests' busybox ping waits whole
// seconds, so its blocked probe waits 1 s)
import { articleCaseB, articleCaseC } from '../src/world/test-support';
import { compilePlan } from '../src/lab/compile-plan';
import { LabClient } from '../src/lab/lab-client';
import { pingArgv } from '../src/lab/ping';
import { probePorts, withListeners } from '../src/lab/port-probe-run';

const rounds = Number(process.argv[2] ?? 5);
const backend = process.argv[3] === 'container' ? 'container' : 'netns';
const waitSeconds = backend === 'container' ? 1 : 0.5;
const ping = (ip: string): string[] =>
  backend === 'container' ? ['ping', '-c', '1', '-W', String(waitSeconds), ip] : pingArgv(ip, { waitSeconds });
const targets = { build: 3000, allowed: 50, blocked: waitSeconds * 1000, tcp: 300, udp: 300 };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
};

async function main(): Promise<void> {
  const rows: Record<string, number[]> = {
    start: [],
    compile: [],
    build: [],
    allowed: [],
    blocked: [],
    tcp: [],
    udp: [],
    apply: [],
    teardown: [],
  };
  for (let i = 0; i < rounds; i++) {
    const [startMs, client] = await time(() => LabClient.start({ backend }));
    rows.start!.push(startMs);
    const [compileMs, plan] = await time(async () => compilePlan(articleCaseB()));
    const [buildMs] = await time(() => client.build(plan));
    const allowed: number[] = [];
    for (let k = 0; k < 10; k++) {
      const [ms, r] = await time(() => client.exec('CJ-AWS01', ping('192.168.100.10')));
      if (r.exitCode !== 0) throw new Error(`allowed probe failed: ${r.stdout}${r.stderr}`);
      allowed.push(ms);
    }
    const [blockedMs, blocked] = await time(() => client.exec('CJ-AWS02', ping('192.168.100.10')));
    if (blocked.exitCode === 0) throw new Error('the blocked probe passed');
    for (const protocol of ['tcp', 'udp'] as const) {
      const [ms, r] = await time(() =>
        withListeners(
          client,
          new Map([['CJ-VM01', { tcp: protocol === 'tcp' ? [443] : [], udp: protocol === 'udp' ? [53] : [] }]]),
          20,
          () => probePorts(client, 'CJ-AWS01', [{ protocol, ip: '192.168.100.10', port: protocol === 'tcp' ? 443 : 53 }], 3),
        ),
      );
      if (r.result[0]!.result !== 'open') throw new Error(`the ${protocol} probe was not open: ${r.result[0]!.result}`);
      rows[protocol]!.push(ms);
    }
    const [applyMs] = await time(() => client.apply(articleCaseC()));
    const [teardownMs] = await time(() => client.close());
    rows.compile!.push(compileMs);
    rows.build!.push(buildMs);
    rows.allowed!.push(median(allowed));
    rows.blocked!.push(blockedMs);
    rows.apply!.push(applyMs);
    rows.teardown!.push(teardownMs);
  }
  console.log(`lab benchmark (${backend} backend), article case B (5 namespaces, 4 veths), ${rounds} rounds, medians; probes over the RPC`);
  const line = (name: string, target?: number) => {
    const ms = median(rows[name]!);
    const ratio = target ? `   ${(ms / target).toFixed(3)} × the ${target} ms target (${ms <= target ? 'within' : 'OVER'})` : '';
    console.log(`${name.padEnd(9)} ${ms.toFixed(1).padStart(8)} ms${ratio}`);
  };
  line('start');
  line('compile');
  line('build', targets.build);
  line('allowed', targets.allowed);
  const blocked = median(rows.blocked!);
  console.log(
    `${'blocked'.padEnd(9)} ${blocked.toFixed(1).padStart(8)} ms   ${(blocked / targets.blocked).toFixed(3)} × the ${targets.blocked} ms wait (${blocked <= targets.blocked + targets.allowed ? 'bounded by it' : 'OVER the wait + 50 ms'})`,
  );
  line('tcp', targets.tcp);
  line('udp', targets.udp);
  line('apply');
  line('teardown');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
