// The article's three cases as a ScenarioSpec (the body of scenarios/article.scenario.ts), for the
// reliability checks, which run the harness in-process (defineScenario + runScenario) without jest.
import { allow, defineScenario } from '../harness/dsl/builder';
import type { ScenarioSpec } from '../harness/dsl/spec';

export const articleTitle = 'article: default SG, custom SG, custom SG as a source of the default SG';

export function articleSpec(): ScenarioSpec {
  return defineScenario(articleTitle, ({ sddc, aws, step, ping }) => {
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
  });
}
