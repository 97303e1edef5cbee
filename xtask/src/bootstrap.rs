//! Installing what the build and tests need, idempotently.
//!
//! Only package registries are used (rustup, crates.io, npm, Debian's apt): nothing is
//! downloaded from anywhere else, which is how government intranets and CI work.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{root, Result};

/// Runs a command, inheriting output; an error names the command.
pub fn run(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `rustup target add wasm32-unknown-unknown` when it is missing.
pub fn wasm_target() -> Result {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    println!("xtask: adding the wasm32-unknown-unknown target");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The `wasm-bindgen` version pinned in Cargo.lock.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|v| v.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

/// The wasm-bindgen CLI at exactly the crate's version (their formats must match).
pub fn wasm_bindgen_cli() -> Result<PathBuf> {
    let want = locked_wasm_bindgen()?;
    let have = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(want.as_str()) {
        println!("xtask: installing wasm-bindgen-cli {want} (takes a few minutes, once)");
        let install = |locked: bool| {
            let mut c = Command::new("cargo");
            c.args(["install", "wasm-bindgen-cli", "--version", &want, "--force"]);
            if locked {
                c.arg("--locked");
            }
            run(&mut c)
        };
        // The CLI's own lock file can name a version the registry has since withdrawn;
        // then resolve afresh within the CLI's declared ranges.
        if install(true).is_err() {
            println!("xtask: locked install failed; retrying with fresh dependency resolution");
            install(false)?;
        }
    }
    Ok(PathBuf::from("wasm-bindgen"))
}

/// `npm ci` for the workspace's JavaScript tools.
pub fn npm() -> Result {
    npm_ci(&root())
}

/// `npm ci` in `dir` when its node_modules is missing or older than its package-lock.json.
pub fn npm_ci(dir: &Path) -> Result {
    let marker = dir.join("node_modules/.package-lock.json");
    let stale = match (mtime(&marker), mtime(&dir.join("package-lock.json"))) {
        (Some(m), Some(l)) => m < l,
        _ => true,
    };
    if stale {
        println!(
            "xtask: installing JavaScript packages in {} (npm ci)",
            dir.display()
        );
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir))?;
    }
    Ok(())
}

fn mtime(p: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// A tool from `node_modules/.bin`.
pub fn node_bin(name: &str) -> PathBuf {
    root().join("node_modules/.bin").join(name)
}

/// Chromium: `$CHROME`, else `/usr/bin/chromium`, else Debian's packages when root.
pub fn chromium() -> Result<PathBuf> {
    if let Some(c) = std::env::var_os("CHROME").filter(|c| !c.is_empty()) {
        return Ok(PathBuf::from(c));
    }
    let system = PathBuf::from("/usr/bin/chromium");
    if system.exists() {
        return Ok(system);
    }
    let is_root = output(Command::new("id").arg("-u")).map(|s| s.trim() == "0") == Some(true);
    if !is_root {
        return Err("Chromium not found: install Debian's `chromium` and `chromium-driver`, or set CHROME to a Chromium binary".into());
    }
    println!("xtask: installing Debian's chromium and chromium-driver");
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-qq", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    Ok(system)
}
