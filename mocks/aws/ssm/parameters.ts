// GetParameter / GetParameters on the wire (the public /aws/service/… AMI parameters).
import { z } from 'zod';
import { getParameter, getParameters, type Parameter } from '../../../src/world';
import { epochSeconds } from '../protocols/ssm-json';
import { ssmOperation, type SsmOperationTable } from './operation';

const renderParameter = (p: Parameter) => ({
  Name: p.name,
  Type: p.type,
  Value: p.value,
  Version: p.version,
  LastModifiedDate: epochSeconds(p.lastModifiedDate),
  ARN: p.arn,
  DataType: p.dataType,
});

export const parameterOperations: SsmOperationTable = {
  GetParameter: ssmOperation({
    input: z.object({ Name: z.string().min(1), WithDecryption: z.boolean().optional() }),
    run: ({ world }, input) => ({ Parameter: renderParameter(getParameter(world, input.Name)) }),
  }),
  GetParameters: ssmOperation({
    input: z.object({ Names: z.array(z.string().min(1)).min(1).max(10), WithDecryption: z.boolean().optional() }),
    run: ({ world }, input) => {
      const r = getParameters(world, input.Names);
      return { Parameters: r.parameters.map(renderParameter), InvalidParameters: r.invalidParameters };
    },
  }),
};
