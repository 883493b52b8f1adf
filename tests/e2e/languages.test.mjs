// The whole student path in Spanish, Simplified Chinese and Arabic, on a phone-sized screen and
// with the keyboard alone: every step shows the chosen language's words and no other's (each
// visible text is compared with every language's catalog, domain/locales/), axe finds nothing,
// and Arabic reads right to left, with Latin values kept left to right. Screenshots of the
// Arabic page at 360 px and on a desktop go to target/screenshots/ for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axe, open, settled, suite, visibleTexts, DESKTOP, PHONE } from './harness.mjs';
import { file } from './fixtures.mjs';
import { documents } from './student.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const LANGS = ['en', 'fr', 'es', 'zh', 'ar'];
const app = suite();

/** Every text of a language's catalogs (the page's, the later one, and "I have registered"'s),
 * one-line TOML strings as domain/src/i18n/file.rs reads them. */
function catalog(lang) {
  const texts = [];
  for (const dir of ['', 'later', 'after']) {
    const source = readFileSync(join(ROOT, 'domain', 'locales', dir, `${lang}.toml`), 'utf8');
    for (const line of source.split('\n')) {
      const m = line.trim().match(/^[a-z0-9_]+ = "(.*)"$/);
      if (m) texts.push(JSON.parse(`"${m[1]}"`).replace(/\s+/g, ' ').trim());
    }
  }
  return texts;
}

const letters = (s) => (s.replace(/\{[a-z_]+\}/g, '').match(/\p{L}/gu) ?? []).length;
const escape = (s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/[{}]/g, (c) => `\\${c}`);

/** What a language's words look like on screen: each text as a pattern (its placeholders
 * standing for anything), and each piece of text between placeholders (a text node may hold one
 * piece, the value beside it being in its own element). Only what has words in it counts. */
function words(lang) {
  const patterns = [];
  const pieces = new Set();
  for (const text of catalog(lang)) {
    if (letters(text) < 4) continue;
    const source = text.split(/\{[a-z_]+\}/).map(escape).join('[\\s\\S]*?');
    patterns.push(new RegExp(`^${source}$`, 'u'));
    for (const piece of text.split(/\{[a-z_]+\}/)) {
      const p = piece.trim();
      if (letters(p) >= 4) pieces.add(p);
    }
  }
  return (text) => pieces.has(text) || patterns.some((re) => re.test(text));
}

const WORDS = Object.fromEntries(LANGS.map((lang) => [lang, words(lang)]));

/** The visible texts of another language than `lang`: each one that a catalog of another
 * language writes, and `lang`'s does not. */
async function foreignTexts(page, lang) {
  const texts = await visibleTexts(page);
  const foreign = [];
  for (const text of texts) {
    if (WORDS[lang](text)) continue;
    const other = LANGS.find((l) => l !== lang && WORDS[l](text));
    if (other) foreign.push(`${other}: ${text}`);
  }
  return { texts, foreign };
}

