// Requests and replies of the merges: fold one organisation or project into another, and undo it.
import { z } from 'zod';
import { Id } from '../server/schemas.ts';

export const MergeParams = z.object({ id: Id.describe('The organisation or project to merge away') });

export const MergeRequest = z.strictObject({
  into: Id.describe('The organisation or project that stays and takes every reference'),
});

const Named = z.object({ id: z.string(), name: z.string() });

export const MergeResult = z
  .object({
    id: Id.describe('The merge: undo it with POST …/merges/{id}/undo'),
    kind: z.enum(['organisation', 'project']),
    source: Named.describe('What was merged away (its name as it was)'),
    target: Named.describe('What stays'),
    merged_at: z.date(),
    undone_at: z.date().nullable(),
  })
  .meta({ id: 'MergeResult' });
