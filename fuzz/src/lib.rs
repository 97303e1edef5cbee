//! The properties the fuzz targets check, kept out of the `fuzz_target!` bodies so each
//! is plain Rust that a regression test could call as well.
//!
//! A panic anywhere is a finding: in the browser the core runs with `panic = "abort"`,
//! so a panic on user data would take every widget on the page down. Beyond that, only
//! what the core's documentation promises is asserted:
//!
//! - parsing: every target's `text` is a span of the input, its figures are finite and a
//!   range runs upward; an error points inside the input (`parse` module docs);
//! - loading: a finding's line (and, in JSON, column) lies inside the text; a loaded
//!   dataset reads back equal from its own JSON and CSV, the CSV differing only where
//!   `docs/FORMAT.md` ("Empty cells") says it does; scoring what loaded gives no NaN or
//!   infinity and counts every indicator once (`score` module docs).

use chitieu_core::load::{
    load_csv, load_json, read_csv, to_csv, to_json, Diagnostic, LoadError, Loaded,
};
use chitieu_core::number::{format_number, format_value, Lang};
use chitieu_core::parse::{parse_targets, ParseError};
use chitieu_core::score::{score_dataset, IndicatorScore, ScoreConfig};
use chitieu_core::{Bound, Dataset, Date, Text};

/// The parser on `text`.
pub fn check_parse(text: &str) {
    match parse_targets(text) {
        Ok(targets) => {
            assert!(!targets.is_empty(), "Ok with no targets");
            for t in &targets {
                assert!(
                    text.contains(&t.text),
                    "target text {:?} is not a span of the input",
                    t.text
                );
                check_bound(&t.bound);
                let _ = t.to_target();
            }
            let json = serde_json::to_string(&targets);
            assert!(json.is_ok(), "parsed targets do not serialise: {json:?}");
        }
        Err(ParseError::NoTarget { text: start }) => {
            let start = start.strip_suffix('…').unwrap_or(&start);
            assert!(
                text.trim().starts_with(start),
                "NoTarget quotes {start:?}, which does not start the input"
            );
        }
        Err(ParseError::ReversedRange { min, max, offset }) => {
            assert!(min > max, "ReversedRange {min}..{max} is not reversed");
            assert!(
                offset < text.len() && text.is_char_boundary(offset),
                "ReversedRange offset {offset} is not a character of the {}-byte input",
                text.len()
            );
        }
    }
}

fn check_bound(b: &Bound) {
    match *b {
        Bound::Range { min, max } => {
            assert!(min.is_finite() && max.is_finite(), "range {min}..{max}");
            assert!(min <= max, "range {min}..{max} runs backwards");
        }
        Bound::Approx { value, tolerance } => {
            assert!(value.is_finite(), "approx {value}");
            if let Some(t) = tolerance {
                assert!(t.is_finite() && t >= 0.0, "approx tolerance {t}");
            }
        }
        b => assert!(b.value().is_finite(), "{} {}", b.op(), b.value()),
    }
}

/// `load_json` on `text`, then what a widget does with what loaded.
pub fn check_json(text: &str) {
    match load_json(text) {
        Ok(loaded) => {
            check_findings(text, &loaded.warnings, true);
            check_round_trips(&loaded, true);
            check_score(&loaded.dataset);
        }
        Err(e) => check_error(text, &e, true),
    }
}

/// `load_csv` on `text`, then what a widget does with what loaded.
pub fn check_csv(text: &str) {
    match load_csv(text) {
        Ok(loaded) => {
            check_findings(text, &loaded.warnings, false);
            check_round_trips(&loaded, false);
            check_score(&loaded.dataset);
        }
        Err(e) => check_error(text, &e, false),
    }
}

fn check_error(text: &str, e: &LoadError, json: bool) {
    assert!(!e.to_string().is_empty(), "an error without words: {e:?}");
    let ds = e.diagnostics();
    assert!(!ds.is_empty(), "an error without findings: {e:?}");
    check_findings(text, &ds, json);
}

/// Every finding says something, and its line (and a JSON column, which counts
/// characters) lies inside `text`. A CSV column is a cell number, which may name a
/// header column the row does not reach, so it is only bounded by the text's length.
fn check_findings(text: &str, findings: &[Diagnostic], json: bool) {
    let lines: Vec<&str> = text.split('\n').collect();
    for d in findings {
        assert!(!d.message.is_empty(), "a finding without words: {d:?}");
        let _ = d.to_string();
        if let Some(line) = d.line {
            assert!(
                (1..=lines.len()).contains(&line),
                "line {line} is outside the {}-line text: {d:?}",
                lines.len()
            );
            if let (true, Some(column)) = (json, d.column) {
                let width = lines[line - 1].chars().count();
                assert!(
                    (1..=width + 1).contains(&column),
                    "column {column} is outside line {line} ({width} characters): {d:?}"
                );
            }
        }
        if let (false, Some(column)) = (json, d.column) {
            assert!(
                (1..=text.chars().count() + 1).contains(&column),
                "cell {column} cannot be in this text: {d:?}"
            );
        }
        if json {
            assert!(d.field.is_none(), "a JSON finding with a CSV field: {d:?}");
        }
    }
}

