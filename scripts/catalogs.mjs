// Trunk post-build hook: writes the page's copy of each message catalog, en.txt, fr.txt,
// es.txt, zh.txt and ar.txt, beside it: the text of each entry as domain/locales/<lang>.toml writes it (quoted and
// escaped), one a line, in file order; keys, sections and comments stay out (the build knows
// where each entry goes). Exactly what domain/src/i18n/file.rs's page_copy makes, whose
// fingerprint the page checks; this is a sixth less of each file on the first screen.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('catalogs: TRUNK_STAGING_DIR is not set; run me as a Trunk post_build hook');
  process.exit(1);
}
const root = fileURLToPath(new URL('..', import.meta.url));
// Each language's first-screen wording (en.txt), and what the file checks found (en-later.txt,
// from locales/later/), which the page fetches just after its first screen.
// The languages of domain/build.rs's LANGS, in its order.
const LANGS = ['en', 'fr', 'es', 'zh', 'ar'];
const copies = LANGS.flatMap((lang) => [
  [join(root, 'domain', 'locales', `${lang}.toml`), `${lang}.txt`],
  [join(root, 'domain', 'locales', 'later', `${lang}.toml`), `${lang}-later.txt`],
  // "I have registered"'s own (from locales/after/), which it fetches with the two above.
  [join(root, 'domain', 'locales', 'after', `${lang}.toml`), `${lang}-after.txt`],
]);
for (const [source, name] of copies) {
  const text = readFileSync(source, 'utf8');
  // Rust's str::lines: split at \n, a \r before it dropped; str::trim: Unicode white space.
  const copy = text
    .split('\n')
    .map((line) => line.replace(/\r$/, '').trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('['))
    .filter((line) => line.includes(' = '))
    .map((line) => `${line.slice(line.indexOf(' = ') + 3)}\n`)
    .join('');
  writeFileSync(join(dir, name), copy);
}
// The countries' names in the languages after English and French (built into the page), a
// name a line in the order of domain/data/countries.tsv: <lang>-countries.txt, fetched with the
// language's wording (domain/src/countries.rs, Country::names_file).
const rows = readFileSync(join(root, 'domain', 'data', 'country-names.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.split('\t'));
const names = LANGS.slice(2).map((lang, i) => {
  const name = `${lang}-countries.txt`;
  writeFileSync(join(dir, name), rows.map((row) => `${row[i + 1]}\n`).join(''));
  return name;
});
console.log(`catalogs: ${[...copies.map(([, name]) => name), ...names].join(', ')} written`);
