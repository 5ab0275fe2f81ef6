// A scenario's security group rule as the EC2 API's IpPermission.
import type { IpPermission } from '@aws-sdk/client-ec2';
import type { SgRuleSpec } from '../dsl/spec';
import type { Provisioned } from '../run/provisioned';
import { literal } from '../run/resolve-addresses';

export function ipPermission(rule: Omit<SgRuleSpec, 'direction'>, out: Provisioned): IpPermission {
  const proto = rule.protocol === 'all' ? '-1' : rule.protocol;
  const ports =
    rule.protocol === 'icmp'
      ? { FromPort: rule.port ?? -1, ToPort: -1 }
      : rule.protocol === 'all'
        ? {}
        : { FromPort: rule.port, ToPort: rule.port };
  const peer =
    'cidr' in rule.peer
      ? { IpRanges: [{ CidrIp: literal(rule.peer.cidr) }] }
      : {
          UserIdGroupPairs: [
            { GroupId: rule.peer.sg.name === 'default' ? out.defaultSecurityGroupId : out.securityGroups.get(rule.peer.sg.name)! },
          ],
        };
  return { IpProtocol: proto, ...ports, ...peer };
}
