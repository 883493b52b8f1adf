//! File inspection on bytes: what a file really is, facts about it, and every problem with a
//! stable code. Pure and bounded: no input may panic, hang or exhaust memory (each parser caps
//! what it reads, inflates and follows), because a panic in wasm takes the whole page down.

pub mod content;
#[cfg(feature = "decode")]
pub mod decode;
pub mod explain;
pub mod jpeg;
pub mod pdf;
pub mod pdf_text;
pub mod png;
pub mod quality;
pub mod sniff;

use serde::{Deserialize, Serialize};

use crate::rules::{DocumentId, Format as Accepted};

/// What the bytes are, found by content, never by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// PDF.
    Pdf,
    /// JPEG.
    Jpeg,
    /// PNG.
    Png,
    /// HEIC/HEIF (iPhone photos).
    Heic,
    /// WebP.
    Webp,
    /// AVIF.
    Avif,
    /// GIF.
    Gif,
    /// TIFF.
    Tiff,
    /// BMP.
    Bmp,
    /// Word (Office Open XML).
    Docx,
    /// Word 97–2003.
    Doc,
    /// OpenDocument text.
    Odt,
    /// Another ZIP archive.
    Zip,
    /// Plain text.
    Text,
    /// A web page.
    Html,
    /// Anything else.
    Unknown,
}

impl Format {
    /// Every format, in declaration order (a test checks that none is missing).
    pub const ALL: [Format; 16] = [
        Format::Pdf,
        Format::Jpeg,
        Format::Png,
        Format::Heic,
        Format::Webp,
        Format::Avif,
        Format::Gif,
        Format::Tiff,
        Format::Bmp,
        Format::Docx,
        Format::Doc,
        Format::Odt,
        Format::Zip,
        Format::Text,
        Format::Html,
        Format::Unknown,
    ];

    /// The stable snake_case code, as serde and the command line write it.
    #[must_use]
    pub fn code(self) -> String {
        snake_case(&format!("{self:?}"))
    }

    /// The format of a [`code`](Self::code).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The portal's accepted format this is, if any.
    #[must_use]
    pub const fn accepted(self) -> Option<Accepted> {
        match self {
            Format::Pdf => Some(Accepted::Pdf),
            Format::Jpeg => Some(Accepted::Jpeg),
            Format::Png => Some(Accepted::Png),
            _ => None,
        }
    }

    /// The file-name extensions of this format.
    #[must_use]
    pub const fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Pdf => &["pdf"],
            Format::Jpeg => &["jpg", "jpeg", "jpe", "jfif"],
            Format::Png => &["png"],
            Format::Heic => &["heic", "heif", "hif"],
            Format::Webp => &["webp"],
            Format::Avif => &["avif"],
            Format::Gif => &["gif"],
            Format::Tiff => &["tif", "tiff"],
            Format::Bmp => &["bmp", "dib"],
            Format::Docx => &["docx"],
            Format::Doc => &["doc"],
            Format::Odt => &["odt"],
            Format::Zip => &["zip"],
            Format::Text => &["txt", "text"],
            Format::Html => &["html", "htm"],
            Format::Unknown => &[],
        }
    }
}

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing, nothing to do.
    Info,
    /// Probably fine for the portal, but the student should look.
    Warning,
    /// The portal refuses it, or the registration will bounce.
    Error,
}

/// A problem with a file, as a stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// Zero bytes.
    EmptyFile,
    /// Over the slot's size limit.
    TooLarge,
    /// An iPhone HEIC/HEIF photo.
    HeicNotAccepted,
    /// Not PDF, JPEG or PNG.
    UnsupportedFormat,
    /// The name's extension says another format than the content.
    ExtensionMismatch,
    /// A JPEG or PNG that is damaged or cut short.
    ImageDamaged,
    /// Too few pixels to be read.
    ImageTooSmall,
    /// A JPEG in CMYK colours, which some viewers show wrongly.
    ImageCmyk,
    /// A 12-bit JPEG, which browsers cannot show.
    Image12Bit,
    /// An arithmetic-coded JPEG, which browsers cannot show.
    ImageArithmetic,
    /// An animated PNG.
    ImageAnimated,
    /// The photo is stored sideways and turned by its EXIF orientation.
    ImageRotated,
    /// The photo looks blurred (on decoded pixels, see [`quality`]).
    ImageBlurred,
    /// The photo is too dark.
    ImageDark,
    /// Large parts of the photo are washed out to white.
    ImageOverexposed,
    /// The text hardly stands out from the background.
    ImageLowContrast,
    /// The file name suggests another document than the slot's.
    NameSuggestsOther,
    /// A PDF that needs a password to open.
    PdfEncrypted,
    /// A PDF protected against editing or printing only: it opens without a password.
    PdfPermissionsOnly,
    /// A PDF that readers cannot open.
    PdfDamaged,
    /// A PDF with no page.
    PdfNoPages,
    /// A PDF with many more pages than the document should have.
    PdfManyPages,
    /// A PDF made of images only (a scan): fine, but its text cannot be checked.
    PdfScanOnly,
    /// The same file is already in another slot.
    DuplicateFile,
    /// The certificate names an earlier academic year, not the current one.
    CertificateOldYear,
    /// The certificate's text names no academic year we recognise.
    CertificateYearNotFound,
    /// The student's last name is not in the document's text.
    NameNotFound,
    /// The RIB's text mentions an IBAN, but none passes its checks.
    IbanInvalid,
    /// The RIB's text holds no IBAN.
    IbanNotFound,
}

