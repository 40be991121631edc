// The SMTP settings are checked at start-up: a digest needs a sender and an address for its links.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

describe('reminder settings', () => {
  it('sends no e-mail without an SMTP host', () => {
    expect(loadConfig({}).smtp).toBeUndefined();
    expect(loadConfig({ PORT: '9000' }).publicUrl).toBe('http://127.0.0.1:9000');
  });

  it('reads a complete SMTP configuration', () => {
    const config = loadConfig({
      TACIT_SMTP_HOST: 'mail.example.org',
      TACIT_SMTP_PORT: '465',
      TACIT_SMTP_SECURE: 'true',
      TACIT_SMTP_USER: 'tacit',
      TACIT_SMTP_PASSWORD: 'secret',
      TACIT_MAIL_FROM: 'digest@example.org',
      TACIT_PUBLIC_URL: 'https://tacit.example.org/',
      TACIT_DIGEST_HOUR: '7',
    });
    expect(config.smtp).toEqual({
      host: 'mail.example.org',
      port: 465,
      secure: true,
      user: 'tacit',
      password: 'secret',
      from: 'digest@example.org',
    });
    expect(config.publicUrl).toBe('https://tacit.example.org');
    expect(config.digestHour).toBe(7);
  });

  it('names each missing or bad setting', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      throw new Error('the configuration was accepted');
    };
    const missing = problems({ TACIT_SMTP_HOST: 'mail.example.org', TACIT_SMTP_USER: 'tacit' });
    expect(missing).toContain('TACIT_MAIL_FROM: is required when TACIT_SMTP_HOST is set');
    expect(missing).toContain('TACIT_PUBLIC_URL: is required when TACIT_SMTP_HOST is set');
    expect(missing).toContain('TACIT_SMTP_PASSWORD: is required with TACIT_SMTP_USER');
    expect(problems({ TACIT_MAIL_FROM: 'not an address' })).toContain(
      'TACIT_MAIL_FROM: must be an e-mail address',
    );
    expect(problems({ TACIT_PUBLIC_URL: 'ftp://tacit' })).toContain(
      'TACIT_PUBLIC_URL: must be an http(s) URL',
    );
    expect(problems({ TACIT_DIGEST_HOUR: '24' })).toContain('TACIT_DIGEST_HOUR');
  });
});
