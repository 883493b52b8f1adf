// Trunk post-build hook: writes the page's copy of each message catalog, en.txt and fr.txt,
// beside it: the text of each entry as domain/locales/<lang>.toml writes it (quoted and
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
const copies = ['en', 'fr'].flatMap((lang) => [
  [join(root, 'domain', 'locales', `${lang}.toml`), `${lang}.txt`],
  [join(root, 'domain', 'locales', 'later', `${lang}.toml`), `${lang}-later.txt`],
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
console.log(`catalogs: ${copies.map(([, name]) => name).join(', ')} written`);
