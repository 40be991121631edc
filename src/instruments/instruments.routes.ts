// HTTP routes for /api/v1/instruments: the library (anyone may read it), JSON and XLSForm export
// and import, and versioned edits and retirement by network administrators.
import { z } from 'zod';
import type { RoutePlugin } from '../server/context.ts';
import { AppError, errors } from '../server/errors.ts';
import { ErrorResponse } from '../server/schemas.ts';
import { InstrumentDefinition } from './definition.schema.ts';
import {
  ExportQuery,
  Instrument,
  InstrumentFromDocument,
  InstrumentKeyParams,
  InstrumentListQuery,
  InstrumentSummary,
  InstrumentWritten,
  VersionQuery,
} from './instruments.schema.ts';
import { instrumentsService as service } from './instruments.service.ts';

const tags = ['instruments'];
const writeErrors = { 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export const instrumentRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('', {
    schema: {
      tags,
      summary: 'The instruments library: each instrument at its current version',
      querystring: InstrumentListQuery,
      response: { 200: z.array(InstrumentSummary) },
    },
    handler: (req) => service.list(ctx.db, req.viewer, req.query.include_retired),
  });
  app.get('/:key', {
    schema: {
      tags,
      summary: 'One instrument: its definition (current or a past version) and the scales it uses',
      params: InstrumentKeyParams,
      querystring: VersionQuery,
      response: { 200: Instrument, 404: ErrorResponse },
    },
    handler: (req) => service.get(ctx.db, req.viewer, req.params.key, req.query.version),
  });
  app.get('/:key/export', {
    schema: {
      tags,
      summary: 'Download an instrument as JSON or as an XLSForm workbook (.xlsx)',
      params: InstrumentKeyParams,
      querystring: ExportQuery,
    },
    handler: async (req, reply) => {
      const file = await service.export(
        ctx.db,
        req.viewer,
        req.params.key,
        req.query.version,
        req.query.format,
      );
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  });
  app.post('', {
    schema: {
      tags,
      summary: 'Add an instrument (network administrators)',
      body: InstrumentDefinition,
      response: { 201: InstrumentWritten, ...writeErrors },
    },
    handler: async (req, reply) => reply.status(201).send(await service.create(ctx.db, req.viewer, req.body)),
  });
  app.put('/:key', {
    schema: {
      tags,
      summary: 'Edit an instrument: a changed definition becomes a new version (network administrators)',
      params: InstrumentKeyParams,
      body: InstrumentDefinition,
      response: { 200: InstrumentWritten, 404: ErrorResponse, ...writeErrors },
    },
    handler: (req) => service.update(ctx.db, req.viewer, req.params.key, req.body),
  });
  app.post('/import', {
    schema: {
      tags,
      summary:
        'Import an XLSForm (.xlsx) or JSON file (multipart/form-data, field "file"): a new instrument, or a new version of the one with its key (network administrators)',
      consumes: ['multipart/form-data'],
      response: { 200: InstrumentWritten, 201: InstrumentWritten, 415: ErrorResponse, ...writeErrors },
    },
    handler: async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError(
          415,
          'unsupported_media_type',
          'Upload the file as multipart/form-data, in a field named "file".',
        );
      const part = await req.file();
      if (part?.fieldname !== 'file')
        throw errors.invalidField('file', 'is missing: send the instrument in a form field named "file"');
      const written = await service.importFile(ctx.db, req.viewer, part.filename, await part.toBuffer());
      return reply.status(written.created ? 201 : 200).send(written);
    },
  });
  app.post('/from-document', {
    schema: {
      tags,
      summary:
        'Draft an instrument from a checklist or a set of principles a confirmed document lists (network administrators); publish it when checked',
      body: InstrumentFromDocument,
      response: { 201: InstrumentWritten, 404: ErrorResponse, ...writeErrors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await service.draftFromDocument(ctx.db, req.viewer, req.body)),
  });
  app.post('/:key/publish', {
    schema: {
      tags,
      summary: 'Publish a draft instrument to the library, for assessments to use (network administrators)',
      params: InstrumentKeyParams,
      response: { 200: Instrument, 404: ErrorResponse, ...writeErrors },
    },
    handler: (req) => service.publish(ctx.db, req.viewer, req.params.key),
  });
  for (const [action, retired] of [
    ['retire', true],
    ['restore', false],
  ] as const) {
    app.post(`/:key/${action}`, {
      schema: {
        tags,
        summary: retired
          ? 'Retire an instrument: no new assessments; past ones keep it (network administrators)'
          : 'Bring a retired instrument back (network administrators)',
        params: InstrumentKeyParams,
        response: { 200: Instrument, 404: ErrorResponse, ...writeErrors },
      },
      handler: (req) => service.setRetired(ctx.db, req.viewer, req.params.key, retired),
    });
  }
};
