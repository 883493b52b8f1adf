// "Keep my answers on this device": nothing stored before the student asks, everything typed
// back after a reload once they do, and nothing left after "Forget everything".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, suite, toFrench } from './harness.mjs';
import { file, textPdf } from './fixtures.mjs';
import { answerStep1 } from './student.mjs';

const app = suite();
const stored = (page) => page.evaluate(() => ({ ...localStorage }));

test('nothing is stored until the student ticks the box; then answers survive a reload', async () => {
  const { page, context } = await open(app.browser, app.url);
  await answerStep1(page);
  await page.getByLabel('Last name').fill('Diallo');
  assert.deepEqual(await stored(page), {}, 'no storage before consent');
  const keep = page.getByLabel('Keep my answers on this device');
  assert.equal(await keep.isChecked(), false, 'off by default');
  await keep.check();
  await page.waitForFunction(() => localStorage.length === 1);
  const [[key, value]] = Object.entries(await stored(page));
  assert.equal(key, 'secu-precheck/answers/v3');
  const saved = new URLSearchParams(value);
  assert.equal(saved.get('details.last_name'), 'Diallo', 'what was typed, field by field, by stable codes');
  assert.equal(saved.get('details.first_name'), null, 'only the fields typed in');
  assert.equal(saved.get('nationality'), 'SN');
  await page.locator('#file-rib').setInputFiles(file('rib.pdf', textPdf([['x']]), 'application/pdf'));
  await toFrench(page);
  await page.waitForFunction(() => new URLSearchParams(localStorage.getItem('secu-precheck/answers/v3') ?? '').get('lang') === 'fr');
  assert.ok(!Object.values(await stored(page))[0].includes('rib.pdf'), 'files are never kept');
  await page.reload();
  await page.getByLabel('Nom', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Nom', { exact: true }).inputValue(), 'Diallo');
  assert.equal(await page.getByLabel('Votre nationalité').inputValue(), 'Sénégal');
  assert.equal(await page.getByLabel('Garder mes réponses sur cet appareil').isChecked(), true);
  assert.equal(await page.locator('#checklist-rib .status').innerText(), 'Manquant', 'the file is not back');
  // Unticking removes what was kept on the device at once; this tab still has its answers
  // after a reload, and another visit (a new context) finds none.
  await page.getByLabel('Garder mes réponses sur cet appareil').uncheck();
  assert.deepEqual(await stored(page), {});
  await page.reload();
  await page.getByLabel('Nom', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Nom', { exact: true }).inputValue(), 'Diallo', 'the tab keeps its answers');
  assert.equal(await page.getByLabel('Garder mes réponses sur cet appareil').isChecked(), false);
  assert.deepEqual(await stored(page), {});
  await context.close();
  const { page: later, context: visit } = await open(app.browser, app.url);
  assert.equal(await later.getByLabel('Last name').inputValue(), '', 'a blank page on another visit');
  await visit.close();
});

test('"Forget everything" clears the storage, the answers and the files', async () => {
  const { page, context } = await open(app.browser, app.url);
  await answerStep1(page);
  await page.getByLabel('Keep my answers on this device').check();
  await page.locator('#file-identity').setInputFiles(file('id.pdf', textPdf([['x']]), 'application/pdf'));
  await page.locator('.upload[data-doc="identity"] [data-verdict]').waitFor();
  await page.waitForFunction(() => localStorage.length === 1);
  // It asks first; Cancel keeps everything and gives the focus back.
  await page.getByRole('button', { name: 'Forget everything' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'forget-confirm');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'forget');
  assert.equal(await page.getByLabel('Your nationality').inputValue(), 'Senegal', 'Cancel keeps the answers');
  assert.equal(Object.keys(await stored(page)).length, 1);
  await page.getByRole('button', { name: 'Forget everything' }).click();
  await page.getByRole('group', { name: /^Forget everything\? Every answer/ }).waitFor();
  await page.keyboard.press('Enter');
  assert.deepEqual(await stored(page), {});
  assert.equal(await page.getByLabel('Your nationality').inputValue(), '');
  assert.equal(await page.getByLabel('Keep my answers on this device').isChecked(), false);
  assert.equal(await page.locator('.upload[data-doc="identity"] [data-verdict]').count(), 0);
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  await context.close();
});

test("an older version's copy of the answers is removed, not read", async () => {
  const { page, context } = await open(app.browser, app.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => localStorage.setItem('secu-precheck/answers/v1', '{"lang":"fr","nationality_text":"Maroc"}'));
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForFunction(() => localStorage.length === 0);
  assert.equal(await page.getByLabel('Your nationality').inputValue(), '');
  await context.close();
});

test('answers kept by the previous version load, and are kept again under the new keys', async () => {
  const { page, context } = await open(app.browser, app.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // What version 2 stored: the details' fields under their Rust names.
  await page.evaluate(() => localStorage.setItem('secu-precheck/answers/v2',
    'lang=fr&nationality=SN&nationality_text=S%C3%A9n%C3%A9gal&birth.day=14&birth.month=5&birth.year=2003&LastName=Diallo&Email=awa%40gmail.com'));
  await page.reload();
  await page.getByLabel('Nom', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Nom', { exact: true }).inputValue(), 'Diallo');
  assert.equal(await page.getByLabel('Adresse e-mail', { exact: true }).inputValue(), 'awa@gmail.com');
  assert.equal(await page.getByLabel('Votre nationalité').inputValue(), 'Sénégal');
  await page.waitForFunction(() => localStorage.getItem('secu-precheck/answers/v2') === null);
  const kept = new URLSearchParams(await page.evaluate(() => localStorage.getItem('secu-precheck/answers/v3')));
  assert.equal(kept.get('details.last_name'), 'Diallo');
  assert.equal(kept.get('details.email'), 'awa@gmail.com');
  await context.close();
});
