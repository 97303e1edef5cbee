//! The seed datasets under `seeds/`, one per source plan in `seeds/sources/`.
//!
//! What is checked:
//! - every dataset loads with zero errors, and its only warnings are the ones the source
//!   itself causes (printed percentages that are truncated, 2023 results the plan sets no
//!   target for);
//! - the counts of indicators, targets and observations per plan;
//! - every target's `text` is copied verbatim from its source and carries its figure;
//! - a sample of figures per plan, each with the exact source snippet and the heading of
//!   the section it sits in: the dataset holds the figure, the snippet holds the figure,
//!   and the snippet is in the source between that heading and the next one;
//! - the `key`s shared across plans, with the values the plans give them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chitieu_core::load::{load_json, Loaded};
use chitieu_core::{Bound, Change, Dataset, Indicator, Level, Target};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Loads a dataset, failing with every diagnostic when it does not load.
fn load(file: &str) -> Loaded {
    let path = seeds_dir().join(file);
    match load_json(&read(&path)) {
        Ok(loaded) => loaded,
        Err(e) => panic!("{file} does not load:\n{e}"),
    }
}

/// One dataset and the document it is built from.
struct Plan {
    file: &'static str,
    source: &'static str,
    id: &'static str,
    indicators: usize,
    targets: usize,
    observations: usize,
    /// Warnings "has no targets": 2023 results the plan sets no 2024 target for.
    no_target_warnings: usize,
    /// Warnings on printed percentages that are truncated rather than rounded.
    truncated_warnings: usize,
}

const QNA_2024: &str = "quang-nam-2024.json";
const QNA_NQ: &str = "quang-nam-2025-2030.json";
const NAN_2024: &str = "nghe-an-2024.json";
const QTR_DTI: &str = "quang-tri-dti.json";

const PLANS: &[Plan] = &[
    Plan {
        file: QNA_2024,
        source: "000_2b8758fcb395133d.txt",
        id: "quang-nam-2024",
        indicators: 72,
        targets: 29,
        observations: 45,
        no_target_warnings: 43,
        // 1237/1289 printed 95,9; 76162/99483 printed 76,55; Phụ lục II total printed 99,8.
        truncated_warnings: 3,
    },
    Plan {
        file: QNA_NQ,
        source: "003_5414e6799773eb5d.txt",
        id: "quang-nam-2025-2030",
        indicators: 12,
        targets: 21,
        observations: 0,
        no_target_warnings: 0,
        truncated_warnings: 0,
    },
    Plan {
        file: NAN_2024,
        source: "004_1ddcaee62842cd91.txt",
        id: "nghe-an-2024",
        indicators: 19,
        targets: 19,
        observations: 0,
        no_target_warnings: 0,
        truncated_warnings: 0,
    },
    Plan {
        file: QTR_DTI,
        source: "002_bd180ee24926fb60.txt",
        id: "quang-tri-dti",
        indicators: 28,
        targets: 28,
        observations: 0,
        no_target_warnings: 0,
        truncated_warnings: 0,
    },
];

fn plan(file: &str) -> &'static Plan {
    PLANS
        .iter()
        .find(|p| p.file == file)
        .unwrap_or_else(|| panic!("{file} is not in PLANS"))
}

fn source_text(file: &str) -> String {
    read(&seeds_dir().join("sources").join(plan(file).source))
}

fn norm_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_dataset_under_seeds_loads_without_errors() {
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(seeds_dir()).expect("seeds/ exists") {
        let path = entry.expect("dir entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let loaded = load(&name);
        println!("{name}: {} warning(s)", loaded.warnings.len());
        for w in &loaded.warnings {
            println!("  - {w}");
        }
        found.insert(name);
    }
    let expected: BTreeSet<String> = PLANS.iter().map(|p| p.file.to_string()).collect();
    assert_eq!(
        found, expected,
        "every dataset under seeds/ is listed in PLANS"
    );
}

/// Portal teams may keep a dataset in a spreadsheet: each survives JSON → CSV → JSON.
#[test]
fn every_dataset_survives_the_csv_form() {
    for p in PLANS {
        let ds = load(p.file).dataset;
        let back = chitieu_core::load::load_csv(&chitieu_core::load::to_csv(&ds))
            .unwrap_or_else(|e| panic!("{}: the CSV form does not load:\n{e}", p.file));
        assert!(back.dataset == ds, "{}: the CSV form differs", p.file);
    }
}

#[test]
fn counts_per_plan() {
    for p in PLANS {
        let ds = load(p.file).dataset;
        let targets: usize = ds.indicators.iter().map(|i| i.targets.len()).sum();
        let observations: usize = ds.indicators.iter().map(|i| i.observations.len()).sum();
        assert_eq!(ds.plan.id, p.id, "{}", p.file);
        assert_eq!(
            (ds.indicators.len(), targets, observations),
            (p.indicators, p.targets, p.observations),
            "{}: (indicators, targets, observations)",
            p.file
        );
    }
}

/// The README states the same counts, so it cannot drift from the data.
#[test]
fn readme_states_the_counts() {
    let readme = read(&seeds_dir().join("README.md"));
    for p in PLANS {
        let row = format!(
            "| `{}` | `{}` | {} | {} | {} |",
            p.file, p.source, p.indicators, p.targets, p.observations
        );
        assert!(readme.contains(&row), "seeds/README.md lacks the row {row}");
    }
}

#[test]
fn warnings_are_only_those_the_source_causes() {
    for p in PLANS {
        let loaded = load(p.file);
        let ds = &loaded.dataset;
        let (mut no_targets, mut truncated) = (0, 0);
        for w in &loaded.warnings {
            if w.message
                .ends_with("has no targets, so it cannot be scored")
            {
                no_targets += 1;
            } else if w
                .message
                .contains("the printed figure looks truncated rather than rounded")
            {
                truncated += 1;
            } else {
                panic!("{}: unexpected warning: {w}", p.file);
            }
        }
        assert_eq!(
            (no_targets, truncated),
            (p.no_target_warnings, p.truncated_warnings),
            "{}: (no-target, truncated) warnings",
            p.file
        );
        // An indicator without a target is a result of Phần I (or Phụ lục II): it has one.
        for i in ds.indicators.iter().filter(|i| i.targets.is_empty()) {
            assert!(
                !i.observations.is_empty(),
                "{}: {} has neither",
                p.file,
                i.id
            );
        }
    }
}

fn is_kebab_ascii(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The ways a plan may print `v`: 76,55 / 1.428.322 / 08 / 0.25 / 2 tỷ.
fn printed_forms(v: f64) -> Vec<String> {
    let mut forms = Vec::new();
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let n = v as i64;
        forms.push(n.to_string());
        let digits = n.to_string();
        let mut dotted = String::new();
        for (k, ch) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k) % 3 == 0 {
                dotted.push('.');
            }
            dotted.push(ch);
        }
        forms.push(dotted);
        if (0..10).contains(&n) {
            forms.push(format!("0{n}"));
        }
        if n != 0 && n % 1_000_000_000 == 0 {
            forms.push(format!("{} tỷ", n / 1_000_000_000));
        }
    } else {
        let s = v.to_string();
        forms.push(s.replace('.', ","));
        forms.push(s);
    }
    forms
}

