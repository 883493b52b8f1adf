//! `precheck file` reads photos and scans with the models `scripts/install-tools.sh` installs:
//! ICAO Doc 9303's specimen passport, identity card and visa, set in OCR-B and photographed
//! (turned 3° and 12°, upside down and sideways, blurred, noisy, dim, JPEG down to quality 45),
//! and a RIB. The exact values read are asserted. `make test` installs the models first.
//!
//! Then the photographed set of `specimens/photos/` (`scripts/make-photos.py`; `photos.tsv`
//! says what each photo holds): ten documents in every layout of the zone, ICAO's and our own,
//! each photographed three ways (perspective, turned up to 15°, blur, noise, low light, JPEG
//! down to quality 35, phones' 8 and 12 MP, upside down, sideways), and certificates, RIBs and
//! birth certificates in Chinese, Arabic and Russian photographed the same way.

use std::path::Path;
use std::process::Command;

fn specimen(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specimens").join(name).display().to_string()
}

/// `precheck file` on one specimen: its JSON line.
fn read(doc: &str, name: &str, extra: &[&str]) -> serde_json::Value {
    let file = specimen(name);
    let mut args = vec!["file", "--doc", doc, "--today", "2026-12-04"];
    args.extend_from_slice(extra);
    args.push(&file);
    let out = Command::new(env!("CARGO_BIN_EXE_precheck")).args(&args).output().expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("not read"), "the reading models are installed: {stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(stdout.lines().next().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

const TD3: [&str; 2] = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
];

#[test]
fn the_specimen_passport_is_read_exactly_however_it_was_photographed() {
    for name in ["passport.png", "passport-photo.jpg", "passport-turned.jpg", "passport-dim.jpg"] {
        let json = read("identity", name, &[]);
        let read = &json["read"];
        let mrz = &read["mrz"];
        assert_eq!(mrz["lines"], serde_json::json!(TD3), "{name}");
        for (key, value) in [
            ("format", "TD3"),
            ("document_code", "P"),
            ("issuer", "UTO"),
            ("surname", "ERIKSSON"),
            ("given_names", "ANNA MARIA"),
            ("number", "L898902C3"),
            ("nationality", "UTO"),
            ("birth_date", "1974-08-12"),
            ("sex", "F"),
            ("expiry_date", "2012-04-15"),
        ] {
            assert_eq!(mrz[key], value, "{name}: {key}");
        }
        assert_eq!(mrz["check_digits_ok"], true, "{name}");
        assert_eq!(
            (read["text_found"].clone(), read["script"].clone()),
            (true.into(), "latin".into()),
            "{name}"
        );
        assert!(read.get("iban").is_none(), "{name}: no IBAN on a passport");
        assert_eq!(read["orientation"], "upright", "{name}");
    }
}

#[test]
fn a_page_photographed_upside_down_or_sideways_is_named_so_and_still_read() {
    for (name, orientation) in
        [("passport-upside-down.jpg", "upside_down"), ("passport-sideways.jpg", "turned_left")]
    {
        let json = read("identity", name, &[]);
        assert_eq!(json["read"]["orientation"], orientation, "{name}");
        assert_eq!(json["read"]["mrz"]["lines"], serde_json::json!(TD3), "{name}");
        assert_eq!(json["read"]["mrz"]["check_digits_ok"], true, "{name}");
    }
}

#[test]
fn the_identity_card_and_the_visa_are_read_in_their_layouts() {
    let card = read("residence_permit", "id-card.png", &[]);
    let mrz = &card["read"]["mrz"];
    assert_eq!((mrz["format"].as_str(), mrz["number"].as_str()), (Some("TD1"), Some("D23145890")));
    assert_eq!(mrz["check_digits_ok"], true);
    let visa = read("visa", "visa.png", &[]);
    let mrz = &visa["read"]["mrz"];
    assert_eq!(mrz["format"], "MRV-A");
    assert_eq!(
        (mrz["document_code"].as_str(), mrz["number"].as_str()),
        (Some("V"), Some("L8988901C"))
    );
    assert_eq!(
        (mrz["birth_date"].as_str(), mrz["expiry_date"].as_str()),
        (Some("1940-09-07"), Some("1996-12-10"))
    );
    assert_eq!(mrz["check_digits_ok"], true);
}

