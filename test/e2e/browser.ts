// Browser tests drive the built web app in Debian's Chromium with playwright-core, against a real
// Tacit server on loopback over a fresh database holding the demo registry.
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { REPO_ROOT, WEB_DIST_DIR } from '../../src/paths.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const CHROMIUM = process.env.TACIT_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots');
const demo = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'demo', 'registry.json'), 'utf8')) as {
  password: string;
};

export interface BrowserApp {
  app: TestApp;
  browser: Browser;
  /** A fresh browser context (own cookies and localStorage) with one page on the app. */
  newPage(): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

export async function startBrowserApp(): Promise<BrowserApp> {
  if (!fs.existsSync(path.join(WEB_DIST_DIR, 'index.html')))
    throw new Error('dist/web is missing: run `npm run build:web` before the browser tests.');
  const app = await startTestApp({}, undefined, { demo: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    app,
    browser,
    async newPage() {
      const context = await browser.newContext({
        baseURL: app.baseUrl,
        viewport: { width: 1366, height: 900 },
        locale: 'en-GB',
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return { page: await context.newPage(), context };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await app.close();
    },
  };
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
