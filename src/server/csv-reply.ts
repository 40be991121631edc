import type { FastifyReply } from 'fastify';

/** Sends `csv` as a download named `fileName`: one place for the type and the disposition every CSV answer needs. */
export function sendCsv(reply: FastifyReply, fileName: string, csv: string | Promise<string>) {
  return Promise.resolve(csv).then((body) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(body),
  );
}
