// The source article's three cases, as the article does them (shared/seed/article-summary.md):
// segment 192.168.100.0/24, group CJ-VM, CGW rules in and out on the VPC interface; CJ-AWS01 in the
// VPC's default SG; CJ-AWS02 in CJ-SG (all allowed); then CJ-SG added as a source to the default SG.
// The body is shared, one definition in the DSL's layer: scenarios/article.scenario.ts runs it (through
// the public API, which exports it), the reliability checks and the orchestration benchmark run it
// in-process (src/reliability/article-spec.ts).
import { allow, type ScenarioApi } from './builder';

export const articleTitle = 'article: default SG, custom SG, custom SG as a source of the default SG';

export function article({ sddc, aws, step, ping }: ScenarioApi): void {
  sddc.segment('CJ-Segment', { gateway: '192.168.100.1/24' });
  const cjVm = sddc.group('CJ-VM', { vmName: 'CJ-VM01' });
  sddc.cgwRule('CJ-VM Inbound', { sequence: 10, from: 'ANY', to: cjVm, appliedTo: 'vpc' });
  sddc.cgwRule('CJ-VM Outbound', { sequence: 20, from: cjVm, to: 'ANY', appliedTo: 'vpc' });
  const vm = sddc.vm('CJ-VM01');

  const defaultSg = aws.defaultSecurityGroup();
  const cjSg = aws.securityGroup('CJ-SG', { ingress: [allow('all')], egress: [allow('all')] });
  const aws01 = aws.instance('CJ-AWS01', { securityGroups: [defaultSg] });
  const aws02 = aws.instance('CJ-AWS02', { securityGroups: [cjSg] });

  step('case A: default SG', () => {
    ping(vm, aws01).expect('reachable');
    ping(aws01, vm).expect('reachable');
  });
  step('case B: custom SG', () => {
    ping(vm, aws02).expect('reachable');
    ping(aws02, vm).expect('unreachable', 'ENI_SG_INGRESS_NO_MATCH');
  });
  step('case C: CJ-SG as a source of the default SG', () => {
    aws.authorizeIngress(defaultSg, allow('all', undefined, { sg: cjSg }));
    ping(vm, aws02).expect('reachable');
    ping(aws02, vm).expect('reachable');
  });
}
