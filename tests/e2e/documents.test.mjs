// "Your documents": files of every kind dropped or chosen into the boxes, explained, and fixed
// into files that pass; the same verdicts as `precheck file`; the page stays usable meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { axe, open, suite, PHONE, toFrench } from './harness.mjs';
import { answerStep1, fillValidDetails, notInQuebec } from './student.mjs';
import { HEIC, file, heic, image, markedCorner, precheck, textPdf, withOrientation, YEAR } from './fixtures.mjs';

const app = suite();
const hostileDir = new URL('../../domain/tests/hostile/', import.meta.url);
/** A file of domain/tests/hostile, made by real tools (scripts/make-hostile-files.py). */
const hostile = (name, type) => file(name, readFileSync(new URL(name, hostileDir)), type);
const box = (page, doc) => page.locator(`.upload[data-doc="${doc}"]`);

/** Chooses files for a document through its real file input, as a student does. */
async function choose(page, doc, files) {
  await page.locator(`#file-${doc}`).setInputFiles(files);
}

/**
 * The verdict of a box once checked: 'ok' | 'warning' | 'error', and the problem codes, read
 * together in one go. A box is checked again when another box's file becomes known (the same
 * file twice is refused), so a verdict shown may give way to "Checking…" at any moment: reading
 * the verdict and then the codes apart once read the codes of a box being checked again (none).
 */
async function verdict(page, doc) {
  const read = await page.waitForFunction((doc) => {
    const b = document.querySelector(`.upload[data-doc="${doc}"]`);
    const v = b && b.querySelector('.result [data-verdict]');
    if (!v || b.querySelector('.checking')) return null;
    return { verdict: v.dataset.verdict, codes: [...b.querySelectorAll('.result .problem')].map((e) => e.dataset.code) };
  }, doc, { timeout: 30_000 });
  return read.jsonValue();
}

test('each kind of bad file is explained in plain words, with what to do', async () => {
  const { page, context, problems } = await open(app.browser, app.url);
  const webp = await image(page, { width: 1200, height: 900, type: 'image/webp' });
  const cases = [
    ['identity', file('passport.png', await image(page, { width: 1200, height: 1600, type: 'image/png' }), 'image/png'), 'ok', []],
    ['visa', file('visa.heic', HEIC, 'image/heic'), 'error', ['heic_not_accepted']],
    ['certificate_of_studies', file('certificate.webp', webp, 'image/webp'), 'error', ['unsupported_format']],
    ['rib', file('rib.pdf', textPdf([['RIB', 'hello']], { encrypt: true }), 'application/pdf'), 'error', ['pdf_encrypted']],
  ];
  for (const [doc, f] of cases) await choose(page, doc, f);
  // Each box is checked again when another box's file is known (the same file twice is
  // refused): the verdicts read are the last ones.
  await page.waitForFunction(() => document.querySelectorAll('.upload .result [data-verdict]').length === 4 && !document.querySelector('.upload .checking'), null, { timeout: 30_000 });
  for (const [doc, , expected, codes] of cases) {
    const got = await verdict(page, doc);
    assert.equal(got.verdict, expected, `${doc}: ${JSON.stringify(got)}`);
    for (const code of codes) assert.ok(got.codes.includes(code), `${doc}: ${code} in ${got.codes}`);
  }
  const heic = box(page, 'visa');
  assert.match(await heic.innerText(), /iPhone photo \(HEIC\)/);
  assert.match(await heic.innerText(), /Files app: touch and hold the photo › Quick Actions › Convert Image › JPEG/);
  assert.match(await box(page, 'certificate_of_studies').innerText(), /This is a WebP image\. The portal accepts only PDF, JPEG and PNG files\./);
  assert.match(await box(page, 'rib').innerText(), /Protected by a password[\s\S]*Print › Save as PDF/);
  // Only the first bytes of a HEIC photo: no image the decoder could convert, so no "Convert
  // to JPEG" that would fail; the steps above stay.
  assert.equal(await heic.getByRole('button', { name: 'Convert to JPEG' }).count(), 0);
  // The checklist follows: the passport is ready, the others need attention.
  const row = (doc) => page.locator(`#checklist-${doc} .status`);
  assert.equal(await row('identity').innerText(), 'Ready');
  assert.equal(await row('visa').innerText(), 'Needs attention');
  assert.match(await page.locator('#checklist-rib').innerText(), /Protected by a password/);
  assert.deepEqual(await axe(page), [], 'no accessibility violation with verdicts and fixes showing');
  // The verdicts are codes underneath: they follow a language switch.
  await toFrench(page);
  await heic.getByText('Photo d\'iPhone (HEIC)').waitFor();
  assert.match(await box(page, 'rib').innerText(), /Protégé par un mot de passe/);
  assert.match(await box(page, 'certificate_of_studies').innerText(), /Ce fichier est : une image WebP\./);
  assert.deepEqual(problems, { foreignRequests: [], consoleErrors: [], cspViolations: [] });
  await context.close();
});

