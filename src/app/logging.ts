// The server's log: one line per request (Fastify's own request logging wrote two JSON lines, one
// as the request came in and one as it ended), readable in a terminal and JSON for a log collector.
// TACIT_LOG_FORMAT chooses; by default a terminal gets text and anything else (a file, a pipe, a
// container's log driver) gets JSON, one object a line.
import { type FastifyBaseLogger, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import pino from 'pino';
import type { Config } from '../config.ts';

export type LogFormat = 'text' | 'json';

export function resolveLogFormat(config: Pick<Config, 'logFormat'>, out = process.stdout): LogFormat {
  if (config.logFormat !== 'auto') return config.logFormat;
  return out.isTTY ? 'text' : 'json';
}

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

interface LogLine {
  time: number;
  level: number;
  msg?: string;
  method?: string;
  url?: string;
  status?: number;
  ms?: number;
  err?: { stack?: string; message?: string };
}

/** One log object as a line of text: the time, then the request or the level and message. */
export function formatLogLine(line: LogLine): string {
  const time = new Date(line.time).toTimeString().slice(0, 8);
  if (line.method && line.status !== undefined)
    return `${time} ${line.method} ${line.url} ${line.status} ${line.ms} ms\n`;
  const level = LEVEL_NAMES[line.level] ?? String(line.level);
  const detail = line.err ? `\n${line.err.stack ?? line.err.message}` : '';
  return `${time} ${level} ${line.msg ?? ''}${detail}\n`;
}

export function createLogger(
  config: Pick<Config, 'logLevel' | 'logFormat'>,
  out: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
): FastifyBaseLogger {
  const options = { level: config.logLevel };
  if (resolveLogFormat(config, out as typeof process.stdout) === 'json') return pino(options, out);
  return pino(options, {
    write: (json: string) => {
      out.write(formatLogLine(JSON.parse(json) as LogLine));
    },
  });
}

/**
 * Fastify's request log lines replaced by one per request, as it ends: method, URL, status and
 * time taken (and the error, for one that failed). "Route not found" is not said twice: the 404 is
 * in that line.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) request.log.error({ ...line, err: error }, 'request');
    else request.log.info(line, 'request');
  }
}
