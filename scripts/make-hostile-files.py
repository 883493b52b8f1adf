#!/usr/bin/python3
"""Makes domain/tests/hostile/: broken, exotic and hostile files made with the tools that
write and read them (Debian's qpdf, mupdf-tools, python3-pikepdf, python3-reportlab,
libheif-examples, libjpeg-turbo-progs), and VERDICTS.csv: what qpdf --check, mutool and pikepdf
say of each PDF, and what precheck must say (`expect`: codes it must give; `never`: codes it
must not). domain/tests/hostile.rs holds precheck to it. The files are committed, so the tests
need none of these tools; run this again (as root: apt-get install qpdf mupdf-tools
python3-pikepdf python3-reportlab libheif-examples libjpeg-turbo-progs) to remake them."""
import csv, io, os, struct, subprocess, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import readers  # noqa: E402  (qpdf, mutool, pike: the readers' verdicts)

OUT = os.path.join(HERE, '..', 'domain', 'tests', 'hostile')
TMP = '/tmp/secu-precheck-hostile'
os.makedirs(OUT, exist_ok=True)
os.makedirs(TMP, exist_ok=True)
rows = []

def sh(*cmd):
    subprocess.run(cmd, check=True, capture_output=True)

def qpdf_ok(*cmd):
    # qpdf exits 3 when it wrote the file with warnings: still written.
    r = subprocess.run(['qpdf', *cmd], capture_output=True)
    if r.returncode not in (0, 3):
        raise SystemExit(f'qpdf {cmd}: {r.stderr.decode()}')

def add(name, made, doc, expect='', never='', data=None):
    path = os.path.join(OUT, name)
    if data is not None:
        with open(path, 'wb') as f:
            f.write(data)
    if name.endswith('.pdf'):
        q, m, k = readers.qpdf(path), readers.mutool(path), readers.pike(path)
    else:
        q = m = k = ''
    rows.append({'file': name, 'made_with': made, 'doc': doc, 'qpdf': q, 'mutool': m,
                 'pikepdf': k, 'expect': expect, 'never': never})

def read(path):
    with open(path, 'rb') as f:
        return f.read()

# --- Text PDFs from ReportLab (ASCII85 over Flate, its default with compression on) --------
from reportlab.pdfgen import canvas  # noqa: E402

def reportlab(lines, pages=1):
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pageCompression=1)
    for p in range(pages):
        y = 780
        for line in lines:
            c.drawString(72, y, line.replace('{page}', str(p + 1)))
            y -= 18
        c.showPage()
    c.save()
    return buf.getvalue()

RIB = ["Releve d'identite bancaire", 'Titulaire : Mme Awa N\'DIAYE',
       'IBAN FR76 3000 6000 0112 3456 7890 189', 'BIC AGRIFRPP']
CERT = ['Universite de Lyon - Certificat de scolarite',
        'Annee universitaire {year}', "Mme Awa N'DIAYE est inscrite en Master 1"]
add('rib-reportlab.pdf', 'reportlab 3.6 (ASCII85 + Flate)', 'rib', '', 'pdf_damaged pdf_repaired iban_invalid iban_not_found pdf_text_unreadable name_not_found rib_other_name rib_name_not_found',
    reportlab(RIB))
wrong_key = [l.replace('7890 189', '7890 188') for l in RIB]
add('rib-reportlab-wrong-key.pdf', 'reportlab 3.6 (ASCII85 + Flate)', 'rib', 'iban_invalid', 'pdf_damaged',
    reportlab(wrong_key))
cert = reportlab([l.replace('{year}', '2026-2027') for l in CERT])
add('certificate-reportlab.pdf', 'reportlab 3.6', 'certificate_of_studies', '',
    'pdf_damaged pdf_repaired certificate_old_year certificate_year_not_found pdf_text_unreadable pdf_scan_only', cert)
book = reportlab([l.replace('{year}', '2026-2027') for l in CERT] + ['Page {page}'], pages=40)
with open(f'{TMP}/book.pdf', 'wb') as f:
    f.write(book)

