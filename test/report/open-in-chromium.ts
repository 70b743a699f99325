import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

// Runs in the page; a string because this project's tsconfig has no DOM types.
const INSPECT = `(() => {
  const canvases = [...document.querySelectorAll('canvas')];
  const painted = canvases.map((c) => {
    const ctx = c.getContext('2d');
    if (ctx === null || c.width === 0 || c.height === 0) return 0;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 64) if (data[i] !== 0) n += 1;
    return n;
  });
  return { canvases: canvases.length, charts: (window.__harnessCharts || []).length, painted, injected: window.__xss !== undefined };
})()`;

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

export interface PageCheck {
  readonly canvases: number;
  readonly charts: number;
  /** Per canvas: how many sampled pixels are not transparent. */
  readonly paintedPixels: readonly number[];
  readonly errors: readonly string[];
  readonly externalRequests: readonly string[];
  /** True when a fixture's hostile markup ran (it sets window.__xss). */
  readonly injected: boolean;
}

/**
 * Opens a report file in headless Chromium with no network, waits for the charts,
 * samples every canvas and saves a screenshot.
 */
export async function openReport(file: string, screenshot: string): Promise<PageCheck> {
  return withPage(async (page) => {
    const errors: string[] = [];
    const externalRequests: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    page.on('request', (req) => {
      if (!/^(file|data|blob):/.test(req.url())) externalRequests.push(req.url());
    });
    await loadReport(page, file);
    const result = await page.evaluate<{
      canvases: number;
      charts: number;
      painted: number[];
      injected: boolean;
    }>(INSPECT);
    await page.screenshot({ path: screenshot, fullPage: true });
    return {
      canvases: result.canvases,
      charts: result.charts,
      paintedPixels: result.painted,
      errors,
      externalRequests,
      injected: result.injected,
    };
  });
}

// The text a reader sees without scrolling: every text node whose box starts inside the viewport.
const FIRST_SCREEN_TEXT = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.textContent.trim() === '' || node.parentElement.closest('script,style') !== null) continue;
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.height > 0 && box.top < window.innerHeight && box.bottom > 0) out.push(node.textContent.trim());
  }
  return out.join('\\n');
})()`;

/**
 * Opens a report at 1280×900, saves a screenshot of the first screen only (no scrolling) and
 * returns the text visible on it, so a test can assert what a reader sees first.
 */
export async function firstScreen(file: string, screenshot: string): Promise<string> {
  return withPage(async (page) => {
    await loadReport(page, file);
    await page.screenshot({ path: screenshot, fullPage: false });
    return await page.evaluate<string>(FIRST_SCREEN_TEXT);
  });
}

/**
 * A 1280×900 page in Debian's headless Chromium with its background networking off, closed
 * after `use`. Fails loudly when Chromium is missing instead of skipping, so CI cannot pass
 * without the browser check.
 */
async function withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_BIN)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    return await use(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
  } finally {
    await browser.close();
  }
}

/** Opens a report file and waits (at most 10 s, then goes on) for it to mark its charts drawn. */
async function loadReport(page: Page, file: string): Promise<void> {
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 20_000 });
  await page.waitForSelector('body[data-charts]', { timeout: 10_000 }).catch(() => undefined);
}
