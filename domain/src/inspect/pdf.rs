//! PDF: opened as readers open it (document.rs: the index from `startxref`, or a
//! reconstruction), then whether it opens without a password (the standard security
//! handler's user-password check with an empty password, revisions 2–6), how many pages its
//! page tree holds, whether it is damaged — cut short, no catalog, no pages, a tree that loops
//! — and whether its pages show text. Reads only the objects it needs, with bounded inflation.

pub(super) mod content;
pub(super) mod crypt;
pub(super) mod document;
pub(super) mod filters;
pub(super) mod syntax;
mod text;

use std::ops::ControlFlow;

use md5::{Digest, Md5};
use sha2::{Sha256, Sha384, Sha512};

use crypt::{aes_cbc, rc4, Cipher, Crypt};
use document::{Document, Page};
use syntax::{Dict, Object};

/// Whether a PDF is encrypted, and whether that stops it from opening.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encryption {
    /// Not encrypted.
    None,
    /// Encrypted with an empty user password: opens, but editing or printing may be limited.
    PermissionsOnly,
    /// Needs a password (or a certificate) to open.
    NeedsPassword,
}

/// What a PDF check found.
#[derive(Debug)]
pub struct PdfReport {
    /// Pages, when the page tree could be walked.
    pub pages: Option<u32>,
    /// Encryption.
    pub encryption: Encryption,
    /// Nothing a reader could open: cut short, no catalog or page tree, or a tree that loops.
    pub damaged: bool,
    /// Readers open it only by repairing it (its index is missing or wrong, or pages of its
    /// tree are missing): they may differ, and an upload form may refuse it.
    pub repaired: bool,
    /// Whether the pages carry text (a text layer) or only images (a scan); `None` when the
    /// content could not be read (encrypted, or streams in filters we do not decode).
    pub text_layer: Option<bool>,
    /// The pages' text, when asked for and the file is readable and not a scan; `None` when
    /// no page has readable content.
    pub text: Option<String>,
}

const PAD: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
    0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

/// Algorithm 2.B of ISO 32000-2 (revision 6) for an empty password.
fn hash_2b(salt: &[u8], udata: &[u8]) -> Vec<u8> {
    use aes::cipher::{BlockModeEncrypt, KeyIvInit};
    let mut k: Vec<u8> = Sha256::new().chain_update(salt).chain_update(udata).finalize().to_vec();
    let mut round = 0u32;
    loop {
        // E = AES-128-CBC(key: K[0..16], iv: K[16..32], 64 × (K ‖ udata)), without padding: its
        // length, 64 × (32, 48 or 64 + 48) bytes, is whole blocks.
        let mut e: Vec<u8> = [&k[..], udata].concat().repeat(64);
        let Some((key, iv)) = k.get(..16).zip(k.get(16..32)) else { return k };
        let Ok(mut cbc) = cbc::Encryptor::<aes::Aes128>::new_from_slices(key, iv) else { return k };
        let (blocks, rest) = aes::Block::slice_as_chunks_mut(&mut e);
        if !rest.is_empty() {
            return k;
        }
        cbc.encrypt_blocks(blocks);
        // The first 16 bytes as a big-endian number, mod 3: as 256 = 1 (mod 3), their sum mod 3.
        let sum: u32 = e[..16].iter().map(|&x| u32::from(x)).sum();
        k = match sum % 3 {
            0 => Sha256::digest(&e).to_vec(),
            1 => Sha384::digest(&e).to_vec(),
            _ => Sha512::digest(&e).to_vec(),
        };
        round += 1;
        let last = u32::from(e.last().copied().unwrap_or(0));
        if round >= 64 && last + 32 <= round {
            break;
        }
    }
    k.truncate(32);
    k
}

/// The parts of a standard security handler (revisions 2–4) that the checks need.
struct Rc4Handler {
    r: i64,
    o: Vec<u8>,
    u: Vec<u8>,
    p: i64,
    length: usize,
    id: Vec<u8>,
    /// Revision 4 with `/EncryptMetadata false`: the key input ends with 0xFFFFFFFF.
    clear_metadata: bool,
}

