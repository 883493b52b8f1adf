// Universities: the embed snippet on a page of another origin, the same settings in a plain
// URL, the built folder under a sub-path, and the app working offline once loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, PHONE, launch, open, serve } from './harness.mjs';
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

// Polls `probe` until it returns a truthy value (or the last value after `ms`).
async function until(probe, ms = 5000) {
  const end = Date.now() + ms;
  let value;
  while (Date.now() < end) {
    value = await probe();
    if (value) return value;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return value;
}

test('in the embed the checklist stays in view as the host page scrolls, on a desktop and on a phone', async () => {
  const hostUrl = `http://127.0.0.1:${hostServer.address().port}/`;
  for (const viewport of [{ width: 1100, height: 800 }, PHONE]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(hostUrl);
    const frame = page.frameLocator('iframe[title*="secu-precheck"]');
    await frame.locator('#slot-rib').waitFor();
    await page.waitForFunction(() => parseInt(document.querySelector('iframe').style.height, 10) > 2000);
    // Down to the last document box, thousands of pixels below the checklist's place.
    await frame.locator('#slot-rib').scrollIntoViewIfNeeded();
    const onScreen = (box) => box && box.y >= -1 && box.y + box.height <= viewport.height + 1;
    const phone = viewport.width < 600;
    const shown = frame.locator(phone ? '.mobile-summary' : '.checklist');
    const box = await until(async () => {
      const b = await shown.boundingBox();
      return onScreen(b) ? b : null;
    });
    assert.ok(box, `${viewport.width}px: the ${phone ? 'summary bar' : 'checklist'} is on screen`);
    if (phone) {
      // The bar sits at the bottom of the screen, as it does outside a frame.
      assert.ok(Math.abs(box.y + box.height - viewport.height) <= 2, `the bar ends at ${box.y + box.height}`);
      assert.match(await shown.innerText(), /\d/, 'the bar shows the counts');
    } else {
      assert.ok(await frame.getByRole('link', { name: /RIB/ }).first().isVisible());
    }
    // And back up: it follows (at the top of the host page, below the host's own header, the
    // checklist starts in its place and may run past the bottom of the screen, as outside a
    // frame; the bar stays at the bottom).
    await page.evaluate(() => window.scrollTo(0, 0));
    const top = await until(async () => {
      const b = await shown.boundingBox();
      const visible = phone ? onScreen(b) : b && b.y >= 0 && b.y < viewport.height - 100;
      return visible ? b : null;
    });
    assert.ok(top, `${viewport.width}px: still on screen at the top of the host page`);
    await context.close();
  }
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

test('once loaded, the app works offline: reload, answer, check a file, switch language', async () => {
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
  // French was never shown online, yet its wording was kept with the rest of the build.
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('heading', { level: 1, name: /^Réussissez/ }).waitFor();
  await context.close();
});
