//! File inspection on bytes: what a file really is, facts about it, and every problem with a
//! stable code. Pure and bounded: no input may panic, hang or exhaust memory (each parser caps
//! what it reads, inflates and follows), because a panic in wasm takes the whole page down.

pub mod content;
#[cfg(feature = "decode")]
pub mod decode;
pub mod explain;
pub mod jpeg;
pub mod pdf;
pub mod png;
pub mod quality;
pub mod sniff;

use serde::{Deserialize, Serialize};

use crate::i18n::Msg;
use crate::rules::{DocumentId, Format as Accepted};

crate::vocabulary! {
    /// What the bytes are, found by content, never by name.
    pub enum Format as "file format" {
        /// PDF.
        Pdf = "pdf" => (&["pdf"], Some(Accepted::Pdf), Conversion::Unknown),
        /// JPEG.
        Jpeg = "jpeg" => (&["jpg", "jpeg", "jpe", "jfif"], Some(Accepted::Jpeg), Conversion::Unknown),
        /// PNG.
        Png = "png" => (&["png"], Some(Accepted::Png), Conversion::Unknown),
        /// HEIC/HEIF (iPhone photos).
        Heic = "heic" => (&["heic", "heif", "hif"], None, Conversion::Unknown),
        /// WebP.
        Webp = "webp" => (&["webp"], None, Conversion::Image),
        /// AVIF.
        Avif = "avif" => (&["avif"], None, Conversion::Image),
        /// GIF.
        Gif = "gif" => (&["gif"], None, Conversion::Image),
        /// TIFF.
        Tiff = "tiff" => (&["tif", "tiff"], None, Conversion::Image),
        /// BMP.
        Bmp = "bmp" => (&["bmp", "dib"], None, Conversion::Image),
        /// Word (Office Open XML).
        Docx = "docx" => (&["docx"], None, Conversion::Document),
        /// Word 97–2003.
        Doc = "doc" => (&["doc"], None, Conversion::Document),
        /// OpenDocument text.
        Odt = "odt" => (&["odt"], None, Conversion::Document),
        /// Another ZIP archive.
        Zip = "zip" => (&["zip"], None, Conversion::Archive),
        /// Plain text.
        Text = "text" => (&["txt", "text"], None, Conversion::Text),
        /// A web page.
        Html = "html" => (&["html", "htm"], None, Conversion::Text),
        /// Anything else.
        Unknown = "unknown" => (&[], None, Conversion::Unknown),
    }
    /// The file-name extensions, the portal's accepted format it is, and how to convert it.
    data fn traits -> (&'static [&'static str], Option<Accepted>, Conversion);
    messages {
        name = "format_name." code,
    }
}

impl Format {
    /// The file-name extensions of this format.
    #[must_use]
    pub const fn extensions(self) -> &'static [&'static str] {
        self.traits().0
    }

    /// The portal's accepted format this is, if any.
    #[must_use]
    pub const fn accepted(self) -> Option<Accepted> {
        self.traits().1
    }

    /// What a student does with a file of this format that the portal refuses.
    #[must_use]
    pub const fn conversion(self) -> Conversion {
        self.traits().2
    }
}

crate::vocabulary! {
    /// How to turn a refused format into one the portal takes: the fix of
    /// [`Problem::UnsupportedFormat`] for the file's format.
    pub enum Conversion as "conversion" {
        /// Export or save the picture as JPEG.
        Image = "image",
        /// Export the document as PDF.
        Document = "document",
        /// Take the document out of the archive.
        Archive = "archive",
        /// Print the page or text to PDF.
        Text = "text",
        /// Nothing known: the problem's own fix says what the portal takes.
        Unknown = "unknown",
    }
    optional messages {
        fix = "file.unsupported_format.fix_" code,
    }
}

crate::vocabulary! {
    /// How serious a problem is, from the least (the order `max` and sorting follow).
    pub enum Severity as "severity" {
        /// Worth knowing, nothing to do.
        Info = "info",
        /// Probably fine for the portal, but the student should look.
        Warning = "warning",
        /// The portal refuses it, or the registration will bounce.
        Error = "error",
    }
}

