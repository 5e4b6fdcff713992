//! The `seedline` binary: parse the command line, run it, print errors in one clear line.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = seedline::cli::Cli::parse();
    match seedline::cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            // Error text can quote user input: never let it reach the terminal raw.
            let message = format!("{error:#}");
            eprintln!("seedline: {}", seedline::text::sanitize_line(&message));
            ExitCode::FAILURE
        }
    }
}