/// Whether `text` prints `v` as a whole number (not as part of a longer one).
fn prints(text: &str, v: f64) -> bool {
    printed_forms(v).iter().any(|form| {
        text.match_indices(form.as_str()).any(|(at, _)| {
            let before = text[..at].chars().rev().take(2).collect::<Vec<_>>();
            let after = text[at + form.len()..].chars().take(2).collect::<Vec<_>>();
            // The neighbours continue the number: a digit, or a separator then a digit.
            let continues = |near: &[char]| match near {
                [c, ..] if c.is_ascii_digit() => true,
                ['.' | ',', c, ..] => c.is_ascii_digit(),
                _ => false,
            };
            !continues(&before) && !continues(&after)
        })
    })
}

fn target_figures(t: &Target) -> Vec<f64> {
    match t.bound {
        Bound::Range { min, max } => vec![min, max],
        b => vec![b.value()],
    }
}

#[test]
fn every_indicator_is_complete_and_every_target_is_verbatim() {
    for p in PLANS {
        let ds = load(p.file).dataset;
        let source = norm_ws(&source_text(p.file));
        let mut keys = BTreeSet::new();
        for i in &ds.indicators {
            let who = format!("{} / {}", p.file, i.id);
            assert!(is_kebab_ascii(&i.id), "{who}: id is not kebab-case ASCII");
            let key = i.key.as_deref().unwrap_or_else(|| panic!("{who}: no key"));
            assert!(is_kebab_ascii(key), "{who}: key {key} is not kebab-case");
            assert!(keys.insert(key.to_string()), "{who}: key {key} used twice");
            assert!(i.pillar.is_some(), "{who}: no pillar");
            assert!(
                i.name.en.as_deref().is_some_and(|e| !e.is_empty()),
                "{who}: no English name"
            );
            let src = i
                .source
                .as_ref()
                .unwrap_or_else(|| panic!("{who}: no source"));
            assert!(
                src.document.is_some() && src.section.is_some(),
                "{who}: source lacks document or section"
            );
            for t in &i.targets {
                let text = t
                    .text
                    .as_deref()
                    .unwrap_or_else(|| panic!("{who}: target without text"));
                assert!(
                    source.contains(&norm_ws(text)),
                    "{who}: not verbatim in {}: {text:?}",
                    p.source
                );
                for v in target_figures(t) {
                    assert!(
                        prints(text, v),
                        "{who}: the text {text:?} does not print {v}"
                    );
                }
            }
        }
        for pillar in &ds.pillars {
            assert!(
                pillar.name.en.is_some(),
                "{}: pillar {} has no English name",
                p.file,
                pillar.id
            );
        }
    }
}

#[test]
fn deadlines_follow_the_plans() {
    use chitieu_core::Period::Year;
    for p in PLANS {
        let ds = load(p.file).dataset;
        for i in &ds.indicators {
            let deadlines: Vec<_> = i.targets.iter().map(|t| t.deadline).collect();
            let ok = match p.file {
                QNA_2024 | NAN_2024 => deadlines.iter().all(|d| *d == Some(Year(2024))),
                // 3.1 "đến năm 2025", 3.2 "đến năm 2030"; at most one target each.
                QNA_NQ => {
                    !deadlines.is_empty()
                        && deadlines.windows(2).all(|w| w[0] < w[1])
                        && deadlines
                            .iter()
                            .all(|d| matches!(d, Some(Year(2025 | 2030))))
                }
                // "Thời gian thực hiện: Hàng năm": standing targets without a deadline.
                QTR_DTI => deadlines == vec![None],
                _ => false,
            };
            assert!(ok, "{} / {}: deadlines {deadlines:?}", p.file, i.id);
        }
    }
}

#[test]
fn quang_tri_targets_name_their_lead_agency_where_the_appendix_does() {
    let ds = load(QTR_DTI).dataset;
    // Only two targets of mục II have no row in the Phụ lục, so no cơ quan chủ trì.
    let without: Vec<&str> = ds
        .indicators
        .iter()
        .filter(|i| i.owner.is_none())
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(without, ["phong-chong-ma-doc", "buu-chinh-bang-rong"]);
    let pillars: Vec<&str> = ds.pillars.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        pillars,
        [
            "nhan-thuc-so",
            "the-che-so",
            "ha-tang-so",
            "nhan-luc-so",
            "an-toan-thong-tin-mang",
            "chinh-quyen-so",
            "kinh-te-so",
            "xa-hoi-so"
        ],
        "the eight DTI pillars, in the plan's order"
    );
}

// ---------------------------------------------------------------------------------------
// Sampled figures, each traced to the source.

