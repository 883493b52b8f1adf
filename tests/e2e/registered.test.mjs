// "I have registered" (src/registered.rs, its own wasm loaded on demand): the student records
// what the personal area shows, pastes a message, drops a certificate, and sees what is still
// missing and what comes next change; in English and French, at 360 px, with the keyboard;
// nothing stored without consent, everything gone after "Forget everything".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, open, PHONE, suite, toFrench } from './harness.mjs';
import { file, textPdf } from './fixtures.mjs';
import { answerStep1, fillValidDetails } from './student.mjs';

const app = suite();
const KEY = 'secu-precheck/registered/v1';

/** dd/mm/yyyy of a Date. */
const fr = (d) => `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;

/** A certificate of entitlement in the guide's layout (as domain/tests/after.rs makes them):
 * `body` is the number's first 13 characters; its key is computed (mod 97). */
function certificate({ title, from, to, body, name, born }) {
  const key = String(97n - (BigInt(body) % 97n)).padStart(2, '0');
  const number = `${body[0]} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)} ${key}`;
  return textPdf([[
    `Numéro de l'assuré : ${number}`,
    `Nom de l'assuré : ${name}`,
    title,
    `Valable pour la période du ${from} au ${to} sous réserve de changement de situation de l'assuré.`,
    "Bénéficiaire(s) nom de famille suivi d'un éventuel nom d'usage   n° de sécurité sociale du bénéficiaire   né(e) le/rang",
    `${name}   ${number}   ${born} 1`,
  ]]);
}

const today = new Date();
const lastYear = new Date(today.getFullYear() - 1, today.getMonth(), 1);
const nextYear = new Date(today.getFullYear() + 1, today.getMonth(), 1);
const PROVISIONAL = certificate({
  title: "MON ATTESTATION DE DROITS PROVISOIRE À L'ASSURANCE MALADIE",
  from: fr(lastYear), to: fr(nextYear), body: '8031199352012', name: "N'DIAYE AWA", born: '14/05/2003',
});
const SOMEONE_ELSES = certificate({
  title: "MON ATTESTATION DE DROITS À L'ASSURANCE MALADIE",
  from: fr(lastYear), to: fr(nextYear), body: '2031199352012', name: 'ZHANG WEI', born: '02/11/2003',
});

/** Opens the part with the keyboard and waits until it is there. */
async function openPart(page, name) {
  const button = page.getByRole('button', { name });
  await button.focus();
  await page.keyboard.press('Enter');
  await page.locator('#registered-root[data-ready]').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'registered-heading');
  assert.equal(await button.isVisible(), false, 'the open button is gone once the part is there');
}

const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const missing = (page) => page.locator('#registered-missing').innerText();

