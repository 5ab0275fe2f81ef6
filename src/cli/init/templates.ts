// What `vmc-reach init` writes into a user's project: the example scenario (the article's case B against
// the configured VM, in the connected VPC the run discovers), the one-line jest config, the CI workflow.

export const packageScripts: Record<string, string> = {
  reach: 'vmc-reach run',
  'reach:live': 'vmc-reach run --target live',
  'reach:doctor': 'vmc-reach doctor',
  'reach:reap': 'vmc-reach reap --older-than 6h',
};

export const gitignoreLines = ['vmc-reach-report/', '.vmc-reach/'];

/** CommonJS: written as jest.config.js, or jest.config.cjs in a package of type module. */
export const jestConfig = "module.exports = { preset: 'vmc-reach' };\n";

export function exampleScenario(vmName: string): string {
  return `// The source article's case B against your VM (live.vm.name in vmc-reach.config.json), in the connected
// VPC the run discovers: an EC2 instance whose own security group allows everything reaches the VM only
// one way, because the cross-link ENIs wear the VPC's default security group, and on that group
// "inbound" means entering the SDDC (ENI_SG_INGRESS_NO_MATCH). Everything created is removed afterwards.
import { allow, scenario } from 'vmc-reach';

const vmName = ${JSON.stringify(vmName)};

scenario('example: an instance in a custom security group (the article case B)', ({ sddc, aws, step, ping }) => {
  const vm = sddc.vm(vmName);
  const group = sddc.group('vmc-reach-example', { vmName });
  sddc.cgwRule('vmc-reach example inbound', { sequence: 10, from: 'ANY', to: group, appliedTo: 'vpc' });
  sddc.cgwRule('vmc-reach example outbound', { sequence: 20, from: group, to: 'ANY', appliedTo: 'vpc' });
  const sg = aws.securityGroup('vmc-reach-example-sg', { ingress: [allow('all')], egress: [allow('all')] });
  const instance = aws.instance('vmc-reach-example', { securityGroups: [sg] });
  step('custom security group', () => {
    ping(vm, instance).expect('reachable');
    ping(instance, vm).expect('unreachable', 'ENI_SG_INGRESS_NO_MATCH');
  });
});
`;
}

export const workflow = `# vmc-reach: the scenarios against the embedded mock on every push, and against the live account and
# SDDC nightly (set the repository variables and the AWS role; see the vmc-reach README, live mode).
name: vmc-reach
on:
  push:
  pull_request:
  schedule:
    - cron: '17 3 * * *'
  workflow_dispatch:
permissions:
  contents: read
  id-token: write
jobs:
  mock:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20, cache: npm }
      - run: npm ci
      - run: npx vmc-reach run
      - uses: actions/upload-artifact@v4
        if: always()
        with: { name: vmc-reach-mock, path: vmc-reach-report/ }
  live:
    if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'
    runs-on: ubuntu-latest
    concurrency: vmc-reach-live
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20, cache: npm }
      - run: npm ci
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ vars.VMC_REACH_AWS_ROLE }}
          aws-region: \${{ vars.AWS_REGION }}
      - run: npx vmc-reach doctor
        env: { VMC_API_TOKEN: '\${{ secrets.VMC_API_TOKEN }}' }
      - run: npx vmc-reach run --target live
        env: { VMC_API_TOKEN: '\${{ secrets.VMC_API_TOKEN }}' }
      - run: npx vmc-reach reap --older-than 6h
        if: always()
      - uses: actions/upload-artifact@v4
        if: always()
        with: { name: vmc-reach-live, path: vmc-reach-report/ }
`;
