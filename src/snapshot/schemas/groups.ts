// nsx/groups.json: the Policy API's `GET /policy/api/v1/infra/domains/cgw/groups` list result. The shape
// is defined once, in src/shapes/nsx/groups.ts; this file names it for the snapshot format.
import { groupJsonSchema, groupsJsonSchema, type GroupJson } from '../../shapes/nsx';

export const groupSchema = groupJsonSchema;
export const groupsSchema = groupsJsonSchema;
export type { GroupJson };
