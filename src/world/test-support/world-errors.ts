// Assertions for a failed world operation (test code only): the WorldError it throws (code, message,
// HTTP status), and that the failed call changed nothing in the world's state.
import { isWorldError, type WorldError } from '../errors';
import { settleInstances } from '../ec2/instance-lifecycle';
import type { World } from '../world';
import { dumpWorld } from './dump';

/** Runs `fn`, which must throw a WorldError, and returns that error. */
export function catchWorldError(fn: () => unknown): WorldError {
  try {
    fn();
  } catch (e) {
    if (isWorldError(e)) return e;
    throw e;
  }
  throw new Error('expected a WorldError, but the call returned normally');
}

export interface ExpectedWorldError {
  code: string;
  /** A fragment of the message, or a pattern it must match. */
  message: string | RegExp;
  httpStatus?: number;
}

/**
 * Asserts that `fn` throws the expected WorldError and that the world's EC2 and NSX state is the
 * same afterwards as before (a failed operation must not change anything).
 */
export function expectWorldError(world: World, fn: () => unknown, expected: ExpectedWorldError): WorldError {
  settleInstances(world); // transitions already due are not the failed call's doing
  const before = dumpWorld(world);
  const err = catchWorldError(fn);
  expect(err.code).toBe(expected.code);
  if (typeof expected.message === 'string') expect(err.message).toContain(expected.message);
  else expect(err.message).toMatch(expected.message);
  expect(err.httpStatus).toBe(expected.httpStatus ?? 400);
  expect(dumpWorld(world)).toEqual(before);
  return err;
}
