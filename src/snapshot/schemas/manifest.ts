// manifest.json: our own small file naming the region (and optionally the account) the exports come from.
import { z } from 'zod';

export const manifestSchema = z.looseObject({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: 'is not an AWS region such as ap-northeast-1' }),
  description: z.string().default(''),
  accountId: z
    .string()
    .regex(/^\d{12}$/, { error: 'is not a 12-digit AWS account id' })
    .optional(),
});

export type ManifestJson = z.output<typeof manifestSchema>;
