// HTTP routes for an organisation's members (/api/v1/organisations/{id}/members) and for
// accepting an invitation (/api/v1/auth/accept-invitation is registered by authRoutes' neighbour here).
import { z } from 'zod';
import { Role } from '../auth/auth.schema.ts';
import type { RoutePlugin } from '../server/context.ts';
import { ErrorResponse, Id } from '../server/schemas.ts';
import { Member, MemberAdded } from './members.schema.ts';
import { membersService as service } from './members.service.ts';

const tags = ['members'];
const OrgParams = z.object({ id: Id });
const MemberParams = z.object({ id: Id, userId: Id });

export const memberRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('/organisations/:id/members', {
    schema: {
      tags,
      summary: 'Members of an organisation (members only)',
      params: OrgParams,
      response: { 200: z.array(Member), 403: ErrorResponse },
    },
    handler: (req) => service.list(ctx.db, req.viewer, req.params.id),
  });
  app.post('/organisations/:id/members', {
    schema: {
      tags,
      summary: 'Add a member; someone without a password gets a one-time invitation token to choose one',
      params: OrgParams,
      body: z.object({
        email: z.string().trim().min(3).max(300),
        role: Role,
        name: z.string().trim().max(300).nullish(),
      }),
      response: {
        201: MemberAdded,
        403: ErrorResponse,
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await service.add(ctx.db, req.viewer, req.params.id, req.body)),
  });
  app.patch('/organisations/:id/members/:userId', {
    schema: {
      tags,
      summary: 'Change a member’s role',
      params: MemberParams,
      body: z.object({ role: Role }),
      response: { 200: Member, 409: ErrorResponse },
    },
    handler: (req) => service.changeRole(ctx.db, req.viewer, req.params.id, req.params.userId, req.body.role),
  });
  app.delete('/organisations/:id/members/:userId', {
    schema: {
      tags,
      summary: 'Remove a member',
      params: MemberParams,
      response: { 204: z.null(), 409: ErrorResponse },
    },
    handler: async (req, reply) => {
      await service.remove(ctx.db, req.viewer, req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  });
  app.post('/auth/accept-invitation', {
    schema: {
      tags,
      summary: 'Choose a password with an invitation token; then sign in',
      body: z.object({ token: z.string().min(1), password: z.string() }),
      response: { 200: z.object({ email: z.string() }), 422: ErrorResponse },
    },
    handler: (req) => service.acceptInvitation(ctx.db, req.body.token, req.body.password),
  });
};
