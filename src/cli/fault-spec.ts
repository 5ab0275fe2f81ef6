// `--fault <service>:<operation>:<kind>[:times[:after]][@probability]` for `vmc-reach mock serve`:
// one FaultRule of the mock's fault plan per flag. `*` as the operation means every operation;
// `times` is a count or `inf`. Examples: `ec2:DescribeInstances:not-found:2` (the eventual-consistency
// window right after RunInstances), `ssm:*:throttle:inf@0.2` (a fifth of all SSM calls throttled).
import type { FaultKind, FaultRule } from '../../mocks/faults';
import type { ServiceName } from '../world';
import { UsageError } from './usage-error';

const services: readonly ServiceName[] = ['ec2', 'ssm', 'nsx', 'vmc', 'csp'];
const kinds: readonly FaultKind[] = [
  'throttle',
  'server-error',
  'timeout',
  'not-found',
  'expired-token',
  'auth-failure',
  'stale-revision',
  'conflict',
];

export const faultSpecHelp = '<service>:<operation|*>:<kind>[:times[:after]][@probability]';

export function parseFaultSpec(spec: string): FaultRule {
  const [body = '', probabilityText] = spec.split('@');
  const [service, operation, kind, timesText, afterText, ...extra] = body.split(':');
  const bad = (why: string): never => {
    throw new UsageError(`--fault "${spec}": ${why}; the form is ${faultSpecHelp}, e.g. ec2:DescribeInstances:not-found:2`);
  };
  if (extra.length > 0 || !service || !operation || !kind) bad('expected service, operation and kind separated by ":"');
  if (!services.includes(service as ServiceName)) bad(`unknown service "${service}" (one of ${services.join(', ')})`);
  if (!kinds.includes(kind as FaultKind)) bad(`unknown fault "${kind}" (one of ${kinds.join(', ')})`);
  const count = (text: string | undefined, what: string): number | undefined => {
    if (text === undefined || text === '') return undefined;
    if (text === 'inf') return Infinity;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) bad(`${what} "${text}" is not a whole number${what === 'times' ? ' or inf' : ''}`);
    return n;
  };
  const times = count(timesText, 'times');
  const after = count(afterText, 'after');
  let probability: number | undefined;
  if (probabilityText !== undefined) {
    probability = Number(probabilityText);
    if (!(probability > 0 && probability <= 1)) bad(`probability "${probabilityText}" is not in (0, 1]`);
  }
  return {
    service: service as ServiceName,
    ...(operation !== '*' ? { operation } : {}),
    fault: kind as FaultKind,
    ...(times !== undefined ? { times } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(probability !== undefined ? { probability } : {}),
  };
}
