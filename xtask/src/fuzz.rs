//! `cargo xtask fuzz [--runs N] [TARGET…]`: seeds the corpora from the project's own
//! documents and datasets, then runs each libFuzzer target in `fuzz/` for N executions
//! (default 1,000,000), one at a time, and prints a table of the figures.
//!
//! Not part of `cargo xtask test`: libFuzzer needs nightly compiler flags, which the
//! stable toolchain accepts only with `RUSTC_BOOTSTRAP=1`, and a million executions per
//! target take minutes. Whatever it finds becomes a test in
//! `crates/chitieu-core/tests/fuzz_regressions.rs`, which does run in CI.
//!
//! Corpora live in `fuzz/corpus/<target>/` (ignored by git; libFuzzer adds what it finds
//! there, so a second run starts where the first stopped), failing inputs in
//! `fuzz/artifacts/<target>/`.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use chitieu_core::load::{read_json, to_csv, to_json};
use chitieu_core::Dataset;

use crate::{bootstrap, root, Result};

/// A target and the longest input it is given: datasets up to 64 KiB (the largest seed
/// is 62 KB), sentences up to 8 KiB (the longest paragraph of the plans is under 3 KB).
const TARGETS: [(&str, usize); 3] = [
    ("parse_target", 8 * 1024),
    ("load_json", 64 * 1024),
    ("load_csv", 64 * 1024),
];

/// One input that takes this long is reported as a hang (seconds).
const TIMEOUT: u32 = 10;

pub fn fuzz_command(args: &[String]) -> Result {
    let mut runs: u64 = 1_000_000;
    let mut chosen = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--runs" {
            runs = it
                .next()
                .and_then(|n| n.replace('_', "").parse().ok())
                .ok_or("--runs takes a number of executions, e.g. --runs 1000000")?;
        } else if let Some(t) = TARGETS.iter().find(|(name, _)| name == a) {
            chosen.push(*t);
        } else {
            let names: Vec<&str> = TARGETS.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "unknown fuzz target '{a}': expected {}",
                names.join(", ")
            ));
        }
    }
    if chosen.is_empty() {
        chosen = TARGETS.to_vec();
    }
    cargo_fuzz()?;
    let r = root();
    seed_corpora(&r)?;
    let mut rows = Vec::new();
    for (name, max_len) in chosen {
        rows.push(run_target(&r, name, max_len, runs));
    }
    println!("\ntarget        executions   time (s)   exec/s   cov    ft      corpus  result");
    for s in &rows {
        println!(
            "{:<13} {:>10}   {:>8.0}   {:>6}   {:<6} {:<7} {:<7} {}",
            s.name, s.runs, s.seconds, s.exec_per_sec, s.cov, s.ft, s.corpus, s.result
        );
    }
    let failed: Vec<&str> = rows
        .iter()
        .filter(|s| !s.result.starts_with("ok"))
        .map(|s| s.name)
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("fuzzing found failures in {}", failed.join(", ")))
    }
}

/// `cargo install cargo-fuzz` when it is missing (from crates.io, like every tool here).
fn cargo_fuzz() -> Result {
    let present = Command::new("cargo")
        .args(["fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if present {
        return Ok(());
    }
    println!("xtask: installing cargo-fuzz (takes a few minutes, once)");
    bootstrap::run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))
}

/// What one run printed, for the table.
struct Summary {
    name: &'static str,
    runs: String,
    seconds: f64,
    exec_per_sec: String,
    cov: String,
    ft: String,
    corpus: String,
    result: String,
}

fn run_target(r: &Path, name: &'static str, max_len: usize, runs: u64) -> Summary {
    let fuzz = r.join("fuzz");
    println!("xtask: fuzzing {name} for {runs} executions");
    let started = Instant::now();
    // No sanitizer: the core is safe Rust, and AddressSanitizer cost ten times the
    // executions here; overflow checks and debug assertions stay on (cargo-fuzz's default).
    let child = Command::new("cargo")
        .args(["fuzz", "run", "--sanitizer", "none", name])
        .arg(fuzz.join("corpus").join(name))
        .arg("--")
        .arg(format!("-runs={runs}"))
        .arg(format!("-max_len={max_len}"))
        .arg(format!("-timeout={TIMEOUT}"))
        .arg("-report_slow_units=2")
        .arg("-rss_limit_mb=2048")
        .arg("-print_final_stats=1")
        .arg(format!(
            "-dict={}",
            fuzz.join("dict").join(format!("{name}.dict")).display()
        ))
        .env("RUSTC_BOOTSTRAP", "1")
        .current_dir(&fuzz)
        .stderr(Stdio::piped())
        .spawn();
    let mut s = Summary {
        name,
        runs: "-".into(),
        seconds: 0.0,
        exec_per_sec: "-".into(),
        cov: "-".into(),
        ft: "-".into(),
        corpus: "-".into(),
        result: "ok".into(),
    };
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            s.result = format!("could not start cargo fuzz: {e}");
            return s;
        }
    };
    let mut found = Vec::new();
    if let Some(err) = child.stderr.take() {
        for line in BufReader::new(err).lines().map_while(std::io::Result::ok) {
            if !line.contains("# Uses:") {
                eprintln!("{line}");
            }
            read_status(&line, &mut s);
            if let Some(path) = line.split("written to ").nth(1) {
                found.push(path.trim().to_string());
            }
        }
    }
    let status = child.wait();
    s.seconds = started.elapsed().as_secs_f64();
    // A slow unit (over 2 s) is written out but does not stop libFuzzer: on a busy
    // machine it is often only the machine, so it is listed for a rerun alone (`cargo
    // fuzz run … <file>` prints its time), not counted as a failure.
    let (slow, failing): (Vec<String>, Vec<String>) =
        found.into_iter().partition(|p| p.contains("slow-unit-"));
    let ok = status.as_ref().is_ok_and(|st| st.success());
    if !ok || !failing.is_empty() {
        s.result = if failing.is_empty() {
            format!("FAILED ({status:?})")
        } else {
            format!("FAILED: {}", failing.join(", "))
        };
    } else if !slow.is_empty() {
        s.result = format!("ok; slow, rerun alone: {}", slow.join(", "));
    }
    s
}

