// Response shapes of a user's API tokens (the scope is also a request field).
import { z } from 'zod';

export const TokenScope = z.enum(['read', 'write']);

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    scope: TokenScope,
    created_at: z.date(),
    last_used_at: z.date().nullable(),
    revoked_at: z.date().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const TokenCreated = z.object({ id: z.string(), secret: z.string(), scope: TokenScope });
