// Runs one scenario end to end: connect and discover, provision (ledger first), then each step in order
// (changes; probes through SSM, each judged against the expectation and against the engine's verdict on
// the configuration discovered through the APIs; retried per `probe.retries` when it could not run or
// packets and configuration disagree), and always tear down. Returns the ScenarioResult.
import { createAwsClients } from '../../clients/aws';
import { createVmcClient } from '../../clients/vmc';
import { type EndpointRef as EngineRef, type Verdict } from '../../network';
import { configurationVerdict } from './configuration-verdict';
import type { EndpointRef, ProbeKind, ProbeStep, ScenarioSpec } from '../dsl/spec';
import { discoverConfiguration, type DiscoveredConfiguration } from '../../target/discovery/discover-world';
import { Ledger } from '../../target/ledger';
import { runPingProbe } from '../probes/run-ping';
import { runPortProbe } from '../probes/run-port-probe';
import { portReachability } from './port-reachability';
import type { Observation, ProbeAttempt, ProbeEndpoint, ProbeRecord, ScenarioResult } from '../../target/results';
import type { TargetSettings } from '../../target/target';
import type { World } from '../../world';
import { realClock, type Clock } from '../../target/wait';
import { applyChange } from './apply-change';
import { judge } from './compare';
import { attemptWithRetries } from './probe-retry';
import { emptyProvisioned, type Provisioned } from './provisioned';
import { provisionStages, type LedgerType } from '../resources';
import { adoptConnectedVpc } from '../resources/vpc';
import { readVpcAddresses, resolveScenario } from './resolve-addresses';
import type { RunContext } from './run-context';
import { teardown } from './teardown';

export interface RunScenarioOptions {
  runId: string;
  settings: TargetSettings;
  /** Folder that holds `.vmc-reach/runs/` (the ledgers). */
  root: string;
  clock?: Clock;
  log?: (line: string) => void;
  file?: string;
  timeouts?: Partial<RunContext['timeouts']>;
  /** Aborted (e.g. on SIGINT/SIGTERM): the call in flight finishes, no further step starts, teardown runs. */
  signal?: AbortSignal;
  /**
   * Each discovered configuration as read into a world (the one of `result.discovered` is the last):
   * `vmc-reach run`'s workers draw the evidence pack's topology from it instead of reading the files again.
   */
  onDiscovered?: (world: World) => void;
}

const defaultTimeouts: RunContext['timeouts'] = { instanceMs: 10 * 60_000, ssmOnlineMs: 10 * 60_000, routeMs: 5 * 60_000 };

function endpointOf(
  ref: EndpointRef,
  out: Provisioned,
): ProbeEndpoint & { engine: EngineRef; node?: string; os: 'linux' | 'windows'; unavailable?: string } {
  if (ref.kind === 'instance') {
    const i = out.instances.get(ref.name)!;
    return {
      name: ref.name,
      kind: 'instance',
      id: i.instanceId,
      ip: i.privateIp,
      engine: { kind: 'instance', instanceId: i.instanceId },
      os: 'linux',
      node: i.instanceId,
      ...(i.ssm.ready ? {} : { unavailable: i.ssm.why }),
    };
  }
  const v = out.vms.get(ref.name)!;
  return {
    name: ref.name,
    kind: 'vm',
    id: v.externalId,
    ip: v.ip,
    engine: { kind: 'vm', externalId: v.externalId },
    os: v.os,
    ...(v.nodeId ? { node: v.nodeId } : { unavailable: v.unavailable ?? `VM ${ref.name} is not an SSM managed node` }),
  };
}

