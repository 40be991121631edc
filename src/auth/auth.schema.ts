// Response shapes of /api/v1/auth: who the request is from, after sign-in or at any time.
import { z } from 'zod';

export const Role = z.enum(['admin', 'editor', 'viewer']);

export const Me = z.object({
  user_id: z.string().nullable(),
  email: z.string().nullable(),
  memberships: z.array(z.object({ org_id: z.string(), role: Role })),
  scope: z.enum(['read', 'write']),
});
