// "Check your answers" and "What happens next": the summary as the portal will take it, the
// way back to each answer, the printout, the timeline and its calendar file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { axe, open, settled, suite, PHONE } from './harness.mjs';
import { file, image, textPdf, YEAR } from './fixtures.mjs';
import { answerStep1, documents, fillValidDetails, notForTheCpam, notInQuebec } from './student.mjs';

const app = suite();
const summary = (page) => page.locator('#summary');

/** The six documents of a student from outside the EU, each one that passes: chosen, and
 * returned as `[doc, file]` pairs. */
async function uploadEverything(page) {
  const files = await documents(page);
  for (const [doc, f] of files) await page.locator(`#file-${doc}`).setInputFiles(f);
  await settled(page);
  for (const [doc] of files) {
    await page.locator(`#checklist-${doc}.status-ready`).waitFor({ timeout: 30_000 });
  }
  return files;
}

test('the summary says what to type on the portal, what is missing, and links back to each answer', async () => {
  const { page, context, problems } = await open(app.browser, app.url);
  await answerStep1(page);
  await fillValidDetails(page);
  const s = summary(page);
  await s.getByRole('heading', { name: '4. Check your answers' }).waitFor();
  assert.match(await s.getByRole('status').innerText(), /^Not ready yet/);
  const row = (label) => s.locator('.summary-row', { has: page.locator('dt', { hasText: label }) }).first();
  assert.equal(await row('Last name').locator('.summary-value').innerText(), "N'Diaye");
  assert.equal(await row('Your date of birth').locator('.summary-value').innerText(), '14 May 2003');
  assert.equal(await row('Your nationality').locator('.summary-value').innerText(), 'Senegal');
  assert.equal(await row('Town').locator('.summary-value').innerText(), 'Saint-Denis');
  assert.equal(await row('Additional address information').locator('.summary-empty').innerText(), 'Not given');
  assert.match(await s.innerText(), /Still missing for the provisional certificate: Certificate of studies/);
  // Change takes the student back to the field.
  await s.getByRole('link', { name: 'Change Last name' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'last-name');
  await page.getByLabel('Last name').fill('N’Diaye 2');
  assert.match(await row('Last name').locator('.summary-error').innerText(), /./, 'a wrong value shows what to fix');
  await page.getByLabel('Last name').fill('N’Diaye');
  await s.getByRole('link', { name: 'Change Proof of identity' }).click();
  assert.equal(new URL(page.url()).hash, '#slot-identity');
  assert.deepEqual(problems, { foreignRequests: [], consoleErrors: [], cspViolations: [] });
  await context.close();
});

test('with every field and document passing, the student is ready, and the printout is the summary', async () => {
  const { page, context } = await open(app.browser, app.url);
  await answerStep1(page);
  await fillValidDetails(page);
  await uploadEverything(page);
  const status = summary(page).getByRole('status');
  await status.filter({ hasText: 'You are ready to register' }).waitFor();
  assert.match(await summary(page).innerText(), /passeport\.png/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await summary(page).isVisible(), true);
  for (const hidden of ['#documents', '#details', '#situation', '#checklist', '.lang-switch', '.remember', '#next .field']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(await axe(page), []);
  await context.close();
});

/** The names and bytes of a ZIP's files, as Python's zipfile reads them (CRCs checked). */
async function unzip(path) {
  const { execFile } = await import('node:child_process');
  const script = 'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps([[i.filename,z.read(i).hex()] for i in z.infolist()]))';
  const out = await new Promise((ok, fail) => execFile('python3', ['-c', script, path], { maxBuffer: 256 << 20 }, (e, o) => (e ? fail(e) : ok(o))));
  return JSON.parse(out).map(([name, hex]) => [name, Buffer.from(hex, 'hex')]);
}

test('"Download all my files": one ZIP of the ready documents, each named as its box, made on the device', async () => {
  const { page, context, problems } = await open(app.browser, app.url);
  await answerStep1(page);
  await fillValidDetails(page);
  const sent = await uploadEverything(page);
  const button = summary(page).getByRole('button', { name: 'Download all my files (ZIP)' });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(download.suggestedFilename(), 'my-documents.zip');
  const files = await unzip(await download.path());
  assert.deepEqual(files.map(([name]) => name), [
    'certificate-of-studies.pdf', 'identity.png', 'visa.png', 'birth-certificate.png', 'residence-permit.png', 'rib.pdf',
  ]);
  files.forEach(([name, bytes], i) => assert.ok(bytes.equals(sent[i][1].buffer), `${name} holds the file as chosen`));
  await summary(page).getByRole('status').filter({ hasText: 'my-documents.zip downloaded, with certificate-of-studies.pdf, identity.png' }).waitFor();
  assert.deepEqual(problems, { foreignRequests: [], consoleErrors: [], cspViolations: [] });
  await context.close();
});

test('on a phone, in French, with the keyboard: the ZIP holds only the files ready to send, named in French', async () => {
  const { page, context } = await open(app.browser, app.url, { viewport: PHONE, locale: 'fr-FR' });
  const [first, second] = YEAR;
  const documents = page.locator('#documents');
  // Nothing ready yet: no button that would make an empty ZIP.
  assert.equal(await documents.getByRole('button', { name: /ZIP/ }).count(), 0);
  await page.locator('#file-certificate_of_studies').setInputFiles(file('certificat.pdf', textPdf([['CERTIFICAT DE SCOLARITE', `Annee universitaire ${first}-${second}`]]), 'application/pdf'));
  await page.locator('#file-identity').setInputFiles(file('passeport.png', await image(page, { width: 1200, height: 1600, type: 'image/png' }), 'image/png'));
  await page.locator('#file-rib').setInputFiles(file('rib.pdf', Buffer.from('%PDF-1.4\n%%EOF garbage'), 'application/pdf'));
  for (const doc of ['certificate_of_studies', 'identity']) await page.locator(`#checklist-${doc}.status-ready`).waitFor({ timeout: 30_000 });
  await page.locator('.upload[data-doc="rib"] .result [data-verdict="error"]').waitFor({ timeout: 30_000 });
  await settled(page);
  for (const doc of ['certificate_of_studies', 'identity']) await page.locator(`#checklist-${doc}.status-ready`).waitFor();
  const button = documents.getByRole('button', { name: 'Télécharger tous mes fichiers (ZIP)' });
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), 'mes-documents.zip');
  const names = (await unzip(await download.path())).map(([name]) => name);
  assert.deepEqual(names, ['certificat-de-scolarite.pdf', 'piece-d-identite.png'], 'the damaged RIB is left out');
  await documents.getByRole('status').filter({ hasText: 'mes-documents.zip téléchargé, avec certificat-de-scolarite.pdf, piece-d-identite.png.' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Télécharger tous mes fichiers (ZIP)', 'the focus stays on the button');
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('what happens next: dated steps, the visa reminder from the arrival, and a calendar file', async () => {
  // Today is the 1st of this month (the rights start then, from fillValidDetails), so that
  // every date is still ahead; the arrival is today too.
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth(), 1, 10);
  const { page, context } = await open(app.browser, app.url, { clock: first });
  await answerStep1(page);
  await fillValidDetails(page);
  const next = page.locator('#next');
  const monthEn = first.toLocaleString('en-GB', { month: 'long' });
  assert.match(await next.innerText(), new RegExp(`Download your provisional certificate\\s+From 1 ${monthEn} ${first.getFullYear()}`));
  const arrival = next.getByRole('group', { name: 'Date of your arrival in France (optional)' });
  await arrival.getByLabel('Day').fill('1');
  await arrival.getByLabel('Month').fill(String(first.getMonth() + 1));
  await arrival.getByLabel('Year').fill(String(first.getFullYear()));
  const deadline = new Date(first.getFullYear(), first.getMonth(), 91, 10);
  const long = `${deadline.getDate()} ${deadline.toLocaleString('en-GB', { month: 'long' })} ${deadline.getFullYear()}`;
  assert.match(await next.innerText(), new RegExp(`Validate your student visa online\\s+Before ${long}`));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    next.getByRole('button', { name: 'Add the dates to my calendar (.ics)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'secu-precheck-next-steps.ics');
  const ics = await readFile(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.equal(ics.match(/BEGIN:VEVENT/g).length, 4);
  const compact = (d) => `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
  assert.match(ics, new RegExp(`DTSTART;VALUE=DATE:${compact(deadline)}\r\n`));
  assert.match(ics, /SUMMARY:Validate your student visa online/);
  await context.close();
});

test('dates that have passed: steps to do now, an overdue deadline says what to do, no event in the past', async () => {
  // Rights from 1 September, arrival 28 August, and today is 1 December (issue 15, defect 5).
  for (const [locale, overdue, since] of [
    ['en-US', /Overdue — do this now: the deadline was 26 November 2026/, /Now — possible since 1 September 2026/],
    ['fr-FR', /En retard — à faire maintenant : la date limite était le 26 novembre 2026/, /Maintenant — possible depuis le 1er septembre 2026/],
  ]) {
    const { page, context } = await open(app.browser, app.url, { locale, clock: new Date(2026, 11, 1, 10), viewport: PHONE });
    const en = locale === 'en-US';
    await page.locator('#nationality').fill(en ? 'Senegal' : 'Sénégal');
    await page.locator('#nationality').press('Tab');
    for (const [id, value] of [['rights-day', '1'], ['rights-month', '9'], ['rights-year', '2026'], ['arrival-day', '28'], ['arrival-month', '8'], ['arrival-year', '2026']]) {
      await page.locator(`#${id}`).fill(value);
    }
    const next = page.locator('#next');
    const text = (await next.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, overdue, locale);
    assert.match(text, since, locale);
    assert.match(text, en ? /validate your visa today on the ANEF website/ : /validez votre visa aujourd'hui sur le site de l'ANEF/);
    assert.doesNotMatch(text, en ? /Before 26 November/ : /Avant le 26 novembre/);
    assert.match(text, en ? /Your permanent social security number\s+Before 1 June 2027[\s\S]*up to 9 months/ : /Votre numéro de sécurité sociale définitif\s+Avant le 1er juin 2027[\s\S]*jusqu'à 9 mois/);
    const [download] = await Promise.all([page.waitForEvent('download'), next.locator('button', { hasText: '.ics' }).click()]);
    const ics = await readFile(await download.path(), 'utf8');
    const starts = [...ics.matchAll(/DTSTART;VALUE=DATE:(\d{8})/g)].map((m) => m[1]);
    assert.ok(starts.length >= 3, ics);
    assert.ok(starts.every((d) => d >= '20261201'), `no event before today: ${starts}`);
    // A reminder fires its days before the event: none may fire before today. The one left
    // is the permanent number's, nine months after the rights (1 June 2027, 30 days before).
    const reminders = ics.split('BEGIN:VEVENT').slice(1).flatMap((event) => {
      const days = event.match(/TRIGGER:-P(\d+)D/);
      if (!days) return [];
      const [, y, m, d] = event.match(/DTSTART;VALUE=DATE:(\d{4})(\d{2})(\d{2})/);
      return [new Date(Date.UTC(+y, +m - 1, +d - +days[1])).toISOString().slice(0, 10)];
    });
    assert.deepEqual(reminders, ['2027-05-02'], 'no reminder before today');
    assert.match(ics, /DTSTART;VALUE=DATE:20270601\r\n/, 'the permanent number, up to nine months after the rights');
    assert.deepEqual(await axe(page), [], locale);
    await context.close();
  }
});

test('an Algerian student is told to apply for a certificate of residence within 2 months, never to validate a VLS-TS', async () => {
  for (const [locale, viewport, nationality, step, before, vls] of [
    ['en-US', undefined, 'Algeria', 'Apply for your certificate of residence', /Before 28 October 2026/, /Validate your student visa/],
    ['fr-FR', PHONE, 'Algérie', 'Demandez votre certificat de résidence', /Avant le 28 octobre 2026/, /Validez votre visa étudiant/],
  ]) {
    const { page, context } = await open(app.browser, app.url, { locale, viewport, clock: new Date(2026, 7, 20, 10) });
    await page.locator('#nationality').fill(nationality);
    await page.locator('#nationality').press('Tab');
    await notForTheCpam(page);
    await notInQuebec(page);
    for (const [id, value] of [['rights-day', '1'], ['rights-month', '9'], ['rights-year', '2026'], ['arrival-day', '28'], ['arrival-month', '8'], ['arrival-year', '2026']]) {
      await page.locator(`#${id}`).fill(value);
    }
    const next = page.locator('#next');
    const text = (await next.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, new RegExp(`${step}\\s+${before.source}`), locale);
    assert.doesNotMatch(text, vls, locale);
    const [download] = await Promise.all([page.waitForEvent('download'), next.locator('button', { hasText: '.ics' }).click()]);
    const ics = await readFile(await download.path(), 'utf8');
    assert.match(ics, /DTSTART;VALUE=DATE:20261028\r\n/);
    assert.doesNotMatch(ics, vls);
    assert.deepEqual(await axe(page), [], locale);
    await context.close();
  }
});

test('on a phone in French, the summary and the timeline speak French', async () => {
  const { page, context } = await open(app.browser, `${app.url}?lang=fr`, { viewport: PHONE });
  await page.getByLabel('Votre nationalité').fill('Sénégal');
  await page.getByLabel('Votre nationalité').press('Tab');
  await summary(page).getByRole('heading', { name: '4. Vérifiez vos réponses' }).waitFor();
  assert.match(await summary(page).innerText(), /Pas encore prêt/);
  assert.match(await page.locator('#next').innerText(), /Confirmez votre adresse e-mail dans la journée/);
  assert.match(await page.locator('#next').innerText(), /Indiquez la date de début de vos droits/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await context.close();
});
