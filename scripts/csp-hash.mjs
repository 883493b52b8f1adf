// Trunk post-build hook: allow Trunk's inline wasm loader, and only it, in the page's CSP.
//
// Trunk writes the loader as an inline <script type="module">. Instead of 'unsafe-inline' the
// CSP in index.html names the loader by its SHA-256; this replaces the placeholder with the
// hashes of the inline scripts of the built page. It fails the build if the placeholder is
// missing, so a CSP edit cannot silently drop the hash.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-hash: TRUNK_STAGING_DIR is not set; run me as a Trunk post_build hook');
  process.exit(1);
}
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const placeholder = "'sha256-TRUNK_LOADER_HASH'";
if (!html.includes(placeholder)) {
  console.error(`csp-hash: ${file} has no ${placeholder} in its CSP`);
  process.exit(1);
}
// Inline scripts: <script ...> without a src attribute. Their text is hashed exactly as written.
const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) {
  console.error('csp-hash: no inline script found; did Trunk change how it loads the wasm?');
  process.exit(1);
}
const sources = inline
  .map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`)
  .join(' ');
writeFileSync(file, html.replace(placeholder, sources));
console.log(`csp-hash: allowed ${inline.length} inline script(s): ${sources}`);
