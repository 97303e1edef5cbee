use super::*;
use crate::load::{load_csv, load_json, to_csv, to_json};
use crate::model::Level;

fn draft(text: &str) -> Draft {
    match extract(text, &Options::default()) {
        Ok(d) => d,
        Err(e) => panic!("no draft: {e}"),
    }
}

/// "op value [level] [deadline]" per target, in order.
fn targets(d: &Draft) -> Vec<String> {
    d.dataset
        .indicators
        .iter()
        .flat_map(|i| {
            i.targets.iter().map(move |t| {
                let mut s = format!("{} {}", t.bound.op(), t.bound.value());
                if let Some(l) = i.level {
                    s.push(' ');
                    s.push_str(l.as_str());
                }
                if let Some(p) = t.deadline {
                    s.push_str(&format!(" {p}"));
                }
                s
            })
        })
        .collect()
}

fn sections(d: &Draft) -> Vec<String> {
    d.dataset
        .indicators
        .iter()
        .filter(|i| !i.targets.is_empty())
        .filter_map(|i| i.source.as_ref()?.section.clone())
        .collect()
}

const PLAN: &str = "\
Số: /KH-UBND\n\
\n\
Bình Định, ngày 15 tháng 01 năm 2024\n\
\n\
KẾ HOẠCH\n\
Chuyển đổi số tỉnh Bình Định năm 2024\n\
\n\
Phần I\n\
ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2023\n\
\n\
1. Chính quyền số\n\
\n\
- Tỷ lệ hồ sơ trực tuyến năm 2023: 7616/9948, tỷ lệ 76,55%.\n\
- Tỷ lệ số hóa kết quả cấp huyện: 81,8%.\n\
- Đã kéo cáp quang đến 100% xã.\n\
\n\
Phần II\n\
\n\
NỘI DUNG KẾ HOẠCH\n\
\n\
I. MỤC TIÊU\n\
\n\
1. Mục tiêu cụ thể\n\
\n\
1.1. Phát triển Chính quyền số\n\
\n\
- Trên 95% hồ sơ công việc tại cấp tỉnh, trên 85% hồ sơ công việc tại cấp huyện được xử lý trên môi trường mạng.\n\
- 90% người dân và doanh nghiệp hài lòng về việc giải quyết TTHC; 100% dịch vụ công trực tuyến được điền sẵn dữ liệu mà người dùng đã cung cấp.\n\
\n\
1.2. Phát triển hạ tầng số đến năm 2025\n\
\n\
- Hạ tầng cáp quang phủ trên 70% hộ gia đình, 100% xã.\n\
\n\
II. NHIỆM VỤ\n\
\n\
- Tổ chức tối thiểu 01 cuộc diễn tập thực chiến/năm.\n";

#[test]
fn targets_come_from_target_sections_with_their_levels_and_deadlines() {
    let d = draft(PLAN);
    assert_eq!(
        targets(&d),
        [
            "gt 95 province 2024",
            "gt 85 district 2024",
            "gte 90 2024",
            "gte 100 2024",
            "gt 70 2025",
            "gte 100 commune 2025",
        ]
    );
    assert_eq!(d.report.scope, Scope::TargetSections);
    let s = sections(&d);
    assert_eq!(
        s.first().map(String::as_str),
        Some("Phần II NỘI DUNG KẾ HOẠCH › I. MỤC TIÊU › 1. Mục tiêu cụ thể › 1.1. Phát triển Chính quyền số")
    );
    // Names are the target's words, or the clause when they are too few.
    let names: Vec<&str> = d
        .dataset
        .indicators
        .iter()
        .filter(|i| !i.targets.is_empty())
        .map(|i| i.name.vi.as_str())
        .collect();
    assert_eq!(names[0], "Trên 95% hồ sơ công việc tại cấp tỉnh");
    assert_eq!(
        names[5],
        "Hạ tầng cáp quang phủ trên 70% hộ gia đình, 100% xã"
    );
    // Every target text is a verbatim span of the plan.
    for i in &d.dataset.indicators {
        for t in &i.targets {
            let text = t.text.clone().unwrap_or_default();
            assert!(PLAN.contains(&text), "{text}");
        }
    }
}

