// Takes the README screenshots from the built dist/: `make build && node scripts/screenshot.mjs`.
import { launch, open, serve, DESKTOP, PHONE } from '../tests/e2e/harness.mjs';
import { file, image, textPdf } from '../tests/e2e/fixtures.mjs';

const server = await serve();
const browser = await launch();
try {
  for (const [file, viewport, locale] of [
    ['docs/screenshot.png', DESKTOP, 'en-US'],
    ['docs/screenshot-phone-fr.png', PHONE, 'fr-FR'],
  ]) {
    const { page, context } = await open(browser, server.url, { viewport, locale });
    // A student from India, 17: the common case, with the situation answered.
    await page.locator('#nationality').fill(locale.startsWith('fr') ? 'Inde' : 'India');
    await page.locator('#nationality').press('Tab');
    await page.screenshot({ path: file, fullPage: true });
    await context.close();
    console.log(`wrote ${file}`);
  }
  // A document box with a verdict, the fix offered and made.
  const { page, context } = await open(browser, server.url, { viewport: PHONE });
  const photo = await image(page, { width: 4000, height: 3000, grain: 70, quality: 0.95 });
  await page.locator('#file-identity').setInputFiles(file('IMG_2041.jpg', photo, 'image/jpeg'));
  await page.locator('#file-visa').setInputFiles(file('visa.pdf', textPdf([['x']], { encrypt: true }), 'application/pdf'));
  const box = page.locator('.upload[data-doc="identity"]');
  await box.getByRole('button', { name: 'Make it smaller' }).click();
  await box.locator('[data-fix="made"]').waitFor({ timeout: 30_000 });
  await page.locator('.upload[data-doc="visa"] [data-verdict]').waitFor();
  await page.locator('#slot-identity').screenshot({ path: 'docs/screenshot-documents.png' });
  await context.close();
  console.log('wrote docs/screenshot-documents.png');
} finally {
  await browser.close();
  await server.close();
}
