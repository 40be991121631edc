// The one place reads are audited: after any GET that read an owned record (which record, and
// where its id is: src/audit/read-paths.ts) answers 200, the record is noted in its owner's trail
// when it is owner-only or shared. The entry is written before the reply leaves, so a reader who
// has the record has been noted.
import type { FastifyInstance } from 'fastify';
import { auditService } from '../audit/audit.service.ts';
import { idsRead, recordReadBy } from '../audit/read-paths.ts';
import type { AppContext } from '../server/context.ts';

export function installReadAudit(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' || reply.statusCode !== 200) return payload;
    const url = req.routeOptions.url;
    const read = url ? recordReadBy(url) : null;
    if (read)
      await auditService.read(ctx.db, req.viewer, { kind: read.kind, ids: idsRead(read, req), via: url! });
    return payload;
  });
}