test('a certificate of studies from last year, and an empty or damaged file', async () => {
  const { page, context } = await open(app.browser, app.url);
  const [first, second] = YEAR;
  const old = textPdf([['CERTIFICAT DE SCOLARITE', `Annee universitaire ${first - 1}-${second - 1}`, 'Nom : DIALLO Awa']]);
  await choose(page, 'certificate_of_studies', file('certificat.pdf', old, 'application/pdf'));
  let got = await verdict(page, 'certificate_of_studies');
  assert.deepEqual([got.verdict, got.codes.includes('certificate_old_year')], ['error', true], JSON.stringify(got));
  assert.match(await box(page, 'certificate_of_studies').innerText(), new RegExp(`not ${first}–${second}`));
  // This year's: ready.
  const current = textPdf([['CERTIFICAT DE SCOLARITE', `Annee universitaire ${first}-${second}`, 'Nom : DIALLO Awa']]);
  await choose(page, 'certificate_of_studies', file('certificat-2.pdf', current, 'application/pdf'));
  await box(page, 'certificate_of_studies').locator('.file-name', { hasText: 'certificat-2.pdf' }).waitFor();
  got = await verdict(page, 'certificate_of_studies');
  assert.equal(got.verdict, 'ok', JSON.stringify(got));
  await choose(page, 'identity', file('empty.pdf', Buffer.alloc(0), 'application/pdf'));
  assert.deepEqual(await verdict(page, 'identity'), { verdict: 'error', codes: ['empty_file'] });
  await choose(page, 'visa', file('visa.pdf', Buffer.from('%PDF-1.4\n%%EOF garbage'), 'application/pdf'));
  assert.ok((await verdict(page, 'visa')).codes.includes('pdf_damaged'));
  await context.close();
});

test('an admission letter or a pre-registration is told apart from the certificate of studies, in English and in French', async () => {
  const [first, second] = YEAR;
  for (const [locale, viewport, title, fix] of [
    ['en-US', undefined, 'An admission letter, not a certificate of studies', /Finish your enrolment \(inscription administrative\)/],
    ['fr-FR', PHONE, "Une lettre d'admission, pas un certificat de scolarité", /Terminez votre inscription administrative/],
  ]) {
    const { page, context } = await open(app.browser, app.url, { locale, viewport });
    for (const [name, lines] of [
      ['admission.pdf', ["UNIVERSITE DE LYON - LETTRE D'ADMISSION", `Annee universitaire ${first}-${second}`, "Mme Awa N'DIAYE est admise en Master 1"]],
      ['preinscription.pdf', ['ATTESTATION DE PRE-INSCRIPTION', `Annee ${first}-${second}`, "Awa N'DIAYE"]],
    ]) {
      await choose(page, 'certificate_of_studies', file(name, textPdf([lines]), 'application/pdf'));
      await box(page, 'certificate_of_studies').locator('.file-name', { hasText: name }).waitFor();
      assert.deepEqual(await verdict(page, 'certificate_of_studies'), { verdict: 'error', codes: ['certificate_is_admission'] }, `${locale} ${name}`);
      const text = (await box(page, 'certificate_of_studies').innerText()).replace(/\u00a0/g, ' ');
      assert.ok(text.includes(title), text);
      assert.match(text, fix);
      assert.match(text, new RegExp(`${first}–${second}`));
    }
    const [cli] = await precheck(['file', '--doc', 'certificate_of_studies'], [file('admission.pdf', textPdf([["LETTRE D'ADMISSION", `Annee universitaire ${first}-${second}`]]), 'application/pdf')]);
    assert.ok(cli.problems.some((p) => p.code === 'certificate_is_admission'), JSON.stringify(cli));
    assert.deepEqual(await axe(page), [], locale);
    await context.close();
  }
});

test('the birth certificate box says which translation rule applies to the country of birth, and what to check on it', async () => {
  for (const [locale, viewport] of [['en-US', undefined], ['fr-FR', PHONE]]) {
    const { page, context } = await open(app.browser, app.url, { viewport });
    await answerStep1(page);
    await fillValidDetails(page); // born in Senegal
    const fr = locale === 'fr-FR';
    if (fr) await toFrench(page);
    const slot = page.locator('#slot-birth_certificate');
    const text = async () => (await slot.innerText()).replace(/\u00a0/g, ' ');
    assert.match(await text(), fr
      ? /Délivré dans ce pays \(Sénégal\) : sauf s'il est rédigé en français .* traducteur agréé près une cour d'appel ou faite par un consulat/
      : /Issued in Senegal: unless it is written in French .* a translator sworn at a French court of appeal \(traducteur agréé\) or made by a consulate/);
    assert.match(await text(), fr ? /noms de vos parents.*Une apostille n'est normalement pas nécessaire/ : /your parents' names.*An apostille is not normally needed/);
    const birth = page.getByLabel(fr ? 'Pays de naissance' : 'Country of birth', { exact: true });
    await birth.fill(fr ? 'Allemagne' : 'Germany');
    await birth.press('Tab');
    await slot.locator('.birth-rule', { hasText: fr ? 'Délivré dans ce pays (Allemagne), dans l\'UE' : 'Issued in Germany, in the EU, the EEA or Switzerland: no sworn translation is needed' }).waitFor();
    assert.deepEqual(await axe(page), [], locale);
    await context.close();
  }
});

