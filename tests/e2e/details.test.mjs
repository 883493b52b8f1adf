// "Your details": the portal's form checked as a student fills it in, by labels, in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, open, suite, PHONE, toFrench } from './harness.mjs';
import { answerStep1, fillValidDetails } from './student.mjs';

const app = suite();
const CHECK = 'Check my details';

/** A student past step 1 with every field valid, in English or (`'fr'`) French. */
async function filledIn(lang, viewport) {
  const { page, context } = await open(app.browser, app.url, { viewport });
  await answerStep1(page);
  await fillValidDetails(page);
  const fr = lang === 'fr';
  if (fr) await toFrench(page);
  return { page, context, fr };
}

/** Presses "Check my details"; with `ready`, waits until the form is said ready as it is. */
async function checkDetails(page, fr, { ready = false } = {}) {
  await page.getByRole('button', { name: fr ? 'Vérifier mes informations' : CHECK }).click();
  if (ready) {
    await page.getByText(fr ? 'Vos informations sont prêtes à être saisies telles quelles sur le portail.' : 'Your details are ready to be typed on the portal as they are.').waitFor();
  }
}

test('checking an empty form lists every missing field, links to each, and says Error in the title', async () => {
  const { page, context, problems } = await open(app.browser, app.url);
  await page.getByRole('button', { name: CHECK }).click();
  const summary = page.getByRole('alert');
  await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'details-result');
  assert.match(await page.title(), /^Error: /);
  const links = await summary.getByRole('link').allInnerTexts();
  // Each item names its field first.
  assert.ok(links.includes('Last name: Enter your last name, as in your passport.'), links.join('\n'));
  assert.ok(links.includes('Mobile phone number: Enter your mobile phone number.'));
  assert.ok(links.includes('Your date of birth: Enter your date of birth in step 1.'));
  await summary.getByRole('link', { name: 'Last name: Enter your last name, as in your passport.' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'last-name');
  const lastName = page.getByLabel('Last name');
  assert.equal(await lastName.getAttribute('aria-invalid'), 'true');
  assert.match(await lastName.getAttribute('aria-describedby'), /last-name-msg-0/);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('a complete, correct form is ready, with the town spelt officially', async () => {
  const { page, context } = await open(app.browser, app.url);
  await answerStep1(page);
  await fillValidDetails(page);
  await page.getByRole('button', { name: CHECK }).click();
  await page.getByText('Your details are ready to be typed on the portal as they are.').waitFor();
  assert.doesNotMatch(await page.title(), /^Error/);
  assert.equal(await page.getByLabel('Last name').inputValue(), 'N’Diaye', 'what was typed is kept');
  await context.close();
});

test('a Paris, Lyon or Marseille arrondissement is accepted however it is typed, and spelt officially', async () => {
  const { page, context } = await open(app.browser, app.url);
  await answerStep1(page);
  await fillValidDetails(page);
  const row = page.locator('#summary .summary-row', { has: page.locator('dt', { hasText: 'Town' }) }).first();
  for (const [postcode, typed, official] of [['75011', 'Paris 11e', 'Paris 11e Arrondissement'], ['75005', 'paris 05', 'Paris 5e Arrondissement'], ['13001', 'Marseille 1er', 'Marseille 1er Arrondissement']]) {
    await page.getByLabel('Postcode').fill(postcode);
    await page.getByLabel('Town').fill(typed);
    await page.getByRole('button', { name: CHECK }).click();
    await page.getByText('Your details are ready to be typed on the portal as they are.').waitFor();
    await row.locator('.summary-value', { hasText: official }).waitFor();
  }
  // The wrong arrondissement for the postcode: the one it serves is suggested.
  await page.getByLabel('Postcode').fill('75011');
  await page.getByLabel('Town').fill('Paris 12e');
  await page.getByRole('button', { name: CHECK }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Town: .*Paris 11e Arrondissement/);
  await context.close();
});

test('overseas addresses and mobiles: Saint-Barthélemy, Saint-Martin, +590 691, +596 697, and 12 quinquies', async () => {
  for (const [lang, viewport] of [['en', undefined], ['fr', PHONE]]) {
    const { page, context, fr } = await filledIn(lang, viewport);
    const label = (en, french) => page.getByLabel(fr ? french : en, { exact: true });
    const check = page.getByRole('button', { name: fr ? 'Vérifier mes informations' : CHECK });
    const ready = fr ? 'Vos informations sont prêtes à être saisies telles quelles sur le portail.' : 'Your details are ready to be typed on the portal as they are.';
    const townRow = page.locator('#summary .summary-row', { has: page.locator('dt', { hasText: fr ? 'Ville' : 'Town' }) }).first();
    const phoneRow = page.locator('#summary .summary-row', { has: page.locator('dt', { hasText: fr ? 'mobile' : 'Mobile' }) }).first();
    for (const [postcode, town, official, phone, shown, complement] of [
      ['97133', 'St Barthelemy', 'Saint-Barthélemy', '+590 691 28 34 56', '06 91 28 34 56', 'quinquies'],
      ['97150', 'saint martin', 'Saint-Martin', '+596 697 12 34 56', '06 97 12 34 56', 'SEXIES'],
    ]) {
      await label('Postcode', 'Code postal').fill(postcode);
      await label('Town', 'Ville').fill(town);
      await label('Mobile phone number', 'Numéro de téléphone mobile').fill(phone);
      await label('Complement (optional)', 'Complément (facultatif)').fill(complement);
      await check.focus();
      await page.keyboard.press('Enter');
      await page.getByText(ready).waitFor();
      await townRow.locator('.summary-value', { hasText: official }).waitFor();
      await phoneRow.locator('.summary-value', { hasText: shown }).waitFor();
    }
    // Past decies, the message lists what the field takes.
    await label('Complement (optional)', 'Complément (facultatif)').fill('undecies');
    await check.click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), fr ? /Complément.*: Saisissez bis, ter, quater, quinquies \(et ainsi de suite jusqu'à decies\)/ : /Complement.*: Enter bis, ter, quater, quinquies \(and so on up to decies\)/);
    assert.deepEqual(await axe(page), [], lang);
    await context.close();
  }
});

test('the title says it follows the sex on the birth certificate, read with the group, in English and in French', async () => {
  for (const [locale, name, hint] of [
    ['en-US', 'Title', /As the sex on your birth certificate: it sets the first digit of your social security number \(1 for M\., 2 for Mme\)/],
    ['fr-FR', 'Civilité', /Selon le sexe indiqué sur votre acte de naissance : elle donne le premier chiffre de votre numéro de sécurité sociale/],
  ]) {
    const { page, context } = await open(app.browser, app.url, { locale, viewport: PHONE });
    const group = page.getByRole('group', { name, exact: true });
    const described = await group.evaluate((el) => el.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)?.textContent).join(' '));
    assert.match(described.replace(/\u00a0/g, ' '), hint, locale);
    await context.close();
  }
});

