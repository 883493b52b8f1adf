//! `precheck`: the command-line twin of the browser checker. It runs the same engine as the app
//! on files and answers given on the command line, for scripts, universities and tests.

use clap::Parser;

/// Pre-check a French student health-insurance registration (etudiant-etranger.ameli.fr)
/// before sending it: the same checks as the secu-precheck web app, on this machine.
///
/// secu-precheck is an independent tool, not the Assurance Maladie's.
#[derive(Parser, Debug)]
#[command(name = "precheck", version, about, long_about)]
struct Cli {}

fn main() {
    let Cli {} = Cli::parse();
    println!("precheck {}: no command yet. Run `precheck --help`.", env!("CARGO_PKG_VERSION"));
}
