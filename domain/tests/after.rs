//! After the upload: `precheck email` reads a pasted message, `precheck attestation` a
//! certificate of entitlement. The certificates are made here as PDFs in the layout of the one
//! the university guide shows (`shared/reference/university-guide.md`): provisional and final,
//! valid and expired, the student's and another person's, and one whose number is misread.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use secu_precheck_domain::nir;

fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_precheck"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run precheck");
    child.stdin.take().unwrap().write_all(stdin.unwrap_or_default().as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn email_prints_the_documents_a_message_names() {
    let message =
        "De : Assurance Maladie <ne-pas-repondre@ameli.fr>\nObjet : Votre inscription\n\n\
                   Bonjour,\nVotre RIB a été refusé : il n'est pas à votre nom.\n\
                   Il manque votre titre de séjour.\nVotre passeport a été accepté.";
    let (code, out, err) = run(&["email", "-"], Some(message));
    assert_eq!((code, err.as_str()), (0, ""));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "documents": [
                {"doc": "identity", "status": "accepted"},
                {"doc": "residence_permit", "status": "missing"},
                {"doc": "rib", "status": "rejected", "reason": "not_own_name"},
            ],
            "recognised": true,
        })
    );
    let (code, out, _) = run(&["email"], Some("Merci pour votre inscription."));
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap(),
        serde_json::json!({"documents": [], "recognised": false})
    );
    let (code, _, err) = run(&["email", "/nonexistent/message.txt"], None);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
}

/// A one-page PDF whose lines are `lines`, in Helvetica with WinAnsi's accents.
fn text_pdf(lines: &[String]) -> Vec<u8> {
    let mut content = b"BT /F1 10 Tf 40 800 Td 12 TL\n".to_vec();
    for line in lines {
        content.push(b'(');
        for c in line.chars() {
            match c {
                '(' | ')' | '\\' => content.extend([b'\\', c as u8]),
                c if (c as u32) < 256 => content.push(c as u32 as u8),
                _ => content.push(b'?'),
            }
        }
        content.extend(b") Tj T*\n");
    }
    content.extend(b"ET");
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 /MediaBox [0 0 595 842] >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>"
            .to_vec(),
        [
            format!("<< /Length {} >>\nstream\n", content.len()).into_bytes(),
            content,
            b"\nendstream".to_vec(),
        ]
        .concat(),
    ];
    let mut body = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(body.len());
        body.extend(format!("{} 0 obj\n", i + 1).into_bytes());
        body.extend(o);
        body.extend(b"\nendobj\n");
    }
    let xref = body.len();
    body.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for o in offsets {
        body.extend(format!("{o:010} 00000 n \n").into_bytes());
    }
    body.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    body
}