/// Picks the figures out of libFuzzer's status lines (`#1000000 DONE cov: 3538 ft: 7895
/// corp: 187/3979Kb …`) and final stats (`stat::average_exec_per_sec: 2900`).
fn read_status(line: &str, s: &mut Summary) {
    let after = |key: &str| {
        line.split_whitespace()
            .skip_while(|w| *w != key)
            .nth(1)
            .map(str::to_string)
    };
    if line.starts_with('#') {
        if let Some(v) = after("cov:") {
            s.cov = v;
        }
        if let Some(v) = after("ft:") {
            s.ft = v;
        }
        if let Some(v) = after("corp:") {
            s.corpus = v;
        }
    }
    if let Some(v) = line.strip_prefix("stat::number_of_executed_units:") {
        s.runs = v.trim().to_string();
    }
    if let Some(v) = line.strip_prefix("stat::average_exec_per_sec:") {
        s.exec_per_sec = v.trim().to_string();
    }
}

/// Writes the seed inputs into each target's corpus directory (named by content, so
/// seeding twice adds nothing).
fn seed_corpora(r: &Path) -> Result {
    let corpus = r.join("fuzz/corpus");
    let sentences = plan_sentences(&r.join("seeds/sources"))?;
    write_seeds(&corpus.join("parse_target"), &sentences)?;

    let mut json = Vec::new();
    let mut csv = Vec::new();
    let mut json_files = files(&r.join("seeds"), "json")?;
    json_files.extend(files(&r.join("tests/fixtures"), "json")?);
    json_files.extend(files(&r.join("crates/chitieu-cli/tests/data"), "json")?);
    for f in &json_files {
        let text = read(f)?;
        json.extend(truncations(&text));
        if let Ok(loaded) = read_json(&text) {
            let whole = to_csv(&loaded.dataset);
            csv.extend(truncations(&whole));
            // Each indicator as a dataset of its own: small inputs mutate faster.
            for one in single_indicators(&loaded.dataset) {
                json.push(to_json(&one));
                let c = to_csv(&one);
                // The same with the separator a Vietnamese-locale Excel writes.
                csv.push(c.replace(',', ";"));
                csv.push(c);
            }
        }
        json.push(text);
    }
    for f in [r.join("www/template.csv"), r.join("docs/template.csv")] {
        let text = read(&f)?;
        csv.extend(truncations(&text));
        csv.push(text);
    }
    write_seeds(&corpus.join("load_json"), &json)?;
    write_seeds(&corpus.join("load_csv"), &csv)?;
    println!(
        "xtask: seeds: {} sentences, {} JSON and {} CSV inputs",
        sentences.len(),
        json.len(),
        csv.len()
    );
    Ok(())
}

/// Every paragraph of the plans' text, and each sentence of it, as a parser input.
fn plan_sentences(dir: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for f in files(dir, "txt")? {
        for line in read(&f)?.lines().map(str::trim).filter(|l| !l.is_empty()) {
            out.push(line.to_string());
            let mut start = 0;
            for (i, _) in line.match_indices([';', '.']) {
                if line[i + 1..].starts_with(' ') {
                    out.push(line[start..=i].trim().to_string());
                    start = i + 1;
                }
            }
            out.push(line[start..].trim().to_string());
        }
    }
    Ok(out)
}

/// The text cut at a quarter, a half and three quarters (at character boundaries).
fn truncations(text: &str) -> Vec<String> {
    [4, 2]
        .iter()
        .map(|d| text.len() / d)
        .chain([text.len() / 4 * 3])
        .map(|mut at| {
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text[..at].to_string()
        })
        .collect()
}

fn single_indicators(ds: &Dataset) -> Vec<Dataset> {
    ds.indicators
        .iter()
        .map(|ind| Dataset {
            quarantined: Vec::new(),
            indicators: vec![ind.clone()],
            ..ds.clone()
        })
        .collect()
}

fn write_seeds(dir: &Path, inputs: &[String]) -> Result {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut seen = HashSet::new();
    for text in inputs.iter().filter(|t| !t.is_empty()) {
        if !seen.insert(text) {
            continue;
        }
        let path = dir.join(format!("seed-{:016x}", fnv1a(text.as_bytes())));
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// A stable content hash for file names (the std hasher is seeded per process).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    Ok(out)
}

fn read(p: &Path) -> Result<String> {
    std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
}