impl Problem {
    /// Every problem, in declaration order (a test checks that none is missing).
    pub const ALL: [Problem; 29] = [
        Problem::EmptyFile,
        Problem::TooLarge,
        Problem::HeicNotAccepted,
        Problem::UnsupportedFormat,
        Problem::ExtensionMismatch,
        Problem::ImageDamaged,
        Problem::ImageTooSmall,
        Problem::ImageCmyk,
        Problem::Image12Bit,
        Problem::ImageArithmetic,
        Problem::ImageAnimated,
        Problem::ImageRotated,
        Problem::ImageBlurred,
        Problem::ImageDark,
        Problem::ImageOverexposed,
        Problem::ImageLowContrast,
        Problem::NameSuggestsOther,
        Problem::PdfEncrypted,
        Problem::PdfPermissionsOnly,
        Problem::PdfDamaged,
        Problem::PdfNoPages,
        Problem::PdfManyPages,
        Problem::PdfScanOnly,
        Problem::DuplicateFile,
        Problem::CertificateOldYear,
        Problem::CertificateYearNotFound,
        Problem::NameNotFound,
        Problem::IbanInvalid,
        Problem::IbanNotFound,
    ];

    /// The problem of a [`code`](Self::code).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// Whether the problem keeps browsers from showing the image's pixels (so no preview, no
    /// quality analysis, no re-encoding, no embedding as is).
    #[must_use]
    pub const fn hides_pixels(self) -> bool {
        matches!(self, Problem::ImageDamaged | Problem::Image12Bit | Problem::ImageArithmetic)
    }

    /// The stable snake_case code, as the command line and the page's `data-code` write it.
    #[must_use]
    pub fn code(self) -> String {
        snake_case(&format!("{self:?}"))
    }

    /// How serious the problem is.
    #[must_use]
    pub const fn severity(self) -> Severity {
        match self {
            Problem::EmptyFile
            | Problem::TooLarge
            | Problem::HeicNotAccepted
            | Problem::UnsupportedFormat
            | Problem::ImageDamaged
            | Problem::Image12Bit
            | Problem::ImageArithmetic
            | Problem::PdfEncrypted
            | Problem::PdfDamaged
            | Problem::PdfNoPages
            | Problem::DuplicateFile
            | Problem::CertificateOldYear
            | Problem::IbanInvalid => Severity::Error,
            Problem::ExtensionMismatch
            | Problem::ImageTooSmall
            | Problem::ImageCmyk
            | Problem::ImageAnimated
            | Problem::PdfPermissionsOnly
            | Problem::PdfManyPages
            | Problem::CertificateYearNotFound
            | Problem::NameNotFound
            | Problem::IbanNotFound
            | Problem::ImageBlurred
            | Problem::ImageDark
            | Problem::ImageOverexposed
            | Problem::ImageLowContrast
            | Problem::NameSuggestsOther => Severity::Warning,
            Problem::ImageRotated | Problem::PdfScanOnly => Severity::Info,
        }
    }
}

/// A variant's name as serde's `rename_all = "snake_case"` writes it: one rule, no table.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A problem and its severity, as reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The problem.
    pub code: Problem,
    /// Its severity.
    pub severity: Severity,
}

/// What was learnt about a file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// Size in bytes.
    pub size: u64,
    /// Pages of a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// Width in pixels of an image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Height in pixels of an image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// EXIF orientation (1–8) of a JPEG.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orientation: Option<u8>,
    /// Whether a PDF is encrypted (with or without a password to open).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    /// Whether a PDF carries text (false: a scan, images only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_layer: Option<bool>,
    /// The document the file name suggests, when it is not the slot's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub named_like: Option<DocumentId>,
    /// A hash of the bytes, to find the same file in two slots.
    #[serde(skip)]
    pub fingerprint: Fingerprint,
}

