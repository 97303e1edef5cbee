//! `cargo xtask build`: the browser bundle.
//!
//! chitieu-embed → wasm32 (profile `wasm`) → `wasm-bindgen --target web` → `wasm-opt -Oz`,
//! then the ES-module glue is turned into one classic script, `www/dist/chitieu.js`: a
//! portal includes it with a plain `<script src defer>`, no build step, no module loader,
//! and it finds `chitieu_bg.wasm` next to itself through `document.currentScript`.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use chitieu_core::messages::{pieces, Key, Piece};
use chitieu_core::Lang;

use crate::bootstrap::{self, run};
use crate::{root, Result};

pub fn build() -> Result {
    bootstrap::wasm_target()?;
    let wasm_bindgen = bootstrap::wasm_bindgen_cli()?;
    bootstrap::npm()?;
    let r = root();

    let dist = r.join("www/dist");
    std::fs::create_dir_all(&dist).map_err(|e| format!("cannot create {}: {e}", dist.display()))?;
    xlsx_template(&r, &dist)?;
    // The widgets, which every page loads, and the full build with the analysis API,
    // fetched only when score/parseTargets/validate is called (own target dir, so the two
    // feature sets do not rebuild each other).
    let widgets = wasm_module(&wasm_bindgen, "chitieu", &[], "target", &dist)?;
    let api = wasm_module(
        &wasm_bindgen,
        "chitieu_api",
        &["--features", "api"],
        "target/api",
        &dist,
    )?;
    // The analysis API that also reads spreadsheets: fetched only for a spreadsheet (a
    // widget's src, the playground opening one), so CSV and JSON pages do not download
    // calamine (see size-limits.txt).
    let sheets = wasm_module(
        &wasm_bindgen,
        "chitieu_sheets",
        &["--features", "sheets"],
        "target/sheets",
        &dist,
    )?;

    let loader = with_catalogue(&read(&r.join("crates/chitieu-embed/js/loader.js"))?)?;
    let js = dist.join("chitieu.js");
    write(&js, &classic_script(&widgets, &loader)?)?;
    // One file for CMSes that take a single upload: the wasm inside, as base64.
    let wasm_bytes = std::fs::read(dist.join("chitieu_bg.wasm"))
        .map_err(|e| format!("cannot read the wasm: {e}"))?;
    let inline_js = dist.join("chitieu.inline.js");
    write(
        &inline_js,
        &classic_script_with(&widgets, &loader, Some(&base64(&wasm_bytes)))?,
    )?;
    yew_example(&wasm_bindgen, &dist)?;
    // The playground's .xlsx download: the analysis API with the workbook writer, an ES
    // module the playground imports on the click (rust_xlsxwriter would add about 175 KB
    // gzipped to the shipped analysis wasm; see size-limits.txt).
    let xlsx_dir = dist.join("xlsx");
    std::fs::create_dir_all(&xlsx_dir)
        .map_err(|e| format!("cannot create {}: {e}", xlsx_dir.display()))?;
    let xlsx_glue = wasm_module(
        &wasm_bindgen,
        "chitieu_xlsx",
        &["--features", "xlsx"],
        "target/xlsx",
        &xlsx_dir,
    )?;
    write(&xlsx_dir.join("chitieu_xlsx.js"), &xlsx_glue)?;
    let api_js = dist.join("chitieu_api.js");
    write(&api_js, &api_script(&api)?)?;
    let sheets_js = dist.join("chitieu_sheets.js");
    write(&sheets_js, &api_script(&sheets)?)?;
    for f in [&js, &inline_js, &api_js, &sheets_js] {
        minify(f)?;
    }
    // The npm package is everything: the analysis API that reads spreadsheets too, under
    // the package's one name for it.
    let npm_glue = sheets.replace("chitieu_sheets_bg.wasm", "chitieu_api_bg.wasm");
    npm_package(&r, &npm_glue, &loader, &dist.join("chitieu_sheets_bg.wasm"))?;
    let wasm = dist.join("chitieu_bg.wasm");
    let api_wasm = dist.join("chitieu_api_bg.wasm");
    let sheets_wasm = dist.join("chitieu_sheets_bg.wasm");

    println!("xtask: built www/dist/");
    for p in [
        &js,
        &wasm,
        &inline_js,
        &api_js,
        &api_wasm,
        &sheets_js,
        &sheets_wasm,
    ] {
        let bytes = std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        println!(
            "  {:<18} {:>9} bytes raw  {:>8} bytes gzip  {:>8} bytes gzip -9",
            p.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
            bytes.len(),
            gzip_len(&bytes),
            gzip9_len(&bytes)
        );
    }
    Ok(())
}

