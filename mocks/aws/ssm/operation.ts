// The shape of one mocked SSM operation: a zod schema for the JSON input (a mismatch is SSM's
// ValidationException), `run` against the world, and what an eventual-consistency `not-found` fault
// means for it.
import type { z } from 'zod';
import type { WorldError } from '../../../src/world';
import type { MockContext } from '../../mock-context';

export interface SsmOperation<S extends z.ZodType> {
  input: S;
  run(ctx: MockContext, input: z.infer<S>): unknown;
  notFound?(input: z.infer<S>): WorldError | unknown;
}

export const ssmOperation = <S extends z.ZodType>(o: SsmOperation<S>): SsmOperation<z.ZodType> => o as unknown as SsmOperation<z.ZodType>;

export type SsmOperationTable = Record<string, SsmOperation<z.ZodType>>;
