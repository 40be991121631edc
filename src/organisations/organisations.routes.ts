// HTTP routes for /api/v1/organisations: parse, call the service, shape the reply.
import { z } from 'zod';
import type { RoutePlugin } from '../server/context.ts';
import { ErrorResponse, IdParams, listOf } from '../server/schemas.ts';
import { organisationDuplicatesService as duplicates } from './duplicates.service.ts';
import {
  DuplicateCandidates,
  DuplicateCandidatesQuery,
  Organisation,
  OrganisationCreate,
  OrganisationListQuery,
  OrganisationUpdate,
} from './organisations.schema.ts';
import { organisationsService as service } from './organisations.service.ts';

const tags = ['organisations'];

export const organisationRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('', {
    schema: {
      tags,
      summary: 'List organisations',
      querystring: OrganisationListQuery,
      response: { 200: listOf(Organisation) },
    },
    handler: (req) => service.list(ctx.db, req.query),
  });
  app.get('/duplicates', {
    schema: {
      tags,
      summary: 'Organisations probably entered twice, each pair with its reasons',
      description:
        'Found across spellings, acronyms, languages and IATI organisation identifiers: "same IATI ref", "acronym of", ' +
        '"same name in French", the same name written differently, or a similar spelling.',
      querystring: DuplicateCandidatesQuery,
      response: { 200: DuplicateCandidates, 422: ErrorResponse },
    },
    handler: (req) => duplicates.candidates(ctx.db, req.query),
  });
  app.get('/:id', {
    schema: {
      tags,
      summary: 'One organisation',
      params: IdParams,
      response: { 200: Organisation, 404: ErrorResponse },
    },
    handler: (req) => service.get(ctx.db, req.params.id),
  });
  app.post('', {
    schema: {
      tags,
      summary: 'Register an organisation',
      body: OrganisationCreate,
      response: { 201: Organisation },
    },
    handler: async (req, reply) => reply.status(201).send(await service.create(ctx.db, req.viewer, req.body)),
  });
  app.patch('/:id', {
    schema: {
      tags,
      summary:
        'Change an organisation, or its sharing defaults (default_visibility, default_document_visibility)',
      description:
        'Administrators of the organisation, or a network administrator, may change it; placing it under a parent ' +
        'takes the parent’s administrators (or a network administrator); no alias or acronym may copy another ' +
        'organisation’s name or acronym. Its sharing defaults, the visibility new records and documents get when none ' +
        'is given, are changed by its administrators only.',
      params: IdParams,
      body: OrganisationUpdate,
      response: { 200: Organisation, 403: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
    },
    handler: (req) => service.update(ctx.db, req.viewer, req.params.id, req.body),
  });
  app.delete('/:id', {
    schema: { tags, summary: 'Delete an organisation', params: IdParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.remove(ctx.db, req.viewer, req.params.id);
      return reply.status(204).send(null);
    },
  });
};