enum V {
    N(f64),
    S(&'static str),
}
use V::{N, S};

/// `(indicator id, field, expected, exact source snippet, section heading line)`.
///
/// Fields: `t<deadline>.<value|min|max|op|change>` (`t.value` for a target without a
/// deadline), `o<period>.<value|numerator|denominator|reported>`, `owner`, `level`, `unit`.
type Sample = (&'static str, &'static str, V, &'static str, &'static str);

const QNA_2024_HEADINGS: &[&str] = &[
    "1. Về nâng cao nhận thức",
    "3. Về phát triển hạ tầng số",
    "4. Về phát triển dữ liệu số",
    "5. Nền tảng số",
    "6. Về nhân lực số",
    "7. Đảm bảo an toàn thông tin mạng",
    "8. Chính quyền số",
    "9. Phát triển kinh tế số",
    "10. Phát triển xã hội số",
    "III. Đánh giá chung",
    "2.1. Phát triển Chính quyền số",
    "2.2. Phát triển kinh tế số",
    "2.3. Phát triển xã hội số",
    "2.3. Mục tiêu về phát triển hạ tầng CNTT và an toàn thông tin",
    "III. NHIỆM VỤ",
    "Phụ lục II",
    "Phụ lục III",
];

const CQ21: &str = "2.1. Phát triển Chính quyền số";
const KT22: &str = "2.2. Phát triển kinh tế số";
const XH23: &str = "2.3. Phát triển xã hội số";
const HT23: &str = "2.3. Mục tiêu về phát triển hạ tầng CNTT và an toàn thông tin";
const P13: &str = "3. Về phát triển hạ tầng số";
const P18: &str = "8. Chính quyền số";
const PL2: &str = "Phụ lục II";

const QNA_2024_SAMPLES: &[Sample] = &[
    ("hscv-tinh", "t2024.value", N(95.0), "Trên 95% tỷ lệ hồ sơ công việc tại cấp tỉnh", CQ21),
    ("hscv-tinh", "t2024.op", S("gt"), "Trên 95% tỷ lệ hồ sơ công việc tại cấp tỉnh", CQ21),
    ("hscv-huyen", "t2024.value", N(85.0), "trên 85% tỷ lệ hồ sơ công việc tại cấp huyện", CQ21),
    ("hscv-huyen", "level", S("district"), "trên 85% tỷ lệ hồ sơ công việc tại cấp huyện", CQ21),
    ("hscv-xa", "t2024.value", N(65.0), "trên 65% tỷ lệ hồ sơ công việc tại cấp xã", CQ21),
    ("dvctt-dien-san", "t2024.value", N(95.0), "95% dịch vụ công trực tuyến được thiết kế, thiết kế lại", CQ21),
    ("dinh-danh-xac-thuc", "t2024.value", N(90.0), "90% người dân và doanh nghiệp sử dụng dịch vụ công trực tuyến được định danh", CQ21),
    ("hai-long-tthc", "t2024.value", N(90.0), "90% người dân và doanh nghiệp hài lòng về việc giải quyết TTHC", CQ21),
    ("wifi-nha-van-hoa", "t2024.value", N(100.0), "100% các nhà văn hóa thôn, khối phố có lắp đặt wifi", CQ21),
    ("wifi-nha-van-hoa", "o2023.numerator", N(1014.0), "81,8% nhà văn hóa thôn có wifi (1014/1240)", P13),
    ("wifi-nha-van-hoa", "o2023.denominator", N(1240.0), "81,8% nhà văn hóa thôn có wifi (1014/1240)", P13),
    ("wifi-nha-van-hoa", "o2023.reported", N(81.8), "81,8% nhà văn hóa thôn có wifi (1014/1240)", P13),
    ("kinh-te-so-grdp", "t2024.value", N(10.0), "Phần đầu kinh tế số chiếm từ 10% GRDP của tỉnh", KT22),
    ("kinh-te-so-nganh", "t2024.value", N(2.0), "đạt tối thiểu trên 2%", KT22),
    ("nang-suat-lao-dong", "t2024.value", N(7.0), "năng suất lao động hàng năm tăng tối thiểu 7%", KT22),
    ("nang-suat-lao-dong", "t2024.change", S("increase"), "năng suất lao động hàng năm tăng tối thiểu 7%", KT22),
    ("dnnvv-nen-tang-so", "t2024.value", N(35.0), "doanh nghiệp nhỏ và vừa sử dụng nền tảng số đạt 35%", KT22),
    ("hoa-don-dien-tu", "o2023.value", N(100.0), "100% doanh nghiệp đã triển khai sử dụng hóa đơn điện tử", "9. Phát triển kinh tế số"),
    ("ho-gd-cap-quang", "t2024.value", N(80.0), "Internet cáp quang băng rộng đạt trên 80%", XH23),
    ("ho-gd-smartphone", "t2024.value", N(85.0), "có người có điện thoại thông minh đạt 85%", XH23),
    ("dan-so-smartphone", "t2024.value", N(80.0), "dân số trưởng thành có điện thoại thông minh đạt trên 80%", XH23),
    ("ho-so-suc-khoe", "t2024.value", N(90.0), "Phần đầu đạt trên 90% người dân tỉnh Quảng Nam có hồ sơ sức khỏe điện tử", XH23),
    ("httt-cap-do", "t2024.value", N(70.0), "Tối thiểu 70% hệ thống thông tin được xác định cấp độ", HT23),
    ("thue-bao-smartphone", "o2023-12.value", N(76.8), "Tỷ lệ thuê bao điện thoại thông minh đạt 76,8%", P13),
    ("cap-quang-xa", "o2023.numerator", N(241.0), "cấp xã 100% (241/241)", P13),
    ("cap-quang-thon", "o2023.numerator", N(1197.0), "cấp thôn: 96,5 % (1.197/1.240)", P13),
    ("cap-quang-thon", "o2023.reported", N(96.5), "cấp thôn: 96,5 % (1.197/1.240)", P13),
    ("di-dong-thon", "o2023.numerator", N(1176.0), "cấp thôn: 94,8% (1.176/1.240)", P13),
    ("di-dong-thon", "o2023.reported", N(94.8), "cấp thôn: 94,8% (1.176/1.240)", P13),
    ("hntt-so-nganh", "o2023.numerator", N(8.0), "8/20 điểm cầu Sở, Ban, ngành", P13),
    ("hntt-so-nganh", "o2023.denominator", N(20.0), "8/20 điểm cầu Sở, Ban, ngành", P13),
    ("hntt-xa", "o2023.numerator", N(238.0), "238/241 điểm cầu xã, phường, thị trấn", P13),
    ("lgsp-dich-vu", "o2023.numerator", N(37.0), "Hiện có 37/86 dịch vụ kết nối, chia sẻ dữ liệu qua LGSP (đạt tỷ lệ 43%)", "5. Nền tảng số"),
    ("lgsp-dich-vu", "o2023.reported", N(43.0), "Hiện có 37/86 dịch vụ kết nối, chia sẻ dữ liệu qua LGSP (đạt tỷ lệ 43%)", "5. Nền tảng số"),
    ("tong-dai-1022", "o2023-11.numerator", N(12842.0), "đã có 12842/13014 thông tin phản ánh, kiến nghị đã được xử lý (tỉ lệ xử lý thông tin đạt 98,7%)", "5. Nền tảng số"),
    ("tong-dai-1022", "o2023-11.reported", N(98.7), "đã có 12842/13014 thông tin phản ánh, kiến nghị đã được xử lý (tỉ lệ xử lý thông tin đạt 98,7%)", "5. Nền tảng số"),
    ("xa-to-cncd", "o2023.numerator", N(241.0), "241/241 xã đã thành lập tổ công nghệ cộng đồng", "6. Về nhân lực số"),
    ("huyen-to-cncd-thon", "o2023.numerator", N(18.0), "18/18 huyện, thị xã, thành phố triển khai thành lập tổ công nghệ cộng đồng cấp thôn", "10. Phát triển xã hội số"),
    ("dvctt-toan-trinh", "o2023.numerator", N(1237.0), "Tỷ lệ DVCTT toàn trình: : 1237/1289, tỷ lệ 95,9%", P18),
    ("dvctt-toan-trinh", "o2023.reported", N(95.9), "Tỷ lệ DVCTT toàn trình: : 1237/1289, tỷ lệ 95,9%", P18),
    ("ho-so-truc-tuyen", "o2023.numerator", N(76162.0), "Tỷ lệ hồ sơ trực tuyến năm 2023: 76162/99483, tỷ lệ 76,55%", P18),
    ("ho-so-truc-tuyen", "o2023.denominator", N(99483.0), "Tỷ lệ hồ sơ trực tuyến năm 2023: 76162/99483, tỷ lệ 76,55%", P18),
    ("ho-so-truc-tuyen", "o2023.reported", N(76.55), "Tỷ lệ hồ sơ trực tuyến năm 2023: 76162/99483, tỷ lệ 76,55%", P18),
    ("tthc-thanh-toan-truc-tuyen", "o2023.numerator", N(304.0), "Tỷ lệ TTHC được triển khai thanh toán trực tuyến: 304/459, tỷ lệ 66%", P18),
    ("tthc-thanh-toan-truc-tuyen", "o2023.reported", N(66.0), "Tỷ lệ TTHC được triển khai thanh toán trực tuyến: 304/459, tỷ lệ 66%", P18),
    ("tthc-phat-sinh-thanh-toan", "o2023.reported", N(41.78), "127/304, tỷ lệ 41,78%", P18),
    ("ho-so-thanh-toan-truc-tuyen", "o2023.denominator", N(32329.0), "7155/32329, tỷ lệ 22,1%", P18),
    ("bien-lai-so-nganh", "o2023.numerator", N(15.0), "đã có 15/18 Sở (bao gồm 03 Sở không thu phí)", P18),
    ("bien-lai-xa", "o2023.numerator", N(236.0), "236/241 xã đã triển khai biên lai điện tử", P18),
    ("so-hoa-ket-qua", "o2023.numerator", N(169556.0), "169.556/234.154, Tỷ lệ 72,4%", P18),
    ("so-hoa-ket-qua", "o2023.denominator", N(234154.0), "169.556/234.154, Tỷ lệ 72,4%", P18),
    ("so-hoa-ket-qua-tinh", "o2023.denominator", N(106121.0), "69.573/106.121, tỷ lệ 65,6%", P18),
    ("so-hoa-ket-qua-huyen", "o2023.value", N(81.8), "thuộc thẩm quyền giải quyết của cấp huyện: 81,8%", P18),
    ("so-hoa-ket-qua-xa", "o2023.value", N(77.2), "thuộc thẩm quyền giải quyết của cấp xã: 77,2%", P18),
    ("ket-noi-dung-chung-tinh", "o2023.denominator", N(262401852.0), "I\tDịch vụ dùng chung cấp tỉnh\t262.401.852\t262.082.008\t319.844", PL2),
    ("ket-noi-dung-chung-tinh", "o2023.numerator", N(262082008.0), "I\tDịch vụ dùng chung cấp tỉnh\t262.401.852\t262.082.008\t319.844", PL2),
    ("ket-noi-csdl-quoc-gia", "o2023.numerator", N(2137053.0), "II\tDịch vụ Khai thác CSDL/HTTT Quốc gia\t2.201.606\t2.137.053\t64.553", PL2),
    ("ket-noi-dich-vu-cong", "o2023.numerator", N(37742.0), "VI\tDịch vụ công\t40.692\t37.742\t2.950", PL2),
    ("ket-noi-ky-so-tap-trung", "o2023.denominator", N(10329.0), "VII\tDịch vụ ký số tập trung tỉnh Quảng Nam\t10.329\t10.055\t274", PL2),
    ("ket-noi-tong", "o2023.numerator", N(265659149.0), "\tTỔNG\t266.054.603\t265.659.149\t395.454", PL2),
    ("ket-noi-tong", "o2023.denominator", N(266054603.0), "\tTỔNG\t266.054.603\t265.659.149\t395.454", PL2),
    ("ket-noi-tong", "o2023.reported", N(99.8), "tỷ lệ thành công 99,8%", "5. Nền tảng số"),
];

const NQ_HEADINGS: &[&str] = &[
    "3.1.1. Phát triển chính quyền số, nâng cao hiệu quả, hiệu lực hoạt động",
    "3.1.2. Phát triển kinh tế số, nâng cao năng lực cạnh tranh của nền kinh tế",
    "3.1.3. Phát triển xã hội số, thu hẹp khoảng cách số",
    "3.2. Mục tiêu cơ bản đến năm 2030",
    "3.2.1. Phát triển chính quyền số, nâng cao hiệu quả, hiệu lực hoạt động",
    "3.2.2. Phát triển kinh tế số, nâng cao năng lực cạnh tranh của nền kinh tế",
    "3.2.3. Phát triển xã hội số, thu hẹp khoảng cách số",
    "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
];
const C25: &str = "3.1.1. Phát triển chính quyền số, nâng cao hiệu quả, hiệu lực hoạt động";
const K25: &str = "3.1.2. Phát triển kinh tế số, nâng cao năng lực cạnh tranh của nền kinh tế";
const X25: &str = "3.1.3. Phát triển xã hội số, thu hẹp khoảng cách số";
const C30: &str = "3.2.1. Phát triển chính quyền số, nâng cao hiệu quả, hiệu lực hoạt động";
const K30: &str = "3.2.2. Phát triển kinh tế số, nâng cao năng lực cạnh tranh của nền kinh tế";
const X30: &str = "3.2.3. Phát triển xã hội số, thu hẹp khoảng cách số";

const NQ_SAMPLES: &[Sample] = &[
    (
        "dvc-muc-do-4",
        "t2025.value",
        N(90.0),
        "90% dịch vụ công trực tuyến mức độ 4",
        C25,
    ),
    (
        "dvc-muc-do-4",
        "t2030.value",
        N(100.0),
        "100% dịch vụ công trực tuyến mức độ 4",
        C30,
    ),
    (
        "hscv-tinh",
        "t2025.value",
        N(90.0),
        "90% hồ sơ công việc tại cấp tỉnh",
        C25,
    ),
    (
        "hscv-tinh",
        "t2030.value",
        N(100.0),
        "100% hồ sơ công việc tại cấp tỉnh",
        C30,
    ),
    (
        "hscv-tinh",
        "level",
        S("province"),
        "100% hồ sơ công việc tại cấp tỉnh",
        C30,
    ),
    (
        "hscv-huyen",
        "t2025.value",
        N(70.0),
        "70% hồ sơ công việc tại cấp huyện",
        C25,
    ),
    (
        "hscv-huyen",
        "t2030.value",
        N(90.0),
        "90% hồ sơ công việc tại cấp huyện",
        C30,
    ),
    (
        "hscv-xa",
        "t2025.value",
        N(50.0),
        "50% hồ sơ công việc tại cấp xã",
        C25,
    ),
    (
        "hscv-xa",
        "t2030.value",
        N(70.0),
        "70% hồ sơ công việc tại cấp xã",
        C30,
    ),
    (
        "bao-cao-chinh-phu",
        "t2025.value",
        N(100.0),
        "100% chế độ báo cáo, chỉ tiêu tổng hợp báo cáo định kỳ",
        C25,
    ),
    (
        "kiem-tra-moi-truong-so",
        "t2025.value",
        N(50.0),
        "50% hoạt động kiểm tra của cơ quan quản lý nhà nước",
        C25,
    ),
    (
        "kiem-tra-moi-truong-so",
        "t2030.value",
        N(70.0),
        "70% hoạt động kiểm tra của cơ quan quản lý nhà nước",
        C30,
    ),
    (
        "kinh-te-so-grdp",
        "t2025.min",
        N(8.0),
        "Phần đầu kinh tế số chiếm từ 08 - 10% GRDP",
        K25,
    ),
    (
        "kinh-te-so-grdp",
        "t2025.max",
        N(10.0),
        "Phần đầu kinh tế số chiếm từ 08 - 10% GRDP",
        K25,
    ),
    (
        "kinh-te-so-grdp",
        "t2030.value",
        N(15.0),
        "Kinh tế số chiếm trên 15% GRDP",
        K30,
    ),
    (
        "kinh-te-so-grdp",
        "t2030.op",
        S("gt"),
        "Kinh tế số chiếm trên 15% GRDP",
        K30,
    ),
    (
        "kinh-te-so-nganh",
        "t2025.value",
        N(10.0),
        "Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%",
        K25,
    ),
    (
        "kinh-te-so-nganh",
        "t2030.value",
        N(20.0),
        "Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 20%",
        K30,
    ),
    (
        "nang-suat-lao-dong",
        "t2025.value",
        N(7.0),
        "Năng suất lao động hàng năm tăng tối thiểu 07%",
        K25,
    ),
    (
        "nang-suat-lao-dong",
        "t2030.value",
        N(8.0),
        "Năng suất lao động hằng năm tăng tối thiểu 08%",
        K30,
    ),
    (
        "nang-suat-lao-dong",
        "t2030.change",
        S("increase"),
        "Năng suất lao động hằng năm tăng tối thiểu 08%",
        K30,
    ),
    (
        "cap-quang-ho-gd",
        "t2025.value",
        N(70.0),
        "cáp quang phủ trên 70% hộ gia đình",
        X25,
    ),
    (
        "cap-quang-xa",
        "t2025.value",
        N(100.0),
        "70% hộ gia đình, 100% xã",
        X25,
    ),
    (
        "tai-khoan-thanh-toan",
        "t2025.value",
        N(50.0),
        "Tỷ lệ dân số có tài khoản thanh toán điện tử trên 50%",
        X25,
    ),
    (
        "tai-khoan-thanh-toan",
        "t2030.value",
        N(80.0),
        "Tỷ lệ dân số có tài khoản thanh toán điện tử trên 80%",
        X30,
    ),
];

const NA_HEADINGS: &[&str] = &[
    "- Về hạ tầng số:",
    "- Về chính quyền số:",
    "- Về kinh tế số:",
    "- Về xã hội số:",
    "II. NHIỆM VỤ",
];
const NHT: &str = "- Về hạ tầng số:";
const NCQ: &str = "- Về chính quyền số:";
const NKT: &str = "- Về kinh tế số:";
const NXH: &str = "- Về xã hội số:";

const NA_SAMPLES: &[Sample] = &[
    ("httt-dung-chung-dam-may", "t2024.value", N(100.0), "100% hệ thống thông tin dùng chung của tỉnh được triển khai trên nền tảng điện toán đám mây", NHT),
    ("phu-song-5g", "t2024.min", N(15.0), "tỷ lệ dân số được phủ sóng di động 5G đạt 15-20%", NHT),
    ("phu-song-5g", "t2024.max", N(20.0), "tỷ lệ dân số được phủ sóng di động 5G đạt 15-20%", NHT),
    ("truyen-so-lieu-cap-2", "t2024.value", N(100.0), "100% các cơ quan Đảng, Nhà nước kết nối mạng truyền số liệu chuyên dùng cấp II", NHT),
    ("cbccvc-ky-nang-so", "t2024.value", N(100.0), "Phấn đấu 100% cán bộ, công chức, viên chức được đào tạo", NCQ),
    ("co-quan-can-bo-cntt", "t2024.value", N(100.0), "100% cơ quan nhà nước cấp tỉnh, cấp huyện có cán bộ phụ trách công nghệ thông tin", NCQ),
    ("ho-so-dvctt-toan-trinh", "t2024.value", N(45.0), "trên tổng số hồ sơ đạt trên 45%", NCQ),
    ("ho-so-dvctt-toan-trinh", "t2024.op", S("gt"), "trên tổng số hồ sơ đạt trên 45%", NCQ),
    ("hai-long-tthc", "t2024.value", N(95.0), "tối thiểu 95% người dân và doanh nghiệp hài lòng", NCQ),
    ("hscv-tinh", "t2024.value", N(90.0), "90% hồ sơ công việc tại cấp tỉnh", NCQ),
    ("hscv-tinh", "level", S("province"), "90% hồ sơ công việc tại cấp tỉnh", NCQ),
    ("hscv-huyen", "t2024.value", N(80.0), "80% hồ sơ công việc tại cấp huyện", NCQ),
    ("hscv-xa", "t2024.value", N(60.0), "60% hồ sơ công việc tại cấp xã", NCQ),
    ("bao-cao-truc-tuyen", "t2024.value", N(100.0), "100% chế độ báo cáo tổng hợp định kỳ", NCQ),
    ("csdl-quoc-gia", "t2024.value", N(90.0), "90% cơ sở dữ liệu quốc gia được kết nối", NCQ),
    ("csdl-mo-so-nganh", "t2024.value", N(70.0), "kết nối liên thông trên 70% cơ sở dữ liệu của các sở, ngành", NCQ),
    ("kinh-te-so-grdp", "t2024.value", N(10.0), "Kinh tế số chiếm khoảng 10% GRDP", NKT),
    ("kinh-te-so-grdp", "t2024.op", S("approx"), "Kinh tế số chiếm khoảng 10% GRDP", NKT),
    ("tai-khoan-15-tuoi", "t2024.value", N(80.0), "80% người dân từ 15 tuổi trở lên có tài khoản giao dịch", NKT),
    ("co-so-dao-tao-tmdt", "t2024.min", N(1.0), "Có ít nhất từ 01 đến 02 cơ sở giáo dục", NKT),
    ("co-so-dao-tao-tmdt", "t2024.max", N(2.0), "Có ít nhất từ 01 đến 02 cơ sở giáo dục", NKT),
    ("luot-tap-huan-tmdt", "t2024.value", N(3000.0), "trên 3.000 lượt doanh nghiệp", NKT),
    ("dich-vu-cqdt-thiet-bi-thong-minh", "t2024.value", N(45.0), "Trên 45% người dùng điện thoại, thiết bị thông minh", NXH),
    ("thanh-toan-dien-tu", "t2024.value", N(50.0), "50% người dân trưởng thành sử dụng dịch vụ thanh toán điện tử", NXH),
];

const QT_HEADINGS: &[&str] = &[
    "1. Về nhận thức số",
    "2. Về thể chế số",
    "3. Về hạ tầng số",
    "4. Về nhân lực số",
    "5. Về an toàn thông tin mạng",
    "6. Về hoạt động chính quyền số",
    "7. Về hoạt động kinh tế số",
    "8. Về hoạt động xã hội số",
    "III. PHÂN CÔNG NHIỆM VỤ CÁC CƠ QUAN, ĐƠN VỊ CHỦ TRÌ",
    "I\tNhận thức số",
    "II\tVề thể chế số",
    "III\tHạ tầng số",
    "IV\tNhận thức số",
    "V\tAn toàn thông tin mạng",
    "VI.\tChính quyền số",
    "VII\tKinh tế số",
    "VIII\tXã hội số",
];
const Q1: &str = "1. Về nhận thức số";
const Q3: &str = "3. Về hạ tầng số";
const Q4: &str = "4. Về nhân lực số";
const Q5: &str = "5. Về an toàn thông tin mạng";
const Q7: &str = "7. Về hoạt động kinh tế số";
const Q8: &str = "8. Về hoạt động xã hội số";
const PI: &str = "I\tNhận thức số";
const PIII: &str = "III\tHạ tầng số";
const PIV: &str = "IV\tNhận thức số";
const PV: &str = "V\tAn toàn thông tin mạng";
const PVI: &str = "VI.\tChính quyền số";
const PVII: &str = "VII\tKinh tế số";
const PVIII: &str = "VIII\tXã hội số";

const QT_SAMPLES: &[Sample] = &[
    ("chuyen-trang-cds", "t.value", N(1.0), "trung bình 01 lần/tuần", Q1),
    ("chuyen-trang-cds", "unit", S("per_week"), "trung bình 01 lần/tuần", Q1),
    ("chuyen-trang-cds", "owner", S("Sở Thông tin và Truyền thông"), "theo tần suất trung bình 01 lần/01tuần\tSở Thông tin và Truyền thông", PI),
    ("cong-ttdt-tin-bai", "t.value", N(20.0), "ít nhất 20 tin, bài/năm", Q1),
    ("cong-ttdt-tin-bai", "unit", S("posts_per_year"), "ít nhất 20 tin, bài/năm", Q1),
    ("cong-ttdt-tin-bai", "owner", S("Văn phòng UBND tỉnh"), "ít nhất 20 tin, bài/01năm.\tVăn phòng UBND tỉnh", PI),
    ("dai-pttt-phat-song", "t.value", N(1.0), "Đài Phát thanh - Truyền hình tỉnh có chuyên mục riêng về chuyển đổi số và tần suất phát sóng chuyên mục riêng về chuyển đổi số từ 01 lần/tuần", Q1),
    ("dai-pttt-phat-song", "owner", S("Báo Quảng Trị, Đài Phát thanh - Truyền hình"), "là 01 lần/01tuần.\tBáo Quảng Trị, Đài Phát thanh - Truyền hình", PI),
    ("truyen-thanh-co-so", "t.value", N(1.0), "Hệ thống truyền thanh cơ sở có chuyên mục riêng về chuyển đổi số và tần suất phát sóng chuyên mục riêng về chuyển đổi số từ 01 lần/tuần", Q1),
    ("truyen-thanh-co-so", "owner", S("UBND cấp huyện"), "trên hệ thống truyền thanh cơ sở là 01 lần/01tuần.\tUBND cấp huyện", PI),
    ("dan-so-smartphone", "t.value", N(100.0), "100% dân số trưởng thành có điện thoại thông minh", Q3),
    ("ho-gd-smartphone", "t.value", N(100.0), "100% hộ gia đình có điện thoại thông minh", Q3),
    ("ho-gd-bang-rong", "t.value", N(100.0), "100% hộ gia đình có kết nối internet băng rộng", Q3),
    ("ho-gd-bang-rong", "owner", S("Sở Thông tin và Truyền thông"), "100% hộ gia đình có kết nối internet băng rộng\tSở Thông tin và Truyền thông", PIII),
    ("xa-to-cncd", "t.value", N(100.0), "đảm bảo 100% cấp xã và 100% cấp thôn thành lập Tổ CNSCD", Q4),
    ("xa-to-cncd", "level", S("commune"), "đảm bảo 100% cấp xã và 100% cấp thôn thành lập Tổ CNSCD", Q4),
    ("thon-to-cncd", "t.value", N(100.0), "đảm bảo 100% cấp xã và 100% cấp thôn thành lập Tổ CNSCD", Q4),
    ("thon-to-cncd", "owner", S("UBND cấp huyện"), "trên nền tảng OneTouch\tUBND cấp huyện", PIV),
    ("phong-chong-ma-doc", "t.value", N(100.0), "cho 100% máy chủ và máy trạm", Q5),
    ("chi-attt-ty-le", "t.value", N(10.0), "Kinh phí chi cho ATTT tối thiểu bằng 10% tổng chi ngân sách nhà nước cho chuyển đổi số", PV),
    ("kinh-phi-giam-sat-attt", "t.value", N(2e9), "kinh phí giám sát ATTT tối thiểu là 2 tỷ đồng", PV),
    ("kinh-phi-giam-sat-attt", "unit", S("vnd"), "kinh phí giám sát ATTT tối thiểu là 2 tỷ đồng", PV),
    ("kinh-phi-kiem-tra-attt", "t.value", N(2e9), "kinh phí kiểm tra, đánh giá ATTT tối thiểu là 2 tỷ đồng", PV),
    ("kinh-phi-dien-tap-attt", "t.value", N(2e9), "kinh phí diễn tập, ứng cứu sự cố ATTT tối thiểu là 2 tỷ đồng", PV),
    ("kinh-phi-dao-tao-attt", "t.value", N(2e9), "kinh phí đào tạo, tập huấn ATTT tối thiểu là 2 tỷ đồng", PV),
    ("kinh-phi-tuyen-truyen-attt", "t.value", N(2e9), "kinh phí tuyên truyền nâng cao nhận thức ATTT tối thiểu là 2 tỷ đồng", PV),
    ("kinh-phi-tuyen-truyen-attt", "owner", S("Sở Tài chính"), "kinh phí tuyên truyền nâng cao nhận thức ATTT tối thiểu là 2 tỷ đồng\tSở Tài chính", PV),
    ("chi-ngan-sach-cqs", "t.value", N(1.0), "đạt tối thiểu 01% tổng chi ngân sách nhà nước trên địa bàn tỉnh", PVI),
    ("chi-ngan-sach-cqs", "owner", S("Sở Tài chính"), "01% tổng chi ngân sách nhà nước trên địa bàn tỉnh\tSở Tài chính", PVI),
    ("kinh-te-so-grdp", "t.value", N(10.0), "Nâng cao tỷ trọng kinh tế số trong GRDP đảm bảo đạt tối thiểu 10% GRDP của tỉnh", Q7),
    ("kinh-te-so-grdp", "owner", S("Sở Kế hoạch và Đầu tư"), "nâng cao tỷ trọng kinh tế số trong GRDP đảm bảo đạt tối thiểu 10% GRDP của tỉnh\tSở Kế hoạch và Đầu tư", PVII),
    ("dn-cong-nghe-so", "t.value", N(5.0), "tỷ lệ doanh nghiệp công nghệ số đạt tối thiểu 5%", Q7),
    ("dn-nen-tang-so", "t.value", N(10.0), "doanh nghiệp nền tảng số đạt tối thiểu 10% tổng số doanh nghiệp", Q7),
    ("dnnvv-smedx", "t.value", N(10.0), "tham gia chương trình SMEdx đảm bảo đạt tối thiểu 10%", Q7),
    ("dnnvv-nen-tang-so", "t.value", N(50.0), "sử dụng nền tảng số đạt tối thiểu 50% số doanh nghiệp vừa và nhỏ", Q7),
    ("hop-dong-dien-tu", "t.value", N(80.0), "hợp đồng điện tử đạt tối thiểu 80%", Q7),
    ("hop-dong-dien-tu", "owner", S("Cục Thuế tỉnh"), "thúc đẩy 80% doanh nghiệp trên địa bàn tỉnh sử dụng hợp đồng điện tử\tCục Thuế tỉnh", PVII),
    ("nop-thue-dien-tu", "t.value", N(100.0), "nộp thuế điện tử đạt 100% số doanh nghiệp", Q7),
    ("buu-chinh-bang-rong", "t.value", N(50.0), "mạng bưu chính công cộng đảm bảo tối thiểu đạt 50%", Q7),
    ("dau-tu-kinh-te-so", "t.value", N(0.25), "Đảm bảo kinh phí đầu tư từ ngân sách tỉnh cho kinh tế số đạt tối thiểu 0.25%", PVII),
    ("chi-thuong-xuyen-kinh-te-so", "t.value", N(0.25), "kinh phí chi thường xuyên từ ngân sách tỉnh cho kinh tế số đạt tối thiểu 0.25%", PVII),
    ("chi-thuong-xuyen-kinh-te-so", "owner", S("Sở Kế hoạch và Đầu tư"), "kinh phí chi thường xuyên từ ngân sách tỉnh cho kinh tế số đạt tối thiểu 0.25% tổng chi ngân sách tỉnh\tSở Kế hoạch và Đầu tư", PVII),
    ("tai-khoan-15-tuoi", "t.value", N(80.0), "đảm bảo tối thiểu 80% người dân được cấp", Q8),
    ("tai-khoan-15-tuoi", "owner", S("Ngân hàng nhà nước chi nhánh tỉnh"), "đảm bảo tối thiểu 80% người dân từ 15 tuổi trở lên được cấp tài khoản giao dịch\tNgân hàng nhà nước chi nhánh tỉnh", PVIII),
];

enum Got {
    N(f64),
    S(String),
}

fn target_for<'a>(i: &'a Indicator, deadline: &str) -> &'a Target {
    i.targets
        .iter()
        .find(|t| t.deadline.map(|d| d.to_string()).unwrap_or_default() == deadline)
        .unwrap_or_else(|| panic!("{}: no target with deadline '{deadline}'", i.id))
}

