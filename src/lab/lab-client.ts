// The parent's side of the lab: starts the lab process (`node bin/run-ts.cjs src/lab/lab-process.ts`),
// compiles worlds into plans here and sends them there, runs commands on nodes, and closes it. Requests
// are matched to responses by id, so probes can run in parallel. If this process dies, the lab process
// sees its stdin close and tears the lab down; if the lab process dies, its namespaces die with it.
// A started client is AsyncDisposable: `await using lab = await LabClient.start()` closes it at scope end.
import '../async-dispose';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { World } from '../world';
import { compilePlan } from './compile-plan';
import type { LabPlan } from './plan';
import type { ApplyReport, BuildReport, ExecResult, NamespaceInspection } from './backend';
import type { LabEvent, LabProgress, LabRequest, LabResponse, LabResults } from './lab-protocol';

export class LabUnavailableError extends Error {
  override readonly name = 'LabUnavailableError';
  constructor(readonly missing: string[]) {
    super(`the lab cannot start on this machine: missing ${missing.join('; ')}`);
  }
}

export class LabRemoteError extends Error {
  constructor(
    readonly remoteName: string,
    message: string,
  ) {
    super(message);
    this.name = remoteName === 'LabError' || remoteName === 'LabCommandError' ? remoteName : 'LabRemoteError';
  }
}

/** The repository root: the nearest folder above `start` holding bin/run-ts.cjs. */
export function labRepoRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'bin', 'run-ts.cjs')) && existsSync(join(dir, 'src', 'lab', 'lab-process.ts'))) return dir;
    if (dirname(dir) === dir) break;
  }
  return process.cwd();
}

export interface LabClientOptions {
  runId?: string;
  /** How long to wait for the lab process to say it is ready. */
  startTimeoutMs?: number;
  /** A command prefix the lab process is started under (e.g. `sudo -n`, or `setpriv --reuid …`). */
  launcher?: string[];
  /** What holds the namespaces: process anchors (default) or containers (Docker and the node image). */
  backend?: 'netns' | 'container';
}

type Request = { op: LabRequest['op'] } & Record<string, unknown>;

export interface LabExecOptions {
  /** The host's binaries in the node's network namespace (the container backend runs the guest's otherwise). */
  hostTools?: boolean;
  /** Called with the command's first output line as soon as it is printed (a listener saying it listens). */
  onReady?: (line: string) => void;
  /** Aborting kills the command; exec then resolves with what it printed so far. */
  signal?: AbortSignal;
}

export class LabClient implements AsyncDisposable {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; onReady?: (line: string) => void }
  >();
  private exited: string | undefined;
  private constructor(
    private readonly child: ChildProcess,
    readonly runId: string,
    readonly pid: number,
    readonly backend: 'netns' | 'container',
    private readonly stderr: { text: string },
  ) {}

  /** Starts a lab process; rejects with LabUnavailableError when the machine cannot run the lab. */
  static start(options: LabClientOptions = {}): Promise<LabClient> {
    const root = labRepoRoot();
    const args = [
      join(root, 'bin', 'run-ts.cjs'),
      join(root, 'src', 'lab', 'lab-process.ts'),
      ...(options.runId ? ['--run-id', options.runId] : []),
      '--backend',
      options.backend ?? 'netns',
    ];
    const [file, ...prefix] = [...(options.launcher ?? []), process.execPath];
    const env = { ...process.env, TESTCONTAINERS_RYUK_DISABLED: 'true' };
    const child = spawn(file!, [...prefix, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env });
    const stderr = { text: '' };
    child.stderr!.on('data', (b: Buffer) => void (stderr.text = (stderr.text + b.toString()).slice(-4000)));
    const lines = createInterface({ input: child.stdout! });
    return new Promise((resolve, reject) => {
      let client: LabClient | undefined;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the lab process did not start within ${options.startTimeoutMs ?? 20_000} ms: ${stderr.text.trim()}`));
      }, options.startTimeoutMs ?? 20_000);
      lines.on('line', (line) => {
        let msg: LabEvent | LabResponse | LabProgress;
        try {
          msg = JSON.parse(line) as LabEvent | LabResponse | LabProgress;
        } catch {
          return;
        }
        if ('event' in msg) {
          clearTimeout(timer);
          if (msg.event === 'unavailable') reject(new LabUnavailableError(msg.missing));
          else {
            client = new LabClient(child, msg.runId, msg.pid, msg.backend, stderr);
            resolve(client);
          }
          return;
        }
        if ('ready' in msg) client?.progress(msg);
        else client?.settle(msg);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        const why = `the lab process exited (${code ?? signal})${stderr.text.trim() ? `: ${stderr.text.trim()}` : ''}`;
        if (!client) reject(new Error(why));
        else client.fail(why);
      });
    });
  }

  private settle(msg: LabResponse): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new LabRemoteError(msg.error.name, msg.error.message));
  }

  private progress(msg: LabProgress): void {
    this.pending.get(msg.id)?.onReady?.(msg.ready);
  }

  private fail(why: string): void {
    this.exited = why;
    for (const p of this.pending.values()) p.reject(new Error(why));
    this.pending.clear();
  }

  private call<K extends keyof LabResults>(
    req: Request & { op: K },
    onReady?: (line: string) => void,
    onId?: (id: number) => void,
  ): Promise<LabResults[K]> {
    if (this.exited) return Promise.reject(new Error(this.exited));
    const id = this.nextId++;
    onId?.(id);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...(onReady ? { onReady } : {}) });
      this.child.stdin!.write(JSON.stringify({ ...req, id }) + '\n');
    });
  }

  /** Builds the lab for a world (or an already compiled plan). */
  build(world: World | LabPlan): Promise<BuildReport> {
    return this.call({ op: 'build', plan: 'namespaces' in world ? world : compilePlan(world) });
  }

  /** Brings the running lab in line with the world at once (rebuilds only when nodes or links changed). */
  apply(world: World | LabPlan): Promise<ApplyReport> {
    return this.call({ op: 'apply', plan: 'namespaces' in world ? world : compilePlan(world) });
  }

  /** Runs a command on a node; `timeoutMs` kills it (default 10 s). */
  exec(node: string, argv: readonly string[], timeoutMs?: number, options: LabExecOptions = {}): Promise<ExecResult> {
    const { onReady, signal, hostTools } = options;
    if (signal?.aborted) return Promise.resolve({ exitCode: null, stdout: '', stderr: '', durationMs: 0, timedOut: false });
    let id: number | undefined;
    const cancel = (): void => void (id !== undefined && this.call({ op: 'cancel', target: id }).catch(() => undefined));
    signal?.addEventListener('abort', cancel, { once: true });
    const request = {
      op: 'exec' as const,
      node,
      argv: [...argv],
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(hostTools ? { hostTools: true } : {}),
      ...(onReady ? { ready: true } : {}),
    };
    return this.call(request, onReady, (n) => void (id = n)).finally(() => signal?.removeEventListener('abort', cancel));
  }

  inspect(node: string): Promise<NamespaceInspection> {
    return this.call({ op: 'inspect', node });
  }

  /** Tears the lab down and ends the lab process (killed if it does not end within 5 s). */
  async close(): Promise<void> {
    if (!this.exited) await this.call({ op: 'close' }).catch(() => undefined);
    const gone = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }

  /** close(), for `await using`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** The lab process's recent stderr (for diagnostics). */
  get log(): string {
    return this.stderr.text;
  }
}
