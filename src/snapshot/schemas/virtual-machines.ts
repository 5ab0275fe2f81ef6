// nsx/virtual-machines.json and nsx/vifs.json: the Policy API's realized-state lists under
// `/infra/realized-state/enforcement-points/vmc-enforcementpoint/` (`virtual-machines`, `vifs`).
// Defined once, in src/shapes/nsx/vms.ts.
import { vifsJsonSchema, virtualMachinesJsonSchema } from '../../shapes/nsx';

export const virtualMachinesSchema = virtualMachinesJsonSchema;
export const vifsSchema = vifsJsonSchema;
