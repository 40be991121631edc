// Response shapes of a user's API tokens (the scope is also a request field).
import { z } from 'zod';

export const TokenScope = z.enum(['read', 'write']);

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    scope: TokenScope,
    created_at: z.date(),
    expires_at: z.date().nullable(),
    last_used_at: z.date().nullable(),
    revoked_at: z.date().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const TokenCreated = z.object({
  id: z.string(),
  secret: z.string(),
  scope: TokenScope,
  expires_at: z.date().nullable(),
});

export const TokenCreate = z.object({
  name: z.string().trim().min(1).max(200),
  scope: TokenScope.default('read'),
  expires_at: z.iso
    .datetime({ offset: true, message: 'must be a date and time with a zone, e.g. 2027-06-30T00:00:00Z' })
    .optional()
    .describe('After this moment the token is refused (401) like an unknown one; none: until revoked'),
});