/// The value of `field` (see [`Sample`]) in indicator `i`.
fn get(i: &Indicator, field: &str) -> Got {
    match field {
        "owner" => return Got::S(i.owner.clone().unwrap_or_default()),
        "level" => return Got::S(i.level.map(Level::as_str).unwrap_or("").to_string()),
        "unit" => return Got::S(i.unit.as_str().to_string()),
        _ => {}
    }
    let (head, what) = field
        .split_once('.')
        .unwrap_or_else(|| panic!("bad field {field}"));
    if let Some(deadline) = head.strip_prefix('t') {
        let t = target_for(i, deadline);
        return match (what, t.bound) {
            ("value", Bound::Range { .. }) => panic!("{}: a range has min and max", i.id),
            ("value", b) => Got::N(b.value()),
            ("min", Bound::Range { min, .. }) => Got::N(min),
            ("max", Bound::Range { max, .. }) => Got::N(max),
            ("op", b) => Got::S(b.op().to_string()),
            ("change", _) => Got::S(match t.change {
                Some(Change::Increase) => "increase".into(),
                Some(Change::Decrease) => "decrease".into(),
                None => String::new(),
            }),
            _ => panic!("{}: bad target field {field}", i.id),
        };
    }
    let period = head
        .strip_prefix('o')
        .unwrap_or_else(|| panic!("bad field {field}"));
    let o = i
        .observations
        .iter()
        .find(|o| o.period.to_string() == period)
        .unwrap_or_else(|| panic!("{}: no observation for {period}", i.id));
    let v = match what {
        "value" => o.value,
        "numerator" => o.numerator,
        "denominator" => o.denominator,
        "reported" => o.reported,
        _ => panic!("{}: bad observation field {field}", i.id),
    };
    Got::N(v.unwrap_or_else(|| panic!("{}: {field} is empty", i.id)))
}

