//! The `chitieu` command's contract: output shapes and exit codes.

use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs `chitieu` with no locale (so in English), then the locale variables `env`.
fn chitieu_with(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_chitieu"));
    cmd.args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the chitieu binary runs")
}

fn chitieu(args: &[&str]) -> Output {
    chitieu_with(args, &[])
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn seed(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../seeds")
        .join(name);
    p.to_string_lossy().into_owned()
}

/// A scratch file unique to this test process.
fn scratch(name: &str, content: &str) -> String {
    let dir = std::env::temp_dir().join(format!("chitieu-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, content).expect("write scratch file");
    p.to_string_lossy().into_owned()
}

#[test]
fn validate_accepts_a_seed_dataset() {
    let o = chitieu(&["validate", &seed("quang-nam-2024.json")]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("0 error(s)"), "{}", stdout(&o));
}

#[test]
fn validate_reports_where_and_exits_1() {
    let bad = r#"{"schema":"chitieu/1","plan":{"id":"p","title":"t"},
"indicators":[{"id":"a","name":"A","unit":"percent",
  "targets":[{"op":"range","min":15}]}]}"#;
    let o = chitieu(&["validate", &scratch("bad.json", bad)]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("indicators[0].targets[0]"), "{out}");
    assert!(out.contains("max"), "{out}");
    assert!(out.contains("line 3"), "{out}");
}

#[test]
fn validate_json_output_is_machine_readable() {
    let o = chitieu(&["validate", "--format", "json", &seed("quang-nam-2024.json")]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["valid"], true);
    assert!(v["diagnostics"].is_array());
}

#[test]
fn score_json_has_the_promised_fields() {
    let o = chitieu(&[
        "score",
        &seed("quang-nam-2024.json"),
        "--as-of",
        "2024-06-30",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["as_of"], "2024-06-30");
    let wifi = v["indicators"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == "wifi-nha-van-hoa"))
        .expect("wifi indicator scored");
    // 1014/1240 = 81.774…%, against ≥ 100%.
    let latest = wifi["latest"]["value"].as_f64().expect("latest value");
    assert!((latest - 81.774_193_548).abs() < 1e-6, "{latest}");
    for field in [
        "current_target",
        "achieved",
        "attainment",
        "gap",
        "status",
        "progress_ratio",
        "expected_now",
    ] {
        assert!(wifi.get(field).is_some(), "missing {field}");
    }
    assert_eq!(wifi["status"], "insufficient_data");
    assert!(v["overall"]["coverage"].is_number());
    assert!(v["pillars"].is_array());
}

#[test]
fn score_table_uses_vietnamese_numbers() {
    let o = chitieu(&[
        "score",
        &seed("quang-nam-2024.json"),
        "--as-of",
        "2024-06-30",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("81,77%"), "{out}");
    assert!(out.contains("overall"), "{out}");
}

#[test]
fn score_json_says_what_each_score_rests_on_and_whether_it_is_withheld() {
    let score = |extra: &[&str]| {
        let mut args = vec!["score", "--format", "json"];
        args.extend(extra);
        let seed = seed("quang-nam-2024.json");
        args.push(&seed);
        let o = chitieu(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_str::<serde_json::Value>(&stdout(&o)).expect("JSON")
    };
    // As of the seed's own date, 2024-01-15: 2 of 72 indicators have a target and a result
    // (wifi 81,77%, e-invoices 100%), below one third.
    let v = score(&[]);
    let o = &v["overall"];
    assert_eq!(
        (&o["scored"], &o["with_data"], &o["total"]),
        (&2.into(), &45.into(), &72.into())
    );
    assert_eq!(o["withheld"], true);
    // Still computed, for those who ask: (0.8177 + 1) / 2.
    assert!(o["score"]
        .as_f64()
        .is_some_and(|s| (s - 0.908_870_967_7).abs() < 1e-9));
    let third = v["config"]["min_coverage"].as_f64().unwrap_or_default();
    assert!((third - 1.0 / 3.0).abs() < 1e-15, "{third}");
    let cqs = v["pillars"]
        .as_array()
        .and_then(|a| a.iter().find(|p| p["id"] == "chinh-quyen-so"))
        .expect("pillar chinh-quyen-so");
    assert_eq!(
        (&cqs["scored"], &cqs["total"], &cqs["withheld"]),
        (&1.into(), &27.into(), &true.into())
    );
    // A pillar without a score has nothing to withhold.
    let xhs = v["pillars"]
        .as_array()
        .and_then(|a| a.iter().find(|p| p["id"] == "xa-hoi-so"))
        .expect("pillar xa-hoi-so");
    assert_eq!(
        (&xhs["score"], &xhs["withheld"]),
        (&serde_json::Value::Null, &false.into())
    );

    // 2/72 = 2,78%: shown from a minimum of 2% (and with 0), withheld at 3%.
    assert_eq!(
        score(&["--min-coverage", "2%"])["overall"]["withheld"],
        false
    );
    assert_eq!(
        score(&["--min-coverage", "0"])["overall"]["withheld"],
        false
    );
    assert_eq!(
        score(&["--min-coverage", "0.03"])["overall"]["withheld"],
        true
    );
}

#[test]
fn score_table_prints_withheld_instead_of_the_number() {
    let o = chitieu(&["score", &seed("quang-nam-2024.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let overall = out
        .lines()
        .find(|l| l.starts_with("overall"))
        .unwrap_or_default();
    assert!(
        overall.contains("withheld") && overall.contains("2/72"),
        "{overall}"
    );
    assert!(!overall.contains("90,9"), "{overall}");
    let o = chitieu(&["score", &seed("quang-nam-2024.json"), "--min-coverage", "0"]);
    let out = stdout(&o);
    let overall = out
        .lines()
        .find(|l| l.starts_with("overall"))
        .unwrap_or_default();
    assert!(overall.contains("90,9%"), "{overall}");
}

#[test]
fn score_rejects_a_bad_minimum_coverage_as_a_usage_error() {
    for bad in ["1.5", "150%", "half", "-0.1"] {
        let arg = format!("--min-coverage={bad}");
        let o = chitieu(&["score", &seed("quang-nam-2024.json"), &arg]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        let err = stderr(&o);
        assert!(
            err.contains("--min-coverage") && err.contains("50%"),
            "{err}"
        );
    }
}

#[test]
fn score_rejects_a_bad_date() {
    let o = chitieu(&[
        "score",
        &seed("quang-nam-2024.json"),
        "--as-of",
        "2024-13-01",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--as-of"), "{}", stderr(&o));
}

#[test]
fn parse_target_prints_the_contract_shape() {
    let o = chitieu(&[
        "parse-target",
        "Trên 95% tỷ lệ hồ sơ công việc tại cấp tỉnh",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v[0]["op"], "gt");
    assert_eq!(v[0]["value"], 95.0);
    assert_eq!(v[0]["unit"], "percent");
    assert_eq!(v[0]["level"], "province");
}

#[test]
fn parse_target_fails_without_a_target() {
    let o = chitieu(&["parse-target", "Xây dựng các nền tảng số dùng chung"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr(&o).is_empty());
}

#[test]
fn convert_round_trips_through_csv() {
    let dir = std::env::temp_dir().join(format!("chitieu-cli-conv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let csv = dir.join("qn.csv").to_string_lossy().into_owned();
    let json = dir.join("qn.json").to_string_lossy().into_owned();
    let o = chitieu(&["convert", &seed("quang-nam-2024.json"), &csv]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = chitieu(&["convert", &csv, &json]);
    assert!(o.status.success(), "{}", stderr(&o));
    let load = |p: &str| {
        let text = std::fs::read_to_string(p).expect("read");
        chitieu_core::load::load_json(&text).expect("loads").dataset
    };
    assert_eq!(load(&seed("quang-nam-2024.json")), load(&json));
}

/// A name a spreadsheet would run is written as `'=…` in the CSV and read back
/// without the apostrophe; a negative figure is written as it is.
#[test]
fn convert_guards_formula_cells_and_restores_them() {
    let name = "=HYPERLINK(\"http://x.invalid\",\"Xem\")";
    let json = format!(
        r#"{{"schema":"chitieu/1","plan":{{"id":"p","title":"Kế hoạch"}},
"indicators":[{{"id":"a","name":{name:?},"unit":"count",
  "targets":[{{"op":"gte","value":10}}],"observations":[{{"period":"2024","value":-5}}]}}]}}"#
    );
    let src = scratch("formula.json", &json);
    let (csv, back) = (scratch("formula.csv", ""), scratch("formula-back.json", ""));
    let o = chitieu(&["convert", &src, &csv]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&csv).expect("read CSV");
    assert!(
        text.contains(r#","'=HYPERLINK(""http://x.invalid"",""Xem"")","#),
        "{text}"
    );
    assert!(text.contains("observation,a,2024,-5,"), "{text}");
    let o = chitieu(&["convert", &csv, &back]);
    assert!(o.status.success(), "{}", stderr(&o));
    let load = |p: &str| {
        let text = std::fs::read_to_string(p).expect("read");
        chitieu_core::load::load_json(&text).expect("loads").dataset
    };
    let restored = load(&back);
    assert_eq!(restored.indicators[0].name.vi, name);
    assert_eq!(restored, load(&src));
}

#[test]
fn convert_refuses_unknown_output_extensions() {
    let o = chitieu(&["convert", &seed("quang-nam-2024.json"), "/tmp/out.ods"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(".json, .csv or .xlsx"),
        "{}",
        stderr(&o)
    );
}

fn sheet_fixture(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/sheets")
        .join(name);
    p.to_string_lossy().into_owned()
}

/// JSON → xlsx → JSON gives the same dataset, and the workbook validates, scores and
/// renders like the JSON it came from.
#[test]
fn convert_round_trips_through_xlsx_and_every_command_reads_it() {
    let dir = std::env::temp_dir().join(format!("chitieu-cli-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let xlsx = dir.join("qn.xlsx").to_string_lossy().into_owned();
    let json = dir.join("qn.json").to_string_lossy().into_owned();
    let o = chitieu(&["convert", &seed("quang-nam-2024.json"), &xlsx]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = chitieu(&["convert", &xlsx, &json]);
    assert!(o.status.success(), "{}", stderr(&o));
    let load = |p: &str| {
        let text = std::fs::read_to_string(p).expect("read");
        chitieu_core::load::load_json(&text).expect("loads").dataset
    };
    assert_eq!(load(&seed("quang-nam-2024.json")), load(&json));
    let o = chitieu(&["validate", &xlsx]);
    assert!(o.status.success(), "{}", stderr(&o));
    let a = chitieu(&["score", "--format", "json", &xlsx]);
    let b = chitieu(&["score", "--format", "json", &seed("quang-nam-2024.json")]);
    assert!(a.status.success(), "{}", stderr(&a));
    assert_eq!(stdout(&a), stdout(&b));
    let o = chitieu(&["render", "--widget", "table", "--format", "fragment", &xlsx]);
    assert!(o.status.success(), "{}", stderr(&o));
    for name in [
        "template-flat.ods",
        "template-flat.xls",
        "template-book.ods",
    ] {
        let o = chitieu(&["validate", &sheet_fixture(name)]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
    }
}

/// A spreadsheet's mistakes name the sheet, the cell and the column: in text, in the
/// reader's language, and in JSON with a `sheet` object; exit 1.
#[test]
fn validate_names_the_sheet_and_cell_of_each_mistake() {
    let file = sheet_fixture("bad-flat.xlsx");
    let o = chitieu(&["validate", "--lang", "vi", &file]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("lỗi: Trang 'bad-flat', ô E5 (numerator): chỉ tiêu 'cqs-01': kết quả kỳ 2024-Q3: 'numerator': '7x' không phải là số"),
        "{}",
        stdout(&o)
    );
    let o = chitieu(&["validate", "--format", "json", &file]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let d = &v["diagnostics"][1];
    assert_eq!(d["sheet"]["name"], "bad-flat");
    assert_eq!(d["sheet"]["cell"], "E5");
    assert_eq!(d["line"], 5);
    assert_eq!(d["field"], "numerator");
    let o = chitieu(&["convert", &file, "/tmp/never-written.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("Sheet 'bad-flat', cell H4 (op)"),
        "{}",
        stderr(&o)
    );
}

/// docs/template.xlsx (made by `cargo xtask build`) opens and validates.
#[test]
fn the_xlsx_template_validates() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/template.xlsx");
    let o = chitieu(&["validate", &p.to_string_lossy()]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("0 error(s), 0 warning(s)"),
        "{}",
        stdout(&o)
    );
}

/// A CSV dataset whose one target has an op that does not exist: line 3, cell 5.
const UNKNOWN_OP_CSV: &str = "record,id,name,unit,op,value,period\n\
plan,p,Kế hoạch,,,,\n\
target,x,,,khoang,5,2025\n\
indicator,x,Chỉ tiêu,percent,,,\n";

const UNKNOWN_OP_VI: &str = "lỗi: dòng 3, cột 5 (op): chỉ tiêu 'x': mục tiêu 1: 'khoang' không phải là phép so sánh hợp lệ; dùng một trong: gte, gt, lte, lt, eq, range, approx";

#[test]
fn lang_vi_gives_every_message_in_vietnamese() {
    let file = scratch("khoang.csv", UNKNOWN_OP_CSV);
    let o = chitieu(&["validate", "--lang", "vi", &file]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains(UNKNOWN_OP_VI), "{out}");
    assert!(out.contains(": 1 lỗi, "), "{out}");
    assert!(
        stderr(&o).contains("không phải là bộ dữ liệu chitieu/1 hợp lệ"),
        "{}",
        stderr(&o)
    );
    // The command's own messages too.
    let o = chitieu(&["validate", "/no/such/file.json", "--lang", "vi"]);
    assert!(
        stdout(&o).contains("lỗi: không đọc được /no/such/file.json"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn the_locale_chooses_the_language_when_lang_is_not_given() {
    let file = scratch("khoang-locale.csv", UNKNOWN_OP_CSV);
    let vi = |env: &[(&str, &str)]| stdout(&chitieu_with(&["validate", &file], env));
    assert!(vi(&[("LANG", "vi_VN.UTF-8")]).contains(UNKNOWN_OP_VI));
    assert!(vi(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "vi_VN")]).contains(UNKNOWN_OP_VI));
    // LC_ALL comes first, and anything but vi* is English.
    let en = vi(&[("LANG", "vi_VN.UTF-8"), ("LC_ALL", "C.UTF-8")]);
    assert!(
        en.contains("error: line 3, column 5 (op): indicator 'x': target 1: unknown op 'khoang'"),
        "{en}"
    );
    assert!(en.contains(": 1 error(s), "), "{en}");
    // --lang wins over the locale.
    let o = chitieu_with(
        &["validate", "--lang", "en", &file],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert!(stdout(&o).contains("unknown op 'khoang'"), "{}", stdout(&o));
}

#[test]
fn validate_json_keeps_english_and_adds_the_chosen_language() {
    let file = scratch("khoang-json.csv", UNKNOWN_OP_CSV);
    let o = chitieu(&["validate", "--format", "json", "--lang", "vi", &file]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["lang"], "vi");
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "target.op_unknown");
    assert!(d["message"].as_str().is_some_and(
        |m| m.ends_with("unknown op 'khoang': expected one of gte, gt, lte, lt, eq, range, approx")
    ));
    assert!(d["text"]
        .as_str()
        .is_some_and(|m| m.ends_with("'khoang' không phải là phép so sánh hợp lệ; dùng một trong: gte, gt, lte, lt, eq, range, approx")));
}

#[test]
fn lang_takes_vi_or_en_only() {
    let o = chitieu(&["validate", "--lang", "fr", &seed("quang-nam-2024.json")]);
    assert_eq!(o.status.code(), Some(2));
    // It also sets the language of the score table.
    let o = chitieu(&[
        "score",
        &seed("quang-nam-2024.json"),
        "--as-of",
        "2024-06-30",
        "--lang",
        "en",
    ]);
    assert!(stdout(&o).contains("81.77%"), "{}", stdout(&o));
}

/// The Quảng Nam 2024 seed with three mistakes in `hscv-huyen` (the browser tests' fixture).
fn one_bad(ext: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/pages/faults/data")
        .join(format!("one-bad-indicator.{ext}"));
    p.to_string_lossy().into_owned()
}

#[test]
fn score_and_render_set_a_bad_indicator_aside_and_say_so() {
    for ext in ["json", "csv"] {
        let o = chitieu(&["score", "--format", "json", &one_bad(ext)]);
        assert!(o.status.success(), "{ext}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains("indicator 'hscv-huyen' is left out"), "{err}");
        assert!(err.contains("khoang"), "{err}");
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
        let q = &v["quarantined"];
        assert_eq!(q.as_array().map(Vec::len), Some(1), "{q}");
        assert_eq!(q[0]["id"], "hscv-huyen");
        assert_eq!(q[0]["diagnostics"].as_array().map(Vec::len), Some(3), "{q}");
        let scored = v["indicators"].as_array().expect("indicators");
        assert_eq!(scored.len(), 71, "the other indicators are scored");
        assert!(scored.iter().all(|s| s["id"] != "hscv-huyen"));

        let strict = chitieu(&["score", "--strict", &one_bad(ext)]);
        assert_eq!(strict.status.code(), Some(1), "{ext}: --strict refuses");
        assert!(stderr(&strict).contains("khoang"), "{}", stderr(&strict));
    }
    let gauge = ["render", "--widget", "gauge", "--format", "fragment"];
    let bad = chitieu(&[&gauge[..], &["--indicator", "hscv-huyen", &one_bad("csv")]].concat());
    assert!(bad.status.success(), "{}", stderr(&bad));
    let html = stdout(&bad);
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(
        html.contains("Dữ liệu không hợp lệ ở chỉ tiêu &#39;hscv-huyen&#39;")
            || html.contains("Dữ liệu không hợp lệ ở chỉ tiêu 'hscv-huyen'"),
        "{html}"
    );
    assert!(html.contains("(op)") && html.contains("khoang"), "{html}");
    let ok = chitieu(&[&gauge[..], &["--indicator", "hscv-tinh", &one_bad("json")]].concat());
    assert!(!stdout(&ok).contains("role=\"alert\""), "{}", stdout(&ok));
}

#[test]
fn validate_reports_every_error_of_every_indicator_in_one_round() {
    for ext in ["json", "csv"] {
        let o = chitieu(&["validate", &one_bad(ext)]);
        assert_eq!(o.status.code(), Some(1), "{ext}");
        let out = stdout(&o);
        for w in ["huyen", "khoang", "chín mươi"] {
            assert!(out.contains(w), "{ext}: {w} in {out}");
        }
        assert!(out.contains("3 error(s)"), "{out}");
    }
}