impl Rc4Handler {
    /// Algorithm 2: the file key from a padded password.
    fn key(&self, padded: &[u8]) -> Vec<u8> {
        let mut md5 = Md5::new();
        md5.update(padded);
        md5.update(self.o.get(..32).unwrap_or(&self.o));
        // /P is a signed 32-bit value stored as its low four bytes.
        md5.update(((self.p & 0xFFFF_FFFF) as u32).to_le_bytes());
        md5.update(&self.id);
        // Step f: revision 4 with metadata left clear.
        if self.r >= 4 && self.clear_metadata {
            md5.update([0xFF; 4]);
        }
        let mut key = md5.finalize().to_vec();
        if self.r >= 3 {
            for _ in 0..50 {
                key = Md5::digest(&key[..self.length]).to_vec();
            }
        }
        key.truncate(self.length);
        key
    }

    /// Algorithms 4–6: whether a padded password is the user password.
    fn user_ok(&self, padded: &[u8]) -> bool {
        let key = self.key(padded);
        if self.r == 2 {
            return rc4(&key, &PAD) == self.u.get(..32).unwrap_or(&self.u);
        }
        let mut x = rc4(&key, &Md5::new().chain_update(PAD).chain_update(&self.id).finalize());
        for i in 1..=19u8 {
            let k: Vec<u8> = key.iter().map(|&c| c ^ i).collect();
            x = rc4(&k, &x);
        }
        self.u.get(..16) == Some(&x[..])
    }

    /// Algorithm 7: the user password an empty owner password unlocks, padded.
    fn user_from_empty_owner(&self) -> Vec<u8> {
        let mut key = Md5::digest(PAD).to_vec();
        if self.r >= 3 {
            for _ in 0..50 {
                key = Md5::digest(&key[..self.length]).to_vec();
            }
        }
        key.truncate(self.length);
        let mut x = self.o.get(..32).unwrap_or(&self.o).to_vec();
        if self.r == 2 {
            return rc4(&key, &x);
        }
        for i in (0..=19u8).rev() {
            let k: Vec<u8> = key.iter().map(|&c| c ^ i).collect();
            x = rc4(&k, &x);
        }
        x
    }
}

/// The file key when a reader opens the file without asking: with an empty user password, or
/// an empty owner password (readers try both); `None` when it needs one.
fn empty_password_key(dict: &Dict, id: Vec<u8>) -> Option<Vec<u8>> {
    let int = |key: &[u8]| dict.int(key);
    let string = |key: &[u8]| match dict.get(key) {
        Some(Object::Str(s)) => Some(s.clone()),
        _ => None,
    };
    if dict.name(b"Filter") != Some(b"Standard") {
        return None;
    }
    let r = int(b"R")?;
    let u = string(b"U")?;
    let o = string(b"O")?;
    match r {
        2..=4 => {
            // Under /V 4 the file key is 16 bytes whatever /Length says, as qpdf, poppler and
            // mupdf read it: the 5- and 6-byte keys of pdf.js issue 19484 (in the shared
            // corpus) do not open in them, with or without the spec's 0xFFFFFFFF.
            let length = match (r, int(b"V")) {
                (2, _) => 5,
                (_, Some(4)) => 16,
                _ => usize::try_from(int(b"Length").unwrap_or(40) / 8).ok()?.clamp(5, 16),
            };
            let clear_metadata = matches!(dict.get(b"EncryptMetadata"), Some(Object::Bool(false)));
            let handler = Rc4Handler { r, o, u, p: int(b"P")?, length, id, clear_metadata };
            if handler.user_ok(&PAD) {
                return Some(handler.key(&PAD));
            }
            let user = handler.user_from_empty_owner();
            handler.user_ok(&user).then(|| handler.key(&user))
        }
        5 | 6 => {
            // The key that unwraps UE (or OE): SHA-256 of the key salt (revision 5), or the
            // algorithm 2.B hash (revision 6), of the empty password.
            let hash = |salt: &[u8], udata: &[u8]| {
                if r == 5 {
                    Sha256::new().chain_update(salt).chain_update(udata).finalize().to_vec()
                } else {
                    hash_2b(salt, udata)
                }
            };
            let unwrap = |wrapped: Option<Vec<u8>>, key: Vec<u8>| {
                aes_cbc(&key, &[0; 16], wrapped?.get(..32)?, false)
            };
            if u.len() >= 48 && hash(&u[32..40], &[]) == u[..32] {
                return unwrap(string(b"UE"), hash(&u[40..48], &[]));
            }
            if o.len() >= 48 && u.len() >= 48 && hash(&o[32..40], &u[..48]) == o[..32] {
                return unwrap(string(b"OE"), hash(&o[40..48], &u[..48]));
            }
            None
        }
        _ => None,
    }
}

