// nsx/segments.json: the Policy API's `GET /policy/api/v1/infra/tier-1s/cgw/segments` list result (dual-stack
// subnets allowed). Defined once, in src/shapes/nsx/segments.ts.
import { segmentJsonSchema, segmentsJsonSchema } from '../../shapes/nsx';

export const segmentSchema = segmentJsonSchema;
export const segmentsSchema = segmentsJsonSchema;