#[test]
fn a_photographed_rib_gives_its_iban_and_bic() {
    let json = read("rib", "rib.jpg", &[]);
    assert_eq!(json["read"]["iban"], "FR1420041010050500013M02606");
    assert_eq!(json["read"]["bic"], "PSSTFRPPPAR");
    assert!(json["read"].get("mrz").is_none());
}

#[test]
fn what_the_zone_says_is_compared_with_the_form() {
    let dir = std::env::temp_dir().join(format!("precheck-read-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let form = dir.join("form.json");
    std::fs::write(
        &form,
        r#"{"title": "Mme", "last_name": "Eriksson", "first_name": "Anna Maria",
            "birth_date": "1974-08-12", "rights_start_date": "2026-09-01"}"#,
    )
    .unwrap();
    let json = read("identity", "passport-photo.jpg", &["--form", form.to_str().unwrap()]);
    // The names and the date of birth match; the specimen expired in 2012.
    assert_eq!(
        json["read"]["findings"],
        serde_json::json!([{"code": "expired", "on": "2012-04-15"}])
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_scanned_pdf_is_read_from_its_pages_pictures() {
    // A scan: the photographed passport and the RIB as the pages of one PDF, no text layer.
    let photo = std::fs::read(specimen("passport-photo.jpg")).unwrap();
    let rib = std::fs::read(specimen("rib.jpg")).unwrap();
    let pdf = secu_precheck_domain::make::pdf::from_jpegs(&[&photo, &rib]).unwrap();
    let dir = std::env::temp_dir().join(format!("precheck-scan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("scan.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_precheck"))
        .args(["file", "--doc", "identity", "--today", "2026-12-04"])
        .arg(&path)
        .output()
        .unwrap();
    let json: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).trim()).unwrap();
    assert_eq!(json["text_layer"], false, "a scan: {json}");
    let read = &json["read"];
    assert_eq!(read["mrz"]["lines"], serde_json::json!(TD3));
    assert_eq!(read["mrz"]["check_digits_ok"], true);
    assert_eq!(read["iban"], "FR1420041010050500013M02606", "the second page is read too");
    assert_eq!(read["orientation"], "upright");
    std::fs::remove_dir_all(&dir).ok();
}

/// One row of `photos.tsv`: the file, its box, what it holds, how it was photographed.
struct Photo {
    file: String,
    doc: String,
    holds: String,
    way: String,
}

fn photos() -> Vec<Photo> {
    let manifest = std::fs::read_to_string(specimen("photos/photos.tsv")).unwrap();
    manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Photo { file: f[0].into(), doc: f[1].into(), holds: f[2].into(), way: f[3].into() }
        })
        .collect()
}

#[test]
fn the_zone_of_every_photographed_specimen_is_read_with_its_check_digits() {
    let (mut exact, mut zones, mut missed) = (0, 0, Vec::new());
    for photo in photos() {
        let Some((format, lines)) = photo.holds.split_once(':') else { continue };
        zones += 1;
        let json = read(&photo.doc, &format!("photos/{}", photo.file), &[]);
        let mrz = &json["read"]["mrz"];
        let lines: Vec<&str> = lines.split('|').collect();
        let valid = mrz["check_digits_ok"] == true;
        let same = mrz["lines"] == serde_json::json!(lines) && mrz["format"] == format;
        // Never a false reading: a zone whose check digits hold is the zone, names included.
        assert!(!valid || same, "{} ({}): read {mrz}", photo.file, photo.way);
        if valid && same {
            exact += 1;
        } else {
            missed.push(format!("{} ({}): {mrz}", photo.file, photo.way));
        }
    }
    assert_eq!(zones, 30, "ten documents, three photos each");
    // The issue's bar: 95 % of the photographed specimens (today all of them read).
    assert!(exact * 100 >= zones * 95, "{exact}/{zones} read; missed: {missed:#?}");
}

#[test]
fn photographed_certificates_ribs_and_birth_certificates_say_what_they_hold() {
    let mut texts = 0;
    for photo in photos() {
        if photo.holds.contains(':') {
            continue;
        }
        texts += 1;
        let json = read(&photo.doc, &format!("photos/{}", photo.file), &[]);
        let read = &json["read"];
        assert_eq!(read["text_found"], true, "{}", photo.file);
        assert_eq!(read["orientation"], "upright", "{}", photo.file);
        for fact in photo.holds.split(';') {
            let (key, value) = fact.split_once('=').unwrap();
            assert_eq!(read[key], value, "{} ({}): {key} in {read}", photo.file, photo.way);
        }
        if !photo.holds.contains("script=") {
            assert_eq!(read["script"], "latin", "{}", photo.file);
        }
    }
    assert_eq!(texts, 9);
}

/// The codes of what `precheck file` says of a photo read with a form.
fn said(doc: &str, photo: &str, form: &str) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("precheck-said-{}-{photo}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("form.json");
    std::fs::write(&path, form).unwrap();
    let json = read(doc, &format!("photos/{photo}"), &["--form", path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    json["read"]["said"]
        .as_array()
        .unwrap_or_else(|| panic!("{photo}: {json}"))
        .iter()
        .map(|s| s["code"].as_str().unwrap().to_owned())
        .collect()
}

const BENALI: &str = r#"{"title": "M.", "last_name": "Benali", "first_name": "Youssef",
    "birth_date": "2004-03-15", "nationality": "MA", "rights_start_date": "2026-09-01"}"#;
const ZHANG: &str = r#"{"title": "Mme", "last_name": "Zhang", "first_name": "Wei",
    "birth_date": "2003-11-02", "nationality": "CN", "rights_start_date": "2026-09-01"}"#;

#[test]
fn a_photographed_rib_names_its_holder_and_one_in_another_name_is_said() {
    for photo in ["rib-perspective.jpg", "rib-low-light.jpg"] {
        assert_eq!(said("rib", photo, BENALI), Vec::<String>::new(), "{photo}: Benali's own RIB");
        assert_eq!(said("rib", photo, ZHANG), ["rib_name_not_found"], "{photo}: not Zhang's");
    }
}

#[test]
fn a_photographed_certificate_names_the_student_and_an_admission_letter_is_said() {
    assert_eq!(
        said("certificate_of_studies", "certificate-perspective.jpg", ZHANG),
        Vec::<String>::new()
    );
    assert_eq!(
        said("certificate_of_studies", "certificate-last-year-tilted.jpg", ZHANG),
        ["other_academic_year"]
    );
    assert_eq!(
        said("certificate_of_studies", "certificate-phone-12mp.jpg", BENALI),
        ["certificate_name_not_found"]
    );
    assert_eq!(said("certificate_of_studies", "admission-flat.jpg", BENALI), ["admission_letter"]);
}

#[test]
fn a_birth_certificate_in_a_script_the_reader_does_not_know_is_said_to_need_its_translation() {
    // Chinese, which the reader knows; Arabic and Russian, which it reads as Latin letters in
    // no language's order.
    assert_eq!(
        said("birth_certificate", "birth-certificate-zh-flat.jpg", BENALI),
        ["other_script"]
    );
    for photo in ["birth-certificate-ar-perspective.jpg", "birth-certificate-ru-tilted.jpg"] {
        assert_eq!(said("birth_certificate", photo, BENALI), ["no_latin_words"], "{photo}");
    }
}

#[test]
fn a_photographed_french_student_visa_gives_its_category_and_matches_the_form() {
    let json = read("visa", "photos/france-visa-perspective.jpg", &[]);
    assert_eq!(json["read"]["visa_category"], "VLS-TS ÉTUDIANT");
    assert_eq!(said("visa", "france-visa-perspective.jpg", ZHANG), Vec::<String>::new());
    // The same visa against another student's form: every difference named.
    assert_eq!(
        said("visa", "france-visa-phone-8mp.jpg", BENALI),
        [
            "last_name_differs",
            "first_name_differs",
            "birth_date_differs",
            "nationality_differs",
            "title_differs_from_sex"
        ]
    );
}