/// How a file's streams are encrypted (/V, and under /V 4 and 5 the /StmF crypt filter).
fn stream_cipher(dict: &Dict) -> Cipher {
    match dict.int(b"V") {
        Some(4 | 5) => {
            let method = match dict.name(b"StmF") {
                Some(b"Identity") | None => return Cipher::Identity,
                Some(name) => match dict.get(b"CF") {
                    Some(Object::Dict(filters)) => match filters.get(name) {
                        Some(Object::Dict(f)) => f.name(b"CFM").map(<[u8]>::to_vec),
                        _ => None,
                    },
                    _ => None,
                },
            };
            match method.as_deref() {
                Some(b"AESV2") => Cipher::Aes128,
                Some(b"AESV3") => Cipher::Aes256,
                Some(b"None") => Cipher::Identity,
                _ => Cipher::Rc4,
            }
        }
        _ => Cipher::Rc4,
    }
}

/// How the file is encrypted (the trailer's `/Encrypt` and the first string of its `/ID`),
/// and the key to its streams when it opens without a password.
pub(super) fn security(doc: &Document<'_>) -> (Encryption, Option<Crypt>) {
    let Some(value) = doc.trailer.get(b"Encrypt") else { return (Encryption::None, None) };
    let Some(dict) = doc.resolve(value).as_dict().cloned() else {
        return (Encryption::NeedsPassword, None);
    };
    let id = match doc.trailer.get(b"ID").map(|i| doc.resolve(i)) {
        Some(Object::Array(parts)) => match parts.first() {
            Some(Object::Str(s)) => s.clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    match empty_password_key(&dict, id) {
        Some(key) => {
            (Encryption::PermissionsOnly, Some(Crypt { key, cipher: stream_cipher(&dict) }))
        }
        None => (Encryption::NeedsPassword, None),
    }
}

/// Text layer or scan: walks the pages' content (and the forms and annotations it paints)
/// until some text is shown. A scan is images and no text; pages of drawings only (or whose
/// content cannot be read) are neither: `None`.
fn text_layer(doc: &Document<'_>, pages: &[Page]) -> Option<bool> {
    let mut images = false;
    for page in pages {
        let (walked, flow) = content::page(doc, page, &mut |_, shown| match shown {
            content::Shown::Text(s) if !s.is_empty() => ControlFlow::Break(()),
            _ => ControlFlow::Continue(()),
        });
        if flow.is_break() {
            return Some(true);
        }
        images |= walked.images;
    }
    images.then_some(false)
}

/// A scanned page's picture: a JPEG as the PDF holds it, and its size in pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageImage {
    /// The JPEG's bytes (a `DCTDecode` image, which is a whole JPEG file).
    pub jpeg: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// The largest JPEG picture of each of the first `max_pages` pages, for reading a scan: the
/// pages' own images only (not those inside forms), and none from an encrypted file, whose
/// streams a reader would have to decrypt first. Pages without one are skipped.
#[must_use]
pub fn page_images(bytes: &[u8], max_pages: usize) -> Vec<PageImage> {
    let doc = Document::open(bytes);
    if doc.encryption() != Encryption::None {
        return Vec::new();
    }
    let Ok(pages) = doc.pages() else { return Vec::new() };
    let mut out = Vec::new();
    for page in pages.iter().take(max_pages) {
        let Some(resources) = page.resources(&doc) else { continue };
        let Some(xobjects) = doc.dict(&resources, b"XObject") else { continue };
        let mut best: Option<PageImage> = None;
        for (_, target) in &xobjects.0 {
            let Object::Stream(image) = doc.resolve(target) else { continue };
            let dict = &image.dict;
            let jpeg = match dict.get(b"Filter").map(|f| doc.resolve(f)) {
                Some(Object::Name(n)) => n == b"DCTDecode" || n == b"DCT",
                Some(Object::Array(a)) => {
                    matches!(a.as_slice(), [Object::Name(n)] if n == b"DCTDecode" || n == b"DCT")
                }
                _ => false,
            };
            let size =
                |key: &[u8]| dict.int(key).and_then(|v| u32::try_from(v).ok()).filter(|&v| v > 0);
            let (Some(width), Some(height)) = (size(b"Width"), size(b"Height")) else { continue };
            if dict.name(b"Subtype") != Some(b"Image") || !jpeg {
                continue;
            }
            let larger = best.as_ref().is_none_or(|b| {
                u64::from(b.width) * u64::from(b.height) < u64::from(width) * u64::from(height)
            });
            if larger {
                if let Some(data) = doc.raw(&image) {
                    best = Some(PageImage { jpeg: data.to_vec(), width, height });
                }
            }
        }
        out.extend(best);
    }
    out
}

/// Checks a PDF file (its header already found), and reads its text when `read_text` (the
/// same opened document serves both).
#[must_use]
pub fn check(bytes: &[u8], read_text: bool) -> PdfReport {
    let doc = Document::open(bytes);
    let encryption = doc.encryption();
    let pages = doc.pages();
    // Encrypted object streams cannot be read without the key: a page tree inside one is not
    // a sign of damage.
    let unreadable = pages.is_err() && encryption != Encryption::None;
    let damaged = (pages.is_err() && !unreadable) || doc.truncated();
    let readable = !damaged && encryption != Encryption::NeedsPassword;
    let (text_layer, text) = match &pages {
        Ok(pages) if readable => {
            let layer = text_layer(&doc, pages);
            let text = (read_text && layer != Some(false)).then(|| text::extract(&doc, pages));
            (layer, text.flatten())
        }
        _ => (None, None),
    };
    PdfReport {
        pages: pages.as_ref().ok().map(|p| u32::try_from(p.len()).unwrap_or(u32::MAX)),
        encryption,
        damaged,
        repaired: doc.repaired() && !damaged,
        text_layer,
        text,
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use document::tests::with_xref;

    fn unhex(hex: &str) -> Vec<u8> {
        (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
    }

    /// Known answers from qpdf 11 (`qpdf --encrypt "" owner-secret 256`, and with both
    /// passwords empty): the empty user password matches U, and the empty owner password O.
    #[test]
    fn the_revision_6_hash_matches_what_qpdf_wrote() {
        let u = unhex(
            "7a0fa66fc764fe8170fe8720e8e4f4c21bd9bc5ca71d94258bce32b9ae24ca21\
             c52ecffe64126f6b1986b0bcd0be2b15",
        );
        assert_eq!(hash_2b(&u[32..40], &[]), u[..32]);
        assert_ne!(hash_2b(&u[40..48], &[]), u[..32], "the key salt is not the validation salt");
        let o = unhex(
            "944c4c87981655814db48140cae1b10af52d9d93f2823e85efaf02fbba40d8c7\
             5c678d0bf5aac8d3fe712d86dcf5e7fe",
        );
        let u = unhex(
            "96a99de61354392709e8beae706d5ba8ffa6814c782f68453bfe404e22b64532\
             eba50779149562659a7165ac0554df7a",
        );
        assert_eq!(hash_2b(&o[32..40], &u), o[..32]);
    }

    /// A file without an index (readers rebuild it): pages 1 0 R.
    fn pdf(body: &str) -> Vec<u8> {
        format!("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n{body}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").into_bytes()
    }

    #[test]
    fn pages_come_from_the_page_tree() {
        let two = with_xref(&[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R >>",
            "<< /Type /Page /Parent 2 0 R >>",
            "<< /Type /Pages /Count 1 /Parent 2 0 R >>",
        ]);
        let report = check(&two, false);
        assert_eq!(
            (report.pages, report.encryption, report.damaged, report.repaired),
            (Some(2), Encryption::None, false, false)
        );
        assert_eq!(
            check(&pdf("2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj"), false).pages,
            Some(0)
        );
        assert!(check(b"%PDF-1.4\nthis is not a pdf at all", false).damaged);
    }

    fn page_with(content: &[u8], filter: &str, resources: &str) -> Vec<u8> {
        let mut file = format!(
            "%PDF-1.5\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << {resources} >> >> endobj\n4 0 obj << {filter} /Length {} >>\nstream\n",
            content.len()
        )
        .into_bytes();
        file.extend_from_slice(content);
        file.extend_from_slice(b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        file
    }

    #[test]
    fn pixels_that_spell_text_operators_are_still_an_image() {
        // Like pdf.js's issue14200.pdf: an image whose pixels happen to hold "BT" and "Tj".
        let pixels = miniz_oxide::deflate::compress_to_vec_zlib(b"\x01BT (ab) Tj ET\x02", 6);
        let mut file =
            page_with(b"q 100 0 0 100 0 0 cm /Im1 Do Q", "", "/XObject << /Im1 5 0 R >>");
        file.extend_from_slice(
            format!("5 0 obj << /Type /XObject /Subtype /Image /Width 4 /Height 4 /Filter /FlateDecode /Length {} >>\nstream\n", pixels.len()).as_bytes(),
        );
        file.extend_from_slice(&pixels);
        file.extend_from_slice(b"\nendstream\nendobj\n");
        assert_eq!(check(&file, false).text_layer, Some(false));
    }

    #[test]
    fn a_text_layer_is_told_from_a_scan() {
        let text = page_with(b"BT /F1 12 Tf 72 712 Td (Certificat) Tj ET", "", "");
        assert_eq!(check(&text, false).text_layer, Some(true));
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(
            b"BT /F1 12 Tf [(Cert) -20 (ificat)] TJ ET",
            6,
        );
        assert_eq!(
            check(&page_with(&packed, "/Filter /FlateDecode", ""), false).text_layer,
            Some(true)
        );
        let image =
            miniz_oxide::deflate::compress_to_vec_zlib(b"q 595 0 0 842 0 0 cm /Im1 Do Q", 6);
        let mut scan = page_with(&image, "/Filter /FlateDecode", "/XObject << /Im1 5 0 R >>");
        scan.extend_from_slice(b"5 0 obj << /Subtype /Image /Width 1 /Height 1 /Filter /DCTDecode /Length 2 >>\nstream\n\xFF\xD8\nendstream\nendobj\n");
        assert_eq!(check(&scan, false).text_layer, Some(false));
        // Drawings only, no image, no text: neither a text layer nor a scan.
        let drawing = page_with(b"0 0 m 100 100 l S", "", "");
        assert_eq!(check(&drawing, false).text_layer, None);
    }

    #[test]
    fn every_text_operator_and_filter_chain_counts() {
        // ' and " show text too; ReportLab writes ASCII85 over Flate.
        for content in
            [&b"BT 12 TL (line) ' ET"[..], b"BT 1 2 (line) \" ET", b"BT [(a) 5 (b)] TJ ET"]
        {
            assert_eq!(
                check(&page_with(content, "", ""), false).text_layer,
                Some(true),
                "{content:?}"
            );
        }
        let flate = miniz_oxide::deflate::compress_to_vec_zlib(b"BT 12 TL (Certificat) ' ET", 6);
        let a85 = ascii85(&flate);
        let file = page_with(&a85, "/Filter [/ASCII85Decode /FlateDecode]", "");
        assert_eq!(check(&file, false).text_layer, Some(true));
        // Text drawn inside a form XObject the page paints.
        let mut form = page_with(b"/Fm1 Do", "", "/XObject << /Fm1 5 0 R >>");
        form.extend_from_slice(b"5 0 obj << /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length 20 >>\nstream\nBT (in a form) Tj ET\nendstream\nendobj\n");
        assert_eq!(check(&form, false).text_layer, Some(true));
    }

    /// ASCII85 as ReportLab writes it (with the closing `~>`).
    fn ascii85(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for chunk in data.chunks(4) {
            let mut group = [0u8; 4];
            group[..chunk.len()].copy_from_slice(chunk);
            let mut v = u32::from_be_bytes(group);
            let mut digits = [0u8; 5];
            for d in digits.iter_mut().rev() {
                *d = (v % 85) as u8 + b'!';
                v /= 85;
            }
            out.extend_from_slice(&digits[..chunk.len() + 1]);
        }
        out.extend_from_slice(b"~>");
        out
    }

    #[test]
    fn pages_inside_compressed_object_streams_are_found() {
        let inner = b"1 0 2 33 << /Type /Catalog /Pages 2 0 R >> << /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>";
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(inner, 6);
        let mut bytes =
            b"%PDF-1.7\n7 0 obj << /Type /ObjStm /N 2 /First 9 /Filter /FlateDecode >>\nstream\n"
                .to_vec();
        bytes.extend_from_slice(&packed);
        bytes.extend_from_slice(b"\nendstream\nendobj\n3 0 obj << /Type /Page >> endobj\n4 0 obj << /Type /Page >> endobj\n5 0 obj << /Type /Page >> endobj\n%%EOF\n");
        assert_eq!(check(&bytes, false).pages, Some(3));
    }

    /// A revision-3 standard security handler whose U matches `user_password_matches`.
    fn encrypted(user_password_matches: bool) -> Vec<u8> {
        let handler = Rc4Handler {
            r: 3,
            o: vec![7; 32],
            u: Vec::new(),
            p: -4,
            length: 16,
            id: b"0123456789abcdef".to_vec(),
            clear_metadata: false,
        };
        let key = handler.key(&PAD);
        let mut x = rc4(&key, &Md5::new().chain_update(PAD).chain_update(&handler.id).finalize());
        for i in 1..=19u8 {
            let k: Vec<u8> = key.iter().map(|&c| c ^ i).collect();
            x = rc4(&k, &x);
        }
        if !user_password_matches {
            x[0] ^= 1;
        }
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        format!(
            "%PDF-1.6\n1 0 obj << /Type /Pages /Count 1 >> endobj\n9 0 obj << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <{}> /U <{}{}> >> endobj\ntrailer << /Root 1 0 R /Encrypt 9 0 R /ID [<{}><{}>] >>\n%%EOF\n",
            hex(&handler.o),
            hex(&x),
            "00".repeat(16),
            hex(&handler.id),
            hex(&handler.id)
        )
        .into_bytes()
    }

    #[test]
    fn an_empty_user_password_is_permissions_only_and_any_other_needs_a_password() {
        assert_eq!(check(&encrypted(true), false).encryption, Encryption::PermissionsOnly);
        assert_eq!(check(&encrypted(false), false).encryption, Encryption::NeedsPassword);
        let public_key = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] >> endobj\n9 0 obj << /Filter /Adobe.PubSec /R 4 >> endobj\ntrailer << /Root 1 0 R /Encrypt 9 0 R >>\n%%EOF";
        assert_eq!(check(public_key, false).encryption, Encryption::NeedsPassword);
    }

    #[test]
    fn a_scans_pictures_are_its_pages_jpegs_as_written() {
        let rib: &[u8] = include_bytes!("../../tests/specimens/rib.jpg");
        let card: &[u8] = include_bytes!("../../tests/specimens/passport-photo.jpg");
        let scan = crate::make::pdf::from_jpegs(&[rib, card]).unwrap();
        let images = page_images(&scan, 4);
        assert_eq!(images.len(), 2);
        assert_eq!((images[0].jpeg.as_slice(), images[1].jpeg.as_slice()), (rib, card));
        assert_eq!((images[0].width, images[0].height), (1000, 467));
        assert_eq!(page_images(&scan, 1).len(), 1, "only the first pages");
        assert_eq!(page_images(b"%PDF-1.7 not a PDF", 4), []);
    }
}