#[test]
fn results_and_tasks_are_set_aside_with_reasons() {
    let d = draft(PLAN);
    let why: Vec<(&str, &str)> = d
        .report
        .skipped
        .iter()
        .map(|s| (s.text.as_str(), s.reason.as_str()))
        .collect();
    assert!(
        why.contains(&("Đã kéo cáp quang đến 100% xã", "in a result section")),
        "{why:?}"
    );
    assert!(
        why.contains(&(
            "Tổ chức tối thiểu 01 cuộc diễn tập thực chiến/năm",
            "in a task section, outside the target sections"
        )),
        "{why:?}"
    );
}

#[test]
fn results_become_observations_with_their_period() {
    let d = draft(PLAN);
    let obs: Vec<(String, &Observation)> = d
        .dataset
        .indicators
        .iter()
        .flat_map(|i| i.observations.iter().map(move |o| (i.name.vi.clone(), o)))
        .collect();
    assert_eq!(obs.len(), 3, "{obs:?}");
    let (_, o) = &obs[0];
    assert_eq!(o.period, Period::Year(2023));
    assert_eq!(
        (o.numerator, o.denominator, o.reported),
        (Some(7616.0), Some(9948.0), Some(76.55))
    );
    let (name, o) = &obs[1];
    assert_eq!(o.value, Some(81.8));
    assert_eq!(name, "Tỷ lệ số hóa kết quả cấp huyện: 81,8%");
    assert_eq!(d.report.observations, 3);
    let only = extract(
        PLAN,
        &Options {
            targets_only: true,
            ..Options::default()
        },
    );
    assert_eq!(only.map(|d| d.report.observations).ok(), Some(0));
}

#[test]
fn the_plan_is_guessed_from_its_first_lines() {
    let d = draft(PLAN);
    let p = &d.dataset.plan;
    assert_eq!(p.title, "Kế hoạch Chuyển đổi số tỉnh Bình Định năm 2024");
    assert_eq!(p.region.as_deref(), Some("Bình Định"));
    assert_eq!(p.issuer.as_deref(), Some("UBND tỉnh Bình Định"));
    assert_eq!(p.date.as_deref(), Some("2024-01-15"));
    assert_eq!(p.id, "draft-binh-dinh-2024");
    let ids: Vec<&str> = d.dataset.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.first().copied(), Some("draft-001"));
    let named = extract(
        "1. Mục tiêu\n\n90% hồ sơ.",
        &Options {
            file_name: Some("ke-hoach.txt".into()),
            ..Options::default()
        },
    );
    let plan = named.map(|d| d.dataset.plan).unwrap_or_default();
    assert_eq!(plan.id, "draft-ke-hoach");
    assert_eq!(plan.title, "ke-hoach.txt");
    assert_eq!(plan.document.as_deref(), Some("ke-hoach.txt"));
}

#[test]
fn the_draft_loads_in_both_forms() {
    for text in [PLAN, QUANG_TRI_LIKE] {
        let d = draft(text);
        let json = load_json(&to_json(&d.dataset));
        assert!(json.is_ok(), "{json:?}");
        let csv = load_csv(&to_csv(&d.dataset));
        assert!(csv.is_ok(), "{csv:?}");
        assert_eq!(csv.map(|l| l.dataset).ok(), Some(d.dataset.clone()));
    }
}

/// A plan that states its targets among its tasks, restated in an appendix table whose
/// rows a page break splits.
const QUANG_TRI_LIKE: &str = "\
KẾ HOẠCH\n\
Nâng cao chỉ số chuyển đổi số tỉnh Quảng Trị (DTI)\n\
\n\
I. MỤC ĐÍCH, YÊU CẦU\n\
\n\
Thúc đẩy chuyển đổi số.\n\
\n\
II. NHIỆM VỤ, GIẢI PHÁP\n\
\n\
1. Về nhận thức số\n\
\n\
Xây dựng chuyên trang cấp tỉnh và cập nhật thông tin\n\
\n\
trung bình 01 lần/tuần; cập nhật tin, bài ít nhất 20 tin, bài/năm.\n\
\n\
2. Về kinh tế số\n\
\n\
Đã có 30% doanh nghiệp dùng nền tảng số. Nâng tỷ trọng kinh tế số đạt tối thiểu 10% GRDP.\n\
\n\
Phụ lục\n\
Các nhiệm vụ trọng tâm\n\
\n\
TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n\
I\tNhận thức số\t\t\t\n\
1\tXây dựng chuyên trang cấp tỉnh và cập nhật thông tin theo tần suất trung bình 01 lần/01tuần\tSở Thông tin và Truyền thông\tCác sở\tHàng năm\n\
2\tĐảm bảo kinh phí giám sát ATTT tối thiểu là 2 tỷ\tSở Tài chính\t\tHàng năm\n\
\n\
TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n\
\tđồng\t\t\t\n\
3\tHoàn thành 100% trước Quý IV/2024\tVăn phòng\t\tQuý IV/2024\n";

