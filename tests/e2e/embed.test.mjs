// Universities: the embed snippet on a page of another origin, the same settings in a plain
// URL, the built folder under a sub-path, and the app working offline once loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, launch, open, serve } from './harness.mjs';
import { file, textPdf } from './fixtures.mjs';
import { answerStep1 } from './student.mjs';

let appServer;
let hostServer;
let subPath;
let browser;

before(async () => {
  appServer = await serve();
  subPath = await serve(DIST, { prefix: '/sante/precheck/' });
  // The university's own page, on another origin (another port), pasting the snippet.
  const example = await readFile(join(DIST, 'embed-example.html'), 'utf8');
  const page = example.replace('src="embed.js"', `src="${appServer.url}embed.js"`);
  assert.notEqual(page, example, 'the example page loads embed.js');
  hostServer = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise((ok) => hostServer.listen(0, '127.0.0.1', ok));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await appServer?.close();
  await subPath?.close();
  await new Promise((ok) => hostServer?.close(ok));
});

test('the snippet on a university page shows the app in its language and colour, resized, talking to no one', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  const appOrigin = new URL(appServer.url).origin;
  const hostUrl = `http://127.0.0.1:${hostServer.address().port}/`;
  const elsewhere = [];
  page.on('request', (r) => {
    const origin = new URL(r.url()).origin;
    const fromApp = r.frame() !== page.mainFrame();
    if (fromApp ? origin !== appOrigin && !r.url().startsWith('blob:') : ![appOrigin, new URL(hostUrl).origin].includes(origin)) {
      elsewhere.push(r.url());
    }
  });
  await page.addInitScript(() => {
    window.received = [];
    window.addEventListener('message', (e) => window.received.push(e.data));
  });
  await page.goto(hostUrl);
  const frame = page.frameLocator('iframe[title*="secu-precheck"]');
  await frame.getByRole('heading', { level: 1, name: /^Réussissez/ }).waitFor();
  assert.match(await frame.locator('.site-header').innerText(), /Proposé par Université Exemple/);
  assert.equal(await frame.getByRole('link', { name: 'sante@univ.example' }).getAttribute('href'), 'mailto:sante@univ.example');
  const colour = await frame.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(colour, 'rgb(10, 92, 54)', 'the university accent');
  // The frame grows to the app's height: no inner scroll bar.
  const iframe = page.locator('iframe');
  await page.waitForFunction(() => parseInt(document.querySelector('iframe').style.height, 10) > 1500);
  const inner = await frame.locator('html').evaluate((el) => el.scrollHeight);
  const outer = parseInt(await iframe.evaluate((el) => el.style.height), 10);
  assert.ok(Math.abs(inner - outer) <= 2, `iframe ${outer}px for content ${inner}px`);
  // A file is checked inside the frame, still without a request anywhere else.
  await frame.locator('#file-identity').setInputFiles(file('passeport.pdf', textPdf([['x']], { encrypt: true }), 'application/pdf'));
  await frame.locator('.upload[data-doc="identity"] [data-verdict="error"]').waitFor();
  const messages = await page.evaluate(() => window.received);
  assert.ok(messages.length > 0);
  for (const m of messages) assert.deepEqual(Object.keys(m), ['secuPrecheckHeight'], 'only the height leaves the app');
  assert.deepEqual(elsewhere, []);
  await context.close();
});

test('the same settings work as URL parameters of a plain iframe', async () => {
  const { page, context, problems } = await open(
    browser,
    `${appServer.url}?lang=en&university=Universit%C3%A9%20Exemple&accent=%23a0c&contact=https%3A%2F%2Funiv.example%2Fsante`,
  );
  assert.match(await page.locator('.site-header').innerText(), /Offered by Université Exemple/);
  assert.equal(await page.getByRole('link', { name: 'https://univ.example/sante' }).count(), 1);
  const colour = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(colour, 'rgb(170, 0, 204)');
  assert.deepEqual(problems, { foreignRequests: [], consoleErrors: [], cspViolations: [] });
  await context.close();
});

test('the built folder works under a sub-path, workers and postcode base included', async () => {
  const { page, context, problems } = await open(browser, subPath.url);
  assert.match(subPath.url, /\/sante\/precheck\/$/);
  await page.locator('#file-identity').setInputFiles(file('id.pdf', textPdf([['x']]), 'application/pdf'));
  await page.locator('.upload[data-doc="identity"] [data-verdict]').waitFor();
  await page.getByLabel('Postcode').fill('69007');
  await page.locator('#towns option[value="Lyon 7e Arrondissement"]').waitFor({ state: 'attached' });
  assert.deepEqual(problems, { foreignRequests: [], consoleErrors: [], cspViolations: [] });
  await context.close();
});

test('once loaded, the app works offline: reload, answer, check a file', async () => {
  const { page, context } = await open(browser, appServer.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await answerStep1(page);
  await page.locator('#file-visa').setInputFiles(file('visa.pdf', textPdf([['x']], { encrypt: true }), 'application/pdf'));
  await page.locator('.upload[data-doc="visa"] [data-verdict="error"]').waitFor();
  assert.match(await page.locator('#checklist .scope').innerText(), /^For your situation/, 'answers work offline');
  await context.close();
});