/// docs/template.xlsx, the workbook form of docs/template.csv, written by `chitieu convert`
/// (never edited by hand; a core test checks it is current), and a copy in `dist/` for the
/// playground and the embed guide to offer. Written only when its bytes change.
fn xlsx_template(r: &Path, dist: &Path) -> Result {
    let fresh = r.join("target/template.xlsx");
    run(Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--package",
            "chitieu-cli",
            "--",
            "convert",
        ])
        .arg(r.join("docs/template.csv"))
        .arg(&fresh)
        .current_dir(r))?;
    let bytes =
        std::fs::read(&fresh).map_err(|e| format!("cannot read {}: {e}", fresh.display()))?;
    for p in [r.join("docs/template.xlsx"), dist.join("template.xlsx")] {
        if std::fs::read(&p).ok().as_deref() != Some(&bytes[..]) {
            std::fs::write(&p, &bytes).map_err(|e| format!("cannot write {}: {e}", p.display()))?;
        }
    }
    Ok(())
}

/// Builds chitieu-embed with `features` into `dist/{name}_bg.wasm` (wasm-bindgen, then
/// wasm-opt -Oz); returns the wasm-bindgen glue.
fn wasm_module(
    wasm_bindgen: &Path,
    name: &str,
    features: &[&str],
    target_dir: &str,
    dist: &Path,
) -> Result<String> {
    let r = root();
    run(Command::new(env!("CARGO"))
        .args([
            "build",
            "--package",
            "chitieu-embed",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm",
        ])
        .args(features)
        .args(["--target-dir", target_dir])
        .current_dir(&r))?;
    let raw = r
        .join(target_dir)
        .join("wasm32-unknown-unknown/wasm/chitieu_embed.wasm");
    let bindgen_dir = r.join("target/chitieu-bindgen");
    run(Command::new(wasm_bindgen)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            name,
            "--out-dir",
        ])
        .arg(&bindgen_dir)
        .arg(&raw))?;
    let bg = format!("{name}_bg.wasm");
    run(Command::new(bootstrap::node_bin("wasm-opt"))
        // -Oz alone inlines every function with one caller whatever its size, which
        // shrinks the raw file but grows the gzipped one (by 14.6 KB on the old bundle);
        // capping that inlining and iterating is smallest gzipped at every size measured.
        .args([
            "-Oz",
            "--one-caller-inline-max-function-size=10",
            "--converge",
            "--strip-debug",
            "--strip-producers",
            "-o",
        ])
        .arg(dist.join(&bg))
        .arg(bindgen_dir.join(&bg)))?;
    read(&bindgen_dir.join(format!("{name}.js")))
}

/// The example yew application of the component library (chitieu-widgets'
/// `examples/yew_app.rs`) into `dist/examples/yew-app/`, for its browser test. Not
/// shipped; not size-optimised.
fn yew_example(wasm_bindgen: &Path, dist: &Path) -> Result {
    let r = root();
    run(Command::new(env!("CARGO"))
        .args([
            "build",
            "--package",
            "chitieu-widgets",
            "--example",
            "yew_app",
            "--features",
            "csr",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm",
            "--target-dir",
            "target/yew",
        ])
        .current_dir(&r))?;
    run(Command::new(wasm_bindgen)
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(dist.join("examples/yew-app"))
        .arg(r.join("target/yew/wasm32-unknown-unknown/wasm/examples/yew_app.wasm")))
}

/// Where the loader's table of words goes (`var TEXT = …` in `js/loader.js`).
const CATALOGUE_MARK: &str = "/* chitieu:catalogue */ { vi: {}, en: {} }";

/// The loader with its table of words written from core's catalogue: the loader's
/// messages are the catalogue's `loader.*` keys, so they exist in both languages with the
/// same placeholders, like every other message.
fn with_catalogue(loader: &str) -> Result<String> {
    if loader.matches(CATALOGUE_MARK).count() != 1 {
        return Err(format!(
            "js/loader.js must hold `{CATALOGUE_MARK}` once, where its words are written"
        ));
    }
    Ok(loader.replacen(CATALOGUE_MARK, &loader_text(), 1))
}

