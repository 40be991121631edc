// Test support for reminders: a real SMTP server on a loopback port that keeps what it receives,
// and a Tacit server on its own clock.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { buildApp } from '../../src/app/app.ts';
import { loadConfig, type SmtpConfig } from '../../src/config.ts';
import type { Clock } from '../../src/reminders/clock.ts';
import type { ApiResponse } from './test-app.ts';
import type { TestDatabase } from './test-db.ts';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

/** Quoted-printable body text back to what was sent (soft line breaks joined, bytes decoded). */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(Number.parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n');
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const subject = /^Subject: (.*)$/im.exec(head)?.[1] ?? '';
  const quoted = /^Content-Transfer-Encoding: quoted-printable/im.test(head);
  const base64 = /^Content-Transfer-Encoding: base64/im.test(head);
  const text = quoted
    ? decodeQuotedPrintable(body)
    : base64
      ? Buffer.from(body, 'base64').toString('utf8')
      : body.replace(/\r\n/g, '\n');
  return { to, subject, text };
}

export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        received.push(parseMail(Buffer.concat(chunks).toString('utf8'), to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const smtp: SmtpConfig = {
    host: '127.0.0.1',
    port,
    secure: false,
    user: undefined,
    password: undefined,
    from: 'digest@tacit.test',
  };
  return { smtp, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A Tacit server over the test database whose reminders run by `clock`; returns its base URL. */
export async function startClockedServer(t: TestDatabase, clock: Clock) {
  const config = { ...loadConfig({ TACIT_LOG_LEVEL: 'silent' }), ...t.config };
  const app = await buildApp({ db: t.db, config, clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    /** A JSON request to the server, as the test app's client makes it. */
    async request(
      method: string,
      path: string,
      opts: { token?: string; body?: unknown } = {},
    ): Promise<ApiResponse> {
      const headers: Record<string, string> = {};
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
      const res = await fetch(baseUrl + path, { method, headers, body });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    },
    close: () => app.close(),
  };
}
