// HTTP routes for /api/v1/documents: multipart upload (with the extracted draft), metadata, text,
// the stored file, the draft, and its confirmation into registry records.
import type { FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../server/context.ts';
import { deleteRoute } from '../server/delete-route.ts';
import { errors } from '../server/errors.ts';
import { getByIdRoute } from '../server/get-route.ts';
import { readMultipart } from '../server/multipart.ts';
import { ErrorResponse, IdParams, listOf } from '../server/schemas.ts';
import { ConfirmBody, ConfirmReply, DocumentExtraction, UploadReply } from './confirm.schema.ts';
import { confirmService } from './confirm.service.ts';
import {
  Document,
  DocumentListQuery,
  DocumentSummary,
  DocumentUpdate,
  UploadFields,
} from './documents.schema.ts';
import { documentsService as service, type UploadExtractor, type UploadedFile } from './documents.service.ts';
import { ExtractionPool } from './import/pool.ts';

const tags = ['documents'];

/** Reads one file and the form fields from a multipart request, within the upload limit. */
function readUpload(
  req: FastifyRequest,
  limitBytes: number,
): Promise<{ file: UploadedFile; fields: Record<string, string> }> {
  return readMultipart(req, { upload: 'the file', missing: 'the document' }, async (part) => {
    try {
      return { filename: part.filename, mediaType: part.mimetype, bytes: await part.toBuffer() };
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw errors.tooLarge(limitBytes);
      throw err;
    }
  });
}

export const documentRoutes: RoutePlugin = (ctx) => async (app) => {
  // Uploads are read and extracted in worker threads, so that a large or slow file never holds the
  // event loop that answers everyone else; each document within a time and a memory limit.
  const extraction = new ExtractionPool({
    timeLimitMs: ctx.config.extractTimeLimitMs,
    heapMb: ctx.config.extractHeapMb,
  });
  // Before the server waits for requests in flight to end: an upload being read ends now (503).
  app.addHook('preClose', () => extraction.close());
  const extractUpload: UploadExtractor = (request) => extraction.extract(request);

  app.get('', {
    schema: {
      tags,
      summary: 'List documents you may see',
      querystring: DocumentListQuery,
      response: { 200: listOf(DocumentSummary) },
    },
    handler: (req) => service.list(ctx.db, req.viewer, req.query),
  });
  getByIdRoute(
    app,
    '/:id',
    { tags, summary: 'One document with its text', response: Document },
    (viewer, id) => service.getWithText(ctx.db, viewer, id),
  );
  app.get('/:id/file', {
    schema: { tags, summary: 'The stored file, as uploaded', params: IdParams },
    handler: async (req, reply) => {
      const file = await service.file(ctx.db, req.viewer, req.params.id);
      return reply
        .type(file.media_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(Buffer.from(file.content));
    },
  });
  app.post('', {
    schema: {
      tags,
      summary:
        'Upload a document (multipart/form-data: file, and optionally owner_org_id, visibility, project_id, kind, title); the reply carries the extracted draft',
      consumes: ['multipart/form-data'],
      response: {
        200: UploadReply,
        201: UploadReply,
        413: ErrorResponse,
        415: ErrorResponse,
        422: ErrorResponse,
        503: ErrorResponse,
      },
    },
    handler: async (req, reply) => {
      const { file, fields } = await readUpload(req, ctx.config.maxUploadBytes);
      const parsed = UploadFields.safeParse(fields);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
        throw errors.validation(`${problems[0]?.field}: ${problems[0]?.message}`, problems);
      }
      const { document, duplicate } = await service.upload(
        ctx.db,
        req.viewer,
        file,
        parsed.data,
        extractUpload,
      );
      return reply.status(duplicate ? 200 : 201).send({ ...document, duplicate });
    },
  });
  getByIdRoute(
    app,
    '/:id/extraction',
    {
      tags,
      summary: 'The draft extracted from a document (record, provenance, confidence) and its confirmation',
      response: DocumentExtraction,
    },
    (viewer, id) => service.getExtraction(ctx.db, viewer, id),
  );
  app.post('/:id/confirm', {
    schema: {
      tags,
      summary:
        'Confirm the (corrected) draft: creates or updates the project and, by kind, its reviews, evaluation, recommendations, lessons or meeting, in one transaction',
      params: IdParams,
      body: ConfirmBody,
      response: {
        200: ConfirmReply,
        403: ErrorResponse,
        404: ErrorResponse,
        409: ErrorResponse,
        422: ErrorResponse,
      },
    },
    handler: async (req) => {
      const confirmation = await confirmService.confirm(ctx.db, req.viewer, req.params.id, req.body);
      return { document: await service.get(ctx.db, req.viewer, req.params.id), confirmation };
    },
  });
  app.patch('/:id', {
    schema: {
      tags,
      summary: 'Change a document’s title, kind, visibility or project',
      params: IdParams,
      body: DocumentUpdate,
      response: { 200: DocumentSummary },
    },
    handler: (req) => service.update(ctx.db, req.viewer, req.params.id, req.body),
  });
  deleteRoute(
    app,
    ctx,
    { tags, summary: 'Delete a document and its file (restorable for 30 days)' },
    (viewer, id, version, at) => service.remove(ctx.db, viewer, id, version, at),
  );
};