/// `{ vi: {…}, en: {…} }`: each `loader.*` key by its name in camelCase (`loader.no_source`
/// is `noSource`); a message with placeholders is a function of them, in the order of the
/// English template (`http: function (status, url) {…}`).
fn loader_text() -> String {
    let keys: Vec<Key> = Key::ALL
        .iter()
        .copied()
        .filter(|k| k.code().starts_with("loader."))
        .collect();
    let mut langs = Vec::new();
    for lang in [Lang::Vi, Lang::En] {
        let entries: Vec<String> = keys
            .iter()
            .map(|&k| {
                let name = camel_case(k.code().trim_start_matches("loader."));
                let template = k.template(lang);
                let params = k.placeholders();
                if params.is_empty() {
                    return format!("    {name}: {}", js_string(template));
                }
                let parts: Vec<String> = pieces(template)
                    .into_iter()
                    .map(|p| match p {
                        Piece::Text(t) => js_string(t),
                        Piece::Placeholder(n) => n.to_string(),
                    })
                    .collect();
                format!(
                    "    {name}: function ({}) {{ return {}; }}",
                    params.join(", "),
                    parts.join(" + ")
                )
            })
            .collect();
        langs.push(format!(
            "  {}: {{\n{}\n  }}",
            lang.tag(),
            entries.join(",\n")
        ));
    }
    format!("{{\n{}\n}}", langs.join(",\n"))
}

/// `no_source` → `noSource`.
fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A JavaScript string literal (terser later writes it in ASCII).
fn js_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Minifies a classic script in place with terser: names inside the wrapping function
/// scope are mangled, the licence comment (`/*!`) is kept, and the output is ASCII
/// (Vietnamese messages as `\u` escapes), so a CMS that serves `.js` without a charset
/// cannot garble them.
fn minify(file: &Path) -> Result {
    run(Command::new(bootstrap::node_bin("terser"))
        .arg(file)
        .args([
            "--compress",
            "passes=2",
            "--mangle",
            "--comments",
            "/^!/",
            "--format",
            "ascii_only=true",
            "--output",
        ])
        .arg(file))
}

fn read(p: &Path) -> Result<String> {
    std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
}

fn write(p: &Path, s: &str) -> Result {
    std::fs::write(p, s).map_err(|e| format!("cannot write {}: {e}", p.display()))
}

/// Gzipped size at the smallest level (9), the measure of the size budgets.
pub fn gzip9_len(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}

/// Gzipped size at the level web servers use by default (6).
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}

/// The glue with its `export` keywords dropped (everything stays private to the wrapping
/// function scope) and `import.meta.url` — a syntax error outside modules — replaced by
/// the script's own URL.
fn strip_module(glue: &str) -> Result<String> {
    let mut body = String::with_capacity(glue.len());
    for line in glue.lines() {
        let t = line.trim_start();
        if t.starts_with("export {") || t.starts_with("export default") {
            continue;
        }
        let line = line
            .replacen("export function ", "function ", 1)
            .replacen("export class ", "class ", 1)
            .replacen("export const ", "const ", 1)
            .replace("import.meta.url", "SCRIPT_URL");
        body.push_str(&line);
        body.push('\n');
    }
    // The wasm-bindgen version is pinned; if its output ever changes shape, stop here
    // rather than ship a script that fails in the browser.
    for bad in ["export ", "import "] {
        if body.lines().any(|l| l.trim_start().starts_with(bad)) {
            return Err(format!("the wasm-bindgen glue still contains `{bad}` after wrapping; update xtask/src/build.rs"));
        }
    }
    if body.contains("import.meta") {
        return Err("the wasm-bindgen glue still uses import.meta after wrapping".into());
    }
    Ok(body)
}

/// `chitieu.js`: the widgets' glue and the loader in one function scope. It returns early
/// when chitieu is already on the page, so including it twice, or two versions, is
/// harmless: the first definition wins.
pub fn classic_script(glue: &str, loader: &str) -> Result<String> {
    classic_script_with(glue, loader, None)
}

