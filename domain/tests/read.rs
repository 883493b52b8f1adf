//! `precheck file` reads photos and scans with the models `scripts/install-tools.sh` installs:
//! ICAO Doc 9303's specimen passport, identity card and visa, set in OCR-B and photographed
//! (turned 3° and 12°, upside down and sideways, blurred, noisy, dim, JPEG down to quality 45),
//! and a RIB. The exact values read are asserted. `make test` installs the models first.

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
