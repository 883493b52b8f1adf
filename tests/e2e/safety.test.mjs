// Privacy, security and accessibility gates: the page talks to no other origin, logs no error,
// keeps its strict CSP, and axe-core finds no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, open, suite, DESKTOP, PHONE, toFrench } from './harness.mjs';

const app = suite();

test('the page requests nothing from another origin, logs no error and breaks no CSP rule', async () => {
  const { page, context, problems } = await open(app.browser, app.url);
  await toFrench(page);
  await page.getByRole('heading', { level: 1, name: /^Réussissez/ }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: /^Get your/ }).waitFor();
  assert.deepEqual(problems.foreignRequests, [], 'requests to other origins');
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  assert.deepEqual(problems.cspViolations, [], 'CSP violations');
  await context.close();
});

test('the CSP is strict: no unsafe-inline or unsafe-eval, only the loader by its hash', async () => {
  const { page, context } = await open(app.browser, app.url);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  assert.ok(!csp.includes("'unsafe-inline'"), csp);
  assert.ok(!csp.includes("'unsafe-eval'"), csp);
  assert.ok(!csp.includes('TRUNK_LOADER_HASH'), 'the build filled in the loader hash');
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  assert.deepEqual(directives['form-action'], ["'none'"]);
  const hashes = directives['script-src'].filter((v) => v.startsWith("'sha256-"));
  assert.equal(hashes.length, 1, 'exactly one inline script is allowed');
  assert.deepEqual(
    directives['script-src'].filter((v) => !v.startsWith("'sha256-")),
    ["'self'", "'wasm-unsafe-eval'"],
  );
  await context.close();
});

test('an inline script that is not the loader is refused by the CSP', async () => {
  const { page, context } = await open(app.browser, app.url);
  const directive = await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true;';
        document.body.append(s);
      }),
  );
  assert.match(directive, /^script-src/);
  assert.equal(await page.evaluate(() => window.__injected === true), false, 'the script did not run');
  await context.close();
});

for (const [label, options] of [
  ['English, desktop', { locale: 'en-US', viewport: DESKTOP }],
  ['French, desktop', { locale: 'fr-FR', viewport: DESKTOP }],
  ['English, phone', { locale: 'en-US', viewport: PHONE }],
  ['French, phone', { locale: 'fr-FR', viewport: PHONE }],
]) {
  test(`axe-core finds no accessibility violation (${label})`, async () => {
    const { page, context } = await open(app.browser, app.url, options);
    const violations = await axe(page);
    assert.deepEqual(violations, []);
    await context.close();
  });
}
