// nsx/services.json (optional): the Policy API's `GET /policy/api/v1/infra/services` list result (also read
// as `{"services": [...]}`, as some exports publish it). Defined once, in src/shapes/nsx/services.ts.
import { serviceEntryJsonSchema, servicesFileSchema } from '../../shapes/nsx';

export const serviceEntrySchema = serviceEntryJsonSchema;
export const servicesSchema = servicesFileSchema;
