// Nothing typed is lost on a reload or when a phone discards the tab: this tab's answers (never
// its files) are kept in sessionStorage as the student types, without any consent step, as they
// never outlive the tab; each box says which file it held and asks for it again; another visit
// finds nothing, and "Forget everything" removes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, PHONE, suite } from './harness.mjs';
import { file, textPdf } from './fixtures.mjs';
import { answerStep1, fillValidDetails, VLS_T_QUESTION } from './student.mjs';

const app = suite();
const tab = (page) => page.evaluate(() => ({ ...sessionStorage }));
const device = (page) => page.evaluate(() => ({ ...localStorage }));

/** Reloads and waits for the first screen. */
async function reload(page) {
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

test('a reload during each step keeps every value, without consent; the files are asked for again by name', async () => {
  const { page, context, problems } = await open(app.browser, app.url, { viewport: PHONE });
  await page.getByText('Your answers, never your files, stay in this tab until you close it').waitFor();

  // Step 1, half answered.
  await page.getByLabel('Your nationality').fill('Senegal');
  await page.getByLabel('Your nationality').press('Tab');
  await page.locator('#already-numbered-no').check();
  await reload(page);
  assert.equal(await page.getByLabel('Your nationality').inputValue(), 'Senegal');
  assert.equal(await page.locator('#already-numbered-no').isChecked(), true);
  assert.equal(await page.getByLabel('Keep my answers on this device').isChecked(), false, 'not kept on the device');
  assert.deepEqual(await device(page), {}, 'nothing on the device without consent');

  // Step 1 done, step 2 half typed.
  await answerStep1(page);
  await page.getByLabel('Last name').fill('N’Diaye');
  await page.getByLabel('Town').fill('St Denis');
  await reload(page);
  assert.equal(await page.getByLabel('Last name').inputValue(), 'N’Diaye');
  assert.equal(await page.getByLabel('Town').inputValue(), 'St Denis');
  assert.equal(await page.getByRole('group', { name: VLS_T_QUESTION }).getByLabel('No', { exact: true }).isChecked(), true);
  const birth = page.getByRole('group', { name: 'Your date of birth' });
  assert.equal(await birth.getByLabel('Year').inputValue(), '2003');

  // Step 3: a file chosen, then the reload.
  await fillValidDetails(page);
  const pdf = textPdf([['RIB', 'N DIAYE AWA']]);
  await page.locator('#file-rib').setInputFiles(file('rib-awa.pdf', pdf, 'application/pdf'));
  await page.locator('.upload[data-doc="rib"] [data-verdict]').waitFor();
  await reload(page);
  assert.equal(await page.getByLabel('Mobile phone number').inputValue(), '+33 6 12 34 56 78');
  const lost = page.locator('#lost-rib');
  assert.match(await lost.innerText(), /^Before the page was reloaded, this box held rib-awa\.pdf \(\d+ (bytes|KB)\)\. A file is never kept: choose it again\.$/);
  const [[key, value]] = Object.entries(await tab(page));
  assert.equal(key, 'secu-precheck/tab/v1');
  assert.ok(value.length < 2000 && !value.includes('N+DIAYE+AWA'), 'the name and size of the file, never its content');
  assert.deepEqual(await device(page), {});
  // Asked for again until chosen; then the box is the file's.
  await reload(page);
  await lost.waitFor();
  await page.locator('#file-rib').setInputFiles(file('rib-awa.pdf', pdf, 'application/pdf'));
  await page.locator('.upload[data-doc="rib"] [data-verdict]').waitFor();
  assert.equal(await lost.count(), 0);
  assert.deepEqual(problems, { foreignRequests: [], consoleErrors: [], cspViolations: [] });

  // Another visit (a new context) finds nothing.
  const { page: other, context: visit } = await open(app.browser, app.url);
  assert.equal(await other.getByLabel('Your nationality').inputValue(), '');
  assert.deepEqual(await tab(other), {});
  await visit.close();

  // "Forget everything" removes this tab's answers too.
  await page.getByRole('button', { name: 'Forget everything' }).click();
  await page.getByRole('group', { name: /^Forget everything\? Every answer/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => sessionStorage.length === 0);
  await reload(page);
  assert.equal(await page.getByLabel('Last name').inputValue(), '');
  await context.close();
});

test('in French, the tab keeps the language and the answers across a reload', async () => {
  const { page, context } = await open(app.browser, app.url);
  await page.getByRole('button', { name: 'Français' }).click();
  await page.waitForSelector('html[lang="fr"]');
  await page.getByText('Vos réponses, jamais vos fichiers, restent dans cet onglet').waitFor();
  await page.getByLabel('Nom', { exact: true }).fill('Diallo');
  await reload(page);
  await page.waitForSelector('html[lang="fr"]');
  assert.equal(await page.getByLabel('Nom', { exact: true }).inputValue(), 'Diallo');
  await context.close();
});
