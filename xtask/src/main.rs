//! `cargo xtask`: the project's automation, in Rust so it needs nothing but cargo.
//!
//! - `build`: the wasm bundle into `www/dist/` (installing missing tools first);
//! - `serve [--port N]`: build, then serve `www/` with the seeds on 127.0.0.1;
//! - `test`: fmt, clippy, native tests, then browser tests in headless Chromium;
//! - `bench [--quick]`: chitieu against ECharts, Chart.js and Highcharts, into `BENCHMARKS.md`;
//! - `fuzz [--runs N] [TARGET…]`: the libFuzzer targets in `fuzz/`, seeded from `seeds/`.
//!
//! Every step that needs a tool installs it when missing (see [`bootstrap`]), so a fresh
//! Debian machine with rustup and Node needs nothing done by hand.

mod bench;
mod bootstrap;
mod build;
mod fuzz;
mod serve;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

/// The workspace root (the parent of this crate's directory).
pub fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

pub type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "usage: cargo xtask <build | serve [--port N] | test [--browser [FILTER]] | bench [--quick] | fuzz [--runs N] [TARGET...]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build::build(),
        Some("serve") => serve::serve_command(&args[1..]),
        Some("test") => test::test_command(&args[1..]),
        Some("bench") => bench::bench_command(&args[1..]),
        Some("fuzz") => fuzz::fuzz_command(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
