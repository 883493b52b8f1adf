//! The `precheck` binary: `--help`, `--version`, `checklist` and `situations`, with exit code 2
//! and a message on stderr for bad usage.
#![cfg(feature = "cli")]

use std::process::Command;

fn precheck(args: &[&str]) -> (i32, String, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_precheck")).args(args).output().expect("run precheck");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn version_prints_the_crate_version() {
    let (code, stdout, _) = precheck(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.trim(), format!("precheck {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_says_what_it_is_and_that_it_is_independent() {
    let (code, stdout, _) = precheck(&["--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Usage: precheck"), "{stdout}");
    assert!(stdout.contains("etudiant-etranger.ameli.fr"), "{stdout}");
    assert!(stdout.contains("independent tool"), "{stdout}");
    assert!(stdout.contains("checklist") && stdout.contains("situations"), "{stdout}");
}

#[test]
fn checklist_prints_one_json_object() {
    let cases = [
        (
            vec!["--situation", "non_eu", "--ready", "identity,rib"],
            r#"{"outcome":"register","provisional":["certificate_of_studies","identity","visa"],"final":["birth_certificate","residence_permit","rib"],"missing_for_provisional":["certificate_of_studies","visa"],"missing_for_final":["birth_certificate","residence_permit"],"residence":{"choices":["vls_ts","card","receipt","aps"],"held":null,"visa_again":true}}"#,
        ),
        (
            vec!["--situation", "non_eu", "--residence", "card", "--today", "2026-12-03"],
            r#"{"outcome":"register","provisional":["certificate_of_studies","identity","visa"],"final":["birth_certificate","residence_permit","rib"],"missing_for_provisional":["certificate_of_studies","identity","visa"],"missing_for_final":["birth_certificate","residence_permit","rib"],"residence":{"choices":["vls_ts","card","receipt","aps"],"held":"card","visa_again":false}}"#,
        ),
        (
            vec!["--situation", "non_eu_vls_t", "--ready", "visa"],
            r#"{"outcome":"register","provisional":["certificate_of_studies","identity","visa"],"final":[],"missing_for_provisional":["certificate_of_studies","identity"],"missing_for_final":[]}"#,
        ),
        (
            vec!["--situation", "eu_with_ehic"],
            r#"{"outcome":"no_registration_needed","provisional":[],"final":[],"missing_for_provisional":[],"missing_for_final":[]}"#,
        ),
        (
            vec!["--situation", "cpam_route"],
            r#"{"outcome":"no_registration_needed","provisional":[],"final":[],"missing_for_provisional":[],"missing_for_final":[]}"#,
        ),
        (
            vec!["--situation", "uk_with_ghic"],
            r#"{"outcome":"no_registration_needed","provisional":[],"final":[],"missing_for_provisional":[],"missing_for_final":[]}"#,
        ),
        (
            vec!["--situation", "quebec", "--birth-date", "2011-03-02", "--today", "2026-11-27"],
            r#"{"outcome":"register","provisional":["certificate_of_studies","identity","visa","quebec_form","parental_authorisation"],"final":["birth_certificate","rib"],"missing_for_provisional":["certificate_of_studies","identity","visa","quebec_form","parental_authorisation"],"missing_for_final":["birth_certificate","rib"]}"#,
        ),
        (
            vec!["--situation", "quebec", "--birth-date", "2010-11-27", "--today", "2026-11-27"],
            r#"{"outcome":"register","provisional":["certificate_of_studies","identity","visa","quebec_form"],"final":["birth_certificate","rib"],"missing_for_provisional":["certificate_of_studies","identity","visa","quebec_form"],"missing_for_final":["birth_certificate","rib"]}"#,
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["checklist"];
        all.extend(&args);
        let (code, stdout, stderr) = precheck(&all);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert_eq!(stdout.trim(), expected, "{args:?}");
        assert_eq!(stdout.lines().count(), 1);
    }
}

#[test]
fn bad_usage_exits_2_with_a_message_on_stderr() {
    let cases: [(&[&str], &str); 9] = [
        (&["--no-such-flag"], "--no-such-flag"),
        (&["checklist"], "--situation"),
        (&["checklist", "--situation", "mars"], "unknown situation \"mars\""),
        (
            &["checklist", "--situation", "non_eu", "--ready", "identity,passport"],
            "unknown document \"passport\"",
        ),
        (&["checklist", "--situation", "non_eu", "--birth-date", "2001-02-30"], "does not exist"),
        (&["checklist", "--situation", "non_eu", "--today", "27/11/2026"], "YYYY-MM-DD"),
        (
            &["checklist", "--situation", "algeria", "--residence", "vls_ts"],
            "does not offer residence vls_ts (its choices: algerian_certificate, receipt, not_yet)",
        ),
        (&["checklist", "--situation", "quebec", "--residence", "moon"], "unknown residence"),
        (
            &[
                "checklist",
                "--situation",
                "non_eu",
                "--birth-date",
                "2030-01-01",
                "--today",
                "2026-11-27",
            ],
            "after",
        ),
    ];
    for (args, needle) in cases {
        let (code, stdout, stderr) = precheck(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
    }
}

#[test]
fn situations_lists_every_id_with_its_name() {
    let (code, stdout, _) = precheck(&["situations"]);
    assert_eq!(code, 0);
    let ids: Vec<&str> = stdout.lines().filter_map(|l| l.split('\t').next()).collect();
    assert_eq!(
        ids,
        [
            "non_eu",
            "non_eu_vls_t",
            "eu_with_ehic",
            "eu_without_ehic",
            "eu_s1",
            "quebec",
            "quebec_vls_t",
            "quebec_algeria",
            "quebec_visa_exempt",
            "french_overseas",
            "algeria",
            "visa_exempt",
            "uk_with_ghic",
            "french_not_concerned",
            "already_numbered",
            "cpam_route"
        ]
    );
    assert!(
        stdout.contains("non_eu\tStudent from outside the EU, the EEA and Switzerland"),
        "{stdout}"
    );
    let (_, french, _) = precheck(&["situations", "--lang", "fr"]);
    assert!(french.contains("algeria\tÉtudiant algérien"), "{french}");
}

#[test]
fn checklist_asks_no_visa_of_andorra_monaco_san_marino_or_the_vatican() {
    let (code, stdout, _) =
        precheck(&["checklist", "--situation", "visa_exempt", "--today", "2026-12-02"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["provisional"], serde_json::json!(["certificate_of_studies", "identity"]));
    assert_eq!(json["final"], serde_json::json!(["birth_certificate", "residence_permit", "rib"]));
}

#[test]
fn checklist_answers_for_each_quebec_student_by_visa() {
    let cases = [
        (
            "quebec",
            &["certificate_of_studies", "identity", "visa", "quebec_form"][..],
            &["birth_certificate", "rib"][..],
        ),
        ("quebec_vls_t", &["certificate_of_studies", "identity", "visa", "quebec_form"], &[]),
        (
            "quebec_algeria",
            &["certificate_of_studies", "identity", "visa", "quebec_form"],
            &["birth_certificate", "rib"],
        ),
        (
            "quebec_visa_exempt",
            &["certificate_of_studies", "identity", "quebec_form"],
            &["birth_certificate", "rib"],
        ),
    ];
    for (situation, provisional, final_) in cases {
        let (code, stdout, stderr) =
            precheck(&["checklist", "--situation", situation, "--today", "2026-12-04"]);
        assert_eq!(code, 0, "{situation}: {stderr}");
        let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(json["provisional"], serde_json::json!(provisional), "{situation}");
        assert_eq!(json["final"], serde_json::json!(final_), "{situation}");
    }
}

fn precheck_stdin(args: &[&str], stdin: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_precheck"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run precheck");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const GOOD_FORM: &str = r#"{
  "title": "Mme", "last_name": "N’Diaye", "first_name": "Awa", "birth_date": "2003-05-14",
  "nationality": "SN", "birth_country": "Sénégal", "rights_start_date": "2026-09-01",
  "street_number": "12", "street_complement": "bis", "lane_type": "rue",
  "street_name": "de la  Paix", "address_extra": "", "postcode": "75 002", "town": "Paris",
  "email": "awa.ndiaye@gmail.com", "email_confirmation": "awa.ndiaye@gmail.com",
  "phone": "+33 6 12 34 56 78"
}"#;

#[test]
fn fields_prints_a_report_and_exits_0_when_valid() {
    let (code, stdout, stderr) =
        precheck_stdin(&["fields", "-", "--today", "2026-11-27"], GOOD_FORM);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON object");
    assert_eq!(json["valid"], true);
    assert_eq!(json["errors"], serde_json::json!([]));
    assert_eq!(json["warnings"], serde_json::json!([]));
    let n = &json["normalised"];
    assert_eq!(n["last_name"], "N'Diaye");
    assert_eq!(n["birth_country"], "SN");
    assert_eq!(n["street_name"], "de la Paix");
    assert_eq!(n["postcode"], "75002");
    assert_eq!(n["phone"], "06 12 34 56 78");
    assert_eq!(n["title"], "Mme");
}

#[test]
fn fields_lists_errors_and_warnings_and_exits_1() {
    let form = GOOD_FORM
        .replace(
            "awa.ndiaye@gmail.com\", \"email_confirmation\": \"awa.ndiaye@gmail.com",
            "awa@gmial.com\", \"email_confirmation\": \"awa@gmail.com",
        )
        .replace("\"N’Diaye\"", "\"N'Diaye2\"")
        .replace("+33 6 12 34 56 78", "+44 7911 123456");
    let dir = std::env::temp_dir().join(format!("precheck-fields-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("form.json");
    std::fs::write(&file, form).unwrap();
    let (code, stdout, _) = precheck(&["fields", file.to_str().unwrap(), "--today", "2026-11-27"]);
    assert_eq!(code, 1, "{stdout}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["valid"], false);
    assert_eq!(
        json["errors"],
        serde_json::json!([
            {"field": "last_name", "code": "invalid_characters"},
            {"field": "email_confirmation", "code": "email_mismatch"}
        ])
    );
    assert_eq!(
        json["warnings"],
        serde_json::json!([
            {"field": "email", "code": "email_domain_typo", "suggestion": "awa@gmail.com"},
            {"field": "phone", "code": "phone_not_french"}
        ])
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn fields_exits_2_on_unreadable_input() {
    for (stdin, needle) in [
        ("not json", "not a JSON object"),
        ("{\"shoe_size\": \"42\"}", "shoe_size"),
        ("[]", "not a JSON object"),
    ] {
        let (code, stdout, stderr) = precheck_stdin(&["fields", "--today", "2026-11-27"], stdin);
        assert_eq!(code, 2, "{stdin}");
        assert!(stdout.is_empty());
        assert!(stderr.contains(needle), "{stdin}: {stderr}");
    }
    let (code, _, stderr) = precheck(&["fields", "/no/such/file.json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read"), "{stderr}");
}

#[test]
fn a_foreign_student_born_in_france_is_warned_of_the_number_given_at_birth() {
    let check = |nationality: &str, birth: &str| {
        let form = GOOD_FORM
            .replace("\"nationality\": \"SN\"", &format!("\"nationality\": {nationality:?}"))
            .replace("\"birth_country\": \"Sénégal\"", &format!("\"birth_country\": {birth:?}"));
        let (code, stdout, _) = precheck_stdin(&["fields", "--today", "2026-11-27"], &form);
        assert_eq!(code, 0, "a warning, not an error: {stdout}");
        let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        json["warnings"].clone()
    };
    assert_eq!(
        check("SN", "France"),
        serde_json::json!([{"field": "birth_country", "code": "born_in_france"}])
    );
    assert_eq!(check("SN", "Sénégal"), serde_json::json!([]));
    // A French national born in France is another question (the situation step asks it).
    assert_eq!(check("FR", "France"), serde_json::json!([]));
}

#[test]
fn fields_checks_postcodes_and_towns_against_the_base() {
    let cases = [
        (("93200", "St Denis"), Ok("Saint-Denis")),
        (("75021", "Paris"), Err(("postcode", "unknown_postcode", None))),
        (("93200", "Lyon"), Err(("town", "town_not_in_postcode", Some("Saint-Denis")))),
        (("75005", "Lyon"), Err(("town", "town_not_in_postcode", None))),
    ];
    // A name the base does not know anywhere (the former commune of Octeville, merged into
    // Cherbourg-en-Cotentin) is only a warning, with the commune suggested.
    let form = GOOD_FORM.replace("\"75 002\"", "\"50100\"").replace("\"Paris\"", "\"Octeville\"");
    let (code, stdout, _) = precheck_stdin(&["fields", "--today", "2026-11-27"], &form);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(json["normalised"]["town"], "Octeville");
    assert_eq!(
        json["warnings"],
        serde_json::json!([{"field": "town", "code": "town_not_in_base", "suggestion": "Cherbourg-en-Cotentin"}])
    );
    for ((postcode, town), expected) in cases {
        let form = GOOD_FORM
            .replace("\"75 002\"", &format!("{postcode:?}"))
            .replace("\"Paris\"", &format!("{town:?}"));
        let (code, stdout, _) = precheck_stdin(&["fields", "--today", "2026-11-27"], &form);
        let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        match expected {
            Ok(official) => {
                assert_eq!(code, 0, "{stdout}");
                assert_eq!(json["normalised"]["town"], official);
            }
            Err((field, problem, suggestion)) => {
                assert_eq!(code, 1, "{stdout}");
                let mut error = serde_json::json!({"field": field, "code": problem});
                if let Some(s) = suggestion {
                    error["suggestion"] = s.into();
                }
                assert_eq!(json["errors"], serde_json::json!([error]), "{postcode} {town}");
            }
        }
    }
}

#[test]
fn file_prints_one_json_line_per_file_and_exits_1_on_an_error() {
    let dir = std::env::temp_dir().join(format!("precheck-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // ReportLab's certificate of tests/hostile (made by scripts/make-hostile-files.py).
    let pdf = dir.join("certificate.pdf");
    let made = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile/certificate-reportlab.pdf");
    std::fs::copy(made, &pdf).unwrap();
    let heic = dir.join("photo.jpg");
    std::fs::write(&heic, b"\0\0\0\x18ftypheic\0\0\0\0mif1heic").unwrap();

    let (code, stdout, _) =
        precheck(&["file", "--doc", "certificate_of_studies", pdf.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}");
    let json: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(json["doc"], "certificate_of_studies");
    assert_eq!(json["format"], "pdf");
    assert_eq!(json["verdict"], "ok");
    assert_eq!(json["pages"], 1);
    assert_eq!(json["encrypted"], false);
    assert_eq!(json["problems"], serde_json::json!([]));

    let (code, stdout, _) =
        precheck(&["file", "--doc", "identity", pdf.to_str().unwrap(), heic.to_str().unwrap()]);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["format"], "heic");
    assert_eq!(lines[1]["verdict"], "error");
    assert_eq!(
        lines[1]["problems"],
        serde_json::json!([
            {"code": "heic_not_accepted", "severity": "error"},
            {"code": "extension_mismatch", "severity": "warning"}
        ])
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn file_exits_2_on_bad_usage_or_an_unreadable_path() {
    let cases: [(&[&str], &str); 3] = [
        (&["file", "--doc", "passport", "x.pdf"], "unknown document"),
        (&["file", "--doc", "identity"], "FILE"),
        (&["file", "--doc", "identity", "/no/such/file.pdf"], "cannot read"),
    ];
    for (args, needle) in cases {
        let (code, _, stderr) = precheck(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
    }
}

#[test]
fn file_reads_a_certificate_and_a_rib() {
    let dir = std::env::temp_dir().join(format!("precheck-content-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf_with = |name: &str, text: &str| {
        let content = format!("BT /F1 12 Tf 72 712 Td ({text}) Tj ET");
        let bytes = format!(
            "%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\n2 0 obj << /Type /Page /Parent 1 0 R /Contents 3 0 R >> endobj\n3 0 obj << /Length {} >>\nstream\n{content}\nendstream\nendobj\n4 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 4 0 R >>\n%%EOF\n",
            content.len()
        );
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let old = pdf_with(
        "old.pdf",
        "Certificat de scolarite - annee universitaire 2025-2026 - Awa NDIAYE inscrite en L3",
    );
    let (code, stdout, _) = precheck(&[
        "file",
        "--doc",
        "certificate_of_studies",
        "--last-name",
        "Ndiaye",
        "--today",
        "2026-11-27",
        old.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains(r#""code":"certificate_old_year""#), "{stdout}");

    let rib = pdf_with(
        "rib.pdf",
        "Releve d identite bancaire Titulaire Moussa SOW IBAN FR76 3000 6000 0112 3456 7890 189",
    );
    let (code, stdout, _) =
        precheck(&["file", "--doc", "rib", "--last-name", "Ndiaye", rib.to_str().unwrap()]);
    // The rules refuse a RIB in a parent's name: an error that says whose name it is.
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains(r#""verdict":"error""#) && stdout.contains(r#""code":"rib_other_name""#),
        "{stdout}"
    );
    assert!(stdout.contains("Moussa SOW"), "{stdout}");
    std::fs::remove_dir_all(dir).ok();
}

/// ICAO Doc 9303's specimen passport, as a reader gives it: other text around the zone, and the
/// fillers of the first line read two short.
const SPECIMEN_TEXT: &str = "PASSPORT  PASSEPORT\nUtopia\nERIKSSON\nANNA MARIA\n\
    P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<\n\
    L898902C36UTO7408122F1204159ZE184226B<<<<<10\n";

#[test]
fn mrz_reads_the_specimen_passport_and_compares_it_with_the_form() {
    let (code, stdout, stderr) = precheck_stdin(&["mrz", "--today", "2026-12-04"], SPECIMEN_TEXT);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        json["mrz"],
        serde_json::json!({
            "format": "TD3",
            "lines": [
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
            ],
            "document_code": "P", "issuer": "UTO", "surname": "ERIKSSON",
            "given_names": "ANNA MARIA", "number": "L898902C3", "nationality": "UTO",
            "birth_date": "1974-08-12", "sex": "F", "expiry_date": "2012-04-15",
            "optional_data": "ZE184226B", "check_digits_ok": true
        })
    );
    assert_eq!(json["findings"], serde_json::json!([]));
    // Against a form: a name typed otherwise, a man's title, the passport expired by the start.
    let dir = std::env::temp_dir().join(format!("precheck-mrz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let form = dir.join("form.json");
    std::fs::write(
        &form,
        r#"{"title": "M", "last_name": "Erikson", "first_name": "Anna-Maria",
            "birth_date": "1974-08-12", "rights_start_date": "2026-09-01"}"#,
    )
    .unwrap();
    let form = form.to_str().unwrap();
    let (code, stdout, _) =
        precheck_stdin(&["mrz", "-", "--form", form, "--today", "2026-12-04"], SPECIMEN_TEXT);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        json["findings"],
        serde_json::json!([
            {"code": "last_name_differs", "typed": "Erikson", "read": "ERIKSSON"},
            {"code": "title_differs_from_sex", "read": "F"},
            {"code": "expired", "on": "2012-04-15"}
        ])
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn mrz_says_plainly_when_no_zone_holds_and_never_compares_it() {
    // One digit of the birth date misread: the check digits fail, nothing is compared.
    let text = SPECIMEN_TEXT.replace("7408122", "7409122");
    let (code, stdout, _) = precheck_stdin(&["mrz", "--today", "2026-12-04"], &text);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["mrz"]["check_digits_ok"], false);
    assert_eq!(json["findings"], serde_json::json!([{"code": "zone_unreadable"}]));
    let (code, stdout, _) =
        precheck_stdin(&["mrz", "--today", "2026-12-04"], "a birth certificate");
    assert_eq!((code, stdout.trim()), (1, r#"{"findings":[],"mrz":null}"#));
    let (code, _, stderr) =
        precheck_stdin(&["mrz", "--form", "/nonexistent.json", "--today", "2026-12-04"], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("not a JSON object of form fields"), "{stderr}");
}