#[test]
fn a_plan_without_target_sections_is_read_whole_and_restatements_fold() {
    let d = draft(QUANG_TRI_LIKE);
    assert_eq!(d.report.scope, Scope::WholeText);
    assert_eq!(
        targets(&d),
        [
            "gte 1 province",
            "gte 20",
            "gte 10",
            "gte 2000000000",
            "gte 100 2024-Q4"
        ]
    );
    let first = &d.dataset.indicators[0];
    assert_eq!(first.owner.as_deref(), Some("Sở Thông tin và Truyền thông"));
    let section = first
        .source
        .as_ref()
        .and_then(|s| s.section.clone())
        .unwrap_or_default();
    assert_eq!(
        section,
        "II. NHIỆM VỤ, GIẢI PHÁP › 1. Về nhận thức số; Phụ lục Các nhiệm vụ trọng tâm › I. Nhận thức số › TT 1"
    );
    assert_eq!(d.report.merged, 1);
    // The page break split "2 tỷ" from "đồng": the row is whole again.
    let budget = &d.dataset.indicators[3];
    assert_eq!(budget.unit, Unit::Vnd);
    assert_eq!(budget.owner.as_deref(), Some("Sở Tài chính"));
    // "Đã có 30%" is a result even here.
    assert!(d
        .report
        .skipped
        .iter()
        .any(|s| s.text.contains("30%") && s.reason == "reads as a result: “đã”"));
    // The row's time column gives the deadline's note when the parser has none.
    let note = d.dataset.indicators[4].note.clone().unwrap_or_default();
    assert!(note.starts_with("Dòng "), "{note}");
}

#[test]
fn deadlines_from_sentence_row_heading_or_title_and_the_note_says_which() {
    let text = "KẾ HOẠCH\nChuyển đổi số năm 2024\n\nI. Mục tiêu\n\n1. Mục tiêu đến năm 2025, định hướng đến năm 2030\n\n- 90% hồ sơ.\n\n- 80% hồ sơ vào năm 2026.\n\n2. Mục tiêu chung\n\n- 70% hồ sơ.";
    let d = draft(text);
    assert_eq!(targets(&d), ["gte 90 2025", "gte 80 2026", "gte 70 2024"]);
    let notes: Vec<String> = d
        .dataset
        .indicators
        .iter()
        .map(|i| i.note.clone().unwrap_or_default())
        .collect();
    assert!(
        notes[0].contains("Hạn theo tiêu đề mục: “1. Mục tiêu đến năm 2025"),
        "{}",
        notes[0]
    );
    assert!(!notes[1].contains("Hạn"), "{}", notes[1]);
    assert!(notes[2].contains("Hạn theo tên kế hoạch"), "{}", notes[2]);
}