/// A certificate of entitlement in the guide's layout: `body` is the number's 13 characters,
/// its key computed (or `key` when given, to misprint it).
fn certificate(
    title: &str,
    from: &str,
    to: &str,
    body: &str,
    key: Option<u8>,
    name: &str,
    born: &str,
) -> Vec<u8> {
    let key = key.unwrap_or_else(|| nir::key(body).unwrap());
    let number = format!(
        "{} {} {} {} {} {} {key:02}",
        &body[..1],
        &body[1..3],
        &body[3..5],
        &body[5..7],
        &body[7..10],
        &body[10..13]
    );
    let lines = [
        format!("Numéro de l'assuré : {number}"),
        format!("Nom de l'assuré : {name}"),
        "Pour tout contact : 3646".into(),
        "(service gratuit + prix appel)".into(),
        title.into(),
        format!("Valable pour la période du {from} au {to} sous réserve de changement de situation de l'assuré."),
        "Organisme de rattachement sécurité sociale   Code de gestion   n° de sécurité sociale de l'assuré".into(),
        format!("01 351 8955   01   {number}"),
        "Bénéficiaire(s) nom de famille suivi d'un éventuel nom d'usage   n° de sécurité sociale du bénéficiaire (pour information)   né(e) le/rang".into(),
        format!("{name}   {number}   {born} 1"),
    ];
    text_pdf(&lines)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn attestation(path: &Path) -> (i32, serde_json::Value, String) {
    let (code, out, err) = run(&["attestation", path.to_str().unwrap()], None);
    (code, serde_json::from_str(out.trim()).unwrap_or(serde_json::Value::Null), err)
}

#[test]
fn attestation_reads_provisional_and_final_certificates_never_printing_the_number() {
    let dir = std::env::temp_dir().join(format!("precheck-attestation-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let provisional = "MON ATTESTATION DE DROITS PROVISOIRE À L'ASSURANCE MALADIE";
    let final_title = "MON ATTESTATION DE DROITS À L'ASSURANCE MALADIE";
    let cases = [
        // The student's provisional certificate (a provisional number, first digit 8).
        (
            "provisional.pdf",
            certificate(
                provisional,
                "01/09/2026",
                "31/08/2027",
                "8031199352012",
                None,
                "ZHANG WEI",
                "02/11/2003",
            ),
            serde_json::json!({"kind": "provisional", "valid_from": "2026-09-01", "valid_to": "2027-08-31",
                "number_kind": "provisional", "number_key_ok": true, "name": "ZHANG WEI", "birth_date": "2003-11-02"}),
        ),
        // Its final one, with the permanent number.
        (
            "final.pdf",
            certificate(
                final_title,
                "01/09/2026",
                "31/08/2027",
                "2031199352012",
                None,
                "ZHANG WEI",
                "02/11/2003",
            ),
            serde_json::json!({"kind": "final", "valid_from": "2026-09-01", "valid_to": "2027-08-31",
                "number_kind": "permanent", "number_key_ok": true, "name": "ZHANG WEI", "birth_date": "2003-11-02"}),
        ),
        // Last year's, expired.
        (
            "expired.pdf",
            certificate(
                final_title,
                "01/09/2024",
                "31/08/2025",
                "2031199352012",
                None,
                "ZHANG WEI",
                "02/11/2003",
            ),
            serde_json::json!({"kind": "final", "valid_from": "2024-09-01", "valid_to": "2025-08-31",
                "number_kind": "permanent", "number_key_ok": true, "name": "ZHANG WEI", "birth_date": "2003-11-02"}),
        ),
        // Another person's (a Corsican-born man's number), its key misprinted.
        (
            "another.pdf",
            certificate(
                final_title,
                "01/09/2026",
                "31/08/2027",
                "185032A123456",
                Some(2),
                "MARTIN PAUL",
                "14/03/1985",
            ),
            serde_json::json!({"kind": "final", "valid_from": "2026-09-01", "valid_to": "2027-08-31",
                "number_kind": "permanent", "number_key_ok": false, "name": "MARTIN PAUL", "birth_date": "1985-03-14"}),
        ),
    ];
    for (name, bytes, want) in cases {
        let path = write(&dir, name, &bytes);
        let (code, got, err) = attestation(&path);
        assert_eq!((code, err.as_str()), (0, ""), "{name}");
        assert_eq!(got, want, "{name}");
        let printed = got.to_string();
        assert!(
            !printed.contains("352") && !printed.contains("123456"),
            "{name}: never the number"
        );
    }
    // Judged against Zhang Wei's form on a day: hers is fine; another person's and last year's
    // are said so.
    let form = write(
        &dir,
        "form.json",
        br#"{"last_name": "Zhang", "first_name": "Wei", "birth_date": "2003-11-02",
            "rights_start_date": "2026-09-01"}"#,
    );
    let judged = |name: &str| {
        let (code, out, err) = run(
            &[
                "attestation",
                dir.join(name).to_str().unwrap(),
                "--form",
                form.to_str().unwrap(),
                "--today",
                "2026-12-06",
            ],
            None,
        );
        assert_eq!(code, 0, "{err}");
        let json: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(judged("provisional.pdf"), Vec::<String>::new());
    assert_eq!(judged("expired.pdf"), ["expired", "start_not_covered"]);
    assert_eq!(judged("another.pdf"), ["name_differs", "birth_date_differs", "number_key_fails"]);
    // Not a certificate, and not a file at all: exit 2 with a message.
    let other = write(&dir, "other.pdf", &text_pdf(&["CERTIFICAT DE SCOLARITÉ 2026-2027".into()]));
    let (code, _, err) = attestation(&other);
    assert_eq!(code, 2);
    assert!(err.contains("no certificate of entitlement"), "{err}");
    let (code, _, err) = attestation(&dir.join("missing.pdf"));
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

// Property tests run natively (proptest is not built for wasm32).
#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Whatever a student pastes or drops, reading it never panics.
    #[test]
    fn any_text_is_read_without_panic(s in proptest::prelude::any::<String>()) {
        let _ = secu_precheck_domain::email::recognise(&s);
        let _ = secu_precheck_domain::attestation::Attestation::read(&s);
        let _ = nir::find(&s);
        let tagged = format!("<p>{s}</p>&eacute;\nObjet : {s}\n> {s}: Votre RIB {s}. période du {s} au 01/02/2026");
        let _ = secu_precheck_domain::email::recognise(&tagged);
        let _ = secu_precheck_domain::attestation::Attestation::read(&tagged);
    }
}

#[test]
fn attestation_reads_a_photographed_certificate_with_the_reading_models() {
    let photo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/specimens/photos/attestation-provisional-perspective.jpg");
    let (code, got, err) = attestation(&photo);
    assert!(!err.contains("not read"), "the reading models are installed: {err}");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        got,
        serde_json::json!({"kind": "provisional", "valid_from": "2026-09-01", "valid_to": "2027-08-31",
            "number_kind": "provisional", "number_key_ok": true, "name": "ZHANG WEI",
            "birth_date": "2003-11-02"})
    );
}