async function observe(
  ctx: RunContext,
  from: ReturnType<typeof endpointOf>,
  to: ReturnType<typeof endpointOf>,
  kind: ProbeKind,
): Promise<Observation> {
  if (from.unavailable || !from.node) {
    return {
      kind: 'infra-error',
      error: `the probe cannot run from ${from.name}: ${from.unavailable}`,
      command: '(not sent)',
      transcriptOrigin: ctx.settings.transcripts,
      tookMs: 0,
      apiCalls: 0,
    };
  }
  if (kind.protocol !== 'icmp') return observePort(ctx, from, to, kind);
  const r = await runPingProbe(ctx.aws.ssm, {
    nodeId: from.node,
    os: from.os,
    targetIp: to.ip,
    count: ctx.settings.probe.count,
    timeoutSeconds: ctx.settings.probe.timeoutSeconds,
    clock: ctx.clock,
  });
  return r.kind === 'ran'
    ? {
        kind: 'ran',
        reachable: r.ping.received > 0,
        sent: r.ping.sent,
        received: r.ping.received,
        rttMs: r.ping.rttMs,
        command: r.command,
        exitCode: r.exitCode,
        status: r.status,
        transcript: r.stdout + (r.stderr ? `\n[stderr]\n${r.stderr}` : ''),
        transcriptOrigin: ctx.settings.transcripts,
        tookMs: r.durationMs,
        apiCalls: r.apiCalls,
      }
    : {
        kind: 'infra-error',
        error: r.error,
        command: r.command,
        ...(r.stdout || r.stderr ? { transcript: `${r.stdout ?? ''}${r.stderr ? `\n[stderr]\n${r.stderr}` : ''}` } : {}),
        transcriptOrigin: ctx.settings.transcripts,
        tookMs: r.durationMs,
        apiCalls: r.apiCalls,
      };
}

/** A TCP/UDP probe; `reachable` is judged from the answer here and refined with the verdict (see port-reachability.ts). */
async function observePort(
  ctx: RunContext,
  from: ReturnType<typeof endpointOf>,
  to: ReturnType<typeof endpointOf>,
  kind: Exclude<ProbeKind, { protocol: 'icmp' }>,
): Promise<Observation> {
  const listen = kind.protocol === 'udp' || kind.listen;
  if (listen && (to.unavailable || !to.node)) {
    return {
      kind: 'infra-error',
      error: `the ${kind.protocol.toUpperCase()} probe needs a listener on ${to.name}, which cannot run commands: ${to.unavailable ?? 'not an SSM managed node'}`,
      command: '(not sent)',
      transcriptOrigin: ctx.settings.transcripts,
      tookMs: 0,
      apiCalls: 0,
    };
  }
  // The mock runs a script the moment its invocation starts: no time to bind, no grace to wait out.
  const mock = ctx.settings.kind === 'mock';
  const r = await runPortProbe(ctx.aws.ssm, {
    protocol: kind.protocol,
    port: kind.port,
    listen,
    from: { nodeId: from.node!, os: from.os },
    to: { nodeId: to.node ?? '', os: to.os, ip: to.ip },
    timeoutSeconds: ctx.settings.probe.portTimeoutSeconds,
    clock: ctx.clock,
    ...(mock ? { settleMs: 0, listenerGraceMs: 100 } : {}),
  });
  const listenerText = r.listener ? `\n[listener on ${to.name}: ${r.listener.command}]\n${r.listener.transcript}` : '';
  if (r.kind === 'infra-error') {
    const text = `${r.stdout ?? ''}${r.stderr ? `\n[stderr]\n${r.stderr}` : ''}${listenerText}`;
    return {
      kind: 'infra-error',
      error: r.error,
      command: r.command,
      ...(text ? { transcript: text } : {}),
      transcriptOrigin: ctx.settings.transcripts,
      tookMs: r.durationMs,
      apiCalls: r.apiCalls,
    };
  }
  const port = {
    protocol: kind.protocol,
    port: kind.port,
    outcome: r.outcome,
    detail: r.detail,
    ...(r.listener
      ? {
          listener: {
            command: r.listener.command,
            heard: r.listener.heard,
            ...(r.listener.peer ? { peer: r.listener.peer } : {}),
            transcript: r.listener.transcript,
            ...(r.listener.cancelled ? { cancelled: true } : {}),
          },
        }
      : {}),
  };
  const { reachable, judged } = portReachability(port, listen, null);
  return {
    kind: 'ran',
    reachable,
    sent: 1,
    received: r.outcome === 'open' ? 1 : 0,
    rttMs: null,
    command: r.command,
    exitCode: r.exitCode,
    status: r.status,
    transcript: r.stdout + (r.stderr ? `\n[stderr]\n${r.stderr}` : '') + listenerText,
    transcriptOrigin: ctx.settings.transcripts,
    tookMs: r.durationMs,
    apiCalls: r.apiCalls,
    port: { ...port, judged },
  };
}

