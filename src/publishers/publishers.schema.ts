import { z } from 'zod';
import { Id } from '../server/schemas.ts';

export const PublisherRef = z
  .object({
    ref: z.string().describe('An IATI organisation identifier (reporting-org @ref), e.g. US-GOV-1'),
    org_id: Id,
    verified_at: z.date(),
  })
  .meta({ id: 'PublisherRef' });

export const PublisherRefCreate = z.strictObject({
  ref: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100)
    .regex(
      /^[^\s<>"\p{Cc}]+$/u,
      'must be an IATI organisation identifier without spaces or control characters, e.g. US-GOV-1',
    ),
});
export type PublisherRefCreate = z.infer<typeof PublisherRefCreate>;

export const PublisherRefParams = z.object({ id: Id, ref: z.string().min(1).max(100) });
