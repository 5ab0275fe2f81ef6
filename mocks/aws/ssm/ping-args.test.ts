// Reading ping command lines as iputils and ping.exe do.
import { parseLinuxPing, parseWindowsPing, splitWords } from './ping-args';

const linux = (line: string) => parseLinuxPing(splitWords(line));

test('iputils options: count, reply timeout, interval, size, quiet; joined and separate values', () => {
  expect(linux('ping -c4 -W 2 -i 0.5 -s 100 -q -n 10.0.0.1')).toEqual({
    ok: true,
    request: { destination: '10.0.0.1', count: 4, timeoutS: 2, intervalS: 0.5, size: 100, quiet: true },
  });
});

test('-w alone sends one packet per interval until the deadline', () => {
  expect(linux('ping -w 5 10.0.0.1')).toMatchObject({ ok: true, request: { count: 5, deadlineS: 5 } });
});

test('refuses what it does not model, saying why', () => {
  expect(linux('ping 10.0.0.1')).toMatchObject({ ok: false, reason: expect.stringContaining('never ends') });
  expect(linux('ping -c 1 -f 10.0.0.1')).toMatchObject({ ok: false, reason: expect.stringContaining('-f') });
  expect(linux('ping -c 1 -i 0.01 10.0.0.1')).toMatchObject({ ok: false, reason: expect.stringContaining('flood') });
  expect(linux('ping -c 1 10.0.0.1 10.0.0.2')).toMatchObject({ ok: false });
});

test('ping.exe: -n, -w in milliseconds, /n, defaults of 4 packets and 32 bytes', () => {
  expect(parseWindowsPing(splitWords('ping.exe /n 2 -w 500 10.0.0.1'))).toEqual({
    ok: true,
    request: { destination: '10.0.0.1', count: 2, timeoutS: 0.5, intervalS: 1, size: 32, quiet: false },
  });
  expect(parseWindowsPing(splitWords('ping 10.0.0.1'))).toMatchObject({ ok: true, request: { count: 4, size: 32 } });
  expect(parseWindowsPing(splitWords('ping -t 10.0.0.1'))).toMatchObject({ ok: false });
});

test('splitWords honours quotes', () => {
  expect(splitWords(`ping -c "3" '10.0.0.1'`)).toEqual(['ping', '-c', '3', '10.0.0.1']);
});
