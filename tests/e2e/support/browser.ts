import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const chromiumPath = '/usr/bin/chromium';

/**
 * Every page of a journey checks the server's answers against the API contract (the production build
 * skips that unless `window.__PLUME_CHECK_API__` is set). A mismatch is logged as `[contract] …` and
 * fails the journey when the browser closes, even if the page carried on.
 */
function checkAnswersIn(browser: Browser, mismatches: string[]): void {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...options: Parameters<Browser['newContext']>) => {
    const context = await newContext(...options);
    await context.addInitScript(() => {
      window.__PLUME_CHECK_API__ = true;
    });
    context.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith('[contract]')) mismatches.push(message.text());
    });
    return context;
  };
}

/**
 * Debian's Chromium, headless, with no background network (the machine is offline). Playwright gives
 * every launch a fresh temporary profile.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const mismatches: string[] = [];
  checkAnswersIn(browser, mismatches);
  return {
    browser,
    close: async () => {
      await browser.close();
      if (mismatches.length > 0)
        throw new Error(`Answers that do not match the API contract:\n${mismatches.join('\n')}`);
    },
  };
}

export const screenshotDir = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

/** Saves what the user saw, for a failing journey. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/[^\w-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  return file;
}
