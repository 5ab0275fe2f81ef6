// The NSX distributed firewall at a VM's vNIC as the VM node's nftables: chain `dfw_in` on the input
// hook (traffic into the VM) and `dfw_out` on the output hook (out of it), before the guest firewall.
// Rules in evaluation order (categories, policy and rule sequence numbers), only those whose Applied-To
// holds this VM (decided at compile time by the engine's GroupMembership) and whose direction fits;
// the first match decides: ALLOW accepts, DROP drops, REJECT rejects (TCP RST for TCP); the Environment category is its
// own chain so that JUMP_TO_APPLICATION is a `return` into the Application rules. Stateful policies:
// an ALLOW marks the connection (ct mark 0x1) and replies of marked connections pass; a stateless
// policy's ALLOW does not mark, so its replies meet the rules as packets of their own. No match
// accepts and marks (NSX's built-in default allows, stateful). A world without the DFW in its data
// compiles to no DFW chains (the lab cannot know it either).
import type { DfwPolicy, DfwRule, Vm, World } from '../world';
import { listDfwPolicies, listDfwRules } from '../world';
import { GroupMembership } from '../network/group-membership';
import { resolveEndpoint } from '../network/endpoints';
import { addressMatch } from './address-match';
import { CgwGroupRealizer } from './address-sets';
import { rejectLines, ruleServiceMatches } from './compile-services';
import { nftComment } from './nft-match';
import { chain } from './nft-security-groups';

const isAny = (values: readonly string[]): boolean => values.length === 0 || values.some((v) => v.toUpperCase() === 'ANY');

function verdictLines(prefix: string, rule: DfwRule, policy: DfwPolicy): string[] {
  const comment = nftComment(rule.path);
  const line = (verdict: string): string[] => [[prefix, verdict, comment].filter(Boolean).join(' ')];
  switch (rule.action) {
    case 'ALLOW':
      return line(policy.stateful ? 'ct mark set 0x1 accept' : 'accept');
    case 'DROP':
      return line('counter drop');
    case 'REJECT':
      return rejectLines(prefix, comment);
    case 'JUMP_TO_APPLICATION':
      return line('return');
  }
}

/** The `dfw_in`/`dfw_out` chains of one VM, or [] when the world does not hold the DFW. */
export function dfwChains(world: World, vm: Vm): string[] {
  if (world.nsx.dfwPolicies === null) return [];
  const membership = new GroupMembership(world);
  const self = resolveEndpoint(world, { kind: 'vm', externalId: vm.externalId });
  const realizer = new CgwGroupRealizer(world);
  const applies = (rule: DfwRule, policy: DfwPolicy): boolean => {
    const scope = isAny(rule.scope) ? policy.scope : rule.scope;
    return isAny(scope) || scope.some((g) => membership.isMember(g, self.member, self.key) === true);
  };
  const chains: string[] = [];
  for (const [direction, hook] of [
    ['IN', 'input'],
    ['OUT', 'output'],
  ] as const) {
    const name = `dfw_${direction.toLowerCase()}`;
    const main = [
      `type filter hook ${hook} priority filter - 10; policy accept;`,
      hook === 'input' ? 'iifname "lo" accept' : 'oifname "lo" accept',
      'ct direction reply ct mark 0x1 accept',
    ];
    const env: string[] = [];
    let envJumped = false;
    for (const policy of listDfwPolicies(world)) {
      if (policy.category === 'Ethernet') continue;
      const into = policy.category === 'Environment' ? env : main;
      if (policy.category === 'Application' && !envJumped) {
        main.push(`jump ${name}_env`);
        envJumped = true;
      }
      for (const rule of listDfwRules(policy)) {
        if (
          rule.disabled ||
          rule.ipProtocol === 'IPV6' ||
          !(rule.direction === 'IN_OUT' || rule.direction === direction) ||
          !applies(rule, policy)
        )
          continue;
        const src = realizer.side(rule.sourceGroups);
        const dst = realizer.side(rule.destinationGroups);
        if ((src.any && rule.sourcesExcluded) || (dst.any && rule.destinationsExcluded)) continue;
        const s = src.any ? '' : addressMatch('saddr', src.addresses, rule.sourcesExcluded);
        const d = dst.any ? '' : addressMatch('daddr', dst.addresses, rule.destinationsExcluded);
        if (s === null || d === null) continue;
        for (const svc of ruleServiceMatches(world, rule)) into.push(...verdictLines([s, d, svc].filter(Boolean).join(' '), rule, policy));
      }
    }
    if (!envJumped) main.push(`jump ${name}_env`);
    main.push(`ct mark set 0x1 accept ${nftComment('DFW no match: NSX default allow')}`);
    chains.push(chain(`${name}_env`, env), chain(name, main));
  }
  return chains;
}
