// Security headers on a page of the web app and on an API answer, and behind a TLS proxy
// (TACIT_TRUST_PROXY): HSTS and a Secure session cookie; a bad TACIT_TRUST_PROXY stops start-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { ConfigError, loadConfig } from '../config.ts';

function expectCommonHeaders(headers: Headers) {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('same-origin');
}

describe('security headers', () => {
  let direct: TestApp;
  let proxied: TestApp;
  let member: TestMember;
  beforeAll(async () => {
    direct = await startTestApp();
    proxied = await startTestApp({ TACIT_TRUST_PROXY: 'true' });
    member = (await buildOrgWithEditor(proxied.db)).editor;
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
  });

  it('sends them with a page and with an API answer, without HSTS over plain HTTP', async () => {
    for (const path of ['/', '/projects', '/api/v1/projects?limit=1', '/api/v1/no-such-route']) {
      const res = await fetch(direct.baseUrl + path);
      expectCommonHeaders(res.headers);
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('adds HSTS and marks the session cookie Secure behind a TLS proxy', async () => {
    const page = await fetch(`${proxied.baseUrl}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expectCommonHeaders(page.headers);
    expect(page.headers.get('strict-transport-security')).toContain('max-age=31536000');
    const login = await fetch(`${proxied.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ email: member.email, password: member.password }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/; Secure/i);
    const plain = await fetch(`${direct.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ email: 'nobody@example.org', password: 'whatever-1234' }),
    });
    // Not behind a trusted proxy, a forwarded protocol is not believed.
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('refuses a TACIT_TRUST_PROXY that is not true or false, naming it', () => {
    expect(() => loadConfig({ TACIT_TRUST_PROXY: 'yes please' })).toThrow(ConfigError);
    expect(() => loadConfig({ TACIT_TRUST_PROXY: 'yes please' })).toThrow(
      /TACIT_TRUST_PROXY: must be true or false/,
    );
    expect(loadConfig({ TACIT_TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});
