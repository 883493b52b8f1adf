// Trunk post-build hook: minifies the page's wasm-bindgen module with terser (npm, pinned in
// package-lock.json), which Trunk's own minifier gives up on ("Failed to minify JS"): 45.7 KB
// to 20.2 KB, 8.0 to 6.1 KB gzipped on the first screen. The page preloads that module with
// its SHA-384 (Subresource Integrity), so the hash in index.html is made again for the new
// bytes. The workers' scripts gain 0.1 KB each: left as they are.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify: TRUNK_STAGING_DIR is not set; run me as a Trunk post_build hook');
  process.exit(1);
}
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
const modules = readdirSync(dir).filter((f) => /^secu-precheck-[0-9a-f]+\.js$/.test(f));
if (modules.length !== 1) {
  console.error(`minify: expected one page module in ${dir}, found ${modules.length}`);
  process.exit(1);
}
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
for (const name of modules) {
  const file = join(dir, name);
  const before = readFileSync(file);
  const out = await minify(before.toString('utf8'), { module: true, compress: { passes: 2 }, mangle: true });
  if (!out.code) {
    console.error(`minify: terser gave nothing for ${name}`);
    process.exit(1);
  }
  writeFileSync(file, out.code);
  const old = sri(before);
  if (html.includes(old)) html = html.replaceAll(old, sri(Buffer.from(out.code)));
  else if (html.includes('integrity=')) {
    console.error(`minify: index.html has integrity hashes but none of ${name}`);
    process.exit(1);
  }
  console.log(`minify: ${name} ${before.length} -> ${out.code.length} bytes`);
}
writeFileSync(page, html);
// The "I have registered" part is a wasm-bindgen module too (Trunk's `registered` worker asset
// with the web target), loaded by registered-start.js, never by index.html: no hash to follow.
const part = join(dir, 'registered.js');
if (existsSync(part)) {
  const before = readFileSync(part, 'utf8');
  const out = await minify(before, { module: true, compress: { passes: 2 }, mangle: true });
  if (!out.code) {
    console.error('minify: terser gave nothing for registered.js');
    process.exit(1);
  }
  writeFileSync(part, out.code);
  console.log(`minify: registered.js ${before.length} -> ${out.code.length} bytes`);
}