#[test]
fn no_text_or_no_target_is_an_error() {
    assert_eq!(
        extract("", &Options::default()).err(),
        Some(ExtractError::Empty)
    );
    assert_eq!(
        extract("\u{feff} \n\t", &Options::default()).err(),
        Some(ExtractError::Empty)
    );
    match extract(
        "Phần I\nĐÁNH GIÁ KẾT QUẢ NĂM 2023\n\n- Đạt 76162/99483, tỷ lệ 76,55%.\n- Đạt 90%.",
        &Options::default(),
    ) {
        Err(ExtractError::NoTargets { skipped }) => {
            // "76,55%" and "90%": the ratio itself is not a figure the parser reads.
            assert_eq!(skipped.len(), 2, "{skipped:?}");
            let msg = ExtractError::NoTargets { skipped }.to_string();
            assert!(msg.contains("no target found: 2 figure(s) read"), "{msg}");
            assert!(msg.contains("in a result section"), "{msg}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        extract("Phổ cập dịch vụ 4G/5G.", &Options::default()),
        Err(ExtractError::NoTargets { .. })
    ));
}

#[test]
fn level_of_a_bare_commune_share_is_noted() {
    let d = draft("I. Mục tiêu\n\n- Cáp quang đến 100% các xã, phường.");
    let i = &d.dataset.indicators[0];
    assert_eq!(i.level, Some(Level::Commune));
    assert!(i
        .note
        .clone()
        .unwrap_or_default()
        .contains("Cấp “Cấp xã” suy từ"));
}

#[test]
fn compare_matches_one_to_one_by_figures_level_and_words() {
    let d = draft(PLAN).dataset;
    let same = compare(&d, &d);
    assert_eq!((same.recall(), same.precision()), (1.0, 1.0));
    assert_eq!(same.observations.matched, same.observations.curated);
    // A duplicate in the draft costs precision, not recall.
    let mut dup = d.clone();
    if let Some(first) = d.indicators.iter().find(|i| !i.targets.is_empty()) {
        let mut copy = first.clone();
        copy.id = "copy".into();
        dup.indicators.push(copy);
    }
    let c = compare(&dup, &d);
    assert_eq!(c.recall(), 1.0);
    assert_eq!((c.matches.len(), c.draft), (6, 7));
    assert_eq!(c.extra, ["copy: Trên 95% hồ sơ công việc tại cấp tỉnh"]);
    // Another level, figure or wording is no match.
    let mut other = d.clone();
    for i in other.indicators.iter_mut() {
        if i.level == Some(Level::Province) {
            i.level = Some(Level::District);
        }
        for t in i.targets.iter_mut() {
            if t.bound == Bound::Gt(70.0) {
                t.bound = Bound::Gt(71.0);
            }
            if t.bound == Bound::Gte(90.0) {
                t.text = Some("90% hộ gia đình có điện thoại thông minh".into());
            }
        }
    }
    let c = compare(&other, &d);
    assert_eq!(c.matches.len(), 3, "{:?}", c.missed);
    assert_eq!(c.missed.len(), 3);
    // A curated target with no level matches a draft one with any.
    let mut no_levels = d.clone();
    for i in no_levels.indicators.iter_mut() {
        i.level = None;
    }
    let c = compare(&d, &no_levels);
    assert_eq!(c.matches.len(), 6, "{:?}", c.missed);
    let c = compare(&no_levels, &d);
    assert_eq!(c.matches.len(), 3, "{:?}", c.missed);
}

proptest::proptest! {
    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,300}") {
        let _ = extract(&s, &Options::default());
    }

    #[test]
    fn arbitrary_lines_never_panic(lines in proptest::collection::vec(proptest::sample::select(&[
        "Phần I", "ĐÁNH GIÁ KẾT QUẢ NĂM 2023", "PHỤ LỤC", "II. Mục tiêu", "2.1. Chính quyền số",
        "a) Hạ tầng", "- Về hạ tầng số:", "- 90% hồ sơ cấp tỉnh; 80% cấp huyện.", "+ đạt 76162/99483, tỷ lệ 76,55%",
        "TT\tNội dung\tCơ quan chủ trì\tThời gian thực hiện", "I\tNhận thức số\t\t", "1\tĐạt 100% xã\tSở\tQuý IV/2024",
        "\tđồng\t\t", "trên 15-20% vào năm 2025", "đã đạt 90%", "¹ Chú thích", "", "KẾ HOẠCH", "tỉnh Hà Nam năm 2024",
        "Từ ngày 01/11/2023 đến ngày 30/11/2023 đạt 98,7% (12842/13014)", "đạt 20-15%", "\t\t\t", "((((", "))); ;;",
        "Số: /KH-UBND Hà Nam, ngày 1 tháng 13 năm 2024", "<i>", "100%", "0/0", "99999999999999999999/1",
        "TT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tKết quả\tThời gian thực hiện",
        "II\tNhóm nhiệm vụ\t\t\t\t", "1\tCơ chế\t\t\t\t", "1.1\tQuy chế\tSở TT&TT\tCác Sở, Ban, ngành, UBND\tQuyết định\tQuý IV/2024",
        "\tcác huyện\t\tthị xã; ;\t\t2025 - 2024", "1.1.1.1.1\tx\tSở Sở Sở\t,,,\t\tQuý V", "VI.\t\t\t\t\tHàng năm",
        "TT\tTên nhiệm vụ\tĐơn vị chủ trì", "3.\t›\t;\t", "\t\tVăn phòng UBND tỉnh Sở Tài chính\t\tTháng 13/2024",
    ][..]), 0..40)) {
        let text = lines.join("\n");
        for tasks_only in [false, true] {
            let options = Options { tasks_only, ..Options::default() };
            let Ok(d) = extract(&text, &options) else { continue };
            proptest::prop_assert!(d.report.targets > 0 || d.report.tasks > 0);
            proptest::prop_assert!(d.dataset.tasks.iter().all(|t| t.updates.is_empty()));
            let loaded = load_json(&to_json(&d.dataset));
            proptest::prop_assert!(loaded.is_ok(), "{:?}", loaded);
            let loaded = load_csv(&to_csv(&d.dataset));
            proptest::prop_assert!(loaded.is_ok(), "{:?}", loaded);
            // A drafted task is never set aside: its units, groups and due all validate.
            let json = load_json(&to_json(&d.dataset));
            proptest::prop_assert!(json.is_ok_and(|l| l.dataset.quarantined_tasks.is_empty()));
        }
    }
}

