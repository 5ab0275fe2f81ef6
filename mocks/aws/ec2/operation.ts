// The shape of one mocked EC2 action: `parse` reads the request (every parameter it accepts, so
// unknown ones can be refused before anything changes), `run` calls the world and returns the result
// members of the response. `notFound` says what an eventual-consistency fault means for the call.
import type { WorldError } from '../../../src/world';
import type { MockContext } from '../../mock-context';
import type { QueryParams } from '../protocols/query-params';
import type { XmlObject } from '../protocols/ec2-xml';

export interface Ec2Operation<In> {
  parse(p: QueryParams, ctx: MockContext): In;
  run(ctx: MockContext, input: In): XmlObject;
  /**
   * The answer while a resource is not visible yet (a `not-found` fault, e.g. right after
   * RunInstances): EC2's NotFound error naming the id asked for, or an empty result when the call
   * named no id. Absent: the fault does not apply to this action.
   */
  notFound?(input: In): WorldError | XmlObject;
}

/** Erases the input type so operations of different inputs share one table. */
export const operation = <In>(o: Ec2Operation<In>): Ec2Operation<unknown> => o as Ec2Operation<unknown>;

export type Ec2OperationTable = Record<string, Ec2Operation<unknown>>;