/// Byte offset of the first line that is `heading` (surrounding blanks and tabs ignored).
fn heading_at(source: &str, heading: &str) -> Option<usize> {
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        if line.trim() == heading {
            return Some(at);
        }
        at += line.len();
    }
    None
}

fn check_samples(file: &str, headings: &[&str], samples: &[Sample]) {
    let ds: Dataset = load(file).dataset;
    let source = source_text(file);
    let mut starts: Vec<usize> = headings
        .iter()
        .chain(samples.iter().map(|s| &s.4))
        .map(|h| {
            heading_at(&source, h)
                .unwrap_or_else(|| panic!("{file}: heading {h:?} is not a line of the source"))
        })
        .collect();
    starts.sort_unstable();
    let mut failures = Vec::new();
    for (id, field, want, snippet, heading) in samples {
        let i = ds
            .indicator(id)
            .unwrap_or_else(|| panic!("{file}: no indicator {id}"));
        let got = get(i, field);
        match (want, &got) {
            (V::N(w), Got::N(g)) => {
                if (w - g).abs() > 1e-9 * w.abs().max(1.0) {
                    failures.push(format!("{id} {field}: dataset has {g}, the source {w}"));
                }
                if !prints(snippet, *w) {
                    failures.push(format!(
                        "{id} {field}: the snippet {snippet:?} does not print {w}"
                    ));
                }
            }
            (V::S(w), Got::S(g)) => {
                if w != g {
                    failures.push(format!("{id} {field}: dataset has {g:?}, expected {w:?}"));
                }
                let in_snippet = match *field {
                    "owner" => snippet.contains(w),
                    "level" => snippet.contains(match *w {
                        "province" => "cấp tỉnh",
                        "district" => "cấp huyện",
                        _ => "cấp xã",
                    }),
                    _ => true,
                };
                if !in_snippet {
                    failures.push(format!(
                        "{id} {field}: the snippet {snippet:?} does not say {w:?}"
                    ));
                }
            }
            _ => failures.push(format!("{id} {field}: a number and a text compared")),
        }
        // The snippet is in the section: after its heading, before the next heading.
        let start = heading_at(&source, heading).unwrap_or(0);
        let end = starts
            .iter()
            .copied()
            .find(|&s| s > start)
            .unwrap_or(source.len());
        if !source[start..end].contains(snippet) {
            failures.push(format!(
                "{id} {field}: {snippet:?} is not in the section {heading:?} of {}",
                plan(file).source
            ));
        }
    }
    assert!(
        samples.len() >= 20,
        "{file}: only {} samples",
        samples.len()
    );
    assert!(failures.is_empty(), "{file}:\n{}", failures.join("\n"));
}

