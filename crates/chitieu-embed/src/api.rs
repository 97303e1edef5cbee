//! The analysis API (`score`, `parseTargets`, `validate`), compiled only with the `api`
//! feature. The script-tag bundle builds it into a second wasm that is fetched the first
//! time one of these functions is called, so pages that only show widgets never pay for
//! the parser and the JSON writer.

use chitieu_core::load;
use chitieu_core::Date;
use wasm_bindgen::prelude::*;

/// A present, non-blank option.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Scores a dataset (JSON or CSV text) at `as_of` (`YYYY-MM-DD`; default the dataset's
/// own, else `today`): the same figures as `chitieu score --format json`, as JSON text.
#[wasm_bindgen(js_name = scoreDataset)]
pub fn score_dataset(
    text: &str,
    name: Option<String>,
    as_of: Option<String>,
    today: Option<String>,
) -> Result<String, JsError> {
    let loaded =
        load::load_auto(text, name.as_deref()).map_err(|e| JsError::new(&e.to_string()))?;
    let date = |field: &str, s: &str| {
        s.parse::<Date>()
            .map_err(|e| JsError::new(&format!("{field}: {e}")))
    };
    let as_of = match (given(&as_of), loaded.dataset.as_of, given(&today)) {
        (Some(s), _, _) => date("asOf", s)?,
        (None, Some(d), _) => d,
        (None, None, Some(t)) => date("today", t)?,
        (None, None, None) => {
            return Err(JsError::new("asOf: give the evaluation date (YYYY-MM-DD)"))
        }
    };
    let scored = chitieu_core::score::score_dataset(
        &loaded.dataset,
        as_of,
        &chitieu_core::score::ScoreConfig::default(),
    );
    serde_json::to_string(&scored).map_err(|e| JsError::new(&e.to_string()))
}

/// Reads the targets in a Vietnamese sentence, as JSON text (the shape of
/// `chitieu parse-target`).
#[wasm_bindgen(js_name = parseTargets)]
pub fn parse_targets(text: &str) -> Result<String, JsError> {
    let targets =
        chitieu_core::parse::parse_targets(text).map_err(|e| JsError::new(&e.to_string()))?;
    serde_json::to_string(&targets).map_err(|e| JsError::new(&e.to_string()))
}

/// Checks a dataset (JSON or CSV text): `{"valid": bool, "diagnostics": [...]}` as JSON
/// text, every finding with its path, line, column, code and message — in `lang` (`vi`,
/// `en`) when given, else in English.
#[wasm_bindgen(js_name = validateDataset)]
pub fn validate_dataset(text: &str, name: Option<String>, lang: Option<String>) -> String {
    let (valid, mut diagnostics) = match load::load_auto(text, name.as_deref()) {
        Ok(l) => (true, l.warnings),
        Err(e) => (false, e.diagnostics()),
    };
    if let Some(lang) = given(&lang) {
        for d in &mut diagnostics {
            d.message = d.message_in(lang);
        }
    }
    serde_json::json!({ "valid": valid, "diagnostics": diagnostics }).to_string()
}

/// A dataset (JSON or CSV text, by `name`'s extension, else by sniffing) as canonical
/// `chitieu/1` JSON, for the widgets' wasm, which reads only what `JSON.parse` gives it:
/// the loader sends here CSV and whatever that wasm could not take as it is. A file with
/// mistakes fails with every message of loading it (line, column, field), led by `name`,
/// in `lang` (`vi`, `en`; default English): the widget's language.
#[wasm_bindgen(js_name = datasetJson)]
pub fn dataset_json(
    text: &str,
    name: Option<String>,
    lang: Option<String>,
) -> Result<String, JsError> {
    Ok(load::to_json(&load_named(text, name, lang)?.dataset))
}

/// Loads JSON or CSV text with every message located and led by `name` (a URL or file
/// name), so a page with several datasets says which one is wrong, and where; the
/// messages in `lang` (default English).
pub(crate) fn load_named(
    text: &str,
    name: Option<String>,
    lang: Option<String>,
) -> Result<load::Loaded, JsError> {
    load::load_auto(text, name.as_deref()).map_err(|e| {
        let e = e.display_in(given(&lang).unwrap_or("en"));
        JsError::new(&match &name {
            Some(n) => format!("{n}: {e}"),
            None => e,
        })
    })
}
