// Takes the README screenshots from the built dist/: `make build && node scripts/screenshot.mjs`.
import { launch, open, serve, DESKTOP, PHONE } from '../tests/e2e/harness.mjs';

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
} finally {
  await browser.close();
  await server.close();
}
