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
            r#"{"outcome":"register","provisional":["certificate_of_studies","identity","visa"],"final":["birth_certificate","residence_permit","rib"],"missing_for_provisional":["certificate_of_studies","visa"],"missing_for_final":["birth_certificate","residence_permit"]}"#,
        ),
        (
            vec!["--situation", "eu_with_ehic"],
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
    let cases: [(&[&str], &str); 7] = [
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
            "eu_with_ehic",
            "eu_without_ehic",
            "eu_s1",
            "quebec",
            "french_overseas",
            "algeria",
            "french_not_concerned"
        ]
    );
    assert!(
        stdout.contains("non_eu\tStudent from outside the EU, the EEA and Switzerland"),
        "{stdout}"
    );
    let (_, french, _) = precheck(&["situations", "--lang", "fr"]);
    assert!(french.contains("algeria\tÉtudiant algérien"), "{french}");
}
