// The language switch turns every visible text from English to French and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, suite, visibleTexts, DESKTOP, PHONE } from './harness.mjs';

// Proper names, the same in every language on purpose: the product, and each language's own
// name in the switch.
const SAME_IN_ALL = new Set(['secu-precheck', 'English', 'Français', 'Español', '简体中文', 'العربية']);

const app = suite();

// Each language: its own name in the switch, its first heading's start, and the switch's name.
const LANGUAGES = [
  ['fr', 'Français', /^Réussissez/, 'Langue', 'ltr'],
  ['es', 'Español', /^Haz bien/, 'Idioma', 'ltr'],
  ['zh', '简体中文', /法国/, '语言', 'ltr'],
  ['ar', 'العربية', /الفرنسي/, 'اللغة', 'rtl'],
];

for (const [code, name, heading, switchName, dir] of LANGUAGES) {
  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    test(`every visible text switches from English to ${name} and back (${label})`, async () => {
      const { page, context } = await open(app.browser, app.url, { viewport });
      // Every word, the later ones too (what the summary says of a field left empty).
      await page.waitForSelector('html[data-later="en"]');
      const english = await visibleTexts(page);
      const englishTitle = await page.title();
      assert.ok(english.length > 20, `only ${english.length} texts found`);

      await page.getByRole('button', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForSelector(`html[data-later="${code}"]`);
      const other = await visibleTexts(page);
      const untranslated = other.filter((t) => english.includes(t) && !SAME_IN_ALL.has(t));
      assert.deepEqual(untranslated, [], `texts still in English after switching to ${name}`);
      assert.equal(other.length, english.length, 'the same texts, translated');
      assert.equal(await page.getAttribute('html', 'lang'), code);
      assert.equal(await page.getAttribute('html', 'dir'), dir, 'Arabic reads right to left');
      assert.notEqual(await page.title(), englishTitle, 'the title is translated');
      assert.equal(await page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed'), 'true');
      assert.equal(await page.getByRole('group', { name: switchName }).count(), 1, 'the switch is named in the language');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: /^Get your/ }).waitFor();
      await page.waitForSelector('html[data-later="en"]');
      assert.deepEqual(await visibleTexts(page), english, 'back in English, every text as before');
      assert.equal(await page.title(), englishTitle);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
      await context.close();
    });
  }
}

test('the French page names its skip link in French', async () => {
  const { page, context } = await open(app.browser, `${app.url}?lang=fr`);
  assert.equal(await page.getByRole('link', { name: 'Aller au contenu principal' }).count(), 1);
  await context.close();
});

// Each language's wording is a file beside the page (en.txt, fr.txt), fetched only when it
// is shown: the first screen carries one language, not all of them.
async function bare(browser, { locale = 'en-US', routes = {} } = {}) {
  const context = await browser.newContext({ locale, viewport: DESKTOP, serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => {
    const file = new URL(r.url()).pathname.split('/').pop();
    if (file === 'en.txt' || file === 'fr.txt') fetched.push(file);
  });
  for (const [file, handle] of Object.entries(routes)) await page.route(`**/${file}`, handle);
  return { context, page, fetched };
}

test('each language’s wording is fetched once, and only when it is shown', async () => {
  const { context, page, fetched } = await bare(app.browser);
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1, name: /^Get your/ }).waitFor();
  assert.deepEqual(fetched, ['en.txt'], 'an English first screen fetches English only');
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('heading', { level: 1, name: /^Réussissez/ }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: /^Get your/ }).waitFor();
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('heading', { level: 1, name: /^Réussissez/ }).waitFor();
  assert.deepEqual(fetched, ['en.txt', 'fr.txt'], 'each file once');

  const { context: fr, page: frPage, fetched: frFetched } = await bare(app.browser, { locale: 'fr-FR' });
  await frPage.goto(app.url);
  await frPage.getByRole('heading', { level: 1, name: /^Réussissez/ }).waitFor();
  assert.deepEqual(frFetched, ['fr.txt'], 'a French first screen fetches French only, before it shows');
  await fr.close();
  await context.close();
});

