// Test files, made by the tests themselves: PDFs written byte by byte here, images drawn and
// encoded by the browser's own canvas. Nothing is downloaded or copied from elsewhere.
import { deflateSync } from 'node:zlib';

/** Builds a PDF from object bodies (1-based), with a correct cross-reference table. */
function assemble(objects, trailerExtra = '') {
  const parts = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let length = parts[0].length;
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const head = Buffer.from(`${i + 1} 0 obj\n`, 'latin1');
    const tail = Buffer.from('\nendobj\n', 'latin1');
    const chunk = Buffer.concat([head, Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), tail]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`]
    .concat(offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`))
    .join('');
  parts.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

function stream(dict, data, compress = true) {
  const bytes = compress ? deflateSync(Buffer.from(data, 'latin1')) : Buffer.from(data, 'latin1');
  const filter = compress ? ' /Filter /FlateDecode' : '';
  return Buffer.concat([
    Buffer.from(`<< ${dict}${filter} /Length ${bytes.length} >>\nstream\n`, 'latin1'),
    bytes,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/**
 * A text PDF (as Word exports): one page per entry of `pages`, each a list of lines;
 * `encrypt`: `true` for RC4 (V2 R3) or `'aes256'` (V5 R6), with a password needed to open.
 */
export function textPdf(pages, { encrypt = false } = {}) {
  const n = pages.length;
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const kids = [];
  const font = 3;
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  pages.forEach((lines) => {
    const page = objects.length + 1;
    kids.push(`${page} 0 R`);
    const ops = lines
      .map((l, i) => `BT /F1 12 Tf 72 ${760 - 18 * i} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`)
      .join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${page + 1} 0 R >>`,
    );
    objects.push(stream('', ops));
  });
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${n} >>`;
  let trailer = '';
  if (encrypt === 'aes256') {
    // AES-256 (V5, R6) with a user password: random check values, so no empty password opens it.
    const hex = (len, k) => Array.from({ length: len }, (_, i) => ((i * 37 + k) % 256).toString(16).padStart(2, '0')).join('');
    objects.push(`<< /Filter /Standard /V 5 /R 6 /Length 256 /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF /O <${hex(48, 1)}> /U <${hex(48, 2)}> /OE <${hex(32, 3)}> /UE <${hex(32, 4)}> /Perms <${hex(16, 5)}> /P -3904 >>`);
    trailer = `/Encrypt ${objects.length} 0 R /ID [<${hex(16, 6)}> <${hex(16, 6)}>] `;
  } else if (encrypt) {
    // A standard security handler whose user password is not empty: the check values are
    // random, so no empty password opens it, as with a bank's protected statement.
    const hex = (len) => Array.from({ length: len }, (_, i) => ((i * 73 + 41) % 256).toString(16).padStart(2, '0')).join('');
    objects.push(`<< /Filter /Standard /V 2 /R 3 /Length 128 /O <${hex(32)}> /U <${hex(32)}> /P -3904 >>`);
    trailer = `/Encrypt ${objects.length} 0 R /ID [<${hex(16)}> <${hex(16)}>] `;
  }
  return assemble(objects, trailer);
}

/**
 * An image drawn and encoded by Chromium's canvas in `page`: a page of text ("document"),
 * random pixels ("noise", the hardest to compress), or one colour ("flat").
 * `blur` (px) and `light` (a CSS brightness factor) and `contrast` spoil a document photo on purpose; `grain`
 * (0–255) adds a sensor's noise.
 */
export async function image(page, { width, height, type = 'image/jpeg', quality = 0.92, kind = 'document', blur = 0, light = 1, contrast = 1, grain = 0, mark = false }) {
  const b64 = await page.evaluate(
    async ({ width, height, type, quality, kind, blur, light, contrast, grain, mark }) => {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (kind === 'noise') {
        const data = ctx.createImageData(width, height);
        let seed = 7;
        for (let i = 0; i < data.data.length; i += 1) {
          seed = (seed * 1103515245 + 12345) >>> 0;
          data.data[i] = i % 4 === 3 ? 255 : seed >>> 24;
        }
        ctx.putImageData(data, 0, 0);
      } else {
        const page = new OffscreenCanvas(width, height);
        const p = page.getContext('2d');
        p.fillStyle = kind === 'flat' ? '#7a9' : '#f4f1ea';
        p.fillRect(0, 0, width, height);
        if (kind === 'document') {
          p.fillStyle = '#1a1a1a';
          const size = Math.max(10, Math.round(width / 60));
          p.font = `${size}px sans-serif`;
          const words = 'CERTIFICAT DE SCOLARITE Universite Paris annee universitaire 2026-2027 nom prenom ne le inscrit en Master'.split(' ');
          for (let y = size * 3, line = 0; y < height - size * 2; y += size * 1.6, line += 1) {
            let text = '';
            for (let i = 0; text.length < 70; i += 1) text += `${words[(line * 7 + i * 3) % words.length]} `;
            p.fillText(text, size * 2, y);
          }
        }
        ctx.filter = `${blur ? `blur(${blur}px) ` : ''}brightness(${light}) contrast(${contrast})`;
        ctx.drawImage(page, 0, 0);
        if (grain) {
          // Sensor grain, as in a phone photo: what makes photos of pages weigh megabytes.
          const data = ctx.getImageData(0, 0, width, height);
          let seed = 11;
          for (let i = 0; i < data.data.length; i += 4) {
            seed = (seed * 1103515245 + 12345) >>> 0;
            const d = ((seed >>> 24) / 255 - 0.5) * grain;
            for (let c = 0; c < 3; c += 1) data.data[i + c] = Math.max(0, Math.min(255, data.data[i + c] + d));
          }
          ctx.putImageData(data, 0, 0);
        }
      }
      if (mark) {
        // A black square in the stored top-left corner: which way up a made copy is.
        ctx.fillStyle = '#000';
        ctx.fillRect(0, 0, Math.round(width / 5), Math.round(height / 5));
      }
      const blob = await canvas.convertToBlob({ type, quality });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    },
    { width, height, type, quality, kind, blur, light, contrast, grain, mark },
  );
  return Buffer.from(b64, 'base64');
}

/**
 * The JPEG with an EXIF orientation tag (1–8) right after its start marker, as a phone camera
 * writes it: 6 means "turn the stored pixels a quarter turn clockwise to show them".
 */
export function withOrientation(jpeg, orientation) {
  const tiff = Buffer.from([
    0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, // little-endian TIFF, first IFD at 8
    0x01, 0x00, // one entry
    0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, orientation, 0x00, 0x00, 0x00, // Orientation, SHORT
    0x00, 0x00, 0x00, 0x00, // no next IFD
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), length, body, jpeg.subarray(2)]);
}

/** Which corner of an image (decoded as stored, tags ignored) is the dark mark of `image({ mark })`. */
export async function markedCorner(page, buffer) {
  return page.evaluate(async (b64) => {
    const bin = atob(b64);
    const data = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i += 1) data[i] = bin.charCodeAt(i);
    const bitmap = await createImageBitmap(new Blob([data]), { imageOrientation: 'none' });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const at = (x, y) => ctx.getImageData(x, y, 1, 1).data[0];
    const [w, h] = [bitmap.width - 4, bitmap.height - 4];
    const corners = { 'top-left': at(3, 3), 'top-right': at(w, 3), 'bottom-left': at(3, h), 'bottom-right': at(w, h) };
    return { width: bitmap.width, height: bitmap.height, dark: Object.keys(corners).filter((k) => corners[k] < 60) };
  }, buffer.toString('base64'));
}

/** A scanned PDF: one A4 page per JPEG, embedded as is (what scanner apps make). */
export function scanPdf(jpegs) {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const kids = [];
  for (const jpeg of jpegs) {
    // Width and height from the JPEG's frame header.
    let at = 2;
    let w = 0;
    let h = 0;
    while (at < jpeg.length) {
      const marker = jpeg[at + 1];
      const length = jpeg.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xc2) {
        h = jpeg.readUInt16BE(at + 5);
        w = jpeg.readUInt16BE(at + 7);
        break;
      }
      at += 2 + length;
    }
    const page = objects.length + 1;
    kids.push(`${page} 0 R`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 ${page + 2} 0 R >> >> /Contents ${page + 1} 0 R >>`);
    objects.push(stream('', 'q 595 0 0 842 0 0 cm /Im0 Do Q', false));
    objects.push(Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`, 'latin1'),
      jpeg,
      Buffer.from('\nendstream', 'latin1'),
    ]));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  return assemble(objects);
}