crate::vocabulary! {
    /// A problem with a file, as a stable code, with its severity; its words are the catalog's
    /// `file.<code>.title`, `.detail` and `.fix`.
    pub enum Problem as "file problem" {
        /// Zero bytes.
        EmptyFile = "empty_file" => Severity::Error,
        /// Over the slot's size limit.
        TooLarge = "too_large" => Severity::Error,
        /// An iPhone HEIC/HEIF photo.
        HeicNotAccepted = "heic_not_accepted" => Severity::Error,
        /// Not PDF, JPEG or PNG.
        UnsupportedFormat = "unsupported_format" => Severity::Error,
        /// The name's extension says another format than the content.
        ExtensionMismatch = "extension_mismatch" => Severity::Warning,
        /// A JPEG or PNG that is damaged or cut short.
        ImageDamaged = "image_damaged" => Severity::Error,
        /// A JPEG that stops without its end marker: browsers refuse it, libjpeg decodes it.
        ImageEndMissing = "image_end_missing" => Severity::Warning,
        /// Too few pixels to be read.
        ImageTooSmall = "image_too_small" => Severity::Warning,
        /// A JPEG in CMYK colours, which some viewers show wrongly.
        ImageCmyk = "image_cmyk" => Severity::Warning,
        /// A 12-bit JPEG, which browsers cannot show.
        Image12Bit = "image12_bit" => Severity::Error,
        /// An arithmetic-coded JPEG, which browsers cannot show.
        ImageArithmetic = "image_arithmetic" => Severity::Error,
        /// More pixels than browsers show or this tool can shrink.
        ImageTooManyPixels = "image_too_many_pixels" => Severity::Warning,
        /// An animated PNG.
        ImageAnimated = "image_animated" => Severity::Warning,
        /// The photo is stored sideways and turned by its EXIF orientation.
        ImageRotated = "image_rotated" => Severity::Info,
        /// The photo looks blurred (on decoded pixels, see [`quality`]).
        ImageBlurred = "image_blurred" => Severity::Warning,
        /// The photo is too dark.
        ImageDark = "image_dark" => Severity::Warning,
        /// Large parts of the photo are washed out to white.
        ImageOverexposed = "image_overexposed" => Severity::Warning,
        /// The text hardly stands out from the background.
        ImageLowContrast = "image_low_contrast" => Severity::Warning,
        /// The file name suggests another document than the slot's.
        NameSuggestsOther = "name_suggests_other" => Severity::Warning,
        /// A PDF that needs a password to open.
        PdfEncrypted = "pdf_encrypted" => Severity::Error,
        /// A PDF protected against editing or printing only: it opens without a password.
        PdfPermissionsOnly = "pdf_permissions_only" => Severity::Warning,
        /// A PDF that readers cannot open.
        PdfDamaged = "pdf_damaged" => Severity::Error,
        /// A PDF that readers open only by repairing it (a broken or missing index, missing
        /// pages): they may differ on it.
        PdfRepaired = "pdf_repaired" => Severity::Warning,
        /// A certificate or RIB whose text could not be read: its content was not checked.
        PdfTextUnreadable = "pdf_text_unreadable" => Severity::Warning,
        /// A PDF with no page.
        PdfNoPages = "pdf_no_pages" => Severity::Error,
        /// A PDF with many more pages than the document should have.
        PdfManyPages = "pdf_many_pages" => Severity::Warning,
        /// A PDF made of images only (a scan): fine, but its text cannot be checked.
        PdfScanOnly = "pdf_scan_only" => Severity::Info,
        /// The same file is already in another slot.
        DuplicateFile = "duplicate_file" => Severity::Error,
        /// The certificate names an earlier academic year, not the current one.
        CertificateOldYear = "certificate_old_year" => Severity::Error,
        /// An admission letter or a pre-registration, not the certificate of enrolment.
        CertificateIsAdmission = "certificate_is_admission" => Severity::Error,
        /// The certificate's text names no academic year we recognise.
        CertificateYearNotFound = "certificate_year_not_found" => Severity::Warning,
        /// The student's last name is not in the document's text.
        NameNotFound = "name_not_found" => Severity::Warning,
        /// A RIB whose text names another holder than the student (a parent, a host).
        RibOtherName = "rib_other_name" => Severity::Error,
        /// A RIB whose text has not the student's last name and names no holder we can find.
        RibNameNotFound = "rib_name_not_found" => Severity::Error,
        /// The RIB's text mentions an IBAN, but none passes its checks.
        IbanInvalid = "iban_invalid" => Severity::Error,
        /// The RIB's text holds no IBAN.
        IbanNotFound = "iban_not_found" => Severity::Warning,
        /// The IBAN is of an account outside the SEPA area.
        IbanNotSepa = "iban_not_sepa" => Severity::Warning,
        /// The RIB's text has no BIC (an IBAN alone is what the portal asks; a RIB shows both).
        BicNotFound = "bic_not_found" => Severity::Info,
        /// The code after the RIB's "BIC" label is not a BIC.
        BicInvalid = "bic_invalid" => Severity::Warning,
        /// The BIC is of a bank in another country than the IBAN's.
        BicCountryMismatch = "bic_country_mismatch" => Severity::Warning,
    }
    /// How serious the problem is.
    data fn severity -> Severity;
    messages {
        title = "file." code ".title",
        detail = "file." code ".detail",
        fix = "file." code ".fix",
    }
}

