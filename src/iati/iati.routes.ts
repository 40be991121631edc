// HTTP routes for IATI: POST /api/v1/imports/iati (upload, runs in the background),
// GET /api/v1/imports/iati/:id (progress), GET /api/v1/export/iati (activities you may see).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { assertCanWrite } from '../access/permissions.ts';
import { auditService } from '../audit/audit.service.ts';
import type { RoutePlugin } from '../server/context.ts';
import { errors } from '../server/errors.ts';
import { getByIdRoute } from '../server/get-route.ts';
import { readMultipart } from '../server/multipart.ts';
import { ErrorResponse } from '../server/schemas.ts';
import { ExportQuery, ImportJob } from './iati.schema.ts';
import { discardUpload, iatiService } from './iati.service.ts';

const tags = ['iati'];

/** Streams the uploaded file to a temporary file (an IATI file can be far larger than memory should hold). */
async function saveUpload(req: FastifyRequest, limitBytes: number) {
  const { file: saved, fields } = await readMultipart(
    req,
    { upload: 'the IATI file', missing: 'the IATI XML (or .xml.gz)' },
    async (part) => {
      const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-iati-upload-')), 'upload.xml');
      await pipeline(part.file, fs.createWriteStream(target));
      if (part.file.truncated) {
        discardUpload(target);
        throw errors.tooLarge(limitBytes);
      }
      return { path: target, filename: part.filename };
    },
  );
  return { saved, fields };
}

export const iatiRoutes: RoutePlugin = (ctx) => async (app) => {
  app.post('/imports/iati', {
    schema: {
      tags,
      summary:
        'Import an IATI activity file (multipart: file, optional publisher and owner_org_id); poll the job it returns',
      consumes: ['multipart/form-data'],
      response: {
        202: ImportJob,
        401: ErrorResponse,
        403: ErrorResponse,
        413: ErrorResponse,
        415: ErrorResponse,
      },
    },
    handler: async (req, reply) => {
      // Refuse before reading the body, so an anonymous upload never reaches the disk.
      assertCanWrite(req.viewer);
      const { saved, fields } = await saveUpload(req, ctx.config.maxUploadBytes);
      const job = await iatiService.startImportJob(ctx.db, req.viewer, saved, fields);
      return reply.status(202).send(job);
    },
  });
  getByIdRoute(
    app,
    '/imports/iati/:id',
    { tags, summary: 'Progress and report of an IATI import', response: ImportJob },
    (viewer, id) => iatiService.getImportJob(ctx.db, viewer, id),
  );
  app.get('/export/iati', {
    schema: {
      tags,
      summary: 'The projects you may see as IATI 2.03 activity XML',
      description:
        'Records whose owner has no IATI organisation identifier are reported by this installation (TACIT_IATI_ORG_REF) as secondary reporter; without it they are left out, and an XML comment says how many.',
      querystring: ExportQuery,
    },
    handler: async (req, reply) => {
      await auditService.exported(ctx.db, req.viewer, 'iati_export', req.query);
      // Streamed a page of projects at a time: the export of a large registry never sits in memory.
      const body = new PassThrough();
      const write = (chunk: string) => {
        if (!body.write(chunk)) return new Promise<void>((resolve) => body.once('drain', () => resolve()));
      };
      iatiService
        .exportActivities(ctx.db, req.viewer, req.query, write, {
          reporter: ctx.config.iatiReporter,
          // Owner-only and shared projects that leave in the file are reads their owners see.
          onWritten: (ids) =>
            auditService.read(ctx.db, req.viewer, { kind: 'project', ids, via: '/api/v1/export/iati' }),
        })
        .then(
          () => body.end(),
          (err: Error) => body.destroy(err),
        );
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', 'attachment; filename="tacit-iati-activities.xml"')
        .send(body);
    },
  });
};
