// Trunk post-build hook: puts the HEIC decoder beside the app. libheif-js (LGPL-3.0, libheif
// with libde265, compiled to wasm by Emscripten) comes from the npm registry at the version and
// checksum package-lock.json pins; it is copied unmodified, as separate files the workers load
// only when a student converts a HEIC photo (static/heif.js), with its licence beside it.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('heif: TRUNK_STAGING_DIR is not set; run me as a Trunk post_build hook');
  process.exit(1);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const from = join(root, 'node_modules', 'libheif-js');
const want = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies['libheif-js'];
const pkg = join(from, 'package.json');
const have = existsSync(pkg) ? JSON.parse(readFileSync(pkg, 'utf8')).version : null;
if (have !== want) {
  console.error(`heif: node_modules has libheif-js ${have ?? 'nothing'}, package.json wants ${want}: run scripts/install-tools.sh`);
  process.exit(1);
}
for (const [src, dst] of [
  ['libheif-wasm/libheif.js', 'libheif.js'],
  ['libheif-wasm/libheif.wasm', 'libheif.wasm'],
  ['libheif-wasm/LICENSE', 'libheif-LICENSE.txt'],
]) {
  copyFileSync(join(from, src), join(dir, dst));
}
console.log(`heif: libheif-js ${have} copied`);
