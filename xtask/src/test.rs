//! `cargo xtask test`: every check CI makes, in order, then one summary line.
//!
//! fmt and clippy count as one check each; `cargo test` and the browser tests count their
//! own tests. All steps run even after a failure, so one run shows everything to fix.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::{bootstrap, build, root, serve, Result};

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    failures: Vec<String>,
}

impl Tally {
    fn check(&mut self, name: &str, r: Result) {
        match r {
            Ok(()) => {
                self.passed += 1;
                println!("xtask: {name}: ok");
            }
            Err(e) => {
                self.failed += 1;
                println!("xtask: {name}: FAILED: {e}");
                self.failures.push(name.to_string());
            }
        }
    }
}

pub fn test_command(args: &[String]) -> Result {
    let r = root();
    let cargo = env!("CARGO");
    let mut t = Tally::default();
    // `--browser [FILTER]`: only the browser tests (whose file names contain FILTER).
    let browser_only = args.first().map(String::as_str) == Some("--browser");
    let filter = if browser_only { args.get(1) } else { None };
    if !browser_only {
        native_checks(&mut t, cargo, &r);
    }

    browser(&mut t, &r, filter);
    if !t.failures.is_empty() {
        println!("xtask: failed: {}", t.failures.join(", "));
    }
    println!("{} passed, {} failed", t.passed, t.failed);
    if t.failed == 0 {
        Ok(())
    } else {
        Err(format!("{} failed", t.failed))
    }
}

fn native_checks(t: &mut Tally, cargo: &str, r: &std::path::Path) {
    t.check(
        "cargo fmt --check",
        bootstrap::run(
            Command::new(cargo)
                .args(["fmt", "--all", "--check"])
                .current_dir(r),
        ),
    );
    t.check(
        "cargo clippy",
        bootstrap::run(
            Command::new(cargo)
                .args([
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ])
                .current_dir(r),
        ),
    );
    counted(
        t,
        "cargo test",
        Command::new(cargo)
            .args(["test", "--workspace"])
            .current_dir(r),
        parse_cargo_line,
    );
}

fn browser(t: &mut Tally, r: &std::path::Path, filter: Option<&String>) {
    match browser_setup() {
        Ok((base, chrome)) => {
            t.check("bundle sizes within size-limits.txt", size_guard(r));
            // The npm package, as a developer gets it, bundled by Vite; the browser tests
            // then open the built app.
            t.check(
                "npm package (pack, install into a Vite app, tsc, vite build)",
                npm_app(r),
            );
            counted(
                t,
                "browser tests",
                Command::new("node")
                    .arg(r.join("tests/browser/run.mjs"))
                    .args(filter)
                    .env("CHITIEU_BASE_URL", base)
                    .env("CHROME", chrome)
                    .current_dir(r),
                parse_plain_line,
            )
        }
        Err(e) => t.check("browser test setup", Err(e)),
    }
}

/// `npm pack` of `pkg/`, installed into `tests/npm-vite` (a tiny Vite app), type-checked
/// against the package's declarations and built.
fn npm_app(r: &std::path::Path) -> Result {
    let out = r.join("target/npm");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    bootstrap::run(
        Command::new("npm")
            .args(["pack", "--silent", "--pack-destination"])
            .arg(&out)
            .current_dir(r.join("pkg")),
    )?;
    let tarball = std::fs::read_dir(&out)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("chitieu-") && n.ends_with(".tgz"))
        })
        .ok_or("npm pack wrote no chitieu-*.tgz")?;
    std::fs::copy(&tarball, out.join("chitieu.tgz")).map_err(|e| e.to_string())?;
    let app = r.join("tests/npm-vite");
    // A fresh copy of the package each time: npm would keep an installed one of the same version.
    let _ = std::fs::remove_dir_all(app.join("node_modules/chitieu"));
    bootstrap::run(
        Command::new("npm")
            .args(["install", "--no-package-lock", "--no-audit", "--no-fund"])
            .current_dir(&app),
    )?;
    bootstrap::run(
        Command::new(app.join("node_modules/.bin/tsc"))
            .args(["--noEmit", "-p", "."])
            .current_dir(&app),
    )?;
    bootstrap::run(
        Command::new(app.join("node_modules/.bin/vite"))
            .args(["build", "--logLevel", "warn"])
            .current_dir(&app),
    )
}

