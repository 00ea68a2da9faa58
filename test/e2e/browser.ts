import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { MESSAGES } from '../../apps/console/src/i18n/messages';

export const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');

/** Debian's chromium, headless, on a 1366×768 laptop screen. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  // What the browser complains about goes to the test log: a failing page says why.
  page.on('pageerror', (error) => process.stderr.write(`[browser] page error: ${error.message}\n`));
  page.on('console', (message) => {
    if (message.type() === 'error') process.stderr.write(`[browser] console error: ${message.text()}\n`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().includes('/api/')) {
      process.stderr.write(
        `[browser] ${response.status()} ${response.request().method()} ${response.url()}\n`,
      );
    }
  });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/**
 * The page shows no i18n key as text and no unfilled placeholder: every text went through the
 * dictionary. Returns the offending snippets (empty when all is translated).
 */
export async function untranslated(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const keys = Object.keys(MESSAGES.zh).filter((k) => text.includes(k));
  const placeholders = text.match(/\{[a-zA-Z]+\}/g) ?? [];
  return [...keys, ...placeholders];
}

/** The page fits a 1366-pixel-wide screen: nothing scrolls sideways. */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