/** The first bytes of an iPhone HEIC photo: what `infer` and browsers recognise it by. */
export const HEIC = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
  Buffer.alloc(200, 0),
]);

/**
 * An iPhone-like HEIC photo (HEVC in a HEIF container, as the iPhone camera stores it) of
 * `jpeg`, made by Debian's heif-enc (libheif-examples, installed by
 * `scripts/install-tools.sh --test`).
 */
export async function heic(jpeg, { quality = 60 } = {}) {
  const { mkdtemp, writeFile, readFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { execFile } = await import('node:child_process');
  const dir = await mkdtemp(join(tmpdir(), 'heic-'));
  try {
    await writeFile(join(dir, 'photo.jpg'), jpeg);
    await new Promise((ok, fail) => {
      execFile('heif-enc', ['-q', String(quality), '-o', join(dir, 'IMG_0001.HEIC'), join(dir, 'photo.jpg')], (error) => (error ? fail(error) : ok()));
    });
    return await readFile(join(dir, 'IMG_0001.HEIC'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The current academic year as (first, second) calendar years: it starts in September. */
export const YEAR = (() => {
  const now = new Date();
  const first = now.getMonth() + 1 >= 9 ? now.getFullYear() : now.getFullYear() - 1;
  return [first, first + 1];
})();

/** A file for `setInputFiles`. */
export function file(name, buffer, mimeType = 'application/octet-stream') {
  return { name, mimeType, buffer };
}

/**
 * Runs the command-line twin on the given files (written to a temporary folder) and returns its
 * JSON lines. Uses the binary `cargo test` built, else builds it.
 */
export async function precheck(args, files) {
  const { mkdtemp, writeFile, rm, access } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join, resolve } = await import('node:path');
  const { execFile } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const dir = await mkdtemp(join(tmpdir(), 'precheck-'));
  try {
    const paths = [];
    for (const f of files) {
      const path = join(dir, f.name);
      await writeFile(path, f.buffer);
      paths.push(path);
    }
    let command = join(root, 'target/debug/precheck');
    let prefix = [];
    try {
      await access(command);
    } catch {
      command = 'cargo';
      prefix = ['run', '--quiet', '--locked', '-p', 'secu-precheck-domain', '--bin', 'precheck', '--'];
    }
    const stdout = await new Promise((ok, fail) => {
      execFile(command, [...prefix, ...args, ...paths], { cwd: root }, (error, out) => {
        // Exit 1 means "a file has an error": a verdict, not a failure of the command.
        if (error && error.code !== 1) fail(error);
        else ok(out);
      });
    });
    return stdout.trim().split('\n').map((line) => JSON.parse(line));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
