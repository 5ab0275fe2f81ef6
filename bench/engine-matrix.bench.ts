// Benchmark: the full instance × VM matrix, both directions, on generated worlds of three sizes.
// Prints time per size and the per-verdict cost as a ratio against the smallest size (≈1.0 = linear).
// Target (issue 2): the full size (1,000 × 200 × 2 = 400,000 verdicts) in ≤ 2 s on a 2-core machine.
import { evaluateMatrix, iterateMatrix } from '../src/network';
import { buildLargeWorld, fullSize, type LargeWorldSize } from '../src/world/test-support/large-world';

const scales = [0.25, 0.5, 1];
const targetMs = 2000;

function sized(scale: number): LargeWorldSize {
  return { ...fullSize, instances: Math.round(fullSize.instances * scale), vms: Math.round(fullSize.vms * scale) };
}

function run(): void {
  const rows: { size: LargeWorldSize; verdicts: number; ms: number; reachable: number; buildMs: number }[] = [];
  for (const scale of scales) {
    const size = sized(scale);
    const t0 = performance.now();
    const world = buildLargeWorld(size);
    const buildMs = performance.now() - t0;
    evaluateMatrix(buildLargeWorld(sized(0.05))); // warm the JIT on a tiny world
    const t1 = performance.now();
    // Verdicts are consumed as they come (as `reproduce --all` prints them), so the figure is the
    // engine's cost, not the cost of holding 400,000 hop lists at once.
    let count = 0;
    let reachable = 0;
    for (const v of iterateMatrix(world)) {
      count++;
      if (v.reachable) reachable++;
    }
    const ms = performance.now() - t1;
    rows.push({ size, verdicts: count, ms, reachable, buildMs });
  }
  const base = rows[0]!;
  const perVerdict = (r: (typeof rows)[number]): number => r.ms / r.verdicts;
  console.log('engine matrix benchmark (both directions, ICMP echo)');
  console.log('instances × VMs   verdicts   reachable   matrix ms   µs/verdict   per-verdict ratio vs smallest   (world build ms)');
  for (const r of rows) {
    console.log(
      `${`${r.size.instances} × ${r.size.vms}`.padEnd(17)} ${String(r.verdicts).padStart(8)}   ${String(r.reachable).padStart(9)}   ${r.ms.toFixed(0).padStart(9)}   ${(perVerdict(r) * 1000).toFixed(2).padStart(10)}   ${(perVerdict(r) / perVerdict(base)).toFixed(2).padStart(29)}   ${r.buildMs.toFixed(0).padStart(16)}`,
    );
  }
  const full = rows[rows.length - 1]!;
  console.log(
    `full matrix: ${full.ms.toFixed(0)} ms for ${full.verdicts} verdicts = ${(full.ms / targetMs).toFixed(2)} × the ${targetMs} ms target (${full.ms <= targetMs ? 'within' : 'OVER'} target)`,
  );
  console.log(`heap used after the run: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
}

run();