/** With the configuration's verdict known, a refusal a REJECT rule explains is not proof of an open path. */
function refineWithVerdict(observed: Observation, kind: ProbeKind, verdict: Verdict | null): Observation {
  if (observed.kind !== 'ran' || !observed.port || kind.protocol === 'icmp') return observed;
  const { reachable, judged } = portReachability(observed.port, kind.protocol === 'udp' || kind.listen, verdict);
  return { ...observed, reachable, port: { ...observed.port, judged } };
}

async function probe(
  ctx: RunContext,
  step: ProbeStep,
  out: Provisioned,
  discover: () => Promise<DiscoveredConfiguration>,
): Promise<ProbeRecord> {
  const started = ctx.clock.now();
  const startedAt = new Date().toISOString();
  const from = endpointOf(step.from, out);
  const to = endpointOf(step.to, out);
  const kind: ProbeKind = step.probe ?? { protocol: 'icmp' };
  let verdict: Verdict | null = null;
  const attempt = async (): Promise<ProbeAttempt> => {
    const t0 = ctx.clock.now();
    const at = new Date().toISOString();
    const raw = await observe(ctx, from, to, kind);
    const config = await discover();
    const { verdict: v, unevaluated } = configurationVerdict(config.world, from.engine, to.engine, kind);
    verdict = v;
    const observed = refineWithVerdict(raw, kind, verdict);
    const judged = judge(step.expect, observed, verdict);
    if (unevaluated) judged.reasons = [...judged.reasons, unevaluated];
    return { observed, ...judged, startedAt: at, durationMs: ctx.clock.now() - t0 };
  };
  const { last, previous } = await attemptWithRetries(ctx.settings.probe.retries ?? 0, attempt, (failed, n) =>
    ctx.log(`probe ${step.label}: attempt ${n} ${failed.outcome} (${failed.reasons.join('; ')}), retrying`),
  );
  const strip = ({ engine: _e, node: _n, os: _o, unavailable: _u, ...rest }: ReturnType<typeof endpointOf>): ProbeEndpoint => rest;
  return {
    scenario: ctx.scenario,
    label: step.label,
    from: strip(from),
    to: strip(to),
    probe:
      kind.protocol === 'icmp'
        ? { protocol: 'icmp' }
        : { protocol: kind.protocol, port: kind.port, ...(kind.protocol === 'tcp' ? { listen: kind.listen } : { listen: true }) },
    expected: {
      reachable: step.expect.reachable,
      ...(step.expect.blockedBy ? { blockedBy: step.expect.blockedBy } : {}),
      ...(step.expect.probeError ? { probeError: String(step.expect.probeError) } : {}),
    },
    observed: last.observed,
    verdict,
    agreement: last.agreement,
    outcome: last.outcome,
    reasons: last.reasons,
    attempts: previous.length + 1,
    ...(previous.length ? { previousAttempts: previous } : {}),
    startedAt,
    durationMs: ctx.clock.now() - started,
  };
}