/// XXH3-128 of a file's bytes, big-endian. It finds the same file chosen twice, not a forgery:
/// nobody gains from two different files that collide, so a fast non-cryptographic hash serves
/// (in wasm it reads a 5 MB scan in a few milliseconds, where SHA-256 took about 45).
pub type Fingerprint = [u8; 16];

/// The fingerprint of some bytes.
#[must_use]
pub fn fingerprint(bytes: &[u8]) -> Fingerprint {
    xxhash_rust::xxh3::xxh3_128(bytes).to_be_bytes()
}

/// The verdict on one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspection {
    /// The format, by content.
    pub format: Format,
    /// The facts.
    #[serde(flatten)]
    pub facts: Facts,
    /// Every problem, most serious first.
    pub problems: Vec<Finding>,
}

/// The overall verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Nothing to fix.
    Ok,
    /// Look again, but the portal should take it.
    Warning,
    /// Fix it before uploading.
    Error,
}

impl Inspection {
    /// Error if any problem is an error, warning if any is a warning, ok otherwise.
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        match self.problems.iter().map(|p| p.severity).max() {
            Some(Severity::Error) => Verdict::Error,
            Some(Severity::Warning) => Verdict::Warning,
            Some(Severity::Info) | None => Verdict::Ok,
        }
    }

    /// A JPEG or PNG whose pixels browsers show: one that can be previewed, analysed and
    /// re-encoded.
    #[must_use]
    pub fn is_showable_image(&self) -> bool {
        matches!(self.format, Format::Jpeg | Format::Png)
            && !self.problems.iter().any(|p| p.code.hides_pixels())
    }

    /// Whether a problem is reported.
    #[must_use]
    pub fn has(&self, code: Problem) -> bool {
        self.problems.iter().any(|p| p.code == code)
    }
}

/// What the check needs besides the bytes.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// Which slot the file is for.
    pub doc: DocumentId,
    /// The slot's size limit in bytes.
    pub size_limit: u64,
    /// The files already in the other slots.
    pub others: &'a [(DocumentId, Fingerprint)],
    /// The student's names, when typed, for content checks.
    pub student: Option<content::Student<'a>>,
    /// The academic year registered for, as (first, second) calendar year.
    pub academic_year: Option<(u16, u16)>,
}

impl Context<'static> {
    /// A context with only the slot and its limit: no other files, no names, no year.
    #[must_use]
    pub const fn plain(doc: DocumentId, size_limit: u64) -> Self {
        Context { doc, size_limit, others: &[], student: None, academic_year: None }
    }
}

/// Whether the same file may stand in both slots: the portal lets students upload their
/// student visa again as the residence permit (DOMAIN.md §3).
const fn may_repeat(a: DocumentId, b: DocumentId) -> bool {
    matches!(
        (a, b),
        (DocumentId::Visa, DocumentId::ResidencePermit)
            | (DocumentId::ResidencePermit, DocumentId::Visa)
    )
}

/// Most pages a document should have before we ask whether it is the right file.
const fn expected_max_pages(doc: DocumentId) -> u32 {
    match doc {
        DocumentId::Identity | DocumentId::Visa | DocumentId::ResidencePermit | DocumentId::Rib => {
            6
        }
        _ => 20,
    }
}

/// Words of file names that say which document a file is, in the languages students name
/// their files in. A name matching the slot's own document never warns.
const NAME_WORDS: [(DocumentId, &[&str]); 6] = [
    (DocumentId::Rib, &["rib", "iban", "bank details", "releve d identite bancaire"]),
    (
        DocumentId::Identity,
        &[
            "passport",
            "passeport",
            "pasaporte",
            "passaporto",
            "reisepass",
            "id card",
            "identity card",
            "carte d identite",
            "cni",
        ],
    ),
    (DocumentId::Visa, &["visa", "vls ts", "vlsts"]),
    (
        DocumentId::BirthCertificate,
        &["birth", "naissance", "nacimiento", "nascita", "geburtsurkunde"],
    ),
    (
        DocumentId::ResidencePermit,
        &["titre de sejour", "residence permit", "sejour", "permis de sejour"],
    ),
    (
        DocumentId::CertificateOfStudies,
        &[
            "scolarite",
            "certificate of studies",
            "enrolment",
            "enrollment",
            "attestation d inscription",
            "certificat de scolarite",
        ],
    ),
];