test('in English at 360 px with the keyboard: statuses, a message, a certificate, what is missing and what comes next', async () => {
  const { page, context, problems } = await open(app.browser, app.url, { viewport: PHONE });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await answerStep1(page);
  await fillValidDetails(page);
  assert.equal(requested.filter((p) => /registered/.test(p)).length, 0, 'nothing of the part loads before it is opened');

  await openPart(page, 'I have registered: follow my registration');
  assert.ok(requested.some((p) => p.endsWith('registered_bg.wasm')));
  assert.match(await missing(page), /For the provisional certificate:[\s\S]*Proof of identity[\s\S]*For final entitlement:[\s\S]*RIB in your name/i);

  // What the personal area shows, recorded with the keyboard.
  for (const doc of ['certificate_of_studies', 'identity', 'visa']) {
    await page.locator(`#status-${doc}`).focus();
    await page.locator(`#status-${doc}`).selectOption('processing');
  }
  let text = await missing(page);
  assert.doesNotMatch(text, /For the provisional certificate/, text);
  assert.match(text, /For final entitlement:/);
  assert.match(await page.locator('#next-visa').innerText(), /you can still replace it/);
  assert.ok((await page.locator('#since-visa').inputValue()).length === 10, 'the day it was recorded');

  // A message from the CPAM, in French.
  await page.getByLabel('Paste the message’s text (French or English)').fill(
    "Bonjour, votre RIB a été refusé : il n'est pas à votre nom. Merci de transmettre un nouveau RIB.",
  );
  await page.getByRole('button', { name: 'Read the message' }).press('Enter');
  await page.locator('#registered-email-result').getByText('We marked these documents above:').waitFor();
  assert.match(await page.locator('#registered-email-result').innerText(), /Refused: RIB in your name/);
  assert.equal(await page.locator('#status-rib').inputValue(), 'rejected');
  assert.match(await page.locator('#next-rib').innerText(), /Refused: check a new file[\s\S]*not in your name/);
  assert.match(await missing(page), /RIB in your name/);
  // Wording it does not know: said, never guessed.
  await page.getByLabel('Paste the message’s text (French or English)').fill('Hello, see you at the welcome day.');
  await page.getByRole('button', { name: 'Read the message' }).click();
  await page.locator('#registered-email-result').getByText('we will not guess').waitFor();
  assert.equal(await page.locator('#status-rib').inputValue(), 'rejected', 'an unknown message changes nothing');

  // The provisional certificate: read, never showing its number; its stage dated.
  assert.equal(await page.locator('#registered-timeline [data-step="provisional"]').count(), 1);
  await page.locator('#registered-certificate').setInputFiles(file('attestation.pdf', PROVISIONAL, 'application/pdf'));
  const result = page.locator('#registered-certificate-result');
  await result.getByText('A provisional certificate').waitFor();
  const said = await result.innerText();
  assert.match(said, /Valid from/);
  assert.match(said, /It is valid today/);
  assert.match(said, /Beneficiary: N'DIAYE AWA/);
  assert.doesNotMatch(said, /differ|names ZHANG/);
  assert.doesNotMatch(await page.content(), /8 03 11 99|8031199352/, 'the number is never shown');
  assert.equal(await page.locator('#registered-provisional').inputValue().then((v) => v.length), 10);
  assert.equal(await page.locator('#registered-timeline [data-step="provisional"]').count(), 0, 'a certificate that came leaves the timeline');

  // Someone else's certificate, dropped on the part: said, and the page's guard hears nothing.
  await page.evaluate((b64) => {
    const bin = atob(b64);
    const data = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i += 1) data[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([data], 'other.pdf', { type: 'application/pdf' }));
    const target = document.querySelector('.registered-certificate');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, SOMEONE_ELSES.toString('base64'));
  await result.getByText('It names ZHANG WEI').waitFor();
  assert.match(await result.innerText(), /A final certificate/);
  assert.equal(await page.getByText('drop it on the box of the document it belongs to').count(), 0);

  // The permanent number came: the ameli account is now.
  await page.locator('#registered-timeline [data-step="ameli"]').waitFor();
  assert.match(await page.locator('#registered-timeline [data-step="ameli"]').innerText(), /Since|From/);
  assert.equal(await page.locator('#registered-timeline [data-step="permanent"]').count(), 0);
  assert.ok(await page.getByRole('button', { name: 'Add the dates to my calendar (.ics)' }).count() >= 1);

  // Not kept: the student did not ask.
  assert.equal(await stored(page), null);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scroll at 360 px');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, { foreignRequests: [], consoleErrors: [], cspViolations: [] });
  await context.close();
});

test('in French, kept with consent: back after a reload, in the chosen language, and gone after "Forget everything"', async () => {
  const { page, context, problems } = await open(app.browser, app.url, { viewport: PHONE });
  await toFrench(page);
  await page.getByLabel('Garder mes réponses sur cet appareil').check();
  await openPart(page, 'Je me suis inscrit : suivre mon inscription');
  assert.match(await missing(page), /Ce qui manque encore[\s\S]*Pour l’attestation provisoire/);
  await page.locator('#status-rib').selectOption('rejected');
  await page.locator('#registered-sent').fill('2026-09-14');
  await page.waitForFunction((key) => /sent=2026-09-14.*doc.rib=rejected/.test(localStorage.getItem(key) || ''), KEY);
  assert.deepEqual(await axe(page), []);

  await page.reload();
  await page.locator('#registered-root[data-ready]').waitFor();
  assert.equal(await page.locator('#status-rib').inputValue(), 'rejected', 'the part opens again with what was kept');
  assert.match(await page.locator('#next-rib').innerText(), /Refusé : vérifiez un nouveau fichier/);
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'registered-heading', 'no focus taken on a reload');

  // The page's language is the part's.
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('#registered-missing').getByText('Still missing').waitFor();

  // Unticking keeps nothing; ticking again keeps it again; forgetting removes everything.
  await page.getByLabel('Keep my answers on this device').uncheck();
  await page.waitForFunction((key) => localStorage.getItem(key) === null, KEY);
  await page.getByLabel('Keep my answers on this device').check();
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, KEY);
  await page.getByRole('button', { name: 'Forget everything' }).click();
  await page.getByRole('group', { name: /^Forget everything\? Every answer/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#status-rib')?.value === 'not_sent');
  assert.equal(await page.locator('#registered-sent').inputValue(), '');
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(problems, { foreignRequests: [], consoleErrors: [], cspViolations: [] });
  await context.close();
});

test('a part that cannot load says so and can be tried again; once loaded, it works offline', async () => {
  // Without the service worker, so that the failed fetch is the network's.
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.route('**/registered_bg.wasm', (r) => r.abort());
  const open = page.getByRole('button', { name: 'I have registered: follow my registration' });
  await open.click();
  await page.locator('#registered-status').getByText('This part could not load').waitFor();
  assert.equal(await open.isVisible(), true, 'offered again');
  await page.unroute('**/registered_bg.wasm');
  await open.click();
  await page.locator('#registered-root[data-ready]').waitFor();
  assert.equal(await page.locator('#registered-status').innerText(), '');
  await context.close();

  // With it: opened once online, the part opens offline after a reload.
  const online = await app.browser.newContext();
  const again = await online.newPage();
  await again.goto(app.url);
  await again.evaluate(() => navigator.serviceWorker.ready);
  await again.reload();
  await again.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await again.getByRole('button', { name: 'I have registered: follow my registration' }).click();
  await again.locator('#registered-root[data-ready]').waitFor();
  await online.setOffline(true);
  await again.reload();
  await again.getByRole('heading', { level: 1 }).waitFor();
  await again.getByRole('button', { name: 'I have registered: follow my registration' }).click();
  await again.locator('#registered-root[data-ready]').waitFor();
  await again.locator('#registered-missing').getByText('Still missing').waitFor();
  await online.close();
});
