// A live run against moto, judged probe by probe. moto runs no command (SendCommand answers Success with
// empty output), so a probe that needs packets "did not run": never passed, never failed as unreachable.
// What moto does check is everything else: provisioning, discovery, the engine's verdict on the
// configuration the run built (it must be the expected one), probes that must not run (no instance
// profile, a VM without a node) and teardown. A false pass: a probe passed that cannot have run. A false
// failure: the harness failed a probe, or a scenario, for a reason of its own.
// TCP/UDP probes the same way: moto answers the listener's SendCommand and the connect/send's with Success
// and empty output too. The probe contract never reads empty output as an answer (the Linux connect must
// print its "open" line; the listener and UDP sender print theirs), so a listener that "ended" with
// nothing is an infrastructure error quoting "(empty output)", judged here as did-not-run. What moto does
// check for them: the port rules the run writes (SG rules with ports, NACL entries with PortRange for
// protocol 6/17, in moto's EC2) and the engine's verdict for the TCP/UDP flow on the configuration
// discovered from moto, including the NACL ephemeral-port return path. What it cannot: a listener, a
// handshake, a datagram, a RST; those need the mock (from the engine), the lab or a real account.
import type { ProbeRecord, ScenarioResult } from '../../target/results';

export type ProbeClass = 'did-not-run' | 'passed' | 'false-pass' | 'false-failure';

export interface ProbeJudgement {
  label: string;
  cls: ProbeClass;
  why: string;
}

/** moto's answer to SendCommand, as the harness reports it: the command "succeeded" with no output. */
export const motoEmptyOutput = /empty output/;

export function judgeProbe(p: ProbeRecord): ProbeJudgement {
  const label = p.label;
  if (p.expected.probeError) {
    return p.outcome === 'passed'
      ? { label, cls: 'passed', why: `did not run, as expected: ${p.observed.kind === 'infra-error' ? p.observed.error : ''}` }
      : { label, cls: 'false-failure', why: p.reasons.join('; ') };
  }
  if (p.observed.kind === 'ran')
    return {
      label,
      cls: p.outcome === 'passed' ? 'false-pass' : 'false-failure',
      why: `moto runs no command, yet the probe reports packets (${p.observed.received}/${p.observed.sent})`,
    };
  if (p.outcome === 'passed') return { label, cls: 'false-pass', why: 'passed without running' };
  if (!motoEmptyOutput.test(p.observed.error))
    return { label, cls: 'false-failure', why: `the probe was not sent for a reason of the harness's: ${p.observed.error}` };
  const v = p.verdict;
  if (!v) return { label, cls: 'false-failure', why: 'no verdict of the engine on the discovered configuration' };
  if (v.reachable !== p.expected.reachable)
    return {
      label,
      cls: 'false-failure',
      why: `the configuration the run built is judged ${v.reachable ? 'reachable' : `blocked (${v.blockedBy?.code})`}, the scenario expects ${p.expected.reachable ? 'reachable' : 'unreachable'}`,
    };
  if (!p.expected.reachable && p.expected.blockedBy && v.blockedBy?.code !== p.expected.blockedBy)
    return { label, cls: 'false-failure', why: `blocked by ${v.blockedBy?.code}, the scenario expects ${p.expected.blockedBy}` };
  return {
    label,
    cls: 'did-not-run',
    why: `moto ran no command; the configuration's verdict is as expected (${v.reachable ? 'reachable' : v.blockedBy?.code})`,
  };
}

export interface ScenarioJudgement {
  title: string;
  probes: ProbeJudgement[];
  /** The scenario could not run, or its teardown failed: the harness's own failure. */
  errors: string[];
}

export function judgeScenario(r: ScenarioResult, declaredProbes: number): ScenarioJudgement {
  const errors: string[] = [];
  if (r.error) errors.push(`could not run: ${r.error}`);
  for (const f of r.teardown.failed) errors.push(`teardown left ${f.type} ${f.id ?? ''}: ${f.error}`);
  const probes = r.probes.map(judgeProbe);
  for (let i = probes.length; i < declaredProbes; i++)
    probes.push({ label: `probe ${i + 1}`, cls: 'false-failure', why: 'never reached (an earlier step failed)' });
  return { title: r.title, probes, errors };
}