def one_page(resources, content, extra=b''):
    """A one-page PDF written by hand (no index: the tool that rewrites it makes one): the
    page's resources, its content stream (object 5), Helvetica as object 4, extra objects."""
    size = 6 + extra.count(b' obj ')
    return (b'%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'
            b'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n'
            b'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents 5 0 R >> endobj\n'
            b'4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n'
            b'5 0 obj << /Length %d >>\nstream\n%s\nendstream\nendobj\n%s'
            b'trailer << /Size %d /Root 1 0 R >>\n%%%%EOF\n') % (resources, len(content), content, extra, size)

# --- A certificate drawn with the ' operator, rewritten by qpdf (object streams, xref stream)
quote = b"BT /F1 12 Tf 14 TL 72 760 Td (Certificat de scolarite) ' (Annee universitaire 2025-2026) ' (Mme Awa N'DIAYE, Master 1) ' ET"
with open(f'{TMP}/quote-raw.pdf', 'wb') as f:
    f.write(one_page(b'/Font << /F1 4 0 R >>', quote))
qpdf_ok('--object-streams=generate', '--compress-streams=y', f'{TMP}/quote-raw.pdf', os.path.join(OUT, 'certificate-last-year-quote-operator.pdf'))
add('certificate-last-year-quote-operator.pdf', "hand-written ' operators, rewritten by qpdf --object-streams=generate", 'certificate_of_studies',
    'certificate_old_year', 'pdf_damaged pdf_repaired pdf_text_unreadable')

# --- The same text in a form XObject, rewritten by mutool clean ------------------------------
form = b'BT /F1 12 Tf 72 760 Td (Annee universitaire 2026-2027 Mme Awa N\'DIAYE inscrite) Tj ET'
xobject = (b'6 0 obj << /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Length %d >>\nstream\n%s\nendstream\nendobj\n') % (len(form), form)
with open(f'{TMP}/form-raw.pdf', 'wb') as f:
    f.write(one_page(b'/XObject << /Fm1 6 0 R >>', b'/Fm1 Do', xobject))
sh('mutool', 'clean', '-gz', f'{TMP}/form-raw.pdf', os.path.join(OUT, 'certificate-in-form-xobject.pdf'))
add('certificate-in-form-xobject.pdf', 'hand-written form XObject, rewritten by mutool clean -gz', 'certificate_of_studies',
    '', 'pdf_damaged pdf_repaired pdf_text_unreadable certificate_old_year certificate_year_not_found pdf_scan_only')