/// [`classic_script`], optionally with the wasm inside as base64 (`WASM_INLINE`), which
/// the loader decodes instead of fetching `chitieu_bg.wasm`.
fn classic_script_with(glue: &str, loader: &str, wasm_base64: Option<&str>) -> Result<String> {
    let glue = strip_module(glue)?;
    let inline = match wasm_base64 {
        Some(b) => format!("\"{b}\""),
        None => "null".to_string(),
    };
    Ok(format!(
        "/*! chitieu {version} | MIT OR Apache-2.0 */\n\
         (function () {{\n\
         \"use strict\";\n\
         if (typeof window === \"undefined\" || (window.chitieu && window.chitieu.version)) return;\n\
         var SCRIPT = document.currentScript;\n\
         var SCRIPT_URL = (SCRIPT && SCRIPT.src) || document.baseURI;\n\
         var VERSION = \"{version}\";\n\
         var WASM_INLINE = {inline};\n\
         var ESM_API = null;\n\
         {glue}\n\
         {loader}\n\
         }})();\n",
        version = env!("CARGO_PKG_VERSION"),
    ))
}

/// Standard base64 with padding (RFC 4648), as `atob` reads it.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The npm package in `pkg/`: an ES module over the full wasm (widgets and API), the glue
/// as wasm-bindgen wrote it (its `new URL("chitieu_api_bg.wasm", import.meta.url)` is what
/// Vite and webpack follow to bundle the wasm), TypeScript declarations and a README.
fn npm_package(r: &Path, api_glue: &str, loader: &str, api_wasm: &Path) -> Result {
    let pkg = r.join("pkg");
    let _ = std::fs::remove_dir_all(&pkg);
    std::fs::create_dir_all(&pkg).map_err(|e| format!("cannot create {}: {e}", pkg.display()))?;
    let js_dir = r.join("crates/chitieu-embed/js");
    write(&pkg.join("chitieu_api.js"), api_glue)?;
    std::fs::copy(api_wasm, pkg.join("chitieu_api_bg.wasm"))
        .map_err(|e| format!("cannot copy the wasm into pkg/: {e}"))?;
    write(&pkg.join("index.js"), &esm_module(loader))?;
    write(&pkg.join("index.d.ts"), &read(&js_dir.join("index.d.ts"))?)?;
    write(
        &pkg.join("README.md"),
        &read(&js_dir.join("npm-README.md"))?,
    )?;
    write(
        &pkg.join("package.json"),
        &format!(
            r#"{{
  "name": "chitieu",
  "version": "{version}",
  "description": "Targets against results for Vietnamese provincial digital-transformation plans: accessible, bilingual gauges, bullet charts, target tables, scorecards and trends (WebAssembly).",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./index.js",
  "module": "./index.js",
  "types": "./index.d.ts",
  "exports": {{
    ".": {{ "types": "./index.d.ts", "import": "./index.js", "default": "./index.js" }},
    "./package.json": "./package.json"
  }},
  "files": ["index.js", "index.d.ts", "chitieu_api.js", "chitieu_api_bg.wasm", "README.md"],
  "sideEffects": false,
  "keywords": ["chuyen-doi-so", "dti", "kpi", "gauge", "dashboard", "webassembly", "vietnam", "accessibility"]
}}
"#,
            version = env!("CARGO_PKG_VERSION")
        ),
    )
}

/// The loader as an ES module over the full wasm: no globals, nothing defined until the
/// importer calls `defineElements()`.
fn esm_module(loader: &str) -> String {
    format!(
        "/*! chitieu {version} | MIT OR Apache-2.0 */\n\
         import __wbg_init, {{ loadDataset, loadSheet, mount, stylesheet, scoreDataset, parseTargets, validateDataset, validateSheet, convertDataset }} from \"./chitieu_api.js\";\n\
         const SCRIPT = null;\n\
         const SCRIPT_URL = import.meta.url;\n\
         const VERSION = \"{version}\";\n\
         const WASM_INLINE = null;\n\
         const ESM_API = {{ scoreDataset, parseTargets, validateDataset, validateSheet, convertDataset }};\n\
         {loader}\n\
         let watching = false;\n\
         /** Defines the custom elements and upgrades `<div data-chitieu>` (now and when added). */\n\
         function defineAll() {{\n\
           defineElements();\n\
           if (!watching) {{ watching = true; watchDivs(); }}\n\
         }}\n\
         export {{ mountApi as mount, score, parseTargetsApi as parseTargets, validate, convert, defineAll as defineElements, VERSION as version }};\n",
        version = env!("CARGO_PKG_VERSION"),
    )
}