impl Problem {
    /// Whether the problem keeps browsers from showing the image's pixels (so no preview, no
    /// quality analysis, no re-encoding, no embedding as is).
    #[must_use]
    pub const fn hides_pixels(self) -> bool {
        matches!(self, Problem::ImageDamaged | Problem::Image12Bit | Problem::ImageArithmetic)
    }

    /// The catalog's words for this problem on a file of `format`: title, detail and fix; a
    /// refused format's fix says how to convert that format.
    #[must_use]
    pub const fn messages(self, format: Format) -> (Msg, Msg, Msg) {
        // "Make it smaller" is a button for photos only.
        let fix = match (self, format.conversion().fix()) {
            (Problem::UnsupportedFormat, Some(how)) => how,
            (Problem::TooLarge, _) => match format {
                Format::Jpeg | Format::Png => self.fix(),
                Format::Pdf => Msg::FileTooLargeFixPdf,
                _ => Msg::FileTooLargeFixOther,
            },
            _ => self.fix(),
        };
        (self.title(), self.detail(), fix)
    }
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
    /// The account holder a RIB names, when it is not the student.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// The country code of the IBAN a RIB shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iban_country: Option<String>,
    /// The BIC a RIB shows, or the code after its "BIC" label that is not one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bic: Option<String>,
    /// A hash of the bytes, to find the same file in two slots.
    #[serde(skip)]
    pub fingerprint: Fingerprint,
}

/// XXH3-128 of a file's bytes. It finds the same file chosen twice, not a forgery: nobody
/// gains from two different files that collide, so a fast non-cryptographic hash serves (in
/// wasm it reads a 5 MB scan in a few milliseconds, where SHA-256 took about 45). Written as
/// 32 lower-case hex digits where it must travel as text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(pub u128);

