// The first screen as a person finds it: by roles and accessible names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, suite, PHONE } from './harness.mjs';

const app = suite();

test('the page renders its main heading and landmarks', async () => {
  const { page, context } = await open(app.browser, app.url);
  await assert.doesNotReject(
    page
      .getByRole('heading', { level: 1, name: 'Get your French health-insurance registration right the first time' })
      .waitFor(),
  );
  assert.equal(await page.getByRole('banner').count(), 1, 'one banner');
  assert.equal(await page.getByRole('main').count(), 1, 'one main');
  assert.equal(await page.getByRole('contentinfo').count(), 1, 'one contentinfo');
  assert.equal(await page.getByRole('complementary', { name: 'Your checklist' }).count(), 1);
  for (const name of ['1. Your situation', '2. Your details', '3. Your documents']) {
    assert.equal(await page.getByRole('region', { name }).count(), 1, `section ${name}`);
  }
  await context.close();
});

test('it says that files never leave the device and that it is not the official service', async () => {
  const { page, context } = await open(app.browser, app.url);
  await page.getByText('Your files never leave this device.').waitFor();
  const footer = page.getByRole('contentinfo');
  assert.match(await footer.innerText(), /independent tool/);
  const portal = footer.getByRole('link', { name: 'etudiant-etranger.ameli.fr (official portal)' });
  assert.equal(await portal.getAttribute('href'), 'https://etudiant-etranger.ameli.fr/');
  await context.close();
});

test('the checklist shows what is still missing for each certificate', async () => {
  const { page, context } = await open(app.browser, app.url);
  const panel = page.getByRole('complementary', { name: 'Your checklist' });
  await panel
    .getByText('Still missing for the provisional certificate: Certificate of studies, Proof of identity, Student visa')
    .waitFor();
  await panel.getByText('Still missing for final entitlement: Birth certificate, Residence permit, RIB in your name').waitFor();
  const provisional = panel.getByRole('region', { name: 'Needed for the provisional certificate' });
  assert.equal(await provisional.getByRole('listitem').count(), 3);
  assert.match(await provisional.innerText(), /0 of 3 ready/);
  const final = panel.getByRole('region', { name: 'Needed for final entitlement' });
  assert.match(await final.innerText(), /You may upload your student visa again\./);
  await context.close();
});

test('a French browser gets the page in French', async () => {
  const { page, context } = await open(app.browser, app.url, { locale: 'fr-FR' });
  await page
    .getByRole('heading', { level: 1, name: "Réussissez votre inscription à l'Assurance Maladie du premier coup" })
    .waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await context.close();
});

test('on a 360 px phone nothing overflows sideways', async () => {
  for (const locale of ['en-US', 'fr-FR']) {
    const { page, context } = await open(app.browser, app.url, { locale, viewport: PHONE });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${locale}: the page is ${overflow}px wider than the screen`);
    const switchBox = await page.getByRole('button', { name: 'Français' }).boundingBox();
    assert.ok(switchBox.width >= 44 && switchBox.height >= 44, 'the language buttons are big enough to tap');
    await context.close();
  }
});

test('the keyboard alone reaches the skip link, the content and the language switch', async () => {
  const { page, context } = await open(app.browser, app.url);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  assert.ok(await skip.evaluate((el) => el === document.activeElement), 'the skip link comes first');
  const box = await skip.boundingBox();
  assert.ok(box && box.y >= 0, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'Enter moves focus to the content');

  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // English
  await page.keyboard.press('Tab'); // Français
  const focused = await page.evaluate(() => document.activeElement.textContent.trim());
  assert.equal(focused, 'Français');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /^Réussissez/ }).waitFor();
  await page.keyboard.press('Shift+Tab'); // English
  await page.keyboard.press('Space');
  await page.getByRole('heading', { level: 1, name: /^Get your/ }).waitFor();
  await context.close();
});
