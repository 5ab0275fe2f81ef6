// nsx/linked-vpcs.json: the cloud-service API's `GET /cloud-service/api/v1/infra/linked-vpcs` list result.
// Defined once, in src/shapes/nsx/linked-vpcs.ts.
import { linkedVpcJsonSchema, linkedVpcsJsonSchema } from '../../shapes/nsx';

export const linkedVpcSchema = linkedVpcJsonSchema;
export const linkedVpcsSchema = linkedVpcsJsonSchema;