/** Types into a field reached by the keyboard: focus moves there, and keys are typed. */
async function type(page, selector, text) {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

/** Chooses a radio button with the keyboard (Space on the focused button). */
async function choose(page, selector) {
  await page.locator(selector).press('Space');
  assert.ok(await page.locator(selector).isChecked(), `${selector} is chosen`);
}

// Each language, Senegal as a student types it in it, and as its list of countries names it
// (in Arabic with a shadda no keyboard habit types).
const PATHS = [
  ['es', 'senegal', 'Senegal'],
  ['zh', '塞内加尔', '塞内加尔'],
  ['ar', 'السنغال', 'السّنغال'],
];

for (const [lang, senegal, named] of PATHS) {
  test(`the whole path in ${lang} at 360 px with the keyboard: only ${lang} words on screen, axe clean`, async () => {
    const { page, context, problems } = await open(app.browser, `${app.url}?lang=${lang}`, { viewport: PHONE });
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
    const check = async (where) => {
      await page.waitForSelector(`html[data-later="${lang}"]`);
      const { texts, foreign } = await foreignTexts(page, lang);
      assert.ok(texts.length > 20, `${where}: only ${texts.length} texts`);
      assert.deepEqual(foreign, [], `${where}: text of another language on screen`);
    };
    await check('first screen');

    // Step 1, the nationality typed in the language, as its own list names it.
    await type(page, '#nationality', senegal);
    await page.keyboard.press('Tab');
    await page.locator('#already-numbered-no').waitFor();
    assert.equal(await page.locator('#nationality').inputValue(), named, 'named as the list names it');
    await choose(page, '#already-numbered-no');
    await choose(page, '#cpam-route-no');
    await choose(page, '#quebec-form-no');
    await choose(page, '#vls-t-no');
    await type(page, '#birth-day', '14');
    await type(page, '#birth-month', '5');
    await type(page, '#birth-year', '2003');
    await check('step 1 answered');

    // Step 2: sent empty first, so that every field says what it needs, in the language.
    await page.locator('.details-form button[type=submit]').press('Enter');
    await page.locator('.error-summary').waitFor();
    await check('step 2 with its errors');
    await choose(page, '#title-mme');
    await type(page, '#last-name', 'N’Diaye');
    await type(page, '#first-name', 'Awa');
    await type(page, '#birth-country', senegal);
    const now = new Date();
    await type(page, '#rights-day', '1');
    await type(page, '#rights-month', String(now.getMonth() + 1));
    await type(page, '#rights-year', String(now.getFullYear()));
    await type(page, '#street-number', '12');
    await type(page, '#lane-type', 'rue');
    await type(page, '#street-name', 'de la Paix');
    await type(page, '#postcode', '93200');
    await type(page, '#town', 'St Denis');
    await type(page, '#email', 'awa.ndiaye@gmail.com');
    await type(page, '#email-confirmation', 'awa.ndiaye@gmail.com');
    await type(page, '#phone', '+33 6 12 34 56 78');
    await page.locator('.details-form button[type=submit]').press('Enter');
    await page.locator('.error-summary').waitFor({ state: 'detached' });
    await check('step 2 filled');

    // Step 3: five documents that pass, and a RIB that is no PDF at all, whose problem is
    // explained; the residence document chosen with the keyboard.
    const files = await documents(page, { rib: file('rib.pdf', Buffer.from('%PDF-1.4\n%%EOF garbage'), 'application/pdf') });
    await choose(page, '#residence-vls_ts');
    for (const [doc, f] of files) await page.locator(`#file-${doc}`).setInputFiles(f);
    await settled(page);
    await page.locator('#checklist-identity.status-ready').waitFor({ timeout: 30_000 });
    await check('step 3 with its verdicts');
    assert.deepEqual(await axe(page), [], 'axe: steps 1 to 5');

    // Step 6, opened with the keyboard: its own wording, in the language.
    await page.locator('#registered-open').press('Enter');
    await page.locator('#registered-root[data-ready]').waitFor();
    await check('step 6');
    assert.deepEqual(await axe(page), [], 'axe: step 6');
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
}

test('"I have registered", open in English, follows the page into Arabic and Spanish', async () => {
  const { page, context, problems } = await open(app.browser, app.url, { viewport: PHONE });
  await page.locator('#registered-open').press('Enter');
  await page.locator('#registered-root[data-ready]').waitFor();
  const legend = (lang) => {
    const line = readFileSync(join(ROOT, 'domain', 'locales', 'after', `${lang}.toml`), 'utf8')
      .split('\n').find((l) => l.startsWith('stage_legend = '));
    return JSON.parse(line.slice('stage_legend = '.length));
  };
  await page.getByRole('group', { name: legend('en') }).waitFor();
  // Its words in the new language are fetched by the part itself, then shown.
  for (const [lang, name] of [['ar', 'العربية'], ['es', 'Español']]) {
    await page.getByRole('button', { name, exact: true }).press('Enter');
    await page.getByRole('group', { name: legend(lang) }).waitFor();
    const { foreign } = await foreignTexts(page, lang);
    assert.deepEqual(foreign, [], `${lang}: text of another language on screen`);
  }
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('in Arabic the page mirrors, and Latin values keep their own direction (360 px and desktop)', async () => {
  const shots = join(ROOT, 'target', 'screenshots');
  mkdirSync(shots, { recursive: true });
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    const { page, context } = await open(app.browser, `${app.url}?lang=ar`, { viewport });
    await type(page, '#email', 'awa.ndiaye@gmail.com');
    await type(page, '#last-name', 'N’Diaye');
    await page.locator('#file-rib').setInputFiles(file('rib-awa.pdf', Buffer.from('%PDF-1.4\n%%EOF garbage'), 'application/pdf'));
    await settled(page);
    const layout = await page.evaluate(() => {
      const box = (el) => el.getBoundingClientRect();
      const style = (el) => getComputedStyle(el);
      const h1 = document.querySelector('h1');
      const name = document.querySelector('.file-name bdi');
      return {
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        // Text starts on the right: the heading's right edge is nearer the right of the screen
        // than its left edge is to the left.
        h1Right: window.innerWidth - box(h1).right,
        h1Left: box(h1).left,
        h1Direction: style(h1).direction,
        emailDirection: style(document.querySelector('#email')).direction,
        nameDirection: name ? style(name).direction : null,
        nameText: name ? name.textContent : null,
      };
    });
    await page.screenshot({ path: join(shots, `ar-${label}.png`), fullPage: true });
    assert.ok(layout.overflow <= 0, `${label}: nothing wider than the screen (${layout.overflow} px)`);
    assert.equal(layout.h1Direction, 'rtl');
    assert.ok(layout.h1Right <= layout.h1Left, `${label}: the heading starts on the right (${JSON.stringify(layout)})`);
    assert.equal(layout.emailDirection, 'ltr', 'an email address reads left to right');
    assert.equal(layout.nameText, 'rib-awa.pdf');
    assert.equal(layout.nameDirection, 'ltr', 'a file name reads left to right inside Arabic text');
    assert.deepEqual(await axe(page), [], `axe (${label})`);
    await context.close();
  }
});