test('a passport\'s FNU or XXX for no first name is a warning that explains it, not a blocking error', async () => {
  for (const [lang, viewport] of [['en', undefined], ['fr', PHONE]]) {
    const { page, context, fr } = await filledIn(lang, viewport);
    await page.getByLabel(fr ? 'Prénom' : 'First name', { exact: true }).fill('FNU');
    await checkDetails(page, fr, { ready: true });
    const warning = page.locator('#first-name-msg-0');
    assert.match((await warning.innerText()).replace(/\u00a0/g, ' '), fr
      ? /FNU, XXX ou SP, c'est ce que certains passeports impriment pour un nom qu'ils n'ont pas : ce n'est pas un nom\. Saisissez-le comme votre passeport l'imprime/
      : /FNU, XXX or SP is what some passports print for a name they do not have: it is not a name\. Type it as your passport prints it/);
    // No first name at all: the message says who answers what to type.
    await page.getByLabel(fr ? 'Prénom' : 'First name', { exact: true }).fill('');
    await checkDetails(page, fr);
    await page.locator('#first-name-msg-0').getByText(fr ? /S'il n'en porte aucun, demandez à votre CPAM \(36 46\)/ : /If your passport shows none at all, ask your CPAM \(36 46\)/).waitFor();
    assert.deepEqual(await axe(page), [], lang);
    await context.close();
  }
});