export async function runScenario(declared: ScenarioSpec, o: RunScenarioOptions): Promise<ScenarioResult> {
  const clock = o.clock ?? realClock;
  const log = o.log ?? (() => undefined);
  const started = clock.now();
  const startedAt = new Date().toISOString();
  const aws = createAwsClients(o.settings.aws);
  const vmc = createVmcClient(o.settings.vmc);
  // The embedded mock's world lives in this process (in-process transports): see Ledger's writeThrough.
  const embedded = o.settings.aws.inProcess !== undefined && o.settings.vmc.fetch !== undefined;
  const ledger = await Ledger.create<LedgerType>(
    o.root,
    { runId: o.runId, target: o.settings.kind, region: o.settings.region },
    undefined,
    { writeThrough: !embedded },
  );
  let spec = declared;
  const result: ScenarioResult = {
    title: spec.title,
    ...(o.file ? { file: o.file } : {}),
    runId: o.runId,
    target: o.settings.kind,
    startedAt,
    durationMs: 0,
    probes: [],
    changes: [],
    resources: [],
    teardown: { removed: 0, reverted: 0, failed: [] },
  };
  let ctx: RunContext | undefined;
  const checkpoint = (): void => {
    if (o.signal?.aborted)
      throw Object.assign(new Error(`interrupted (${String(o.signal.reason ?? 'aborted')}); tearing down`), { name: 'Interrupted' });
  };
  try {
    const { discovery, nsx } = await vmc.connect();
    ctx = {
      runId: o.runId,
      scenario: spec.title,
      settings: o.settings,
      aws,
      vmc,
      nsx,
      discovery,
      ledger,
      clock,
      log,
      timeouts: { ...defaultTimeouts, ...o.timeouts },
    };
    log(
      `${spec.title}: SDDC ${discovery.sddc.name}, connected VPC ${discovery.connectedVpc.vpcId}, active ENI ${discovery.connectedVpc.activeEni}`,
    );
    // Addresses from the connected VPC and VM names from the configuration, recorded before any use.
    const addresses = await readVpcAddresses(aws.ec2, discovery.connectedVpc.vpcId);
    const concrete = resolveScenario(declared, addresses, o.settings.vmNames);
    spec = concrete.spec;
    await adoptConnectedVpc(ctx, addresses, concrete.resolved);
    for (const r of concrete.resolved) log(`${r.what}: ${r.value}`);
    const out = emptyProvisioned();
    // Each kind in turn (src/harness/resources), ledger first; an interrupt stops it between stages.
    for (const stage of provisionStages) {
      checkpoint();
      for (const provision of stage) await provision(ctx, spec, out);
    }
    let discovered: DiscoveredConfiguration | undefined;
    const discover = async (): Promise<DiscoveredConfiguration> => {
      discovered ??= await discoverConfiguration({
        ec2: aws.ec2,
        ssm: aws.ssm,
        vmc,
        nsx,
        vpcId: discovery.connectedVpc.vpcId,
        region: o.settings.region,
        description: `${spec.title} (run ${o.runId})`,
        log,
      });
      result.discovered = Object.fromEntries(discovered.files);
      o.onDiscovered?.(discovered.world);
      return discovered;
    };
    for (const step of spec.steps) {
      checkpoint();
      if (step.type === 'change') {
        const detail = await applyChange(ctx, step.change, out);
        discovered = undefined;
        result.changes.push({ label: step.label, detail });
        log(`change: ${detail}`);
        continue;
      }
      const record = await probe(ctx, step, out, discover);
      result.probes.push(record);
      log(`probe ${record.label}: ${record.outcome}${record.reasons.length ? ` (${record.reasons.join('; ')})` : ''}`);
    }
  } catch (e) {
    result.error = `${(e as Error).name}: ${(e as Error).message}`;
    log(`scenario ${spec.title} could not complete: ${result.error}`);
  } finally {
    try {
      const nsx = ctx?.nsx ?? (await vmc.connect()).nsx;
      const report = await teardown(ledger, {
        ec2: aws.ec2,
        nsx,
        clock,
        log,
        waitMs: Math.min(ctx?.timeouts.instanceMs ?? defaultTimeouts.instanceMs, 3 * 60_000),
      });
      result.teardown = {
        removed: report.removed.length,
        reverted: report.reverted.length,
        failed: report.failed.map((f) => ({ type: f.entry.type, ...(f.entry.id ? { id: f.entry.id } : {}), error: f.error })),
      };
    } catch (e) {
      result.teardown.failed.push({
        type: 'teardown',
        error: `${(e as Error).name}: ${(e as Error).message}; resume with "vmc-reach reap --run ${o.runId}"`,
      });
    }
    ledger.flush();
    result.resources = [...ledger.entries()];
    result.durationMs = clock.now() - started;
    aws.destroy();
  }
  return result;
}