/// The fingerprint of some bytes.
#[must_use]
pub fn fingerprint(bytes: &[u8]) -> Fingerprint {
    Fingerprint(xxhash_rust::xxh3::xxh3_128(bytes))
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

impl std::str::FromStr for Fingerprint {
    type Err = ();

    /// Exactly 32 hex digits, as [`Display`](std::fmt::Display) writes (`from_str_radix` alone
    /// would also take a sign or fewer digits).
    fn from_str(s: &str) -> Result<Self, ()> {
        if s.len() != 32 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(());
        }
        u128::from_str_radix(s, 16).map(Fingerprint).map_err(|_| ())
    }
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

crate::vocabulary! {
    /// The overall verdict; its headline is the catalog's `verdict.<code>`.
    pub enum Verdict as "verdict" {
        /// Nothing to fix.
        Ok = "ok",
        /// Look again, but the portal should take it.
        Warning = "warning",
        /// Fix it before uploading.
        Error = "error",
    }
    messages {
        headline = "verdict." code,
    }
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

    /// The image's decoder (the browser's, or the command line's) refused it, or gave fewer
    /// pixels than the header announces: damaged, with the same words as a broken structure.
    pub fn undecodable(&mut self) {
        // Damage says more than an end marker missing.
        self.problems.retain(|p| p.code != Problem::ImageEndMissing);
        if !self.has(Problem::ImageDamaged) {
            self.problems.push(Finding { code: Problem::ImageDamaged, severity: Severity::Error });
            self.problems.sort_by_key(|p| std::cmp::Reverse(p.severity));
        }
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
    /// Whether the visa's file may stand in the residence permit's slot too: where the visa is
    /// the residence permit, a validated VLS-TS ([`Held::visa_again`]); not for a card, a
    /// receipt, or an Algerian student's visa.
    ///
    /// [`Held::visa_again`]: crate::residence::Held::visa_again
    pub visa_again: bool,
}

impl Context<'static> {
    /// A context with only the slot and its limit: no other files, no names, no year, and the
    /// common case's visa (a VLS-TS, which may stand for the residence permit).
    #[must_use]
    pub const fn plain(doc: DocumentId, size_limit: u64) -> Self {
        Context {
            doc,
            size_limit,
            others: &[],
            student: None,
            academic_year: None,
            visa_again: true,
        }
    }
}

/// Whether the same file may stand in both slots: the portal lets students upload their
/// student visa again as the residence permit (DOMAIN.md §3) where the visa is one.
const fn may_repeat(a: DocumentId, b: DocumentId, visa_again: bool) -> bool {
    visa_again
        && matches!(
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

/// Images with more pixels than this are neither decoded here (the command line) nor shown or
/// shrunk well by browsers (a 100-megapixel bitmap is 400 MB).
pub const MAX_SHOWN_PIXELS: u64 = 100_000_000;

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
        *print == facts.fingerprint && *doc != ctx.doc && !may_repeat(*doc, ctx.doc, ctx.visa_again)
    }) {
        add(Problem::DuplicateFile);
    }
    facts.named_like =
        named_like(name).filter(|d| *d != ctx.doc && !may_repeat(*d, ctx.doc, ctx.visa_again));
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
    let too_many = |w: Option<u32>, h: Option<u32>| {
        u64::from(w.unwrap_or(0)) * u64::from(h.unwrap_or(0)) > MAX_SHOWN_PIXELS
    };
    match format {
        Format::Png => {
            let report = png::check(bytes);
            facts.width = report.width;
            facts.height = report.height;
            if too_many(report.width, report.height)
                && !report.problems.contains(&Problem::ImageDamaged)
            {
                add(Problem::ImageTooManyPixels);
            }
            report.problems.into_iter().for_each(&mut add);
        }
        Format::Jpeg => {
            let report = jpeg::check(bytes);
            facts.width = report.width;
            facts.height = report.height;
            facts.orientation = report.orientation;
            if too_many(report.width, report.height)
                && !report.problems.contains(&Problem::ImageDamaged)
            {
                add(Problem::ImageTooManyPixels);
            }
            report.problems.into_iter().for_each(&mut add);
        }
        Format::Pdf => {
            let reads_content =
                matches!(ctx.doc, DocumentId::CertificateOfStudies | DocumentId::Rib);
            let report = pdf::check(bytes, reads_content);
            facts.pages = report.pages;
            facts.encrypted = Some(report.encryption != pdf::Encryption::None);
            facts.text_layer = report.text_layer;
            if report.text_layer == Some(false) {
                add(Problem::PdfScanOnly);
            }
            // A content check that cannot run says so: never a silent pass. (A scan already
            // says its text could not be checked; a file that needs a password, nothing.)
            let readable = report.encryption != pdf::Encryption::NeedsPassword && !report.damaged;
            if reads_content && readable && report.text_layer != Some(false) {
                match report.text.filter(|t| content::readable(t)) {
                    Some(text) => {
                        let found =
                            content::check(ctx.doc, &text, ctx.student.as_ref(), ctx.academic_year);
                        facts.holder = found.holder;
                        facts.iban_country = found.iban_country;
                        facts.bic = found.bic;
                        found.problems.into_iter().for_each(&mut add);
                    }
                    None => add(Problem::PdfTextUnreadable),
                }
            }
            match report.encryption {
                pdf::Encryption::NeedsPassword => add(Problem::PdfEncrypted),
                pdf::Encryption::PermissionsOnly => add(Problem::PdfPermissionsOnly),
                pdf::Encryption::None => {}
            }
            if report.repaired {
                add(Problem::PdfRepaired);
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
        let card_holder = Context { visa_again: false, ..as_permit };
        assert!(
            inspect("visa.png", &png, &card_holder).has(Problem::DuplicateFile),
            "a card, a receipt or an Algerian's visa D: the visa does not stand for it"
        );
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
            assert_eq!(Problem::from_code(code.code()), Some(code));
        }
        for format in Format::ALL {
            let json = serde_json::to_string(&format).unwrap();
            assert_eq!(format!("\"{}\"", format.code()), json);
            assert_eq!(Format::from_code(format.code()), Some(format));
        }
        assert_eq!(Problem::from_code("too large"), None);
        assert_eq!(Format::from_code(""), None);
    }

    /// The codes are a contract (the command line's output, the page's `data-code`, the
    /// worker's messages): this list changes only on purpose.
    #[test]
    fn the_codes_are_the_published_ones() {
        assert_eq!(
            Problem::CODES.join(" "),
            "empty_file too_large heic_not_accepted unsupported_format extension_mismatch \
             image_damaged image_end_missing image_too_small image_cmyk image12_bit image_arithmetic image_too_many_pixels image_animated \
             image_rotated image_blurred image_dark image_overexposed image_low_contrast \
             name_suggests_other pdf_encrypted pdf_permissions_only pdf_damaged pdf_repaired pdf_text_unreadable pdf_no_pages \
             pdf_many_pages pdf_scan_only duplicate_file certificate_old_year certificate_is_admission \
             certificate_year_not_found name_not_found rib_other_name rib_name_not_found iban_invalid \
             iban_not_found iban_not_sepa bic_not_found bic_invalid bic_country_mismatch"
        );
        assert_eq!(
            Format::CODES.join(" "),
            "pdf jpeg png heic webp avif gif tiff bmp docx doc odt zip text html unknown"
        );
        assert_eq!(Severity::CODES, ["info", "warning", "error"]);
        assert_eq!(Verdict::CODES, ["ok", "warning", "error"]);
    }

    #[test]
    fn fingerprints_read_back_from_their_text_and_nothing_else_does() {
        let print = fingerprint(b"a passport scan");
        assert_eq!(print.to_string().len(), 32);
        assert_eq!(print.to_string().parse(), Ok(print));
        assert_eq!(Fingerprint(1).to_string(), format!("{}1", "0".repeat(31)));
        for bad in [
            "",
            "zz",
            &"g".repeat(32),
            &"0".repeat(31),
            &"0".repeat(33),
            "+0000000000000000000000000000001",
        ] {
            assert!(bad.parse::<Fingerprint>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn verdicts_rank_errors_over_warnings_over_info() {
        let jpeg = jpeg::tests::jpeg(0xC0, 8, 300, 200, 3, None);
        let report = inspect("id.jpg", &jpeg, &ctx());
        assert_eq!(report.verdict(), Verdict::Warning);
        assert_eq!(report.facts.width, Some(300));
        let kids: String = (3..43).map(|n| format!("{n} 0 R ")).collect();
        let mut objects = vec![
            "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
            format!("<< /Type /Pages /Kids [{kids}] >>"),
        ];
        objects.extend((3..43).map(|_| "<< /Type /Page /Parent 2 0 R >>".to_owned()));
        let objects: Vec<&str> = objects.iter().map(String::as_str).collect();
        let report = inspect("id.pdf", &pdf::document::tests::with_xref(&objects), &ctx());
        assert_eq!((report.facts.pages, report.verdict()), (Some(40), Verdict::Warning));
        assert!(report.has(Problem::PdfManyPages));
    }
}
