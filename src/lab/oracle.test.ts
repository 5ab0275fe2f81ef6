// The oracle (design §6): generated configurations (fast-check, seeded), every flow of each judged by the
// engine and by real packets through a lab built from the same world; they must agree on every flow.
// ICMP configurations are judged by real pings; TCP/UDP configurations by real connects and datagrams
// against listeners on the destinations, from the flows' own source ports (port rules, ranges, NSX
// services with source ports, and NACLs on the replies' ephemeral ports); a TCP RST must come from a
// REJECT rule of the engine's verdict (listeners wait behind every probed port). A disagreement is shrunk to a
// minimal configuration, written as a snapshot (its path printed with the flow, so `vmc-reach reproduce`
// can replay it), and fails the test. Several labs share the work. 200 ICMP and 200 TCP/UDP configurations
// under `npm run test:full` (which CI runs), the first 10 of each (same seed) in `npm test`;
// LAB_ORACLE_RUNS and LAB_ORACLE_PORT_RUNS set other counts, LAB_ORACLE_SEED the seed.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { writeSnapshot } from '../snapshot';
import type { Flow } from '../network/flow';
import { runCount } from '../world/test-support/run-counts';
import { LabClient } from './lab-client';
import { describeLab } from './test-support/lab-env';
import {
  disagrees,
  judge,
  minimize,
  oracleConfigArb,
  oracleWorld,
  portOracleConfigArb,
  type FlowOutcome,
  type OracleConfig,
} from './test-support/oracle';

const seed = Number(process.env.LAB_ORACLE_SEED ?? 20261125);
const labCount = 3;
const waitSeconds = 0.3;

const describeRef = (r: Flow['source']): string => (r.kind === 'instance' ? r.instanceId : r.externalId);
const describeFlow = (f: Flow): string =>
  `${describeRef(f.source)} → ${describeRef(f.destination)} (${f.protocol === 'tcp' || f.protocol === 'udp' ? `${f.protocol} ${f.sourcePort} → ${f.port}` : 'icmp'})`;
const describeLab_ = (o: FlowOutcome): string =>
  o.lab.result ? o.lab.stdout : o.lab.reachable ? 'reachable' : `blocked (ping exit ${o.lab.exitCode})`;

async function runOracle(kind: string, arb: fc.Arbitrary<OracleConfig>, numRuns: number): Promise<void> {
  const configs = fc.sample(arb, { seed, numRuns });
  const labs = await Promise.all(Array.from({ length: labCount }, () => LabClient.start()));
  const started = performance.now();
  const failures: { index: number; config: OracleConfig; outcome: FlowOutcome }[] = [];
  const reports: string[] = [];
  let flows = 0;
  let reachable = 0;
  let refused = 0;
  try {
    let next = 0;
    await Promise.all(
      labs.map(async (lab) => {
        while (next < configs.length) {
          const index = next++;
          const { world, flows: judged } = oracleWorld(configs[index]!);
          for (const outcome of await judge(lab, world, judged, waitSeconds)) {
            flows++;
            if (outcome.engine.reachable) reachable++;
            if (outcome.lab.result === 'refused' && outcome.flow.protocol === 'tcp') refused++;
            if (disagrees(outcome)) failures.push({ index, config: configs[index]!, outcome });
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    console.log(
      `[oracle] ${configs.length} ${kind} configurations, ${flows} flows (${reachable} reachable, ${flows - reachable} blocked), ${flows - failures.length} agree, ${failures.length} disagree${kind === 'ICMP' ? '' : ` (${refused} TCP connects refused by a RST, each at a REJECT rule of the engine's verdict)`}; ${elapsed.toFixed(1)} s on ${labCount} labs; seed ${seed}`,
    );
    for (const f of failures.slice(1, 10))
      reports.push(
        `configuration ${f.index}: ${describeFlow(f.outcome.flow)}: engine ${f.outcome.engine.reachable ? 'reachable' : f.outcome.engine.blockedBy?.code}, lab ${describeLab_(f.outcome)}`,
      );
    for (const f of failures.slice(0, 1)) {
      const small = await minimize(labs[0]!, f.config, f.outcome.flow, waitSeconds);
      const { world } = oracleWorld(small);
      const dir = await writeSnapshot(world, await mkdtemp(join(tmpdir(), 'vmc-reach-oracle-')), {
        description: `oracle disagreement: ${kind} configuration ${f.index} of seed ${seed}, minimized`,
      });
      const [again] = await judge(labs[0]!, world, [f.outcome.flow], waitSeconds);
      const e = again!.engine;
      reports.push(
        `configuration ${f.index}: ${describeFlow(f.outcome.flow)}: engine ${e.reachable ? 'reachable' : `blocked (${e.blockedBy?.code} ${e.blockedBy?.direction} ${e.blockedBy?.resource.id})`}, ` +
          `lab ${describeLab_(again!)}; minimal snapshot: ${dir} ` +
          `(npx vmc-reach reproduce ${dir} --from ${describeRef(f.outcome.flow.source)} --to ${describeRef(f.outcome.flow.destination)}); configuration: ${JSON.stringify(small)}`,
      );
    }
  } finally {
    await Promise.all(labs.map((l) => l.close()));
  }
  expect(reports).toEqual([]);
  expect(failures.length).toBe(0);
}

describeLab('oracle: the engine and real packets agree', () => {
  const icmpRuns = runCount(200, 10, 'LAB_ORACLE_RUNS');
  const portRuns = runCount(200, 10, 'LAB_ORACLE_PORT_RUNS');
  // Time limits grow with the counts (a TCP/UDP configuration takes about 2 s of one lab on a loaded 2-core machine).
  test(
    `every ICMP flow of ${icmpRuns} generated configurations (seed ${seed})`,
    () => runOracle('ICMP', oracleConfigArb, icmpRuns),
    60_000 + icmpRuns * 1_000,
  );
  test(
    `every TCP and UDP flow of ${portRuns} generated configurations (seed ${seed})`,
    () => runOracle('TCP/UDP', portOracleConfigArb, portRuns),
    120_000 + portRuns * 4_000,
  );
});
