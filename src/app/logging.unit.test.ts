// The log's two formats: text for a person at a terminal, JSON for a collector; chosen by
// TACIT_LOG_FORMAT, or by whether standard output is a terminal.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, formatLogLine, resolveLogFormat } from './logging.ts';

function capture(format: 'text' | 'json' | 'auto', isTTY: boolean) {
  const out = Object.assign(new PassThrough(), { isTTY });
  let written = '';
  out.on('data', (d) => {
    written += d;
  });
  const logger = createLogger({ logLevel: 'info', logFormat: format }, out);
  return { logger, written: () => written };
}

describe('the server log', () => {
  it('is text in a terminal and JSON otherwise, unless TACIT_LOG_FORMAT says', () => {
    expect(resolveLogFormat({ logFormat: 'auto' }, { isTTY: true } as typeof process.stdout)).toBe('text');
    expect(resolveLogFormat({ logFormat: 'auto' }, { isTTY: false } as typeof process.stdout)).toBe('json');
    expect(resolveLogFormat({ logFormat: 'json' }, { isTTY: true } as typeof process.stdout)).toBe('json');
    expect(resolveLogFormat({ logFormat: 'text' }, { isTTY: false } as typeof process.stdout)).toBe('text');
  });

  it('writes a request as one readable line in text', async () => {
    const { logger, written } = capture('auto', true);
    logger.info({ method: 'GET', url: '/api/v1/projects?q=police', status: 200, ms: 12.5 }, 'request');
    logger.warn('housekeeping: slow');
    await new Promise((r) => setImmediate(r));
    const lines = written().split('\n');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d GET \/api\/v1\/projects\?q=police 200 12\.5 ms$/);
    expect(lines[1]).toMatch(/^\d\d:\d\d:\d\d WARN housekeeping: slow$/);
    expect(lines).toHaveLength(3);
  });

  it('writes a request as one JSON object in json', async () => {
    const { logger, written } = capture('json', true);
    logger.info({ method: 'POST', url: '/api/v1/auth/login', status: 401, ms: 3 }, 'request');
    await new Promise((r) => setImmediate(r));
    const lines = written().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 30,
      method: 'POST',
      url: '/api/v1/auth/login',
      status: 401,
      ms: 3,
      msg: 'request',
    });
  });

  it('prints an error with its stack in text', () => {
    const text = formatLogLine({
      time: 0,
      level: 50,
      msg: 'request failed',
      err: { stack: 'Error: boom\n    at x' },
    });
    expect(text).toMatch(/^\d\d:\d\d:\d\d ERROR request failed\nError: boom\n {4}at x\n$/);
  });
});
