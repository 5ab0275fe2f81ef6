// The plan of a scenario for `--dry-run`: every resource the run would create, adopt or change, and
// the API calls it would make, in order. Each resource kind writes its own lines (src/harness/resources);
// derived from the spec alone: nothing is called.
import type { ProbeKind, ScenarioSpec } from '../dsl/spec';
import { planOrder } from '../resources';
import { planSgRuleChange } from '../resources/security-group-rule';

/** The SSM commands a probe sends, in order. */
const probeCalls = (k: ProbeKind | undefined): string => {
  if (!k || k.protocol === 'icmp') return 'SSM SendCommand ping';
  const connect =
    k.protocol === 'tcp'
      ? `SSM SendCommand TCP connect to port ${k.port} (bash /dev/tcp or Test-NetConnection)`
      : `SSM SendCommand UDP datagram to port ${k.port}`;
  return k.protocol === 'udp' || k.listen
    ? `SSM SendCommand a one-shot ${k.protocol.toUpperCase()} listener on port ${k.port} on the destination, then ${connect}`
    : connect;
};

export function planScenario(spec: ScenarioSpec): string[] {
  const lines = [
    `scenario: ${spec.title}`,
    '  discover: GET /vmc/api/orgs/{org}/sddcs/{sddc}; GET cloud-service linked-vpcs; EC2 DescribeVpcs, DescribeSubnets (the addresses below), DescribeSecurityGroups (default SG: adopt)',
  ];
  for (const kind of planOrder) lines.push(...(kind.plan?.(spec) ?? []));
  for (const st of spec.steps) {
    if (st.type === 'change') lines.push(`  change: ${st.label}${planSgRuleChange(st.change)}`);
    else
      lines.push(
        `  probe: ${st.label} (${probeCalls(st.probe)}, GetCommandInvocation; then discovery and the engine's verdict) expecting ${st.expect.probeError ? 'the probe not to run' : st.expect.reachable ? 'reachable' : `unreachable${st.expect.blockedBy ? ` by ${st.expect.blockedBy}` : ''}`}`,
      );
  }
  lines.push(
    '  teardown: delete what was created and revert what was changed, in reverse order, from the ledger .vmc-reach/runs/<run>.json',
  );
  return lines;
}