/// `chitieu_api.js`: the analysis API's glue, which the loader adds to the page on the
/// first call of score/parseTargets/validate. It hands a factory to the loader through
/// `chitieu.__registerApi` and defines nothing else.
pub fn api_script(glue: &str) -> Result<String> {
    let glue = strip_module(glue)?;
    Ok(format!(
        "/*! chitieu {version} analysis API | MIT OR Apache-2.0 */\n\
         (function () {{\n\
         \"use strict\";\n\
         var c = window.chitieu;\n\
         if (!c || typeof c.__registerApi !== \"function\") return;\n\
         c.__registerApi(function (SCRIPT_URL) {{\n\
         {glue}\n\
         return {{ init: __wbg_init, scoreDataset: scoreDataset, parseTargets: parseTargets, validateDataset: validateDataset, datasetJson: datasetJson, validateSheet: validateSheet, sheetDatasetJson: sheetDatasetJson, convertDataset: convertDataset }};\n\
         }});\n\
         }})();\n",
        version = env!("CARGO_PKG_VERSION"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_module_glue_into_a_classic_script() {
        let glue = "let wasm;\nexport function mount(a) { return a; }\nexport class H {}\n\
                    function i() { return new URL('x.wasm', import.meta.url); }\n\
                    export { initSync, __wbg_init as default };\n";
        let out = classic_script(glue, "defineElements();").expect("wraps");
        assert!(out.contains("function mount(a)"));
        assert!(out.contains("new URL('x.wasm', SCRIPT_URL)"));
        assert!(!out.contains("export"));
        assert!(out.trim_end().ends_with("})();"));
    }

    #[test]
    fn base64_matches_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn the_loader_table_has_every_loader_key_in_both_languages() {
        let table = loader_text();
        let (vi, en) = table.split_once("\n  en: {").expect("two languages");
        for k in Key::ALL.iter().filter(|k| k.code().starts_with("loader.")) {
            let name = camel_case(k.code().trim_start_matches("loader."));
            for half in [vi, en] {
                assert!(half.contains(&format!("    {name}: ")), "{name} missing");
            }
        }
        assert!(vi.contains(
            r#"http: function (status, url) { return "Không tải được dữ liệu (HTTP " + status + ") từ " + url; }"#
        ));
        assert!(en.contains(r#"noSource: "No data: set the src attribute or put a <script type=\"application/json\"> inside""#));
    }

    /// Every `TEXT[…].name` and `t.name` (where `t = TEXT[lang]`) in the loader is a key
    /// of the catalogue, so no message can be missing from the table at run time.
    #[test]
    fn the_loader_uses_only_words_the_catalogue_has() {
        let loader = std::fs::read_to_string(root().join("crates/chitieu-embed/js/loader.js"))
            .expect("loader.js");
        let with = with_catalogue(&loader).expect("the mark is there");
        assert!(!with.contains(CATALOGUE_MARK));
        let names: Vec<String> = Key::ALL
            .iter()
            .filter(|k| k.code().starts_with("loader."))
            .map(|k| camel_case(k.code().trim_start_matches("loader.")))
            .collect();
        let mut used = Vec::new();
        let bytes = loader.as_bytes();
        for (i, _) in loader.match_indices("TEXT[") {
            let after = loader[i..].find(']').map(|close| &loader[i + close + 1..]);
            if let Some(name) = after.and_then(|a| a.strip_prefix('.')) {
                used.push(word_at(name));
            }
        }
        for (i, _) in loader.match_indices("t.") {
            let before = i.checked_sub(1).map(|j| bytes[j]);
            if before
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'.')
            {
                continue;
            }
            used.push(word_at(&loader[i + 2..]));
        }
        assert!(
            used.len() >= 15,
            "the scan found the loader's words: {used:?}"
        );
        for u in used {
            assert!(
                names.contains(&u),
                "the loader uses TEXT's `{u}`, which the catalogue has not"
            );
        }
    }

    fn word_at(s: &str) -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    }

    #[test]
    fn refuses_glue_it_does_not_understand() {
        assert!(classic_script("import * as x from 'y';\n", "").is_err());
        assert!(api_script("import x from 'y';\n").is_err());
    }
}