fn browser_setup() -> Result<(String, std::path::PathBuf)> {
    build::build()?;
    let chrome = bootstrap::chromium()?;
    let base = serve::spawn()?;
    Ok((base, chrome))
}

/// Runs a test command, echoing its output, and adds the counts its summary lines give.
fn counted(
    t: &mut Tally,
    name: &str,
    cmd: &mut Command,
    parse: fn(&str) -> Option<(usize, usize)>,
) {
    let child = cmd.stdout(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => return t.check(name, Err(format!("could not start: {e}"))),
    };
    let (mut passed, mut failed, mut seen) = (0, 0, false);
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(|l| l.ok()) {
            println!("{line}");
            if let Some((p, f)) = parse(&line) {
                passed += p;
                failed += f;
                seen = true;
            }
        }
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    t.passed += passed;
    t.failed += failed;
    if !ok || !seen {
        // A crash or a runner that reported nothing counts as one more failure.
        if failed == 0 {
            t.failed += 1;
        }
        t.failures.push(name.to_string());
    }
    println!("xtask: {name}: {passed} passed, {failed} failed");
}

/// `test result: ok. 12 passed; 0 failed; …`
fn parse_cargo_line(line: &str) -> Option<(usize, usize)> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let num = |word: &str| -> Option<usize> {
        rest.split([';', '.'])
            .map(str::trim)
            .find_map(|part| part.strip_suffix(word).and_then(|n| n.trim().parse().ok()))
    };
    Some((num(" passed")?, num(" failed")?))
}

/// A plain `N passed, N failed` line.
fn parse_plain_line(line: &str) -> Option<(usize, usize)> {
    let (p, f) = line.trim().split_once(", ")?;
    let p = p.strip_suffix(" passed")?.parse().ok()?;
    let f = f.split(',').next()?.strip_suffix(" failed")?.parse().ok()?;
    Some((p, f))
}

/// Fails when a shipped file, gzipped at level 9, is larger than its limit in
/// `size-limits.txt`: weight is a feature, and raising a limit is a visible diff.
fn size_guard(r: &std::path::Path) -> Result {
    let limits = std::fs::read_to_string(r.join("size-limits.txt"))
        .map_err(|e| format!("cannot read size-limits.txt: {e}"))?;
    let mut over = Vec::new();
    for (n, line) in limits.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(file), Some(limit), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("size-limits.txt:{}: expected `FILE BYTES`", n + 1));
        };
        let limit: usize = limit
            .replace('_', "")
            .parse()
            .map_err(|_| format!("size-limits.txt:{}: '{limit}' is not a byte count", n + 1))?;
        let path = r.join(file);
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let size = build::gzip9_len(&bytes);
        println!("  {file:<28} {size:>8} bytes gzip -9 (limit {limit})");
        if size > limit {
            over.push(format!("{file}: {size} > {limit}"));
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!("over the limit: {}", over.join("; ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_summary_lines() {
        assert_eq!(
            parse_cargo_line("test result: ok. 12 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s"),
            Some((12, 0))
        );
        assert_eq!(
            parse_cargo_line("test result: FAILED. 11 passed; 1 failed; 0 ignored"),
            Some((11, 1))
        );
        assert_eq!(parse_plain_line("3 passed, 1 failed"), Some((3, 1)));
        assert_eq!(
            parse_plain_line("3 passed, 0 failed, 2 skipped"),
            Some((3, 0))
        );
        assert_eq!(parse_plain_line("passed"), None);
    }
}
