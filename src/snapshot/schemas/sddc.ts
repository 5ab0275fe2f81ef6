// vmc/sddc.json (optional): the VMC API's `GET /vmc/api/orgs/{org}/sddcs/{sddc}` body. The management CIDR
// is read from `resource_config.vpc_cidr`, or `resource_config.vpc_info.vpc_cidr` where an SDDC has it there.
import { z } from 'zod';
import { ipv4Cidr } from './common';

export const sddcSchema = z.looseObject({
  id: z.string(),
  name: z.string().default(''),
  org_id: z.string().default(''),
  sddc_state: z.enum(['READY', 'DEPLOYING', 'FAILED', 'DELETING', 'DELETED']),
  resource_config: z.looseObject({
    nsx_api_public_endpoint_url: z.string(),
    /** VMC spells regions `AP_NORTHEAST_1`; the reader accepts that and `ap-northeast-1`. */
    region: z.string(),
    vpc_cidr: ipv4Cidr.optional(),
    vpc_info: z.looseObject({ vpc_cidr: ipv4Cidr.optional() }).optional(),
  }),
});

export type SddcJson = z.output<typeof sddcSchema>;
