// A node's guest firewall (iptables / Windows Defender Firewall in the guest, declared in the world) as
// the node's nftables input chain: loopback and replies of tracked connections pass; new inbound
// connections meet the rules in order, the first match decides, else the default inbound action.
import type { GuestFirewall } from '../world';
import { guestRuleMatch, nftComment } from './nft-match';
import { chain, nftTableText } from './nft-security-groups';

/** `extra`: more chains of the node (a VM's DFW chains) in the same table. */
export function guestFirewallNft(fw: GuestFirewall | undefined, extra: readonly string[] = []): string | null {
  if (!fw) return extra.length === 0 ? null : nftTableText(extra);
  const input = ['type filter hook input priority filter; policy accept;', 'iifname "lo" accept', 'ct state established,related accept'];
  fw.rules.forEach((r, i) => {
    const m = guestRuleMatch(r);
    if (m === null) return;
    input.push([m, r.action === 'allow' ? 'accept' : 'counter drop', nftComment(`GUEST_FIREWALL rule ${i + 1}`)].filter(Boolean).join(' '));
  });
  input.push(fw.defaultInbound === 'allow' ? 'accept' : `counter drop ${nftComment('GUEST_FIREWALL default')}`);
  return nftTableText([...extra, chain('input', input)]);
}
