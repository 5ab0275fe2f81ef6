// The lab backend: realizes a LabPlan as network namespaces on this machine (root needed), each held by a
// NodeRuntime: a process anchor (default) or a container (container-runtime.ts). Build: one holder per
// namespace, the veth pairs created straight into their namespaces from the host (`ip link add … netns
// <pid> type veth peer … netns <pid>`; no uplink, no bridge, no NAT), then each namespace's setup script
// under `nsenter -t <pid> -n`. Apply: the policy script of every namespace that changed, a rebuild when
// the shape changed, and conntrack flushed. Exec: the runtime's (the host's binaries under `nsenter -n`,
// or the container's own). Close, and any failure during build, remove the holders: the namespaces and
// their veths go with them. A lab is AsyncDisposable: `await using lab = new NetnsLab()` closes it.
import '../async-dispose';
import { randomBytes } from 'node:crypto';
import type { ApplyReport, BuildReport, ExecOptions, ExecResult, NamespaceInspection } from './backend';
import { processAnchors, type NodeHost, type NodeRuntime } from './node-runtime';
import { findNode, policyKey, structureKey, type LabPlan, type NamespacePlan } from './plan';
import { policyScript, setupScript } from './render-script';
import { mustRun, runCommand, runningCommands } from './run-command';
import { runLabel } from './leftovers';

export class LabError extends Error {
  override readonly name = 'LabError';
}

export const newRunId = (): string => randomBytes(4).toString('hex');

export class NetnsLab implements AsyncDisposable {
  private plan: LabPlan | undefined;
  private anchors = new Map<string, NodeHost>();

  constructor(
    readonly runId: string = newRunId(),
    private readonly runtime: NodeRuntime = processAnchors,
  ) {}

  get backend(): NodeRuntime['kind'] {
    return this.runtime.kind;
  }

  get current(): LabPlan | undefined {
    return this.plan;
  }

  /** The pid whose network namespace is the node's (for nsenter). */
  pidOf(ref: string): number {
    const ns = this.plan && findNode(this.plan, ref);
    const anchor = ns && this.anchors.get(ns.name);
    if (!ns || !anchor)
      throw new LabError(
        `no lab node "${ref}"${this.plan ? `; nodes: ${this.plan.namespaces.map((n) => (n.endpoint ? `${n.name} (${n.endpoint.name}, ${n.endpoint.ip})` : n.name)).join(', ')}` : ' (the lab is not built)'}`,
      );
    return anchor.pid;
  }

  async build(plan: LabPlan): Promise<BuildReport> {
    if (this.plan) throw new LabError('the lab is already built; use apply() to change it');
    const started = performance.now();
    try {
      await this.realize(plan);
    } catch (e) {
      await this.close();
      throw e;
    }
    return { runId: this.runId, namespaces: plan.namespaces.length, links: plan.links.length, durationMs: performance.now() - started };
  }

  private async realize(plan: LabPlan): Promise<void> {
    const label = runLabel(this.runId);
    this.plan = plan;
    const results = await Promise.allSettled(
      plan.namespaces.map(async (ns) => {
        const host = await this.runtime.start(`${label}:${ns.name}`, this.runId, ns.name);
        this.anchors.set(ns.name, host);
      }),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const pid = (name: string): number => this.anchors.get(name)!.pid;
    if (plan.links.length > 0) {
      const lines = plan.links.map(
        (l) => `link add name ${l.a.ifname} netns ${pid(l.a.namespace)} type veth peer name ${l.b.ifname} netns ${pid(l.b.namespace)}`,
      );
      await mustRun('creating the lab links', 'ip', ['-batch', '-'], { input: lines.join('\n') + '\n' });
    }
    await Promise.all(plan.namespaces.map((ns) => this.script(ns, setupScript(ns, label), 'setting up')));
  }

  private async script(ns: NamespacePlan, text: string, what: string): Promise<void> {
    const r = await runCommand('nsenter', ['-t', String(this.anchors.get(ns.name)!.pid), '-n', '--', 'sh', '-s'], {
      input: text,
      timeoutMs: 30_000,
    });
    if (r.exitCode !== 0)
      throw new LabError(`${what} namespace ${ns.name} failed (${r.timedOut ? 'timed out' : `exit ${r.exitCode}`}): ${r.stderr.trim()}`);
  }

  async apply(plan: LabPlan): Promise<ApplyReport> {
    const started = performance.now();
    const previous = this.plan;
    if (!previous || structureKey(previous) !== structureKey(plan)) {
      if (previous) await this.close();
      await this.build(plan);
      return { rebuilt: true, changed: plan.namespaces.map((n) => n.name), durationMs: performance.now() - started };
    }
    const before = new Map(previous.namespaces.map((n) => [n.name, n]));
    this.plan = plan;
    const changed: string[] = [];
    try {
      await Promise.all(
        plan.namespaces.map((ns) => {
          const old = before.get(ns.name)!;
          const differs = policyKey(old) !== policyKey(ns);
          if (differs) changed.push(ns.name);
          const text = differs
            ? 'set -e\n' + policyScript(ns, old, { flushConntrack: true })
            : 'ip neigh flush all\nconntrack -F >/dev/null 2>&1 || true\n';
          return this.script(ns, text, 'applying changes to');
        }),
      );
    } catch (e) {
      await this.close();
      throw new LabError(`${e instanceof Error ? e.message : String(e)}; the lab was closed (build it again)`);
    }
    return { rebuilt: false, changed: changed.sort(), durationMs: performance.now() - started };
  }

  async exec(node: string, argv: readonly string[], timeoutMs = 10_000, options: ExecOptions = {}): Promise<ExecResult> {
    if (argv.length === 0) throw new LabError('exec needs a command');
    this.pidOf(node); // a clear error for an unknown node
    return this.runtime.exec(this.anchors.get(findNode(this.plan!, node)!.name)!, argv, timeoutMs, options);
  }

  async inspect(node: string): Promise<NamespaceInspection> {
    const pid = String(this.pidOf(node));
    const ip = async (...args: string[]) => (await mustRun(`inspecting ${node}`, 'nsenter', ['-t', pid, '-n', '--', 'ip', ...args])).stdout;
    const [links, addresses, routes, rules] = await Promise.all([
      ip('-d', '-o', 'link', 'show'),
      ip('-o', 'addr', 'show'),
      ip('route', 'show', 'table', 'all'),
      ip('rule', 'show'),
    ]);
    return { namespace: findNode(this.plan!, node)!.name, links, addresses, routes, rules };
  }

  /** Removes the namespaces' holders (and ends any command still running in the lab); resolves when they are gone. */
  async close(): Promise<void> {
    const hosts = [...this.anchors.values()];
    const pids = hosts.map((a) => a.pid);
    this.anchors = new Map();
    this.plan = undefined;
    for (const c of runningCommands) if (c.spawnargs[0] === 'nsenter' && pids.includes(Number(c.spawnargs[2]))) c.kill('SIGKILL');
    await Promise.allSettled(hosts.map((h) => h.close()));
  }

  /** close(), for `await using`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