test('a former commune the base does not know is a warning naming the commune, not a blocking error', async () => {
  for (const [lang, viewport] of [['en', undefined], ['fr', PHONE]]) {
    const { page, context, fr } = await filledIn(lang, viewport);
    await page.getByLabel(fr ? 'Code postal' : 'Postcode', { exact: true }).fill('50100');
    await page.getByLabel(fr ? 'Ville' : 'Town', { exact: true }).fill('Octeville');
    await checkDetails(page, fr, { ready: true });
    const warning = page.locator('#town-msg-0');
    assert.match((await warning.innerText()).replace(/\u00a0/g, ' '), fr
      ? /À vérifier : Ce nom n'est pas dans la liste officielle des communes de ce code postal\. Si c'est une ancienne commune ou un lieu-dit, le portail attend le nom de la commune : Cherbourg-en-Cotentin\./
      : /Check: This name is not in the official list of towns for this postcode\. If it is a former commune or a locality, the portal wants the commune's name: Cherbourg-en-Cotentin\./);
    assert.deepEqual(await axe(page), [], lang);
    await context.close();
  }
});

test('a foreign student born in France is warned of the number INSEE gave at birth, in English and in French', async () => {
  for (const [lang, viewport] of [['en', undefined], ['fr', PHONE]]) {
    const { page, context, fr } = await filledIn(lang, viewport);
    const birth = page.getByLabel(fr ? 'Pays de naissance' : 'Country of birth', { exact: true });
    await birth.fill('France');
    await birth.press('Tab');
    await checkDetails(page, fr);
    const warning = page.locator('.warning-message', { hasText: '36 46' });
    await warning.waitFor();
    assert.match((await warning.innerText()).replace(/\u00a0/g, ' '), fr
      ? /À vérifier : Né en France, vous avez très probablement déjà un numéro de sécurité sociale .* appelez la CPAM au 36 46/
      : /Check: Born in France, you most likely already have a French social security number.* call the CPAM on 36 46/);
    assert.notEqual(await birth.getAttribute('aria-invalid'), 'true', 'a warning does not mark the field invalid');
    assert.deepEqual(await axe(page), [], lang);
    await context.close();
  }
});

test('the towns of a postcode are offered once it is typed, and the base loads only then', async () => {
  const { page, context } = await open(app.browser, app.url);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.getByLabel('Street name').fill('de la Paix');
  assert.ok(!requested.includes('/postcodes.tsv'), 'not loaded before the postcode');
  await page.getByLabel('Postcode').fill('97411');
  await page.waitForFunction(() => document.querySelectorAll('#towns option').length > 0);
  const towns = await page.locator('#towns option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(towns, ['Saint-Paul', 'BOIS DE NEFLES SAINT PAUL']);
  assert.equal(requested.filter((p) => p === '/postcodes.tsv').length, 1);
  await context.close();
});

test('mistakes get precise messages: names, email typo and mismatch, phone, postcode, town', async () => {
  const { page, context } = await open(app.browser, app.url);
  await answerStep1(page);
  await fillValidDetails(page);
  await page.getByLabel('Last name').fill('Diaye2');
  await page.getByLabel('Email address', { exact: true }).fill('awa@gmial.com');
  await page.getByLabel('Confirm your email address').fill('awa@gmail.com');
  await page.getByLabel('Mobile phone number').fill('+44 7911 123456');
  await page.getByLabel('Postcode').fill('93200');
  await page.getByLabel('Town').fill('Lyon');
  await page.getByRole('button', { name: CHECK }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  assert.deepEqual(await summary.getByRole('link').allInnerTexts(), [
    'Last name: Use only letters, spaces, hyphens and apostrophes, as in your passport.',
    'Town: This town does not match the postcode: choose one of Saint-Denis.',
    'Confirm your email address: The two email addresses are different: type the same address twice.',
  ]);
  await page.getByText('Check: Did you mean awa@gmail.com?', { exact: false }).waitFor();
  await page.getByText('Check: This is a foreign number: the portal expects a French mobile.', { exact: false }).waitFor();

  await page.getByLabel('Postcode').fill('75021');
  await page.getByText('No French postcode is written like this', { exact: false }).first().waitFor();
  await context.close();
});

test('in French, the form speaks French and keeps every value across a language switch', async () => {
  const { page, context } = await open(app.browser, app.url, { locale: 'fr-FR' });
  await page.getByLabel('Nom', { exact: true }).fill('Diaye2');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill('awa@gmial.com');
  await page.getByRole('button', { name: 'Vérifier mes informations' }).click();
  await page.getByRole('alert').getByRole('heading', { name: 'Il y a un problème' }).waitFor();
  assert.match(await page.title(), /^Erreur\u00a0: /);
  await page.getByRole('alert').getByText("Utilisez seulement des lettres, des espaces, des traits d'union et des apostrophes, comme sur votre passeport.").waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.getByLabel('Last name').inputValue(), 'Diaye2');
  assert.equal(await page.getByLabel('Email address', { exact: true }).inputValue(), 'awa@gmial.com');
  await page.getByRole('alert').getByRole('heading', { name: 'There is a problem' }).waitFor();
  await context.close();
});

test('each item of the error summary names its field, in English and in French', async () => {
  for (const [locale, expected] of [
    ['en-US', 'Last name: Use at most 254 characters.'],
    ['fr-FR', 'Nom\u00a0: Utilisez 254 caractères au plus.'],
  ]) {
    const { page, context } = await open(app.browser, app.url, { locale });
    await page.locator('#last-name').fill('A'.repeat(300));
    await page.locator('.details-form button[type=submit]').click();
    const item = page.locator('.error-summary li a[href="#last-name"]');
    assert.equal((await item.textContent()).trim(), expected, locale);
    await context.close();
  }
});

test('fields carry the autocomplete and keyboard hints phones need', async () => {
  const { page, context } = await open(app.browser, app.url);
  const attrs = async (label, exact = false) => {
    const field = page.getByLabel(label, { exact });
    return [await field.getAttribute('autocomplete'), await field.getAttribute('inputmode'), await field.getAttribute('type')];
  };
  assert.deepEqual(await attrs('Last name'), ['family-name', null, 'text']);
  assert.deepEqual(await attrs('First name'), ['given-name', null, 'text']);
  assert.deepEqual(await attrs('Postcode'), ['postal-code', 'numeric', 'text']);
  assert.deepEqual(await attrs('Town'), ['address-level2', null, 'text']);
  assert.deepEqual(await attrs('Email address', true), ['email', 'email', 'email']);
  assert.deepEqual(await attrs('Mobile phone number'), ['tel', 'tel', 'tel']);
  await context.close();
});

test('on a phone with every error showing: no axe violation, and the bar never hides the focused field', async () => {
  for (const locale of ['en-US', 'fr-FR']) {
    const { page, context } = await open(app.browser, app.url, { locale, viewport: PHONE });
    await page.locator('#email').fill('x@gmial.com');
    await page.locator('#phone').fill('01 23 45 67 89');
    await page.locator('.details-form button[type=submit]').click();
    await page.locator('.error-summary').waitFor();
    assert.deepEqual(await axe(page), [], locale);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${locale}: ${overflow}px too wide`);
    // Tabbing to a field never leaves it under the checklist bar at the bottom of the screen.
    // Put the phone field just under the bar, the field before it in view, then Tab.
    await page.evaluate(() => {
      const phone = document.getElementById('phone');
      const top = phone.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top - window.innerHeight + 30);
      document.getElementById('email-confirmation').focus({ preventScroll: true });
    });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'phone');
    const field = await page.locator('#phone').boundingBox();
    const bar = await page.locator('.mobile-summary').boundingBox();
    assert.ok(field.y + field.height <= bar.y, `${locale}: the focused field is under the bar`);
    await context.close();
  }
});
