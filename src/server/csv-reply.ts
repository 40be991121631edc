// CSV answers: one quoting rule and one reply shape for every download.
import type { FastifyReply } from 'fastify';

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // A leading = + - @ would be run as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows (the first one the header) as CSV text, CRLF line ends as RFC 4180 asks. */
export const csvRows = (rows: unknown[][]): string =>
  `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** Sends `csv` as a download named `fileName`: one place for the type and the disposition every CSV answer needs. */
export function sendCsv(reply: FastifyReply, fileName: string, csv: string | Promise<string>) {
  return Promise.resolve(csv).then((body) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(body),
  );
}
