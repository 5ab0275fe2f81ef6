// Every case of the bad-input corpus (fixtures/bad-inputs/cases.json): exit 2, the file and field or
// the flag named, no stack trace, nothing created in the working folder. The cases run one after another
// in one CLI process (cli-batch.ts), each in its own folder with its own environment.
import { loadCases, runBadInput, type BadInputCase, type CliRunner } from './bad-inputs';
import { CliBatch } from './cli-batch';
import casesJson from '../../fixtures/bad-inputs/cases.json';

const cases = casesJson as BadInputCase[];
let batch: CliBatch;
let cli: CliRunner;

beforeAll(() => {
  batch = new CliBatch();
  cli = (args, o) => batch.run(args, o);
});
afterAll(() => batch.close());

test('the corpus holds at least 30 cases, configs, snapshots and flags among them', async () => {
  const all = await loadCases();
  expect(all.length).toBeGreaterThanOrEqual(30);
  for (const kind of ['config:', 'snapshot:', 'flag:']) expect(all.filter((c) => c.name.startsWith(kind)).length).toBeGreaterThanOrEqual(5);
});

test.concurrent.each(cases.map((c) => [c.name, c] as const))(
  '%s',
  async (_name, c) => {
    const r = await runBadInput(c, cli);
    expect({ problems: r.problems, message: r.message }).toEqual({ problems: [], message: r.message });
  },
  60_000,
);

test('a case whose pattern does not match is reported (the check can fail)', async () => {
  const r = await runBadInput({ name: 'wrong pattern', args: ['reap', '--run', '../x'], expect: 'a message nobody prints' }, cli);
  expect(r.problems).toEqual([expect.stringContaining('does not match')]);
}, 60_000);
