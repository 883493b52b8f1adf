// Shared set-up of the end-to-end tests: serve the built dist/ on 127.0.0.1, drive Debian's
// Chromium with playwright-core, and record everything a page must never do (talk to another
// origin, log an error, break its CSP).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * A static file server for `dir` on 127.0.0.1 and a free port, like any static host; with
 * `prefix`, the folder is served under that path only (`/sante/precheck/`), as on a
 * university's site.
 */
export async function serve(dir = DIST, { prefix = '/' } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const full = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!full.startsWith(prefix)) throw new Error('outside the prefix');
      const path = full.slice(prefix.length - 1);
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, as this machine needs it (root, no network but loopback). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Registers the file's set-up: one server of dist/ and one Chromium for all its tests.
 * Returns an object whose `url` and `browser` are set once `before` has run.
 */
export function suite() {
  const ctx = { url: '', browser: null };
  let server;
  before(async () => {
    server = await serve();
    ctx.url = server.url;
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    await server?.close();
  });
  return ctx;
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * Opens the app in a fresh context and waits for its first screen. `problems` collects requests
 * to other origins, console errors, uncaught exceptions and CSP violations as they happen.
 * `clock` sets the browser's today for tests whose words depend on it.
 */
export async function open(browser, url, { locale = 'en-US', viewport = DESKTOP, clock } = {}) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  // A test that depends on today's date fixes it (`clock`: a Date); time still runs.
  if (clock) await page.clock.install({ time: clock });
  const origin = new URL(url).origin;
  const problems = { foreignRequests: [], consoleErrors: [], cspViolations: [] };
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.origin !== origin) {
      problems.foreignRequests.push(r.url());
    }
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => problems.consoleErrors.push(String(e)));
  await page.exposeFunction('__reportCsp', (v) => problems.cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, context, problems };
}

/** Every box has its verdict: no check running, counting the re-checks a file in another box
 * brings (each box's file is compared with the others', so a new verdict re-checks them). */
export async function settled(page, timeout = 30_000) {
  await page.waitForFunction(() => !document.querySelector('.upload .checking'), null, { timeout });
}

/** The texts a person sees: every visible text node, trimmed, in document order. */
export function visibleTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.replace(/\s+/g, ' ').trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('noscript')) continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const offscreen = box.bottom < 0 || box.right < 0;
      if (style.visibility === 'hidden' || style.display === 'none' || offscreen) continue;
      if (box.width === 0 && box.height === 0) continue;
      out.push(text);
    }
    return out;
  });
}

/** Runs axe-core on the page (injected over the DevTools protocol, which the CSP does not govern). */
export async function axe(page) {
  const source = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/** Switches the page to French and waits until it shows it: the French wording is fetched the
 * first time (src/page/hooks/catalog.rs). */
export async function toFrench(page) {
  await page.getByRole('button', { name: 'Français' }).click();
  await page.waitForSelector('html[lang="fr"]');
}