test('a language that cannot be fetched leaves the page in English, says so, and works once chosen again', async () => {
  let offline = true;
  const { context, page } = await bare(app.browser, {
    routes: { 'fr.txt': (route) => (offline ? route.abort('internetdisconnected') : route.continue()) },
  });
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1, name: /^Get your/ }).waitFor();
  await page.getByLabel('Your nationality').fill('Maroc');
  await page.getByRole('button', { name: 'Français' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Français could not be loaded' });
  await alert.waitFor();
  assert.equal(await alert.textContent(), 'Français could not be loaded: check your connection, then choose it again.');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByLabel('Your nationality').inputValue(), 'Morocco', 'the answer is kept (named in English)');

  offline = false;
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('heading', { level: 1, name: /^Réussissez/ }).waitFor();
  assert.equal(await alert.count(), 0, 'the warning goes once French is there');
  assert.equal(await page.getByLabel('Votre nationalité').inputValue(), 'Maroc', 'and named in French');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await context.close();
});

test('a French page whose wording is stale starts in English and says so, an old cached copy is fetched again, and with no wording at all both languages say so', async () => {
  const stale = await bare(app.browser, {
    locale: 'fr-FR',
    routes: { 'fr.txt': (route) => route.fulfill({ contentType: 'text/plain', body: '[app]\nname = "un ancien fichier"\n' }) },
  });
  await stale.page.goto(`${app.url}?lang=fr`);
  await stale.page.getByRole('heading', { level: 1, name: /^Get your/ }).waitFor();
  await stale.page.getByRole('alert').filter({ hasText: 'Français could not be loaded' }).waitFor();
  assert.equal(await stale.page.getAttribute('html', 'lang'), 'en');
  await stale.context.close();

  // An old copy kept by a cache is refused, and this build's is fetched past the cache.
  let first = true;
  const cached = await bare(app.browser, {
    locale: 'fr-FR',
    routes: {
      'fr.txt': (route) => {
        const old = first;
        first = false;
        return old ? route.fulfill({ contentType: 'text/plain', body: '[app]\nname = "un ancien fichier"\n' }) : route.continue();
      },
    },
  });
  await cached.page.goto(app.url);
  await cached.page.getByRole('heading', { level: 1, name: /^Réussissez/ }).waitFor();
  assert.deepEqual(cached.fetched, ['fr.txt', 'fr.txt'], 'refused once, then fetched again');
  assert.equal(await cached.page.getByRole('alert').count(), 0);
  await cached.context.close();

  const none = await bare(app.browser, {
    routes: { 'en.txt': (route) => route.abort('internetdisconnected') },
  });
  await none.page.goto(app.url);
  const both = none.page.getByRole('alert');
  await both.waitFor();
  assert.match(await both.textContent(), /^The page could not load its text: check your connection, then reload it\. — La page n'a pas pu charger ses textes/);
  await none.context.close();
});

test('the first visit opens in the browser’s first supported language; the choice is kept; a university’s lang= wins', async () => {
  for (const [locale, lang] of [['es-MX', 'es'], ['zh-CN', 'zh'], ['ar-MA', 'ar'], ['fr-CA', 'fr'], ['de-DE', 'en']]) {
    const { page, context } = await open(app.browser, app.url, { locale });
    assert.equal(await page.getAttribute('html', 'lang'), lang, `a browser in ${locale}`);
    await context.close();
  }
  const { page, context } = await open(app.browser, app.url, { locale: 'es-ES' });
  await page.getByRole('button', { name: '简体中文' }).press('Enter');
  await page.waitForSelector('html[lang="zh"]');
  // Kept with the answers in this tab, and on the device once the student asks.
  await page.locator('#remember').press('Space');
  await page.waitForFunction(() => new URLSearchParams(localStorage.getItem('secu-precheck/answers/v3') ?? '').get('lang') === 'zh');
  await page.reload();
  await page.waitForSelector('html[lang="zh"]');
  assert.equal(await page.getByRole('button', { name: '简体中文' }).getAttribute('aria-pressed'), 'true');
  // A new tab of the same browser: the device's copy.
  const other = await context.newPage();
  await other.goto(app.url);
  await other.waitForSelector('html[lang="zh"]');
  await other.getByRole('heading', { level: 1 }).waitFor();
  // A university's page in French: French, whatever was chosen before.
  await other.goto(`${app.url}?lang=fr`);
  await other.waitForSelector('html[lang="fr"]');
  await other.getByRole('heading', { level: 1, name: /^Réussissez/ }).waitFor();
  await context.close();
});
