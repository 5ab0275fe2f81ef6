// nsx/services.json (optional; our addition to the format): the Policy API's `GET /policy/api/v1/infra/services`
// list result, needed when CGW rules use services beyond the predefined ones the world knows
// (ICMP-ALL, SSH, HTTPS, …). Entry types the model does not know (ALG, IGMP, EtherType, nested) are skipped.
import { z } from 'zod';
import { nsxList } from './common';

export const serviceEntrySchema = z.looseObject({
  resource_type: z.string(),
  l4_protocol: z.enum(['TCP', 'UDP']).optional(),
  destination_ports: z.array(z.string()).optional(),
  protocol: z.string().optional(),
  icmp_type: z.number().int().optional(),
  icmp_code: z.number().int().optional(),
  protocol_number: z.number().int().optional(),
});

export const servicesSchema = nsxList(
  z.looseObject({
    id: z.string().min(1),
    display_name: z.string().optional(),
    path: z.string().optional(),
    service_entries: z.array(serviceEntrySchema).default([]),
  }),
);

export type ServicesJson = z.output<typeof servicesSchema>;
