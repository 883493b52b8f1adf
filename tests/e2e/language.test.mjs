// The language switch turns every visible text from English to French and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, suite, visibleTexts, DESKTOP, PHONE } from './harness.mjs';

// Proper names, the same in every language on purpose.
const SAME_IN_BOTH = new Set(['secu-precheck', 'English', 'Français']);

const app = suite();

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`every visible text switches from English to French and back (${label})`, async () => {
    const { page, context } = await open(app.browser, app.url, { viewport });
    const english = await visibleTexts(page);
    const englishTitle = await page.title();
    assert.ok(english.length > 20, `only ${english.length} texts found`);

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: /^Réussissez/ }).waitFor();
    const french = await visibleTexts(page);
    const untranslated = french.filter((t) => english.includes(t) && !SAME_IN_BOTH.has(t));
    assert.deepEqual(untranslated, [], 'texts still in English after switching to French');
    assert.equal(french.length, english.length, 'the same texts, translated');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.notEqual(await page.title(), englishTitle, 'the title is translated');
    assert.equal(await page.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByRole('group', { name: 'Langue' }).count(), 1, 'the switch has a French name');
    assert.equal(await page.getByRole('link', { name: 'Aller au contenu principal' }).count(), 1);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /^Get your/ }).waitFor();
    assert.deepEqual(await visibleTexts(page), english, 'back in English, every text as before');
    assert.equal(await page.title(), englishTitle);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await context.close();
  });
}
