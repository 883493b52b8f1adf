//! The `precheck` binary answers `--help` and `--version` like any well-behaved command.
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
}

#[test]
fn an_unknown_argument_is_bad_usage_with_exit_code_2() {
    let (code, stdout, stderr) = precheck(&["--no-such-flag"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("--no-such-flag"), "{stderr}");
}
