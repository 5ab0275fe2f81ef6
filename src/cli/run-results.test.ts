// The run's results read while the run goes on: each complete file once, a file still being written
// later, a file written again read again; at the end every result in file-name order with its view.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TopologyModel } from '../report/evidence-pack/topology-model';
import { sampleRun } from '../report/test-support/results';
import { RunResults } from './run-results';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vmc-reach-run-results-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const [first, second] = sampleRun();
const write = (name: string, text: string): void => writeFileSync(join(dir, name), text);

test('results appear as their files are written; at the end all of them, in file-name order, with their views', async () => {
  const r = new RunResults(dir);
  write('b.json', JSON.stringify(second));
  await r.prepare();
  write('a.json', JSON.stringify(first));
  const { results, views } = await r.all();
  expect(results.map((x) => x.title)).toEqual([first!.title, second!.title]);
  expect(views().map((v) => [v.result.title, v.topologyError])).toEqual([
    [first!.title, expect.stringMatching(/no configuration was discovered/)],
    [second!.title, expect.stringMatching(/no configuration was discovered/)],
  ]);
});

test('a file still being written is skipped while the run goes on and read once complete', async () => {
  const r = new RunResults(dir);
  const text = JSON.stringify(first);
  write('a.json', text.slice(0, 40));
  await r.prepare();
  write('a.json', text);
  expect((await r.all()).results.map((x) => x.title)).toEqual([first!.title]);
});

test('a file written again after it was read is read again', async () => {
  const r = new RunResults(dir);
  write('a.json', JSON.stringify(first));
  await r.prepare();
  write('a.json', JSON.stringify({ ...first, title: 'written again, and longer than before' }));
  expect((await r.all()).results.map((x) => x.title)).toEqual(['written again, and longer than before']);
});

test('a file that is not JSON at the end fails the report, as reading the folder did', async () => {
  write('a.json', '{ not json');
  await expect(new RunResults(dir).all()).rejects.toThrow(SyntaxError);
});

test("a topology a worker drew is the view's, not one read again from the result's files", async () => {
  const r = new RunResults(dir);
  const drawn = { region: 'drawn by the worker' } as unknown as TopologyModel;
  // Files that do not read as a snapshot: reading them again would give a topology error instead.
  write('a.json', JSON.stringify({ ...first, discovered: { 'manifest.json': '{}' } }));
  r.provide({ file: 'a.scenario.ts', scenarios: [{ title: first!.title, probes: [], topology: drawn }] });
  await r.prepare();
  expect((await r.all()).views().map((v) => [v.topology, v.topologyError])).toEqual([[drawn, undefined]]);
});
