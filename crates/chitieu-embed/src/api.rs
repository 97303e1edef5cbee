//! The analysis API (`score`, `parseTargets`, `validate`), compiled only with the `api`
//! feature. The script-tag bundle builds it into a second wasm that is fetched the first
//! time one of these functions is called, so pages that only show widgets never pay for
//! the parser and the JSON writer.

use chitieu_core::load;
#[cfg(feature = "sheets")]
use chitieu_core::load::sheets;
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
    validation(load::load_auto(text, name.as_deref()), lang)
}

/// [`validate_dataset`] for a spreadsheet (.xlsx, .xlsm, .xls, .ods): every finding also
/// has `sheet`, `{name, row, cell, title}`, where the clerk looks for it.
#[wasm_bindgen(js_name = validateSheet)]
pub fn validate_sheet(bytes: &[u8], lang: Option<String>) -> Result<String, JsError> {
    Ok(validation(read_sheet(bytes, load::Policy::Strict)?, lang))
}

/// A spreadsheet read, in the build that reads them (feature `sheets`: `chitieu_sheets.js`,
/// which the loader fetches only for a spreadsheet, so CSV and JSON pages do not download
/// calamine); the analysis build without it says so.
fn read_sheet(
    bytes: &[u8],
    policy: load::Policy,
) -> Result<Result<load::Loaded, load::LoadError>, JsError> {
    #[cfg(feature = "sheets")]
    return Ok(sheets::load_sheets_with(bytes, policy));
    #[cfg(not(feature = "sheets"))]
    {
        let _ = (bytes, policy);
        Err(JsError::new(
            "chitieu: this build reads no spreadsheets (chitieu_sheets.js does)",
        ))
    }
}

/// Whether `bytes` (named `name`) are a spreadsheet; never, in a build that reads none.
fn is_sheet(name: Option<&str>, bytes: &[u8]) -> bool {
    #[cfg(feature = "sheets")]
    return sheets::is_spreadsheet(name, bytes);
    #[cfg(not(feature = "sheets"))]
    {
        let _ = (name, bytes);
        false
    }
}

fn validation(result: Result<load::Loaded, load::LoadError>, lang: Option<String>) -> String {
    let (valid, mut diagnostics) = match result {
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

/// A dataset (JSON or CSV text, by `name`'s extension, else by sniffing) for the
/// widgets' wasm, which reads only what `JSON.parse` gives it: the loader sends here CSV
/// and whatever that wasm could not take as it is. Gives `{"dataset": …, "quarantined":
/// […]}`: the healthy part as canonical `chitieu/1` JSON, and the indicators and tasks set aside
/// with their errors in `lang` (see `chitieu_core::load` on quarantine, and
/// `lean::quarantined` for the shape). A file with
/// an error about the whole of it fails with every message of loading it (line, column,
/// field), led by `name`, in `lang` too.
#[wasm_bindgen(js_name = datasetJson)]
pub fn dataset_json(
    text: &str,
    name: Option<String>,
    lang: Option<String>,
) -> Result<String, JsError> {
    widget_json(load_named(Input::Text(text), name, lang.as_deref())?)
}

/// [`dataset_json`] for a spreadsheet's bytes: a widget's `src` may be an .xlsx or .ods.
#[wasm_bindgen(js_name = sheetDatasetJson)]
pub fn sheet_dataset_json(
    bytes: &[u8],
    name: Option<String>,
    lang: Option<String>,
) -> Result<String, JsError> {
    widget_json(load_named(Input::Sheet(bytes), name, lang.as_deref())?)
}

/// The dataset in another form, for the playground's downloads: `to` is `json` or `csv`,
/// and `xlsx` in the build with the workbook writer (feature `xlsx`: the playground's own
/// module, not the analysis wasm portals load); `bytes` JSON or CSV text, or a
/// spreadsheet (by `name`'s extension, else by its first bytes). Strict, as `chitieu convert`: a file with any error converts to nothing.
#[wasm_bindgen(js_name = convertDataset)]
pub fn convert_dataset(bytes: &[u8], name: Option<String>, to: &str) -> Result<Vec<u8>, JsError> {
    let loaded = if is_sheet(name.as_deref(), bytes) {
        read_sheet(bytes, load::Policy::Strict)?
    } else {
        let text = std::str::from_utf8(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        load::load_auto(text, name.as_deref())
    }
    .map_err(|e| JsError::new(&e.to_string()))?;
    let ds = &loaded.dataset;
    match to {
        "json" => Ok(load::to_json(ds).into_bytes()),
        "csv" => Ok(load::to_csv(ds).into_bytes()),
        #[cfg(feature = "xlsx")]
        "xlsx" => sheets::to_xlsx(ds).map_err(|e| JsError::new(&e)),
        other => Err(JsError::new(&format!(
            "to: '{other}': expected json or csv"
        ))),
    }
}

/// What a widget's loader gets: the healthy part as JSON and the indicators set aside.
fn widget_json(loaded: load::Loaded) -> Result<String, JsError> {
    // What a widget shows of each: its errors, as sentences (see `lean::quarantined`).
    let tasks = loaded.dataset.quarantined_tasks.iter().map(|q| (q, true));
    let quarantined: Vec<serde_json::Value> = (loaded.dataset.quarantined.iter())
        .map(|q| (q, false))
        .chain(tasks)
        .map(|(q, task)| {
            let errors: Vec<&str> = q
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.message.as_str())
                .collect();
            let mut o = serde_json::json!({
                "index": q.index, "id": q.id, "name": q.name, "pillar": q.pillar, "errors": errors
            });
            if task {
                o["task"] = true.into();
            }
            o
        })
        .collect();
    Ok(format!(
        "{{\"dataset\": {}, \"quarantined\": {}}}",
        load::to_json(&loaded.dataset).trim_end(),
        serde_json::Value::from(quarantined)
    ))
}

/// A dataset as the loader has it: text (JSON or CSV) or a spreadsheet's bytes.
pub(crate) enum Input<'a> {
    Text(&'a str),
    Sheet(&'a [u8]),
}

/// Loads JSON or CSV text, or a spreadsheet, for widgets: indicators with errors of their own set aside, the
/// findings about them in `lang` (`vi` unless `en`), and every message of a refused file
/// in `lang`, located and led by `name` (a URL or file name), so a page with several
/// datasets says which one is wrong, and where.
pub(crate) fn load_named(
    input: Input,
    name: Option<String>,
    lang: Option<&str>,
) -> Result<load::Loaded, JsError> {
    let lang = match lang {
        Some(l) if l.starts_with("en") => "en",
        _ => "vi",
    };
    let policy = load::Policy::Quarantine;
    let loaded = match input {
        Input::Text(text) => load::load_auto_with(text, name.as_deref(), policy),
        Input::Sheet(bytes) => read_sheet(bytes, policy)?,
    };
    let mut loaded = loaded.map_err(|e| {
        let e = e.display_in(lang);
        JsError::new(&match &name {
            Some(n) => format!("{n}: {e}"),
            None => e,
        })
    })?;
    let ds = &mut loaded.dataset;
    for q in ds.quarantined.iter_mut().chain(&mut ds.quarantined_tasks) {
        q.localize(lang);
        // Led by the file, as a refused file's messages are: a page's log of
        // chitieu:error events then says which dataset to fix.
        if let Some(n) = &name {
            for d in &mut q.diagnostics {
                d.message = format!("{n}: {}", d.message);
            }
        }
    }
    Ok(loaded)
}
