// The lab process's RPC: JSON lines over stdio. The lab runs in a child process of its own (Docker calls
// and MSW must never share a process, design §6); its parent sends requests on stdin and reads one
// event line (`ready` or `unavailable`) and then one response per request on stdout, matched by id.
// Requests may overlap (probes run in parallel); build, apply and close are carried out one at a time.
// An exec may ask to hear its command's first output line as soon as it is printed (`ready`: a
// listener saying it listens), as a progress line `{ id, ready }` before its response, and may be
// cancelled by a later `cancel` request naming its id (the command is killed; the exec then answers
// with what it printed).
// build and apply carry the compiled plan (plain JSON; LabClient compiles it from the World in the
// caller's process), so the lab process holds no world and the caller keeps one source of truth.
import type { LabPlan } from './plan';
import type { ApplyReport, BuildReport, ExecResult, NamespaceInspection } from './backend';

export type LabRequest =
  | { id: number; op: 'build'; plan: LabPlan }
  | { id: number; op: 'apply'; plan: LabPlan }
  | { id: number; op: 'exec'; node: string; argv: string[]; timeoutMs?: number; hostTools?: boolean; ready?: boolean }
  | { id: number; op: 'cancel'; target: number }
  | { id: number; op: 'inspect'; node: string }
  | { id: number; op: 'close' };

export interface LabResults {
  build: BuildReport;
  apply: ApplyReport;
  exec: ExecResult;
  inspect: NamespaceInspection;
  close: null;
  cancel: null;
}

/** An exec's first output line, sent when the exec asked for it. */
export type LabProgress = { id: number; ready: string };

export type LabResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { name: string; message: string } };

export type LabEvent =
  { event: 'ready'; runId: string; pid: number; backend: 'netns' | 'container' } | { event: 'unavailable'; missing: string[] };
