// What a lab leaves on the machine, found by its label: anchor processes (argv[0]
// `vmc-reach-lab:<run>:<node>`) and therefore namespaces, and host links carrying the label as alias.
// Used to prove that nothing is left, and to remove anchors whose lab process died without pdeathsig
// having done it (they are reparented to init).
import { readdirSync, readFileSync } from 'node:fs';

export const labelPrefix = 'vmc-reach-lab';

/** The label of a lab's interfaces and anchors. */
export const runLabel = (runId: string): string => `${labelPrefix}:${runId}`;

export interface LabProcess {
  pid: number;
  ppid: number;
  label: string;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Anchor processes of one run (or of every run). */
export function labProcesses(runId?: string): LabProcess[] {
  const want = runId === undefined ? `${labelPrefix}:` : `${runLabel(runId)}:`;
  const out: LabProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const argv0 = read(`/proc/${entry}/cmdline`)?.split('\0')[0];
    if (!argv0?.startsWith(want)) continue;
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(read(`/proc/${entry}/status`) ?? '')?.[1] ?? 0);
    out.push({ pid: Number(entry), ppid, label: argv0 });
  }
  return out;
}

/** Kills anchors whose lab process is gone (parent is init). Returns how many. */
export function sweepOrphanedAnchors(): number {
  let n = 0;
  for (const p of labProcesses()) {
    if (p.ppid !== 1) continue;
    try {
      process.kill(p.pid, 'SIGKILL');
      n++;
    } catch {
      // already gone
    }
  }
  return n;
}
