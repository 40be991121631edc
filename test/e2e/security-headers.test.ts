// The Content-Security-Policy in the browser: the web app's screens (signed in, with charts, the map
// and an upload form) and the interactive API page at /api/docs work under it with no violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, signIn, startBrowserApp } from './browser.ts';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(async () => {
  await b?.close();
});

describe('content security policy in the browser', () => {
  it('lets every screen of the web app and the API page run without a violation', async () => {
    const { page } = await b.newPage();
    const violations: string[] = [];
    // Chromium reports each blocked script, style, image or connection on the console.
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const header = (await page.goto('/'))?.headers()['content-security-policy'];
    expect(header).toContain("frame-ancestors 'none'");
    await signIn(page, 'unodc@tacit.demo');
    for (const path of [
      '/',
      '/projects?country=PE',
      '/coordination?view=matrix',
      '/coordination?view=gaps&country=PE',
      '/countries/MX',
      '/search',
      '/contribute',
      '/admin',
    ]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      // The app drew the screen (a blocked script would leave the root empty).
      expect(await page.locator('#root *').count()).toBeGreaterThan(10);
    }
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .opblock').first().waitFor();
    expect(await page.locator('.swagger-ui .opblock').count()).toBeGreaterThan(20);
    expect(violations).toEqual([]);
  });
});
