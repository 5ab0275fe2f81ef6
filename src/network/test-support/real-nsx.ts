// Test support for the real-payload tests (nothing outside tests imports it): the article's case B as
// snapshot files, real NSX payloads from fixtures/real/nsx spliced into them, and verdicts on the result.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseBFiles, editJson, type Json } from '../../snapshot/test-support';
import { worldFromSnapshotFiles } from '../../snapshot/load-snapshot';
import type { SnapshotWarning } from '../../snapshot/snapshot-source';
import type { World } from '../../world';
import { evaluate } from '../evaluate';
import type { Flow, Protocol } from '../flow';
import type { Verdict } from '../verdict';

const corpus = join(__dirname, '..', '..', '..', 'fixtures', 'real', 'nsx');

/** A payload of fixtures/real/nsx (a fresh copy each call). */
export const real = (name: string): Json => JSON.parse(readFileSync(join(corpus, `${name}.json`), 'utf8'));

/** Case B's ids: the VM CJ-VM01 on the routed segment, the EC2 instances CJ-AWS01 and CJ-AWS02. */
export const caseB = {
  vm: '501f2c4a-8d3e-4b7a-9c61-3f0e5d2a7b19',
  vmName: 'CJ-VM01',
  aws01: 'i-1aeb32f6c7ba91dc3',
  aws02: 'i-a73bfb067f5d74fd1',
  cgwVmGroup: '/infra/domains/cgw/groups/cj-vm',
};

export interface Splice {
  groups?: Json[];
  /** Replace the CGW rules (the Default Uplink Rule stays at the end). */
  rules?: Json[];
  services?: Json[];
  /** Edit CJ-VM01's realized VM and VIF JSON. */
  vm?: (vm: Json) => void;
  vifs?: (vifs: Json[]) => Json[];
  segments?: (segments: Json[]) => Json[];
}

/** Case B's files with real payloads spliced in. */
export function splice(s: Splice): Map<string, string> {
  let files = caseBFiles();
  if (s.groups) files = editJson(files, 'nsx/groups.json', (j) => void j.results.push(...s.groups!));
  if (s.rules)
    files = editJson(files, 'nsx/cgw-rules.json', (j) => void (j.results = [...s.rules!, ...j.results.filter((r: Json) => r.is_default)]));
  if (s.services) files = new Map(files).set('nsx/services.json', JSON.stringify({ results: s.services, result_count: s.services.length }));
  if (s.vm) files = editJson(files, 'nsx/virtual-machines.json', (j) => void s.vm!(j.results[0]));
  if (s.vifs) files = editJson(files, 'nsx/vifs.json', (j) => void (j.results = s.vifs!(j.results)));
  if (s.segments) files = editJson(files, 'nsx/segments.json', (j) => void (j.results = s.segments!(j.results)));
  return files;
}

/** Loads files, collecting the warnings. */
export function load(files: ReadonlyMap<string, string>): { world: World; warnings: SnapshotWarning[] } {
  const warnings: SnapshotWarning[] = [];
  return { world: worldFromSnapshotFiles(files, { onWarning: (w) => warnings.push(w) }), warnings };
}

/** EC2 instance → CJ-VM01 (forward: into the SDDC). */
export const toVm = (
  world: World,
  instanceId: string = caseB.aws01,
  protocol: Protocol = 'icmp',
  port?: number,
  sourcePort?: number,
): Verdict =>
  evaluate(world, {
    source: { kind: 'instance', instanceId },
    destination: { kind: 'vm', externalId: caseB.vm },
    protocol,
    ...(port !== undefined ? { port } : {}),
    ...(sourcePort !== undefined ? { sourcePort } : {}),
  } as Flow);

/** CJ-VM01 → EC2 instance (out of the SDDC). */
export const fromVm = (world: World, instanceId: string = caseB.aws01, protocol: Protocol = 'icmp', port?: number): Verdict =>
  evaluate(world, {
    source: { kind: 'vm', externalId: caseB.vm },
    destination: { kind: 'instance', instanceId },
    protocol,
    ...(port !== undefined ? { port } : {}),
  } as Flow);

/** A CGW rule on the VPC interface, in NSX JSON (the fields a real export has; callers override). */
export const cgwRule = (id: string, fields: Json): Json => ({
  resource_type: 'Rule',
  id,
  display_name: id,
  path: `/infra/domains/cgw/gateway-policies/default/rules/${id}`,
  sequence_number: 10,
  source_groups: ['ANY'],
  destination_groups: ['ANY'],
  services: ['ANY'],
  profiles: ['ANY'],
  scope: ['/infra/labels/cgw-cross-vpc'],
  action: 'ALLOW',
  direction: 'IN_OUT',
  ...fields,
});

/** The verdict's status, blocking code and assumption codes, for assertions. */
export const outcome = (v: Verdict): { status: string; code: string | null; assumptions: string[] } => ({
  status: v.status,
  code: v.blockedBy?.code ?? null,
  assumptions: v.assumptions.map((a) => a.code),
});
