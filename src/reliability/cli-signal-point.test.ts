// SIGINT and SIGTERM to the real `vmc-reach run` process (spawned, embedded mock) at a handful of the
// article scenario's steps: the run tears down, leaves nothing in the world or its ledger, writes a
// report that says what was torn down, and exits 130/143; once more with `--target live` against a served
// world. Every step: `npm run reliability -- --only signals`.
import { cliSignalPoint, type CliStopSignal } from './cli-signal-point';
import { serveWorld } from './served-world';

const points: [CliStopSignal, string][] = [
  ['SIGINT', 'vmc-reach run '],
  ['SIGTERM', 'created group CJ-VM'],
  ['SIGINT', 'launched CJ-AWS01'],
  ['SIGINT', 'change: authorized'],
];

test.each(points)(
  '%s on "%s" tears down and exits 128+n',
  async (signal, at) => {
    const p = await cliSignalPoint(signal, at);
    expect({
      sent: p.sent,
      exit: p.exitCode,
      by: p.exitSignal,
      leftovers: p.leftovers,
      ledgerLeft: p.ledgerLeft,
      tornDown: p.tornDown.reported - p.tornDown.owned,
      report: p.reportSaysTornDown,
    }).toEqual({
      sent: true,
      exit: signal === 'SIGINT' ? 130 : 143,
      by: null,
      leftovers: [],
      ledgerLeft: [],
      tornDown: 0,
      report: true,
    });
  },
  90_000,
);

test('SIGTERM to `vmc-reach run --target live` against a served world tears down the same way', async () => {
  await using w = await serveWorld();
  const p = await cliSignalPoint('SIGTERM', 'launched CJ-AWS01', w);
  expect({
    sent: p.sent,
    exit: p.exitCode,
    leftovers: p.leftovers,
    ledgerLeft: p.ledgerLeft,
    tornDown: p.tornDown.reported - p.tornDown.owned,
    report: p.reportSaysTornDown,
  }).toEqual({ sent: true, exit: 143, leftovers: [], ledgerLeft: [], tornDown: 0, report: true });
}, 120_000);
