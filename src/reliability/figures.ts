// The figures the reliability command prints for the fault and signal matrices: points run, how the
// faults were rendered, run outcomes, leaks, exact restores of the default SG, and every failing point.
import type { FaultPoint } from './fault-matrix';
import type { SignalPoint } from './signal-matrix';
import { cliPointOk, type CliSignalPoint } from './cli-signal-point';

const notApplicable = (p: FaultPoint): boolean => /FaultNotApplicable/.test(p.error ?? '');

export function formatFaultFigures(points: readonly FaultPoint[], wallMs: number): { text: string; problems: number } {
  const kinds = [...new Set(points.map((p) => p.fault))];
  const indexes = new Set(points.map((p) => p.index)).size;
  const lines = [
    `fault matrix: ${kinds.length} faults × ${indexes} call indexes = ${points.length} runs (${(wallMs / 1000).toFixed(1)} s)`,
  ];
  for (const k of kinds) {
    const ps = points.filter((p) => p.fault === k);
    const count = (o: FaultPoint['outcome']): number => ps.filter((p) => p.outcome === o).length;
    lines.push(
      `  ${k.padEnd(13)} fired ${ps.filter((p) => p.fired).length}/${ps.length} (${ps.filter(notApplicable).length} refused by the mock as not applicable to that AWS call); runs passed ${count('passed')}, failed a probe ${count('failed')}, aborted ${count('error')}; leaks ${ps.filter((p) => p.leaks.length).length}; default SG restored exactly ${ps.filter((p) => p.defaultSgRestored).length}/${ps.length}`,
    );
  }
  const bad = points.filter((p) => !p.fired || p.leaks.length > 0 || !p.defaultSgRestored);
  for (const p of bad)
    lines.push(
      `  PROBLEM ${p.fault} at #${p.index} ${p.call}: ${p.fired ? '' : 'fault not fired; '}${p.leaks.join('; ')}${p.defaultSgRestored ? '' : ' default SG not restored'}`,
    );
  lines.push(
    `  total: ${points.length} runs, ${points.filter((p) => p.leaks.length).length} leaks, ${points.filter((p) => p.defaultSgRestored).length} exact restores`,
  );
  return { text: lines.join('\n'), problems: bad.length };
}

export function formatSignalFigures(points: readonly SignalPoint[], wallMs: number): { text: string; problems: number } {
  const signals = [...new Set(points.map((p) => p.signal))];
  const indexes = new Set(points.map((p) => p.index)).size;
  const lines = [
    `signal matrix: ${signals.length} signals × ${indexes} call indexes = ${points.length} runs (child processes, world served by the parent; ${(wallMs / 1000).toFixed(1)} s)`,
  ];
  for (const s of signals) {
    const ps = points.filter((p) => p.signal === s);
    const how =
      s === 'SIGKILL'
        ? `reap --run --yes exit 0 ${ps.filter((p) => p.reapCode === 0).length}/${ps.length}`
        : `torn down and exited ${s === 'SIGINT' ? 130 : 143} ${ps.filter((p) => p.handled).length}/${ps.length}`;
    lines.push(
      `  ${s.padEnd(7)} sent ${ps.filter((p) => p.sent).length}/${ps.length}; ${how}; leaks ${ps.filter((p) => p.leaks.length).length}; default SG restored exactly ${ps.filter((p) => p.defaultSgRestored).length}/${ps.length}`,
    );
  }
  const bad = points.filter(
    (p) => !p.sent || !p.handled || p.leaks.length > 0 || !p.defaultSgRestored || (p.signal === 'SIGKILL' && p.reapCode !== 0),
  );
  for (const p of bad)
    lines.push(
      `  PROBLEM ${p.signal} at #${p.index} ${p.call}: exit ${p.exitCode ?? p.exitSignal}${p.reapCode !== undefined ? `, reap ${p.reapCode}` : ''}; ${p.leaks.join('; ')}${p.defaultSgRestored ? '' : ' default SG not restored'}`,
    );
  lines.push(
    `  total: ${points.length} runs, ${points.filter((p) => p.leaks.length).length} leaks, ${points.filter((p) => p.defaultSgRestored).length} exact restores`,
  );
  return { text: lines.join('\n'), problems: bad.length };
}

export function formatCliSignalFigures(points: readonly CliSignalPoint[], wallMs: number): { text: string; problems: number } {
  const steps = new Set(points.map((p) => p.at)).size;
  const lines = [
    `signals to the real \`vmc-reach run\` (spawned CLI, embedded mock): ${new Set(points.map((p) => p.signal)).size} signals × ${steps} progress steps = ${points.length} runs (${(wallMs / 1000).toFixed(1)} s)`,
  ];
  for (const s of [...new Set(points.map((p) => p.signal))]) {
    const ps = points.filter((p) => p.signal === s);
    lines.push(
      `  ${s.padEnd(7)} sent ${ps.filter((p) => p.sent).length}/${ps.length}; exited ${s === 'SIGINT' ? 130 : 143} ${ps.filter((p) => p.exitSignal === null && p.exitCode === (s === 'SIGINT' ? 130 : 143)).length}/${ps.length}; world left changed ${ps.filter((p) => (p.leftovers ?? ['no check']).length > 0).length}; ledger entries not removed ${ps.reduce((n, p) => n + p.ledgerLeft.length, 0)}; report says what was torn down ${ps.filter((p) => p.reportSaysTornDown && p.tornDown.reported === p.tornDown.owned).length}/${ps.length}`,
    );
  }
  const bad = points.filter((p) => !cliPointOk(p));
  for (const p of bad)
    lines.push(
      `  PROBLEM ${p.signal} on "${p.at}": exit ${p.exitCode ?? p.exitSignal}; world ${p.leftovers === undefined ? 'not checked' : p.leftovers.join('; ') || 'unchanged'}; ledger ${p.ledgerLeft.join(', ') || 'clean'}; torn down ${p.tornDown.reported}/${p.tornDown.owned}; report ${p.reportSaysTornDown ? 'ok' : 'silent'}`,
    );
  return { text: lines.join('\n'), problems: bad.length };
}
