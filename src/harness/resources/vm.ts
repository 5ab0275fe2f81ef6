// SDDC VMs (`nsx:vm`): existing VMs, adopted by display name (the scenario's name, or the one live.vms
// maps it to), never changed or deleted: external id, IPv4 address from the VIFs, power state, and the
// SSM managed node a probe runs on, if any.
import { nodeLookup, vmNode } from '../../target/ssm-nodes';
import type { ScenarioSpec } from '../dsl/spec';
import { ProvisionError } from '../run/provision-error';
import type { Provisioned } from '../run/provisioned';
import type { RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';
import { neverRemoved } from './removal';

const type = 'nsx:vm';

async function provision(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  if (spec.vms.length === 0) return;
  const lookup = nodeLookup(ctx.aws.ssm, ctx.settings);
  const [vms, vifs] = await Promise.all([ctx.nsx.listVirtualMachines(), ctx.nsx.listVifs()]);
  for (const want of spec.vms) {
    const display = want.sddcName ?? want.name;
    const matches = vms.filter((v) => v.display_name === display);
    if (matches.length !== 1) {
      throw new ProvisionError(
        matches.length === 0
          ? `VM "${display}" is not in the SDDC's inventory (NSX realized-state virtual-machines); create it first, or map the scenario's VM "${want.name}" to one of the SDDC's VMs in live.vms`
          : `${matches.length} VMs are named "${display}"; the harness needs a unique display name`,
      );
    }
    const vm = matches[0]!;
    const ips = vifs
      .filter((f) => f.owner_vm_id === vm.external_id)
      .flatMap((f) => (f.ip_address_info ?? []).flatMap((i) => i.ip_addresses ?? []))
      .filter((ip) => /^\d+\.\d+\.\d+\.\d+$/.test(ip));
    const ip = ips[0];
    if (!ip) throw new ProvisionError(`VM "${want.name}" reports no IPv4 address (VMware Tools not running?)`);
    const node = await vmNode({ name: display, ip }, ctx.settings.vmManagedInstanceIds[display], lookup);
    await ctx.ledger.record({ action: 'adopted', type, id: vm.external_id, name: display });
    out.vms.set(want.name, { externalId: vm.external_id, ip, os: want.os, powerState: vm.power_state ?? 'UNKNOWN', ...node });
    if ('unavailable' in node) ctx.log(`VM ${display}: no probe can run from it: ${node.unavailable}`);
  }
}

export const vm = {
  type,
  plan: (spec) =>
    spec.vms.map(
      (v) =>
        `  VM ${v.name}: adopt the SDDC VM live.vms maps it to (default: this name) (NSX realized-state virtual-machines and vifs; its SSM managed node from live.vm, else SSM DescribeInstanceInformation by its IP, Online only)`,
    ),
  provision,
  remove: neverRemoved,
} satisfies ResourceKind<typeof type>;