#[test]
fn unnumbered_and_lettered_headings_lead_their_targets() {
    let text = "KẾ HOẠCH\nChuyển đổi số tỉnh Hà Nam\n\nA. ĐÁNH GIÁ\n\nNăm 2023 đạt 60% hồ sơ trực tuyến.\n\nB. MỤC TIÊU VÀ NHIỆM VỤ\n\nMỤC TIÊU CỤ THỂ\n\nĐến năm 2025, phấn đấu:\n\n- 90% hồ sơ công việc tại cấp tỉnh.\n\n- 80% hồ sơ công việc tại cấp huyện.\n\nNHIỆM VỤ\n\n- Tổ chức tối thiểu 01 cuộc diễn tập/năm.";
    let d = draft(text);
    assert_eq!(
        targets(&d),
        ["gte 90 province 2025", "gte 80 district 2025"]
    );
    assert_eq!(
        sections(&d)[0],
        "B. MỤC TIÊU VÀ NHIỆM VỤ › MỤC TIÊU CỤ THỂ › Đến năm 2025, phấn đấu:"
    );
    assert_eq!(d.dataset.plan.region.as_deref(), Some("Hà Nam"));
}

#[test]
fn a_table_of_indicators_gives_one_target_per_year_cell() {
    let text = "KẾ HOẠCH\nChuyển đổi số tỉnh Hà Nam giai đoạn 2024-2025\n\nII. MỤC TIÊU\n\n2. Chỉ tiêu cụ thể\n\nSTT\tChỉ tiêu\tĐơn vị tính\tThực hiện 2023\tNăm 2024\tNăm 2025\n1\tTỷ lệ hồ sơ trực tuyến\t%\t60\t80\t≥ 90\n2\tSố doanh nghiệp số\tdoanh nghiệp\t300\t400\t500\n3\tTỷ lệ hồ sơ trễ hạn\t%\t5\t\t≤ 2\n4\tGhi chú\t\t\t-\t\n\nIII. NHIỆM VỤ\n\n- Tổ chức tập huấn.";
    let d = draft(text);
    assert_eq!(
        targets(&d),
        [
            "gte 80 2024",
            "gte 90 2025",
            "gte 400 2024",
            "gte 500 2025",
            "lte 2 2025"
        ]
    );
    let first = &d.dataset.indicators[1];
    assert_eq!(first.name.vi, "Tỷ lệ hồ sơ trực tuyến");
    assert_eq!(first.unit, Unit::Percent);
    assert_eq!(
        first.targets[0].text.as_deref(),
        Some("Tỷ lệ hồ sơ trực tuyến 80% năm 2024")
    );
    assert!(first
        .note
        .clone()
        .unwrap_or_default()
        .contains("Từ bảng chỉ tiêu, cột “Năm 2024”"));
    assert_eq!(d.dataset.indicators[3].unit, Unit::Count);
    // The column of results gives observations.
    let obs: Vec<(Period, Option<f64>)> = d
        .dataset
        .indicators
        .iter()
        .flat_map(|i| i.observations.iter().map(|o| (o.period, o.value)))
        .collect();
    assert_eq!(
        obs,
        [
            (Period::Year(2023), Some(60.0)),
            (Period::Year(2023), Some(5.0))
        ]
    );
}