/// The document a file name names, if it names exactly one.
#[must_use]
pub fn named_like(name: &str) -> Option<DocumentId> {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    // "passport_scan-2.jpg" → " passport scan 2 ": words separated by single spaces.
    let words: String = crate::countries::fold(stem)
        .chars()
        .map(|c| if c.is_ascii_alphabetic() { c } else { ' ' })
        .collect();
    let padded = format!(" {} ", words.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut found = NAME_WORDS
        .iter()
        .filter(|(_, words)| words.iter().any(|w| padded.contains(&format!(" {w} "))))
        .map(|(doc, _)| *doc);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// Inspects one file: `name` and `mime` are what the browser says, only used to catch a
/// misleading extension; the verdict comes from the bytes.
#[must_use]
pub fn inspect(name: &str, bytes: &[u8], ctx: &Context<'_>) -> Inspection {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    let mut facts = Facts { size, fingerprint: fingerprint(bytes), ..Facts::default() };
    let mut problems = Vec::new();
    let mut add = |code: Problem| problems.push(Finding { code, severity: code.severity() });
    if bytes.is_empty() {
        add(Problem::EmptyFile);
        return Inspection { format: Format::Unknown, facts, problems };
    }
    if size > ctx.size_limit {
        add(Problem::TooLarge);
    }
    if ctx.others.iter().any(|(doc, print)| {
        *print == facts.fingerprint && *doc != ctx.doc && !may_repeat(*doc, ctx.doc)
    }) {
        add(Problem::DuplicateFile);
    }
    facts.named_like = named_like(name).filter(|d| *d != ctx.doc && !may_repeat(*d, ctx.doc));
    if facts.named_like.is_some() {
        add(Problem::NameSuggestsOther);
    }
    let format = sniff::format(bytes);
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if let Some(ext) = extension {
        let known = Format::ALL.iter().any(|f| f.extensions().contains(&ext.as_str()));
        if known && !format.extensions().contains(&ext.as_str()) && format != Format::Unknown {
            add(Problem::ExtensionMismatch);
        }
    }
    match format {
        Format::Png => {
            let report = png::check(bytes);
            facts.width = report.width;
            facts.height = report.height;
            report.problems.into_iter().for_each(&mut add);
        }
        Format::Jpeg => {
            let report = jpeg::check(bytes);
            facts.width = report.width;
            facts.height = report.height;
            facts.orientation = report.orientation;
            report.problems.into_iter().for_each(&mut add);
        }
        Format::Pdf => {
            let report = pdf::check(bytes);
            facts.pages = report.pages;
            facts.encrypted = Some(report.encryption != pdf::Encryption::None);
            facts.text_layer = report.text_layer;
            if report.text_layer == Some(false) {
                add(Problem::PdfScanOnly);
            }
            let reads_content =
                matches!(ctx.doc, DocumentId::CertificateOfStudies | DocumentId::Rib);
            if reads_content && report.text_layer == Some(true) {
                if let Some(text) = pdf_text::extract(bytes) {
                    content::check(ctx.doc, &text, ctx.student.as_ref(), ctx.academic_year)
                        .into_iter()
                        .for_each(&mut add);
                }
            }
            match report.encryption {
                pdf::Encryption::NeedsPassword => add(Problem::PdfEncrypted),
                pdf::Encryption::PermissionsOnly => add(Problem::PdfPermissionsOnly),
                pdf::Encryption::None => {}
            }
            if report.damaged {
                add(Problem::PdfDamaged);
            } else if report.pages == Some(0) {
                add(Problem::PdfNoPages);
            } else if report.pages.is_some_and(|p| p > expected_max_pages(ctx.doc)) {
                add(Problem::PdfManyPages);
            }
        }
        Format::Heic => add(Problem::HeicNotAccepted),
        _ => add(Problem::UnsupportedFormat),
    }
    problems.sort_by_key(|p| std::cmp::Reverse(p.severity));
    Inspection { format, facts, problems }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context<'static> {
        Context::plain(DocumentId::Identity, 4_000_000)
    }

    fn codes(name: &str, bytes: &[u8]) -> Vec<Problem> {
        inspect(name, bytes, &ctx()).problems.iter().map(|p| p.code).collect()
    }

    #[test]
    fn the_verdict_comes_from_the_bytes_not_the_name() {
        let png = png::tests::png(800, 600, &[]);
        assert_eq!(codes("scan.png", &png), []);
        assert_eq!(codes("scan.jpg", &png), [Problem::ExtensionMismatch]);
        assert_eq!(codes("scan", &png), [], "no extension, nothing to compare");
        assert_eq!(codes("scan.weird", &png), [], "an unknown extension is not a mismatch");
        assert_eq!(
            codes("photo.jpg", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"),
            [Problem::HeicNotAccepted, Problem::ExtensionMismatch]
        );
        assert_eq!(
            codes("cv.pdf", b"Hello, this is text"),
            [Problem::UnsupportedFormat, Problem::ExtensionMismatch]
        );
        assert_eq!(codes("empty.pdf", b""), [Problem::EmptyFile]);
    }

    #[test]
    fn the_size_limit_is_read_strictly_in_bytes() {
        let small = Context { size_limit: 100, doc: DocumentId::Rib, ..ctx() };
        let png = png::tests::png(800, 600, &[]);
        assert!(png.len() > 100);
        let report = inspect("rib.png", &png, &small);
        assert_eq!(report.verdict(), Verdict::Error);
        assert!(report.has(Problem::TooLarge));
        let exact = Context { doc: DocumentId::Rib, size_limit: png.len() as u64, ..ctx() };
        assert!(
            !inspect("rib.png", &png, &exact).has(Problem::TooLarge),
            "exactly at the limit is fine"
        );
    }

    #[test]
    fn the_same_file_in_two_slots_is_an_error_except_the_visa_again() {
        let png = png::tests::png(800, 600, &[]);
        let print = fingerprint(&png);
        let others = [(DocumentId::Visa, print)];
        let in_rib = Context { doc: DocumentId::Rib, others: &others, ..ctx() };
        assert!(inspect("rib.png", &png, &in_rib).has(Problem::DuplicateFile));
        let as_permit = Context { doc: DocumentId::ResidencePermit, ..in_rib };
        assert!(!inspect("visa.png", &png, &as_permit).has(Problem::DuplicateFile));
        let same_slot = Context { doc: DocumentId::Visa, ..in_rib };
        assert!(
            !inspect("visa.png", &png, &same_slot).has(Problem::DuplicateFile),
            "replacing a slot's own file"
        );
        let other_file = png::tests::png(801, 600, &[]);
        assert!(!inspect("rib.png", &other_file, &in_rib).has(Problem::DuplicateFile));
    }

    #[test]
    fn codes_are_the_serialised_names_and_read_back() {
        for code in Problem::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(format!("\"{}\"", code.code()), json);
            assert_eq!(Problem::from_code(&code.code()), Some(code));
        }
        for format in Format::ALL {
            let json = serde_json::to_string(&format).unwrap();
            assert_eq!(format!("\"{}\"", format.code()), json);
            assert_eq!(Format::from_code(&format.code()), Some(format));
        }
        assert_eq!(Problem::from_code("too large"), None);
        assert_eq!(Format::from_code(""), None);
    }

    /// The variants declared in this file's `pub enum {name}`, by name.
    fn declared(name: &str) -> Vec<String> {
        let source = include_str!("inspect.rs");
        let start = source.find(&format!("pub enum {name} {{")).unwrap();
        let body = &source[start..start + source[start..].find("\n}").unwrap()];
        body.lines()
            .map(str::trim)
            .filter(|l| l.ends_with(',') && l.starts_with(|c: char| c.is_ascii_uppercase()))
            .map(|l| l.trim_end_matches(',').to_owned())
            .collect()
    }

    #[test]
    fn every_format_and_problem_is_in_its_list() {
        let formats: Vec<String> = Format::ALL.iter().map(|f| format!("{f:?}")).collect();
        assert_eq!(formats, declared("Format"));
        let problems: Vec<String> = Problem::ALL.iter().map(|p| format!("{p:?}")).collect();
        assert_eq!(problems, declared("Problem"));
    }

    #[test]
    fn verdicts_rank_errors_over_warnings_over_info() {
        let jpeg = jpeg::tests::jpeg(0xC0, 8, 300, 200, 3, None);
        let report = inspect("id.jpg", &jpeg, &ctx());
        assert_eq!(report.verdict(), Verdict::Warning);
        assert_eq!(report.facts.width, Some(300));
        let many = "2 0 obj << /Type /Pages /Count 40 >> endobj".to_owned();
        let report = inspect("id.pdf", format!("%PDF-1.4\n{many}\n%%EOF").as_bytes(), &ctx());
        assert_eq!((report.facts.pages, report.verdict()), (Some(40), Verdict::Warning));
        assert!(report.has(Problem::PdfManyPages));
    }
}