# --- Interrupted downloads: qpdf's rewrite of a 40-page book, cut -------------------------
qpdf_ok(f'{TMP}/book.pdf', f'{TMP}/book-qpdf.pdf')
full = read(f'{TMP}/book-qpdf.pdf')
for percent in (10, 50, 90, 99):
    add(f'cut-{percent}-percent.pdf', f'qpdf 11 rewrite of a reportlab book, first {percent} % of the bytes', 'identity',
        'pdf_damaged', 'pdf_repaired', full[: len(full) * percent // 100])
qpdf_ok('--object-streams=generate', f'{TMP}/book.pdf', f'{TMP}/book-objstm.pdf')
packed = read(f'{TMP}/book-objstm.pdf')
add('cut-object-streams-half.pdf', 'qpdf --object-streams=generate, first half of the bytes', 'identity', 'pdf_damaged', '',
    packed[: len(packed) // 2])

# --- Broken indexes that readers repair ------------------------------------------------------
shifted = full.replace(b'startxref\n', b'startxref\n1', 1)
add('startxref-wrong.pdf', 'qpdf 11 rewrite with startxref pointing elsewhere', 'identity', 'pdf_repaired', 'pdf_damaged', shifted)
no_xref = full[: full.rindex(b'xref')]
add('no-xref-at-all.pdf', 'qpdf 11 rewrite with its xref, trailer and startxref removed', 'identity', 'pdf_repaired', 'pdf_damaged', no_xref)

# --- /Count that lies, edited in qpdf's QDF form and fixed by fix-qdf --------------------------
qpdf_ok('--qdf', '--object-streams=disable', f'{TMP}/book.pdf', f'{TMP}/book.qdf')
qdf = read(f'{TMP}/book.qdf').replace(b'/Count 40', b'/Count 200000000', 1)
with open(f'{TMP}/lie.qdf', 'wb') as f:
    f.write(qdf)
with open(os.path.join(OUT, 'count-lies.pdf'), 'wb') as f:
    f.write(subprocess.run(['fix-qdf', f'{TMP}/lie.qdf'], check=True, capture_output=True).stdout)
add('count-lies.pdf', 'qpdf --qdf, /Count 40 edited to 200000000, fix-qdf', 'identity', 'pdf_repaired', 'pdf_damaged')

# --- A page tree that loops: the last two pages made page-tree nodes, each the other's kid, in
# QDF form and fixed by fix-qdf (qpdf: "Loop detected in /Pages structure", as pdf.js's
# Pages-tree-refs.pdf; a root listed as its own kid, qpdf instead reads as a page).
import re  # noqa: E402
loop = read(f'{TMP}/book.qdf')
kids = re.search(rb'/Kids \[\n?([^\]]*)\]', loop).group(1).split()
a, b = int(kids[-6]), int(kids[-3])
def retype(s, num, kid):
    i = s.index(b'\n%d 0 obj\n' % num)
    j = s.index(b'/Type /Page\n', i)
    return s[:j] + b'/Type /Pages /Kids [%d 0 R]\n' % kid + s[j + len(b'/Type /Page\n'):]
loop = retype(retype(loop, a, b), b, a)
with open(f'{TMP}/loop.qdf', 'wb') as f:
    f.write(loop)
with open(os.path.join(OUT, 'page-tree-loop.pdf'), 'wb') as f:
    f.write(subprocess.run(['fix-qdf', f'{TMP}/loop.qdf'], check=True, capture_output=True).stdout)
add('page-tree-loop.pdf', 'qpdf --qdf, two pages made nodes that are each other\'s kid, fix-qdf', 'identity', 'pdf_damaged', '')

# --- No catalog: the trailer's /Root removed ---------------------------------------------------
nocat = read(f'{TMP}/book.qdf').replace(b'/Type /Catalog', b'/Type /Nothing', 1)
nocat = nocat.replace(b'/Root 1 0 R', b'/Rot 1 0 R')
with open(f'{TMP}/nocat.qdf', 'wb') as f:
    f.write(nocat)
with open(os.path.join(OUT, 'no-catalog.pdf'), 'wb') as f:
    f.write(subprocess.run(['fix-qdf', f'{TMP}/nocat.qdf'], check=True, capture_output=True).stdout)
add('no-catalog.pdf', 'qpdf --qdf, /Root and /Type /Catalog removed, fix-qdf', 'identity', 'pdf_damaged', '')

# --- Encryption as qpdf writes it --------------------------------------------------------------
for name, args, expect, never in [
    ('aes128-cleartext-metadata.pdf', ['', 'owner', '128', '--cleartext-metadata', '--use-aes=y'], 'pdf_permissions_only', 'pdf_encrypted'),
    ('rc4-128-cleartext-metadata.pdf', ['', 'owner', '128', '--cleartext-metadata', '--use-aes=n'], 'pdf_permissions_only', 'pdf_encrypted'),
    ('aes256-owner-only.pdf', ['', 'owner', '256'], 'pdf_permissions_only', 'pdf_encrypted'),
    ('rc4-40-owner-only.pdf', ['', 'owner', '40'], 'pdf_permissions_only', 'pdf_encrypted'),
    ('aes256-user-password.pdf', ['secret', 'owner', '256'], 'pdf_encrypted', 'pdf_permissions_only'),
    ('aes128-user-password.pdf', ['secret', 'owner', '128', '--use-aes=y'], 'pdf_encrypted', 'pdf_permissions_only'),
]:
    qpdf_ok('--allow-weak-crypto', '--encrypt', *args, '--', f'{TMP}/book.pdf', os.path.join(OUT, name))
    # The book is a certificate: one that opens without a password has its text read (decrypted).
    if expect == 'pdf_permissions_only':
        never += ' pdf_text_unreadable certificate_year_not_found certificate_old_year'
    add(name, 'qpdf --encrypt ' + ' '.join(a or '""' for a in args), 'certificate_of_studies', expect, never + ' pdf_damaged')

# --- HEIF and AVIF by libheif ---------------------------------------------------------------
def ppm(w, h):
    return b'P6 %d %d 255\n' % (w, h) + bytes((x * 7 + y * 3) % 256 for y in range(h) for x in range(w) for _ in range(3))
with open(f'{TMP}/photo.ppm', 'wb') as f:
    f.write(ppm(64, 48))
sh('cjpeg', '-outfile', f'{TMP}/photo.jpg', f'{TMP}/photo.ppm')
sh('heif-enc', '-o', os.path.join(OUT, 'photo-x265.heic'), f'{TMP}/photo.jpg')
add('photo-x265.heic', 'heif-enc (x265)', 'identity', 'heic_not_accepted', 'unsupported_format')
sh('heif-enc', '-A', '-o', os.path.join(OUT, 'photo-aom.avif'), f'{TMP}/photo.jpg')
add('photo-aom.avif', 'heif-enc -A (aom)', 'identity', 'unsupported_format', 'heic_not_accepted')

# --- JPEGs by libjpeg-turbo ---------------------------------------------------------------------
# A smooth page-sized picture (a gradient compresses to a few kilobytes).
with open(f'{TMP}/big.ppm', 'wb') as f:
    f.write(b'P6 800 600 255\n' + bytes((x * 255 // 800 + y // 3) % 256 for y in range(600) for x in range(800) for _ in range(3)))
sh('cjpeg', '-quality', '85', '-outfile', f'{TMP}/big.jpg', f'{TMP}/big.ppm')
jpeg = read(f'{TMP}/big.jpg')
add('jpeg-no-eoi.jpg', 'cjpeg, the final EOI marker removed', 'identity', 'image_end_missing', 'image_damaged', jpeg[:-2])
add('jpeg-cut-half.jpg', 'cjpeg, first half of the bytes', 'identity', 'image_damaged', '', jpeg[: len(jpeg) // 2])
# libjpeg-turbo 2.1 writes no lossless JPEG (3.0 does): cjpeg's SOF0 relabelled SOF3, which
# djpeg 2.1 and browsers refuse ("Unsupported JPEG process").
sof = jpeg.index(b'\xff\xc0')
add('jpeg-lossless-sof3.jpg', 'cjpeg, its SOF0 marker relabelled SOF3 (lossless)', 'identity', 'image_damaged', '',
    jpeg[:sof + 1] + b'\xc3' + jpeg[sof + 2:])
dht = jpeg.index(b'\xff\xc4')
bad_huffman = bytearray(jpeg)
for i in range(dht + 5, dht + 5 + 16):
    bad_huffman[i] = 0xFF  # code counts no Huffman table can hold
add('jpeg-bad-huffman.jpg', 'cjpeg, the first DHT code counts overwritten', 'identity', 'image_damaged', '', bytes(bad_huffman))

# --- PNG bombs, written by zlib ------------------------------------------------------------
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
def png(w, h, idat):
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0)) + chunk(b'IDAT', idat) + chunk(b'IEND', b'')
add('png-bomb-header-lies.png', 'zlib: a 100000 x 100000 grey header over 1 MB of zeros', 'identity', 'image_damaged', '',
    png(100000, 100000, zlib.compress(b'\0' * (1 << 20), 9)))

with open(os.path.join(OUT, 'VERDICTS.csv'), 'w', newline='') as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator='\n')
    w.writeheader()
    w.writerows(rows)
print(f'{len(rows)} files in {os.path.normpath(OUT)}')
