// Response shapes of an organisation's members.
import { z } from 'zod';
import { Role } from '../auth/auth.schema.ts';

export const Member = z
  .object({
    user_id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: Role,
    has_password: z.boolean(),
    joined_at: z.date(),
  })
  .meta({ id: 'Member' });

export const MemberAdded = z.object({ member: Member, invitation_token: z.string().nullable() });
