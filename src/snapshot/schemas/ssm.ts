// ssm/describe-instance-information.json (optional): `aws ssm describe-instance-information --output json`.
// Hybrid managed nodes (`mi-…`) are matched to SDDC VMs by IP address, then computer name, then name.
import { z } from 'zod';

export const ssmInstancesSchema = z.looseObject({
  InstanceInformationList: z.array(
    z.looseObject({
      InstanceId: z.string().min(1),
      PingStatus: z.string().optional(),
      ComputerName: z.string().optional(),
      IPAddress: z.string().optional(),
      Name: z.string().optional(),
      ResourceType: z.string().optional(),
    }),
  ),
});

export type SsmInstancesJson = z.output<typeof ssmInstancesSchema>;
