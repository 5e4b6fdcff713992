//! The `seedline` binary: parse the command line, run it, print errors in one clear line.
//! Exit status: 0 success, 1 any error, 2 a usage error (clap), 75 (`EX_TEMPFAIL`) the database
//! stayed busy: try again later.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

use clap::Parser;
use std::process::ExitCode;

/// `EX_TEMPFAIL` from sysexits.h: another process held the database lock through every retry.
const EXIT_BUSY: u8 = 75;

fn main() -> ExitCode {
    let cli = seedline::cli::Cli::parse();
    match seedline::cli::run(cli) {
        Ok(code) => code,
        Err(failed) => {
            // Worded in the officer's language; error text can quote user input, so it never
            // reaches the terminal raw.
            eprintln!("seedline: {}", failed.message());
            let busy = failed
                .error
                .chain()
                .filter_map(|e| e.downcast_ref::<seedline::Error>())
                .any(seedline::Error::is_busy);
            if busy {
                ExitCode::from(EXIT_BUSY)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
