//! Minifies the widgets' stylesheets into `OUT_DIR` (comments and layout whitespace
//! out): the CSS travels inside the browser's wasm, where every byte counts. The
//! sources in `styles/` stay commented.

use std::path::Path;

const SHEETS: [&str; 7] = [
    "base",
    "gauge",
    "bullet",
    "table",
    "scorecard",
    "trend",
    "tasks",
];

fn main() {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    for name in SHEETS {
        let src = format!("styles/{name}.css");
        println!("cargo:rerun-if-changed={src}");
        let css = std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let dest = Path::new(&out).join(format!("{name}.css"));
        std::fs::write(&dest, minify(&css)).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    }
}

/// Drops comments, collapses whitespace, and removes it around `{ } ; , >`, after `: `
/// and the last `;` of a block. The only strings are font names ("Segoe UI"), whose
/// single spaces survive; a space before `:` stays (`.a :hover` is not `.a:hover`).
fn minify(css: &str) -> String {
    let mut no_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        no_comments.push_str(&rest[..i]);
        rest = rest[i + 2..]
            .find("*/")
            .map_or("", |j| &rest[i + 2 + j + 2..]);
        no_comments.push(' ');
    }
    no_comments.push_str(rest);
    let words: Vec<&str> = no_comments.split_whitespace().collect();
    let mut out = String::with_capacity(css.len());
    for w in words {
        let glue = out.ends_with(['{', '}', ';', ',', '>'])
            || w.starts_with(['{', '}', ';', ',', '>'])
            || out.is_empty();
        if !glue {
            out.push(' ');
        }
        out.push_str(w);
    }
    // ": " after a property name; in a selector a colon is never followed by a space.
    out.replace(";}", "}").replace(": ", ":")
}