#[test]
fn quang_nam_2024_figures_match_the_source() {
    check_samples(QNA_2024, QNA_2024_HEADINGS, QNA_2024_SAMPLES);
}

#[test]
fn quang_nam_resolution_figures_match_the_source() {
    check_samples(QNA_NQ, NQ_HEADINGS, NQ_SAMPLES);
}

#[test]
fn nghe_an_2024_figures_match_the_source() {
    check_samples(NAN_2024, NA_HEADINGS, NA_SAMPLES);
}

#[test]
fn quang_tri_dti_figures_match_the_source() {
    check_samples(QTR_DTI, QT_HEADINGS, QT_SAMPLES);
}

// ---------------------------------------------------------------------------------------
// Keys shared across plans.

/// `key → [(plan file, indicator id)]` for every key used by more than one plan.
fn shared_keys() -> BTreeMap<String, Vec<(&'static str, String)>> {
    let mut by_key: BTreeMap<String, Vec<(&'static str, String)>> = BTreeMap::new();
    for p in PLANS {
        for i in load(p.file).dataset.indicators {
            if let Some(k) = i.key {
                by_key.entry(k).or_default().push((p.file, i.id));
            }
        }
    }
    by_key.retain(|_, v| v.len() > 1);
    by_key
}

#[test]
fn the_shared_keys_are_the_documented_ones() {
    let got: BTreeMap<String, Vec<&str>> = shared_keys()
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().map(|(f, _)| f).collect()))
        .collect();
    let want: BTreeMap<String, Vec<&str>> = [
        ("adults-with-smartphone", vec![QNA_2024, QTR_DTI]),
        ("bank-account-15-plus", vec![NAN_2024, QTR_DTI]),
        (
            "communes-with-community-tech-teams",
            vec![QNA_2024, QTR_DTI],
        ),
        (
            "digital-economy-grdp-share",
            vec![QNA_2024, QNA_NQ, NAN_2024, QTR_DTI],
        ),
        ("digital-economy-share-each-sector", vec![QNA_2024, QNA_NQ]),
        ("fibre-communes", vec![QNA_2024, QNA_NQ]),
        ("households-with-smartphone", vec![QNA_2024, QTR_DTI]),
        ("labour-productivity-growth", vec![QNA_2024, QNA_NQ]),
        ("reporting-regimes-online", vec![QNA_2024, QNA_NQ, NAN_2024]),
        (
            "satisfaction-administrative-procedures",
            vec![QNA_2024, NAN_2024],
        ),
        ("sme-digital-platforms", vec![QNA_2024, QTR_DTI]),
        (
            "work-files-online-commune",
            vec![QNA_2024, QNA_NQ, NAN_2024],
        ),
        (
            "work-files-online-district",
            vec![QNA_2024, QNA_NQ, NAN_2024],
        ),
        (
            "work-files-online-province",
            vec![QNA_2024, QNA_NQ, NAN_2024],
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(got, want);
    let readme = read(&seeds_dir().join("README.md"));
    for k in want.keys() {
        assert!(
            readme.contains(&format!("`{k}`")),
            "seeds/README.md does not list the shared key {k}"
        );
    }
}

/// `(op, value, deadline)` of every target of the indicator with `key` in `file`.
fn targets_by_key(file: &str, key: &str) -> Vec<(String, f64, String)> {
    let ds = load(file).dataset;
    let hits: Vec<&Indicator> = ds
        .indicators
        .iter()
        .filter(|i| i.key.as_deref() == Some(key))
        .collect();
    hits.iter()
        .flat_map(|i| i.targets.iter())
        .map(|t| {
            (
                t.bound.op().to_string(),
                t.bound.value(),
                t.deadline.map(|d| d.to_string()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn work_files_online_at_province_level_compare_across_three_plans() {
    let key = "work-files-online-province";
    let t = |op: &str, v: f64, d: &str| (op.to_string(), v, d.to_string());
    assert_eq!(
        targets_by_key(QNA_2024, key),
        [t("gt", 95.0, "2024")],
        "Quảng Nam 2024: “Trên 95%”"
    );
    assert_eq!(
        targets_by_key(NAN_2024, key),
        [t("gte", 90.0, "2024")],
        "Nghệ An 2024: “90%”"
    );
    assert_eq!(
        targets_by_key(QNA_NQ, key),
        [t("gte", 90.0, "2025"), t("gte", 100.0, "2030")],
        "Nghị quyết Quảng Nam: “90%” by 2025, “100%” by 2030"
    );
    assert!(
        targets_by_key(QTR_DTI, key).is_empty(),
        "the Quảng Trị plan states no such target"
    );
    // The other levels follow the same pattern.
    assert_eq!(
        targets_by_key(QNA_2024, "work-files-online-district"),
        [t("gt", 85.0, "2024")]
    );
    assert_eq!(
        targets_by_key(NAN_2024, "work-files-online-district"),
        [t("gte", 80.0, "2024")]
    );
    assert_eq!(
        targets_by_key(QNA_NQ, "work-files-online-commune"),
        [t("gte", 50.0, "2025"), t("gte", 70.0, "2030")]
    );
    // Every indicator with the key is at province level.
    for p in PLANS {
        for i in load(p.file)
            .dataset
            .indicators
            .iter()
            .filter(|i| i.key.as_deref() == Some(key))
        {
            assert_eq!(i.level, Some(Level::Province), "{} / {}", p.file, i.id);
        }
    }
}

#[test]
fn digital_economy_share_of_grdp_compares_across_all_four_plans() {
    let key = "digital-economy-grdp-share";
    let t = |op: &str, v: f64, d: &str| (op.to_string(), v, d.to_string());
    assert_eq!(targets_by_key(QNA_2024, key), [t("gte", 10.0, "2024")]);
    assert_eq!(targets_by_key(NAN_2024, key), [t("approx", 10.0, "2024")]);
    // range 8–10 by 2025 (value() is the range's min), above 15 by 2030.
    assert_eq!(
        targets_by_key(QNA_NQ, key),
        [t("range", 8.0, "2025"), t("gt", 15.0, "2030")]
    );
    assert_eq!(targets_by_key(QTR_DTI, key), [t("gte", 10.0, "")]);
}

/// The copies in `seeds/sources/` are the documents the datasets were built from, byte for
/// byte (checked when the originals are at hand).
#[test]
fn source_copies_match_the_originals() {
    let dir = std::env::var("CHITIEU_SEEDS_DIR").unwrap_or_else(|_| "/work/shared/seeds".into());
    for p in PLANS {
        let copy = read(&seeds_dir().join("sources").join(p.source));
        match std::fs::read_to_string(Path::new(&dir).join(p.source)) {
            Ok(original) => assert!(
                copy == original,
                "seeds/sources/{} differs from {dir}",
                p.source
            ),
            Err(_) => eprintln!("{dir}/{} not found: skipping", p.source),
        }
    }
}

/// The tasks of each plan's appendix: how many, and each traceable to its row. Names,
/// outputs, units and due texts are copied from the appendix (page-break pieces of a
/// row joined with a space), so each appears in the source once whitespace is evened
/// out; no seed of a real plan reports progress.
#[test]
fn tasks_are_traceable_to_their_appendix_rows() {
    const TASKS: [(&str, usize); 4] = [
        ("quang-nam-2024.json", 78),
        ("nghe-an-2024.json", 46),
        ("quang-tri-dti.json", 36),
        ("quang-nam-2025-2030.json", 0),
    ];
    let readme = read(&seeds_dir().join("README.md"));
    for (file, count) in TASKS {
        let ds = load(file).dataset;
        assert_eq!(ds.tasks.len(), count, "{file}: tasks");
        if count > 0 {
            let row = format!("| `{file}` | {count} |");
            assert!(readme.contains(&row), "seeds/README.md lacks the row {row}");
        }
        let source = norm_ws(&source_text(file).replace(['\t', '\n'], " "));
        for t in &ds.tasks {
            assert!(
                t.updates.is_empty(),
                "{file}: {}: a real plan has no progress",
                t.id
            );
            assert!(is_kebab_ascii(&t.id), "{file}: task id {}", t.id);
            let src = t.source.as_ref();
            assert!(
                src.and_then(|s| s.section.as_deref())
                    .is_some_and(|s| s.starts_with("Phụ lục")),
                "{file}: {}: section",
                t.id
            );
            // The first words of the name, before a page break could split them.
            let head = t
                .name
                .vi
                .split_whitespace()
                .take(5)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                source.contains(&head),
                "{file}: {}: name not in source: {head}",
                t.id
            );
            for unit in t.lead.iter().chain(&t.partners) {
                let first = unit.split_whitespace().next().unwrap_or_default();
                assert!(source.contains(first), "{file}: {}: unit {unit}", t.id);
            }
            if let Some(text) = t.due.as_ref().and_then(|d| d.text.as_deref()) {
                assert!(source.contains(text), "{file}: {}: due {text}", t.id);
            }
        }
    }
}

/// The illustrative progress file is marked as such in its title and every note.
#[test]
fn the_illustrative_progress_example_says_it_is_one() {
    let path = seeds_dir().join("examples/quang-nam-2024-tasks-illustrative.json");
    let ds = chitieu_core::load::load_json(&read(&path))
        .unwrap_or_else(|e| panic!("{e}"))
        .dataset;
    assert!(
        ds.plan.title.starts_with("VÍ DỤ MINH HỌA"),
        "{}",
        ds.plan.title
    );
    let updates: Vec<_> = ds.tasks.iter().flat_map(|t| &t.updates).collect();
    assert!(updates.len() > 50, "{} updates", updates.len());
    for u in updates {
        let note = u.note.as_deref().unwrap_or("(Ví dụ minh họa)");
        assert!(note.starts_with("(Ví dụ minh họa)"), "{note}");
    }
}
