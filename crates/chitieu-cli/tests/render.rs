//! `chitieu render`: static HTML and SVG from the same components as the browser.
//!
//! Snapshot files live in `tests/snapshots/`; after an intended change to the markup,
//! regenerate them with `UPDATE_SNAPSHOTS=1 cargo test -p chitieu-cli --test render`
//! and review the diff.

use std::path::PathBuf;
use std::process::Command;

fn here() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn render(args: &[&str]) -> (String, String, Option<i32>) {
    let data = here().join("data/render.json");
    let o = Command::new(env!("CARGO_BIN_EXE_chitieu"))
        .arg("render")
        .arg(&data)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("chitieu runs");
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        o.status.code(),
    )
}

/// Compares with the stored snapshot (or rewrites it when UPDATE_SNAPSHOTS is set).
fn snapshot(name: &str, actual: &str) {
    let path = here().join("snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}: run with UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from its snapshot; if intended, rerun with UPDATE_SNAPSHOTS=1.\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

#[test]
fn gauge_fragment_vietnamese() {
    let (out, err, code) = render(&["--indicator", "ho-so", "--format", "fragment"]);
    assert_eq!(code, Some(0), "{err}");
    // 76162/99483 = 76,557…%: computed, not the printed 76,55.
    assert!(out.contains(">76,56%<"), "{out}");
    assert!(out.contains("Mục tiêu: trên 95% · 2024"), "{out}");
    assert!(out.contains("role=\"img\""), "{out}");
    assert!(!out.contains("style=\""), "no inline styles: {out}");
    snapshot("gauge-ho-so.vi.html", &out);
}

#[test]
fn gauge_fragment_english_dark_ring() {
    let (out, err, code) = render(&[
        "--indicator",
        "ho-so",
        "--format",
        "fragment",
        "--lang",
        "en",
        "--theme",
        "dark",
        "--variant",
        "ring",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains(">76.56%<"), "{out}");
    assert!(out.contains("theme-dark") && out.contains("ring"), "{out}");
    assert!(out.contains("Target: above 95% · 2024"), "{out}");
    snapshot("gauge-ho-so.en.dark.ring.html", &out);
}

#[test]
fn gauge_range_lower_is_better_money_and_no_data() {
    for (id, must) in [
        ("kinh-te-so", vec!["từ 8–10%", "class=\"target-band\""]),
        ("su-co", vec!["dưới 5", ">8<"]),
        (
            "ngan-sach",
            vec!["2,5 tỷ đồng", "tối thiểu 2 tỷ đồng", "Đã đạt"],
        ),
        ("chua-co", vec![">—<", "Chưa có số liệu", "Cấp xã"]),
    ] {
        let (out, err, code) = render(&["--indicator", id, "--format", "fragment"]);
        assert_eq!(code, Some(0), "{id}: {err}");
        for m in must {
            assert!(out.contains(m), "{id}: expected {m:?} in {out}");
        }
        snapshot(&format!("gauge-{id}.vi.html"), &out);
    }
}

#[test]
fn whole_document_and_standalone_svg() {
    let (html, _, code) = render(&["--indicator", "ho-so"]);
    assert_eq!(code, Some(0));
    assert!(
        html.starts_with("<!doctype html>")
            && html.contains("<style>")
            && html.contains("lang=\"vi\"")
    );
    let (svg, _, code) = render(&["--indicator", "ho-so", "--format", "svg"]);
    assert_eq!(code, Some(0));
    assert!(svg.starts_with("<?xml"), "{svg}");
    assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("<title>Tỷ lệ hồ sơ công việc"), "{svg}");
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(svg.matches("<svg").count(), 1);
}

#[test]
fn errors_name_the_problem() {
    let (_, err, code) = render(&["--indicator", "abc"]);
    // An unknown indicator renders the widget's error box, as in the browser.
    assert_eq!(code, Some(0), "{err}");
    let (out, _, _) = render(&["--indicator", "abc", "--format", "fragment"]);
    assert!(
        out.contains("Không tìm thấy chỉ tiêu &#x27;abc&#x27;")
            || out.contains("Không tìm thấy chỉ tiêu 'abc'"),
        "{out}"
    );
    let (_, err, code) = render(&["--widget", "pie"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("'pie'"), "{err}");
    let (_, err, code) = render(&["--indicator", "ho-so", "--as-of", "2024-02-30"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("--as-of"), "{err}");
}

#[test]
fn the_scorecard_withholds_scores_below_the_minimum_coverage() {
    // tests/data/render.json: 4 of 5 indicators scored, 80,1% overall; Chính quyền số
    // 2 of 3 (71,5%), Kinh tế số 2 of 2 (88,8%).
    let args = ["--widget", "scorecard", "--format", "fragment"];
    let (out, err, code) = render(&args);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains(
            "80,1%</span> — <span class=\"basis\">tính trên 4/5 chỉ tiêu có cả mục tiêu và số liệu"
        ),
        "{out}"
    );
    let mut high = args.to_vec();
    high.extend(["--min-coverage", "90%"]);
    let (out, err, code) = render(&high);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Chưa đủ số liệu để tính điểm chung"), "{out}");
    assert!(
        out.contains("4/5 chỉ tiêu có cả mục tiêu và số liệu, dưới mức tối thiểu 90%"),
        "{out}"
    );
    assert!(
        !out.contains("80,1%") && !out.contains("class=\"big\""),
        "{out}"
    );
    // 2/3 is below 90%: the pillar shows its counts; 2/2 is not.
    assert!(!out.contains("71,5%"), "{out}");
    assert!(
        out.contains("2/3 chỉ tiêu có cả mục tiêu và số liệu"),
        "{out}"
    );
    assert!(out.contains("88,8%"), "{out}");

    let mut en = high.clone();
    en.extend(["--lang", "en"]);
    let (out, _, _) = render(&en);
    assert!(
        out.contains("Not enough data for an overall score"),
        "{out}"
    );
    assert!(
        out.contains("4 of 5 indicators have both a target and data, below the minimum of 90%"),
        "{out}"
    );

    let mut bad = args.to_vec();
    bad.extend(["--min-coverage", "1,5"]);
    let (_, err, code) = render(&bad);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("'min-coverage'") && err.contains("'1,5'"),
        "{err}"
    );
}

#[test]
fn every_widget_renders_statically_without_inline_styles() {
    for (widget, extra, must) in [
        (
            "bullet",
            vec!["--indicator", "ho-so"],
            vec!["76,56%", "role=\"img\""],
        ),
        (
            "trend",
            vec!["--indicator", "ho-so"],
            vec!["76,56%", "2022"],
        ),
        (
            "scorecard",
            vec![],
            vec!["Mức đạt chung", "4/5 chỉ tiêu có số liệu"],
        ),
        (
            "table",
            vec![],
            vec![
                "Bộ dữ liệu thử nghiệm hiển thị",
                "Kinh phí cho chuyển đổi số",
            ],
        ),
    ] {
        let mut args = vec!["--widget", widget, "--format", "fragment"];
        args.extend(extra);
        let (out, err, code) = render(&args);
        assert_eq!(code, Some(0), "{widget}: {err}");
        assert!(!out.contains("style=\""), "{widget}: no inline styles");
        for m in must {
            assert!(out.contains(m), "{widget}: expected {m:?} in {out}");
        }
        snapshot(&format!("{widget}.vi.html"), &out);
    }
    let (out, _, code) = render(&["--widget", "table", "--level", "country"]);
    assert_eq!(code, Some(1), "{out}");
}

/// `chitieu render --widget tasks` over a small plan with every state: in progress and
/// overdue, done on time, recurring, due soon without a report, and a task set aside.
fn render_tasks(args: &[&str]) -> (String, String, Option<i32>) {
    let data = here().join("data/tasks.json");
    let o = Command::new(env!("CARGO_BIN_EXE_chitieu"))
        .arg("render")
        .arg(&data)
        .args(["--widget", "tasks", "--format", "fragment"])
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("chitieu runs");
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        o.status.code(),
    )
}

#[test]
fn the_task_list_renders_statically_in_both_languages() {
    let (out, err, code) = render_tasks(&[]);
    assert_eq!(code, Some(0), "{err}");
    for must in [
        "Quá hạn 45 ngày",
        "Đang thực hiện",
        "Đã hoàn thành",
        "Chưa có báo cáo",
        "Còn 17 ngày đến hạn",
        "Hàng năm",
        "Dữ liệu không hợp lệ",
        "https://example.gov.vn/qd-1",
    ] {
        assert!(out.contains(must), "expected {must:?} in {out}");
    }
    assert!(!out.contains("style=\""), "no inline styles");
    assert!(
        err.contains("task 'ii-3' is left out"),
        "the set-aside task is reported: {err}"
    );
    snapshot("tasks.vi.html", &out);

    let (out, _, code) = render_tasks(&["--lang", "en", "--theme", "dark", "--group-by", "due"]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("45 days overdue") && out.contains("theme-dark"),
        "{out}"
    );
    snapshot("tasks.en.dark.due.html", &out);

    let (out, _, code) = render_tasks(&["--variant", "summary"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("Quá hạn nhiều nhất"), "{out}");
    snapshot("tasks-summary.vi.html", &out);

    let (_, err, code) = render_tasks(&["--group-by", "don-vi"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("group-by"), "{err}");
}