test('the residence slot asks which document the student holds: the visa stands for it only as a validated VLS-TS', async () => {
  const { page, context, problems } = await open(app.browser, app.url);
  await answerStep1(page);
  const slot = page.locator('#slot-residence_permit');
  const group = slot.getByRole('group', { name: 'Which residence document do you hold?' });
  const explain = slot.locator('#residence-explain');
  assert.match(await explain.innerText(), /Choose the one you hold/);
  // The same scan in the visa's box and the residence permit's: allowed while the student may
  // hold a VLS-TS, which with its attestation is the residence permit.
  const scan = await image(page, { width: 1100, height: 800, type: 'image/png' });
  await choose(page, 'visa', file('visa.png', scan, 'image/png'));
  await choose(page, 'residence_permit', file('visa.png', scan, 'image/png'));
  await box(page, 'residence_permit').locator('.file-name', { hasText: 'visa.png' }).waitFor();
  assert.ok(!(await verdict(page, 'residence_permit')).codes.includes('duplicate_file'));
  const row = page.locator('#checklist-residence_permit');
  await row.getByText('You may upload your student visa again.').waitFor();
  // With the keyboard alone: into the group, and from one answer to the next with the arrows.
  await page.locator('#residence-vls_ts').focus();
  await page.keyboard.press('Space');
  assert.ok(await page.locator('#residence-vls_ts').isChecked());
  assert.match(await explain.innerText(), /validation attestation, combined into one PDF/);
  await page.keyboard.press('ArrowDown');
  assert.ok(await page.locator('#residence-card').isChecked(), 'the arrow chose the next answer');
  await explain.getByText(/Upload both sides of the card in one file, valid on the day you send it\. Your visa's file does not stand for it/).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'residence-card', 'focus stays');
  // A card is a document of its own: the visa's file in its box is now the same file twice.
  await page.waitForFunction(() => document.querySelector('.upload[data-doc="residence_permit"] [data-code="duplicate_file"]'));
  assert.ok((await verdict(page, 'residence_permit')).codes.includes('duplicate_file'));
  assert.equal(await row.getByText('You may upload your student visa again.').count(), 0);
  // Nothing is left to do with the visa: no validation step, no note on validating it.
  assert.doesNotMatch(await page.locator('#next').innerText(), /Validate your|validated online/);
  assert.doesNotMatch(await page.locator('#slot-visa').innerText(), /validated online/);
  assert.equal(await page.locator('#arrival-day').count(), 0, 'no deadline after arrival');
  for (const id of ['vls_ts', 'card', 'receipt', 'aps']) assert.equal(await page.locator(`#residence-${id}`).count(), 1, id);
  assert.deepEqual(problems, { foreignRequests: [], consoleErrors: [], cspViolations: [] });
  await context.close();

  // An Algerian student, in French, on a phone: the visa alone is not a residence document.
  const fr = await open(app.browser, app.url, { locale: 'fr-FR', viewport: PHONE });
  const field = fr.page.getByLabel('Votre nationalité');
  await field.fill('Algérie');
  await field.press('Tab');
  await fr.page.locator('#already-numbered-no').check();
  await fr.page.locator('#cpam-route-no').check();
  await notInQuebec(fr.page);
  const frSlot = fr.page.locator('#slot-residence_permit');
  const choices = frSlot.getByRole('group', { name: 'Quel document de séjour avez-vous\u00a0?' });
  assert.deepEqual(await choices.getByRole('radio').evaluateAll((rs) => rs.map((r) => r.id)), [
    'residence-algerian_certificate', 'residence-receipt', 'residence-not_yet',
  ]);
  await choices.getByLabel(/Rien pour l'instant/).check();
  await frSlot.getByText(/Votre visa seul n'est pas un document de séjour/).waitFor();
  assert.equal(await fr.page.locator('#checklist-residence_permit').getByText(/déposer à nouveau votre visa/).count(), 0);
  await fr.page.locator('#next').getByText(/Demandez votre certificat de résidence/).first().waitFor();
  // Once the certificate is held, its step is done: nothing about the visa is left in the timeline.
  await choices.getByLabel(/Un certificat de résidence algérien/).check();
  assert.doesNotMatch(await fr.page.locator('#next').innerText(), /Demandez votre certificat de résidence|Validez votre/);
  const width = await fr.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px: ${width}`);
  assert.deepEqual(await axe(fr.page), []);
  await fr.context.close();
});

test('the app gives the same verdicts as precheck file', async () => {
  const { page, context } = await open(app.browser, app.url);
  const batches = [
    [
      ['identity', file('id.png', await image(page, { width: 1000, height: 700, type: 'image/png' }), 'image/png')],
      ['visa', file('tiny.jpg', await image(page, { width: 120, height: 80 }), 'image/jpeg')],
      ['rib', file('rib.pdf', textPdf([['Releve d identite bancaire', 'IBAN FR76 3000 6000 0112 3456 7890 189']]), 'application/pdf')],
      ['birth_certificate', file('acte.pdf', textPdf([['Acte de naissance'], ['page 2']]), 'application/pdf')],
      ['residence_permit', file('permit.jpg', await image(page, { width: 1100, height: 800, type: 'image/png' }), 'image/png')],
    ],
    // Quality is judged on pixels: the browser's in the app, the command line's own decoding.
    [
      ['identity', file('blurred.jpg', await image(page, { width: 1500, height: 2000, blur: 4 }), 'image/jpeg'), 'image_blurred'],
      ['visa', file('dark.jpg', await image(page, { width: 1200, height: 1600, light: 0.3 }), 'image/jpeg'), 'image_dark'],
      ['residence_permit', file('faded.png', await image(page, { width: 1200, height: 1600, contrast: 0.25, type: 'image/png' }), 'image/png'), 'image_low_contrast'],
    ],
    // Broken files made by real tools (domain/tests/hostile, VERDICTS.csv): the browser's decoder
    // refuses the cut JPEG as zune-jpeg does, and shows the one missing only its end marker.
    [
      ['identity', hostile('jpeg-cut-half.jpg', 'image/jpeg'), 'image_damaged'],
      ['visa', hostile('jpeg-no-eoi.jpg', 'image/jpeg'), 'image_end_missing'],
      ['rib', hostile('rib-reportlab-wrong-key.pdf', 'application/pdf'), 'iban_invalid'],
      ['birth_certificate', hostile('cut-50-percent.pdf', 'application/pdf'), 'pdf_damaged'],
      ['residence_permit', hostile('png-bomb-header-lies.png', 'image/png'), 'image_damaged'],
    ],
  ];
  for (const files of batches) {
    for (const [doc, f] of files) await choose(page, doc, f);
    for (const [doc, f, expected] of files) {
      await box(page, doc).locator('.file-name', { hasText: f.name }).waitFor();
      const app = await verdict(page, doc);
      if (expected) assert.ok(app.codes.includes(expected), `${f.name}: ${app.codes}`);
      const [cli] = await precheck(['file', '--doc', doc], [f]);
      assert.equal(app.verdict, cli.verdict, `${doc} ${f.name}: app ${JSON.stringify(app)} cli ${JSON.stringify(cli)}`);
      assert.deepEqual(app.codes.sort(), cli.problems.map((p) => p.code).sort(), `${doc} ${f.name}`);
    }
  }
  await context.close();
});

test('a 12-megapixel photo over 4 MB is made smaller, under 4,000,000 bytes, and passes', async () => {
  const { page, context } = await open(app.browser, app.url);
  const photo = await image(page, { width: 4000, height: 3000, grain: 70, quality: 0.95 });
  assert.ok(photo.length > 4_000_000, `the test photo is ${photo.length} bytes`);
  await choose(page, 'identity', file('IMG_2041.jpg', photo, 'image/jpeg'));
  const got = await verdict(page, 'identity');
  assert.ok(got.codes.includes('too_large'), JSON.stringify(got));
  await box(page, 'identity').getByRole('button', { name: 'Make it smaller' }).click();
  const made = box(page, 'identity').locator('[data-fix="made"]');
  await made.waitFor({ timeout: 30_000 });
  assert.match(await made.innerText(), /Your new file passes the checks: identity\.jpg, \d(\.\d)? MB\./);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    made.getByRole('link', { name: 'Download identity.jpg' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'identity.jpg');
  const bytes = await readFile(await download.path());
  assert.ok(bytes.length < 4_000_000, `${bytes.length} bytes`);
  const [cli] = await precheck(['file', '--doc', 'identity'], [file('identity.jpg', bytes)]);
  assert.equal(cli.verdict, 'ok', JSON.stringify(cli));
  assert.ok(Math.max(cli.width, cli.height) >= 1600, `long side ${cli.width}×${cli.height}: text stays readable`);
  // Using it puts it in the box, where it is checked like any file.
  await made.getByRole('button', { name: 'Use this file' }).click();
  await box(page, 'identity').locator('.file-name', { hasText: 'identity.jpg' }).waitFor();
  assert.equal((await verdict(page, 'identity')).verdict, 'ok');
  await context.close();
});

test('blurred, dark, washed-out and faded photos get advice; a sharp one does not', async () => {
  const { page, context } = await open(app.browser, app.url);
  // A photo of a page as a messaging app passes it on: 1200 × 1600 pixels.
  const cases = [
    ['sharp', {}, []],
    ['grainy', { grain: 40 }, []],
    ['slightly-soft', { blur: 1 }, []],
    ['blurred', { blur: 3 }, ['image_blurred']],
    ['dark', { light: 0.3 }, ['image_dark']],
    ['washed-out', { light: 8 }, ['image_overexposed']],
    ['faded', { contrast: 0.25 }, ['image_low_contrast']],
  ];
  for (const [name, spoil, expected] of cases) {
    const bytes = await image(page, { width: 1200, height: 1600, ...spoil });
    await choose(page, 'identity', file(`${name}.jpg`, bytes, 'image/jpeg'));
    await box(page, 'identity').locator('.file-name', { hasText: `${name}.jpg` }).waitFor();
    const got = await verdict(page, 'identity');
    assert.deepEqual(got.codes, expected, name);
    assert.equal(got.verdict, expected.length ? 'warning' : 'ok', name);
  }
  assert.match(await box(page, 'identity').innerText(), /Faded[\s\S]*Take it again in even light/);
  await context.close();
});

test('on a phone, in French, a photo is turned a quarter turn and named in French', async () => {
  const { page, context } = await open(app.browser, `${app.url}?lang=fr`, { viewport: PHONE });
  await choose(page, 'identity', file('sideways.jpg', await image(page, { width: 1600, height: 1200 }), 'image/jpeg'));
  await verdict(page, 'identity');
  await box(page, 'identity').getByRole('button', { name: 'Tourner vers la droite' }).click();
  const made = box(page, 'identity').locator('[data-fix="made"]');
  await made.waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), made.getByRole('link').click()]);
  assert.equal(download.suggestedFilename(), 'piece-d-identite.jpg');
  const [cli] = await precheck(['file', '--doc', 'identity'], [file('piece-d-identite.jpg', await readFile(await download.path()))]);
  assert.deepEqual([cli.width, cli.height], [1200, 1600]);
  await context.close();
});

/** The file behind a made file's download link. */
async function madeBytes(page, made) {
  const [download] = await Promise.all([page.waitForEvent('download'), made.getByRole('link').click()]);
  return readFile(await download.path());
}

/** The id of the focused element; '' for <body>. */
const focused = (page) => page.evaluate(() => (document.activeElement === document.body ? '' : document.activeElement?.id ?? ''));

test('a phone photo turned by its camera tag: stored upright as shown, turned left or right, seen before it is used', async () => {
  const { page, context } = await open(app.browser, app.url, { viewport: PHONE });
  // Stored landscape with the mark top-left; the tag (6) shows it portrait, the mark top-right.
  const stored = await image(page, { width: 1600, height: 1200, mark: true });
  await choose(page, 'identity', file('IMG_0042.jpg', withOrientation(stored, 6), 'image/jpeg'));
  const got = await verdict(page, 'identity');
  assert.ok(got.codes.includes('image_rotated'), JSON.stringify(got));
  const fixes = box(page, 'identity').locator('.fixes');
  assert.deepEqual(await fixes.getByRole('button').allInnerTexts(), ['Store it upright', 'Turn left', 'Turn right'], 'no "Make it smaller" on a file that is not too big');
  assert.match(await box(page, 'identity').innerText(), /“Store it upright” \(or “Make it smaller”, when the file is also too big\) saves it the way you see it/);

  const made = box(page, 'identity').locator('[data-fix="made"]');
  const expected = [
    ['Store it upright', { width: 1200, height: 1600, dark: ['top-right'] }],
    ['Turn right', { width: 1600, height: 1200, dark: ['bottom-right'] }],
    ['Turn left', { width: 1600, height: 1200, dark: ['top-left'] }],
  ];
  for (const [label, corner] of expected) {
    // The keyboard alone: the button is disabled while it works, the focus never falls to <body>.
    await fixes.getByRole('button', { name: label }).focus();
    await page.keyboard.press('Enter');
    assert.notEqual(await focused(page), '', `${label}: focus is not lost while it works`);
    await made.waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.activeElement?.id === 'use-identity');
    const preview = made.getByRole('img', { name: /^Preview of identity\.jpg/ });
    assert.ok(await preview.isVisible(), `${label}: the result is shown before "Use this file"`);
    assert.ok(await preview.evaluate((img) => img.complete && img.naturalWidth > 0), `${label}: the preview loads`);
    assert.deepEqual(await markedCorner(page, await madeBytes(page, made)), corner, label);
  }
  await made.getByRole('button', { name: 'Use this file' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'result-identity');
  assert.equal((await verdict(page, 'identity')).verdict, 'ok');
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('"Convert to JPEG" is offered only where this browser can open the image, and then works', async () => {
  const { page, context } = await open(app.browser, app.url);
  // Chromium opens WebP: converted here, the copy re-inspected.
  const webp = await image(page, { width: 1200, height: 900, type: 'image/webp' });
  await choose(page, 'certificate_of_studies', file('certificate.webp', webp, 'image/webp'));
  assert.equal((await verdict(page, 'certificate_of_studies')).verdict, 'error');
  await box(page, 'certificate_of_studies').getByRole('button', { name: 'Convert to JPEG' }).click();
  const made = box(page, 'certificate_of_studies').locator('[data-fix="made"]');
  await made.waitFor({ timeout: 30_000 });
  const [cli] = await precheck(['file', '--doc', 'certificate_of_studies'], [file('certificate-of-studies.jpg', await madeBytes(page, made))]);
  assert.deepEqual([cli.format, cli.width, cli.height], ['jpeg', 1200, 900]);
  // A HEIC file that holds no image the decoder finds: no button that would fail, the steps
  // on the iPhone instead.
  await choose(page, 'visa', file('visa.heic', HEIC, 'image/heic'));
  assert.equal((await verdict(page, 'visa')).verdict, 'error');
  assert.equal(await box(page, 'visa').getByRole('button', { name: 'Convert to JPEG' }).count(), 0);
  assert.match(await box(page, 'visa').innerText(), /Convert Image › JPEG/);
  // A PDF too big is told how to make it smaller, not pointed to a button it does not have.
  const big = Buffer.concat([textPdf([['Certificat']]), Buffer.alloc(4_100_000, 0x20)]);
  await choose(page, 'rib', file('rib.pdf', big, 'application/pdf'));
  const rib = await verdict(page, 'rib');
  assert.ok(rib.codes.includes('too_large'), JSON.stringify(rib));
  const text = await box(page, 'rib').innerText();
  assert.doesNotMatch(text, /Make it smaller/);
  assert.equal(await box(page, 'rib').getByRole('button', { name: 'Make it smaller' }).count(), 0);
  assert.match(text, /Scan again at 150–200 dpi/);
  await context.close();
});

test('an iPhone HEIC photo is converted to JPEG in Chromium, upright, re-inspected and seen before it is used', async () => {
  const { page, context, problems } = await open(app.browser, app.url);
  // A 12-megapixel camera photo, as an iPhone stores it: HEVC in HEIF, the mark top-left.
  const photo = await heic(await image(page, { width: 4032, height: 3024, mark: true, grain: 20 }));
  await choose(page, 'identity', file('IMG_0001.HEIC', photo, 'image/heic'));
  const got = await verdict(page, 'identity');
  assert.equal(got.verdict, 'error');
  assert.ok(got.codes.includes('heic_not_accepted'), JSON.stringify(got));
  const identity = box(page, 'identity');
  // Chromium has no HEIC decoder of its own: the app's (libheif, loaded with this file) found
  // the photo, so the button is offered, and only it (no turn of an image not yet decoded).
  assert.deepEqual(await identity.locator('.fixes').getByRole('button').allInnerTexts(), ['Convert to JPEG']);
  await identity.getByRole('button', { name: 'Convert to JPEG' }).focus();
  await page.keyboard.press('Enter');
  const made = identity.locator('[data-fix="made"]');
  await made.waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.activeElement?.id === 'use-identity');
  assert.match(await made.innerText(), /identity\.jpg/);
  const preview = made.getByRole('img', { name: /^Preview of identity\.jpg/ });
  assert.ok(await preview.evaluate((img) => img.complete && img.naturalWidth > 0), 'the converted photo is shown');
  // The copy is a real JPEG, the whole photo the right way up, under the limit: the command
  // line agrees.
  const bytes = await madeBytes(page, made);
  assert.ok(bytes.length < 4_000_000, `${bytes.length} bytes`);
  const corner = await markedCorner(page, bytes);
  assert.deepEqual(corner.dark, ['top-left']);
  assert.equal(corner.width / corner.height, 4032 / 3024);
  const [cli] = await precheck(['file', '--doc', 'identity'], [file('identity.jpg', bytes)]);
  assert.deepEqual([cli.format, cli.verdict], ['jpeg', 'ok'], JSON.stringify(cli));
  await made.getByRole('button', { name: 'Use this file' }).click();
  assert.equal((await verdict(page, 'identity')).verdict, 'ok');
  assert.equal(await page.locator('#checklist-identity .status').innerText(), 'Ready');
  // libheif stays quiet in the console; its files come from the app's own origin.
  assert.deepEqual(problems, { foreignRequests: [], consoleErrors: [], cspViolations: [] });
  await context.close();
});

test('on a phone, in French, a HEIC photo is converted with the keyboard and named in French', async () => {
  const { page, context } = await open(app.browser, app.url, { viewport: PHONE, locale: 'fr-FR' });
  const photo = await heic(await image(page, { width: 1200, height: 1600 }));
  await choose(page, 'identity', file('IMG_0002.HEIC', photo, 'image/heic'));
  await box(page, 'identity').getByText('Photo d\'iPhone (HEIC)').waitFor();
  await box(page, 'identity').getByRole('button', { name: 'Convertir en JPEG' }).focus();
  await page.keyboard.press('Enter');
  const made = box(page, 'identity').locator('[data-fix="made"]');
  await made.waitFor({ timeout: 60_000 });
  assert.match(await made.innerText(), /piece-d-identite\.jpg/);
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('two photos chosen together are combined, in the chosen order, into one 2-page PDF', async () => {
  const { page, context } = await open(app.browser, app.url);
  const a = await image(page, { width: 1200, height: 1600 });
  const b = await image(page, { width: 1600, height: 1200 });
  await choose(page, 'birth_certificate', [file('translation.jpg', b, 'image/jpeg'), file('acte.jpg', a, 'image/jpeg')]);
  const pages = box(page, 'birth_certificate').locator('.pages');
  await pages.waitFor();
  await pages.getByRole('button', { name: 'Move acte.jpg up' }).click();
  assert.deepEqual(await pages.locator('.page-name').allInnerTexts(), ['acte.jpg', 'translation.jpg']);
  assert.equal(await page.locator('#checklist-birth_certificate .status').innerText(), 'Needs attention');
  await pages.getByRole('button', { name: 'Combine into one PDF' }).click();
  const made = pages.locator('[data-fix="made"]');
  await made.waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), made.getByRole('link').click()]);
  assert.equal(download.suggestedFilename(), 'birth-certificate.pdf');
  const pdf = await readFile(await download.path());
  const [cli] = await precheck(['file', '--doc', 'birth_certificate'], [file('birth-certificate.pdf', pdf)]);
  assert.deepEqual([cli.format, cli.pages, cli.verdict], ['pdf', 2, 'ok'], JSON.stringify(cli));
  assert.ok(pdf.length < 4_000_000);
  await made.getByRole('button', { name: 'Use this file' }).click();
  assert.equal((await verdict(page, 'birth_certificate')).verdict, 'ok');
  assert.equal(await pages.count(), 0, 'the pages became the file');
  await context.close();
});

test('pages put in order, removed and combined with the keyboard: the focus never falls to <body>', async () => {
  const { page, context } = await open(app.browser, app.url, { viewport: PHONE });
  const photo = await image(page, { width: 900, height: 1200 });
  await choose(page, 'birth_certificate', ['a.jpg', 'b.jpg', 'c.jpg'].map((n) => file(n, photo, 'image/jpeg')));
  const pages = box(page, 'birth_certificate').locator('.pages');
  const names = () => pages.locator('.page-name').allInnerTexts();
  const press = async (name) => {
    await pages.getByRole('button', { name }).focus();
    await page.keyboard.press('Enter');
  };
  // b moves last: its "down" arrow becomes disabled, the focus goes to its "up" arrow.
  await press('Move b.jpg down');
  assert.deepEqual(await names(), ['a.jpg', 'c.jpg', 'b.jpg']);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Move b.jpg up');
  // a moves up from second place to first: its "up" arrow becomes disabled.
  await press('Move c.jpg up');
  assert.deepEqual(await names(), ['c.jpg', 'a.jpg', 'b.jpg']);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Move c.jpg down');
  // Removing a page: the next page's "×" (the previous one for the last page).
  await press('Remove a.jpg');
  assert.deepEqual(await names(), ['c.jpg', 'b.jpg']);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Remove b.jpg');
  // At 360 px each row keeps its three buttons together on one line.
  const tops = await pages.locator('li').first().locator('.small-button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  assert.equal(new Set(tops).size, 1, `the buttons of a row share a line: ${tops}`);
  // Combining: the button is disabled while it works; then "Use this file"; then the verdict.
  await press('Combine into one PDF');
  assert.notEqual(await focused(page), '', 'focus is not lost while it works');
  await page.waitForFunction(() => document.activeElement?.id === 'use-birth_certificate', null, { timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'result-birth_certificate');
  assert.equal((await verdict(page, 'birth_certificate')).verdict, 'ok');
  await context.close();
});

test('a PDF and a photo of its translation are combined; a protected PDF is refused by name', async () => {
  const { page, context } = await open(app.browser, app.url);
  const acte = textPdf([['Acte de naissance', 'page 1'], ['page 2']]);
  const translation = await image(page, { width: 1200, height: 1600 });
  await choose(page, 'birth_certificate', [
    file('acte.pdf', acte, 'application/pdf'),
    file('traduction.jpg', translation, 'image/jpeg'),
  ]);
  const pages = box(page, 'birth_certificate').locator('.pages');
  // Every page is seen before combining: the photo as a thumbnail that loads, the PDF by its kind.
  const rows = pages.locator('li');
  await rows.first().waitFor();
  assert.equal(await rows.nth(0).locator('.page-badge').innerText(), 'PDF');
  assert.equal(await rows.nth(0).locator('img').count(), 0);
  const thumb = rows.nth(1).locator('img.page-thumb');
  await page.waitForFunction((img) => img.complete && img.naturalWidth === 1200, await thumb.elementHandle());
  assert.deepEqual(await axe(page), [], 'the thumbnails are decorative beside the names');
  await pages.getByRole('button', { name: 'Combine into one PDF' }).click();
  const made = pages.locator('[data-fix="made"]');
  await made.waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), made.getByRole('link').click()]);
  const pdf = await readFile(await download.path());
  const [cli] = await precheck(['file', '--doc', 'birth_certificate'], [file('birth-certificate.pdf', pdf)]);
  assert.deepEqual([cli.format, cli.pages, cli.verdict], ['pdf', 3, 'ok'], JSON.stringify(cli));
  // A password-protected PDF among the pages: named, never half-combined.
  await box(page, 'birth_certificate').locator('#add-birth_certificate')
    .setInputFiles(file('bank.pdf', textPdf([['x']], { encrypt: true }), 'application/pdf'));
  await pages.getByRole('button', { name: 'Combine into one PDF' }).click();
  const failed = pages.locator('[data-fix="failed"]');
  await failed.waitFor({ timeout: 30_000 });
  assert.match(await failed.innerText(), /^bank\.pdf cannot go into the PDF/);
  await context.close();
});

test('a RIB of any SEPA country passes; one from outside SEPA, or with another bank\'s BIC, is told so by name', async () => {
  const rib = (iban, bic) => file('rib.pdf', textPdf([['RELEVE D IDENTITE BANCAIRE', "Titulaire du compte : MME AWA N'DIAYE", `IBAN ${iban}`, `BIC ${bic}`]]), 'application/pdf');
  for (const [locale, viewport, words] of [
    ['en-US', undefined, { tunisia: /Account outside the SEPA area[\s\S]*\(country: Tunisia\)/, mismatch: /BIC of another country[\s\S]*DEUTDEFF is of a bank in another country \(Germany\) than the IBAN's account \(France\)/ }],
    ['fr-FR', PHONE, { tunisia: /Compte hors de la zone SEPA[\s\S]*\(pays : Tunisie\)/, mismatch: /BIC d'un autre pays[\s\S]*DEUTDEFF est celui d'une banque d'un autre pays \(Allemagne\) que celui du compte de l'IBAN \(France\)/ }],
  ]) {
    const { page, context, problems } = await open(app.browser, app.url, { locale, viewport });
    for (const [iban, bic] of [['DE89 3704 0044 0532 0130 00', 'COBADEFFXXX'], ['CH93 0076 2011 6238 5295 7', 'UBSWCHZH80A'], ['MC58 1122 2000 0101 2345 6789 030', 'CMCIMCM1']]) {
      await choose(page, 'rib', rib(iban, bic));
      await box(page, 'rib').locator('.file-name', { hasText: 'rib.pdf' }).waitFor();
      assert.deepEqual(await verdict(page, 'rib'), { verdict: 'ok', codes: [] }, `${locale} ${iban}`);
      await page.locator('#checklist-rib.status-ready').waitFor();
    }
    await choose(page, 'rib', rib('TN59 1000 6035 1835 9847 8831', 'BTBKTNTT'));
    await page.waitForFunction(() => document.querySelector('.upload[data-doc="rib"] .problem[data-code="iban_not_sepa"]'), null, { timeout: 30_000 });
    assert.deepEqual(await verdict(page, 'rib'), { verdict: 'warning', codes: ['iban_not_sepa'] });
    assert.match((await box(page, 'rib').innerText()).replace(/\u00a0/g, ' '), words.tunisia, locale);
    await choose(page, 'rib', rib('FR76 3000 6000 0112 3456 7890 189', 'DEUTDEFF'));
    await page.waitForFunction(() => document.querySelector('.upload[data-doc="rib"] .problem[data-code="bic_country_mismatch"]'), null, { timeout: 30_000 });
    assert.deepEqual(await verdict(page, 'rib'), { verdict: 'warning', codes: ['bic_country_mismatch'] });
    assert.match((await box(page, 'rib').innerText()).replace(/\u00a0/g, ' '), words.mismatch, locale);
    const [cli] = await precheck(['file', '--doc', 'rib'], [rib('FR76 3000 6000 0112 3456 7890 189', 'DEUTDEFF')]);
    assert.deepEqual(cli.problems.map((p) => p.code), ['bic_country_mismatch'], 'the command line says the same');
    assert.deepEqual(await axe(page), [], locale);
    assert.deepEqual(problems, { foreignRequests: [], consoleErrors: [], cspViolations: [] });
    await context.close();
  }
});

test('files dropped on a box are checked; dropped beside the boxes, the page stays and says where', async () => {
  const { page, context } = await open(app.browser, app.url);
  const drop = async (selector, name, bytes, type) => {
    await page.evaluate(
      ({ selector, name, b64, type }) => {
        const bin = atob(b64);
        const data = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i += 1) data[i] = bin.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([data], name, { type }));
        const target = document.querySelector(selector);
        for (const type of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
        }
      },
      { selector, name, b64: bytes.toString('base64'), type },
    );
  };
  await drop('.upload[data-doc="visa"]', 'notes.txt', Buffer.from('my visa number is 123'), 'text/plain');
  const got = await verdict(page, 'visa');
  assert.deepEqual(got, { verdict: 'error', codes: ['unsupported_format'] });
  await drop('main h1', 'passport.pdf', textPdf([['x']]), 'application/pdf');
  await page.getByRole('status').filter({ hasText: 'drop it on the box of the document it belongs to' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/', 'the page was not replaced by the file');
  await context.close();
});

test('typing stays instant while a large file is checked', async () => {
  const { page, context } = await open(app.browser, app.url);
  const photo = await image(page, { width: 4000, height: 3000, kind: 'noise', quality: 0.95 });
  await choose(page, 'rib', file('rib.jpg', photo, 'image/jpeg'));
  const lastName = page.getByLabel('Last name');
  await lastName.fill('Diallo');
  const checking = await box(page, 'rib').locator('.checking').count();
  assert.equal(await lastName.inputValue(), 'Diallo');
  assert.equal(checking, 1, 'the field took the typing while the file was still being checked');
  await verdict(page, 'rib');
  await context.close();
});

test('on a phone, in French, with the keyboard alone', async () => {
  const { page, context } = await open(app.browser, `${app.url}?lang=fr`, { viewport: PHONE });
  const passport = file('passeport.pdf', textPdf([['x']], { encrypt: true }), 'application/pdf');
  await page.locator('#file-identity').focus();
  await page.waitForFunction(() => document.activeElement?.id === 'file-identity');
  await page.evaluate(() => {
    window.activations = [];
    document.activeElement.addEventListener('click', (e) => window.activations.push(e.isTrusted));
  });
  // What the page owns: Enter on the focused input activates it, as a click would. Headless
  // Chromium opens the native dialog for it most of the time, but not reliably after many
  // contexts, so the file goes in through the dialog when it opens, else through the input.
  const chosen = page
    .waitForEvent('filechooser', { timeout: 5_000 })
    .then((chooser) => chooser.setFiles(passport))
    .catch(() => page.locator('#file-identity').setInputFiles(passport));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.activations.length === 1 && window.activations[0] === true);
  await chosen;
  assert.equal(await page.locator('#file-identity').evaluate((input) => input.multiple), true, 'several files at once');
  const got = await verdict(page, 'identity');
  assert.equal(got.verdict, 'error');
  const text = await box(page, 'identity').innerText();
  assert.match(text, /Protégé par un mot de passe/);
  assert.match(text, /À corriger avant de l'envoyer\./);
  assert.equal(await page.locator('#checklist-identity .status').innerText(), 'À revoir');
  // Remove, by keyboard: the box is empty again and focus returns to its input.
  await box(page, 'identity').getByRole('button', { name: /^Retirer/ }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'file-identity');
  assert.equal(await box(page, 'identity').locator('.result [data-verdict]').count(), 0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await context.close();
});

test('the inspection worker takes bytes in memory as it takes files, and says the same', async () => {
  const { page, context } = await open(app.browser, app.url);
  const pdf = textPdf([['x']], { encrypt: true });
  const got = await page.evaluate(async (bytes) => {
    const worker = new Worker('inspector_loader.js');
    await new Promise((ok) => (worker.onmessage = (e) => e.data === 'ready' && ok()));
    const ask = (id, item, transfer) =>
      new Promise((ok) => {
        worker.onmessage = (e) => ok(e.data.done);
        const job = { id: String(id), task: 'inspect', name: 'passport.pdf', made_as: '', doc: 'identity', limit: '4000000', others: '', last: '', first: '' };
        worker.postMessage({ job, files: [item] }, transfer);
      });
    const data = new Uint8Array(bytes);
    const fromFile = await ask(1, new File([data], 'passport.pdf'), []);
    const copy = data.slice();
    const fromBytes = await ask(2, copy.buffer, [copy.buffer]);
    worker.terminate();
    return { fromFile, fromBytes, transferred: copy.byteLength === 0 };
  }, [...pdf]);
  assert.equal(got.fromFile.problems, 'pdf_encrypted');
  assert.equal(got.fromFile.size, String(pdf.length));
  assert.deepEqual({ ...got.fromBytes, id: '1' }, got.fromFile, 'the same record, bytes or file');
  assert.ok(got.transferred, 'the bytes were handed over, not copied');
  await context.close();
});