/// A loaded dataset reads back equal from the JSON and CSV it writes. From CSV both
/// are exact; from JSON the CSV form loses what `docs/FORMAT.md` says it does.
fn check_round_trips(loaded: &Loaded, from_json: bool) {
    let ds = &loaded.dataset;
    let json = to_json(ds);
    match load_json(&json) {
        Ok(back) => assert_eq!(&back.dataset, ds, "JSON round trip differs:\n{json}"),
        Err(e) => panic!("the dataset's own JSON does not load: {e}\n{json}"),
    }
    let csv = to_csv(ds);
    let expected = if from_json {
        csv_form_of(ds)
    } else {
        ds.clone()
    };
    match read_csv(&csv) {
        Ok(back) => assert_eq!(back.dataset, expected, "CSV round trip differs:\n{csv}"),
        Err(e) => panic!("the dataset's own CSV does not read: {e}\n{csv}"),
    }
    if !from_json {
        if let Err(e) = load_csv(&csv) {
            panic!("the dataset's own CSV does not load: {e}\n{csv}");
        }
    }
}

/// `ds` as the CSV form keeps it (`docs/FORMAT.md`, "Empty cells"): ids and other
/// tokens without surrounding spaces, blank free text as absent, and so a source with
/// nothing left in it as absent.
fn csv_form_of(ds: &Dataset) -> Dataset {
    let text = |t: &Option<String>| t.clone().filter(|s| !s.trim().is_empty());
    let token = |t: &Option<String>| {
        t.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let name = |n: &Text| Text {
        vi: n.vi.clone(),
        en: text(&n.en),
    };
    let mut out = ds.clone();
    out.plan.id = ds.plan.id.trim().to_string();
    out.plan.region = text(&ds.plan.region);
    out.plan.issuer = text(&ds.plan.issuer);
    out.plan.document = text(&ds.plan.document);
    out.plan.date = text(&ds.plan.date);
    out.plan.url = text(&ds.plan.url);
    for p in &mut out.pillars {
        p.id = p.id.trim().to_string();
        p.name = name(&p.name);
    }
    for ind in &mut out.indicators {
        ind.id = ind.id.trim().to_string();
        ind.key = token(&ind.key);
        ind.pillar = token(&ind.pillar);
        ind.name = name(&ind.name);
        ind.owner = text(&ind.owner);
        ind.note = text(&ind.note);
        for t in &mut ind.targets {
            t.text = text(&t.text);
        }
        for o in &mut ind.observations {
            o.note = text(&o.note);
        }
        ind.source = ind.source.take().and_then(|mut s| {
            s.document = text(&s.document);
            s.section = text(&s.section);
            (s.document.is_some() || s.section.is_some() || s.page.is_some()).then_some(s)
        });
    }
    out
}

/// Scores `ds` as a widget does (on its own `as_of`, else a fixed date, and at a date
/// past every seed deadline) and formats the figures a widget shows.
fn check_score(ds: &Dataset) {
    let fixed = Date {
        year: 2024,
        month: 11,
        day: 23,
    };
    let late = Date {
        year: 2031,
        month: 1,
        day: 1,
    };
    let cfg = ScoreConfig::default();
    for as_of in [ds.as_of.unwrap_or(fixed), late] {
        let s = score_dataset(ds, as_of, &cfg);
        assert_eq!(s.indicators.len(), ds.indicators.len());
        assert_eq!(s.statuses.total(), ds.indicators.len());
        let in_pillars: usize = s.pillars.iter().map(|p| p.total).sum();
        assert_eq!(in_pillars, ds.indicators.len());
        let o = &s.overall;
        for x in [
            o.coverage,
            o.score,
            o.points,
            o.max_points,
            o.max_points_scored,
        ]
        .iter()
        .flatten()
        {
            assert!(x.is_finite(), "overall {o:?}");
        }
        if let Some(score) = o.score {
            assert!((0.0..=1.0).contains(&score), "overall score {score}");
        }
        for p in &s.pillars {
            assert!(p.weight.is_finite() && p.weight >= 0.0, "pillar {p:?}");
            for x in [p.coverage, p.score, p.points].iter().flatten() {
                assert!(x.is_finite(), "pillar {p:?}");
            }
        }
        for (ind, is) in ds.indicators.iter().zip(&s.indicators) {
            check_indicator_score(is);
            for lang in [Lang::Vi, Lang::En] {
                if let Some(l) = is.latest {
                    let _ = format_value(l.value, &ind.unit, lang);
                    let _ = (l.period.label_vi(), l.period.label_en());
                }
                if let Some(t) = &is.current_target {
                    let _ = format_value(t.bound.value(), &ind.unit, lang);
                }
                for x in [is.attainment, is.gap, is.progress_ratio, is.expected_now]
                    .iter()
                    .flatten()
                {
                    let _ = format_number(*x * 100.0, 1, lang);
                    let _ = format_value(*x, &ind.unit, lang);
                }
            }
        }
        let json = serde_json::to_string(&s);
        assert!(json.is_ok(), "the score does not serialise: {json:?}");
    }
}

fn check_indicator_score(s: &IndicatorScore) {
    let figures = [
        s.latest.map(|l| l.value),
        s.baseline.map(|b| b.value),
        s.attainment,
        s.capped_attainment,
        s.gap,
        s.progress_ratio,
        s.expected_now,
    ];
    assert!(
        figures.iter().flatten().all(|x| x.is_finite()),
        "a figure that is not finite: {s:?}"
    );
    if let Some(c) = s.capped_attainment {
        assert!((0.0..=1.0).contains(&c), "capped attainment {c}: {s:?}");
    }
}
