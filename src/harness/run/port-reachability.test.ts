// How a TCP/UDP probe's answer reads as reachable: open and filtered are plain; refused depends on who
// answered (the destination's stack, a REJECT rule the configuration names, or something that answered
// although our listener ran).
import type { Verdict } from '../../network';
import { portReachability } from './port-reachability';

const rejectVerdict = {
  reachable: false,
  status: 'unreachable',
  blockedBy: {
    code: 'CGW_RULE_REJECT',
    direction: 'forward',
    resource: { type: 'cgw-rule', id: '/infra/domains/cgw/gateway-policies/default/rules/no-8443' },
  },
} as unknown as Verdict;
const dropVerdict = {
  reachable: false,
  status: 'unreachable',
  blockedBy: { code: 'CGW_DEFAULT_DROP', direction: 'forward', resource: { type: 'cgw-rule', id: 'default' } },
} as unknown as Verdict;

test('open is reachable', () => {
  expect(portReachability({ protocol: 'tcp', outcome: 'open' }, true, null)).toMatchObject({
    reachable: true,
    judged: expect.stringMatching(/handshake completed/),
  });
});

test("refused without a listener is reachable: the destination's RST proves the path", () => {
  expect(portReachability({ protocol: 'tcp', outcome: 'refused' }, false, null)).toMatchObject({
    reachable: true,
    judged: expect.stringMatching(/nothing listens on the port/),
  });
});

test("refused without a listener, where the configuration names a REJECT rule, is that rule's answer: unreachable", () => {
  expect(portReachability({ protocol: 'tcp', outcome: 'refused' }, false, rejectVerdict)).toMatchObject({
    reachable: false,
    judged: expect.stringMatching(/attributed to CGW_RULE_REJECT at .*no-8443/),
  });
});

test('refused without a listener is not attributed to a DROP rule (drops send nothing back)', () => {
  expect(portReachability({ protocol: 'tcp', outcome: 'refused' }, false, dropVerdict)).toMatchObject({ reachable: true });
});

test('refused while our listener ran is unreachable: something else answered', () => {
  expect(portReachability({ protocol: 'tcp', outcome: 'refused' }, true, null)).toMatchObject({
    reachable: false,
    judged: expect.stringMatching(/although our listener was running/),
  });
});

test('filtered with the UDP datagram heard by the listener names the return path', () => {
  expect(
    portReachability({ protocol: 'udp', outcome: 'filtered', listener: { command: 'x', heard: true, transcript: '' } }, true, null),
  ).toMatchObject({ reachable: false, judged: expect.stringMatching(/reached the listener .* return path drops it/) });
});

test('filtered with nothing heard', () => {
  expect(
    portReachability(
      {
        protocol: 'tcp',
        outcome: 'filtered',
        detail: 'no answer to the SYN within 5 s',
        listener: { command: 'x', heard: false, transcript: '' },
      },
      true,
      null,
    ),
  ).toMatchObject({ reachable: false, judged: 'filtered: no answer to the SYN within 5 s; the listener on the destination heard nothing' });
});
