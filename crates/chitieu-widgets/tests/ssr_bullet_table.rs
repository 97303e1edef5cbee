//! The bullet and the target table render natively (server-side, no browser): the markup
//! carries the words, the table roles and no inline `style` attribute anywhere.

use chitieu_core::load::load_json;
use chitieu_core::Lang;
use chitieu_widgets::table::{self, PAGE_SIZE};
use chitieu_widgets::{bullet, BulletProps, Ctx, Data, Filter, TargetTableProps};

const DATA: &str = include_str!("../../../tests/pages/table-data.json");

fn ctx(lang: Lang) -> Ctx {
    let ds = load_json(DATA).expect("test dataset loads").dataset;
    let mut c = Ctx::new(Data::from(ds));
    c.lang = lang;
    c
}

fn no_inline_styles(html: &str) {
    assert!(!html.contains(" style="), "an inline style attribute");
}

#[test]
fn table_renders_every_row_grouped_with_its_caption() {
    let html = table::render(&TargetTableProps {
        ctx: ctx(Lang::Vi),
        filter: Filter::default(),
        page_size: Some(PAGE_SIZE),
    })
    .to_html();
    no_inline_styles(&html);
    assert!(html.contains("Kế hoạch thử nghiệm chuyển đổi số năm 2024 — số liệu đến 30/06/2024"));
    assert_eq!(html.matches("class=\"row\"").count(), 12);
    assert_eq!(html.matches("class=\"group\"").count(), 4);
    assert!(html.contains("12/12 chỉ tiêu"));
    assert!(html.contains("role=\"columnheader\""));
    assert!(html.contains("Trên 95% hồ sơ công việc tại cấp tỉnh"));
}

#[test]
fn table_starts_with_the_given_filters() {
    let html = table::render(&TargetTableProps {
        ctx: ctx(Lang::En),
        filter: Filter {
            pillar: Some("kinh-te-so".into()),
            ..Filter::default()
        },
        page_size: Some(PAGE_SIZE),
    })
    .to_html();
    assert!(html.contains("2/12 indicators"));
    let unknown = table::render(&TargetTableProps {
        ctx: ctx(Lang::En),
        filter: Filter {
            pillar: Some("nope".into()),
            ..Filter::default()
        },
        page_size: Some(PAGE_SIZE),
    })
    .to_html();
    assert!(unknown.contains("role=\"alert\""));
    assert!(unknown.contains("ha-tang-so, chinh-quyen-so, kinh-te-so"));
}

/// A dataset of `n` indicators, the first pillar's then the second's.
fn big(n: usize) -> Ctx {
    let indicators: Vec<String> = (0..n)
        .map(|i| {
            let pillar = if i < n / 2 { "a" } else { "b" };
            format!(
                r#"{{"id": "ct-{i}", "pillar": "{pillar}", "unit": "percent", "name": {{"vi": "Chỉ số {i}"}},
                   "targets": [{{"op": "gte", "value": 90, "deadline": "2025"}}],
                   "observations": [{{"period": "2023", "value": {v}}}]}}"#,
                v = i % 100
            )
        })
        .collect();
    let json = format!(
        r#"{{"schema": "chitieu/1", "plan": {{"id": "lon", "title": "Lớn"}}, "as_of": "2024-06-30",
            "pillars": [{{"id": "a", "name": {{"vi": "Trụ cột A"}}}}, {{"id": "b", "name": {{"vi": "Trụ cột B"}}}}],
            "indicators": [{}]}}"#,
        indicators.join(",")
    );
    Ctx::new(Data::from(
        load_json(&json).expect("generated dataset loads").dataset,
    ))
}

#[test]
fn a_big_table_shows_its_first_page_and_a_pager_and_every_row_without_paging() {
    let render = |page_size| {
        table::render(&TargetTableProps {
            ctx: big(120),
            filter: Filter::default(),
            page_size,
        })
        .to_html()
    };
    let paged = render(Some(PAGE_SIZE));
    no_inline_styles(&paged);
    assert_eq!(paged.matches("class=\"row\"").count(), 50);
    // Not the markup in the messages: it is some 100 kB.
    assert!(paged.contains("Hiển thị 1–50 trong 120 chỉ tiêu"));
    assert!(paged.contains("Trang 1/3"));
    assert!(paged.contains("aria-label=\"Phân trang\""));
    // On page 1 "first" and "previous" are inactive but stay focusable; the arrows are
    // decoration, the words are the names.
    assert!(paged.contains(r#"<button type="button" aria-disabled="true" data-act="page" data-arg="0" class="page-first">"#));
    assert!(paged.contains(r#"<button type="button" aria-disabled="true" data-act="page" data-arg="0" class="page-prev">"#));
    assert!(paged.contains(
        r#"<button type="button" data-act="page" data-arg="1" class="page-next">Trang sau <span aria-hidden="true" class="icon">›</span></button>"#
    ));
    assert_eq!(
        paged.matches("class=\"group\"").count(),
        1,
        "page 1 is pillar A's"
    );
    assert!(
        paged.contains("tabindex=\"-1\""),
        "the table takes the focus on a page change"
    );

    let all = render(None);
    assert_eq!(all.matches("class=\"row\"").count(), 120);
    assert!(all.contains("120/120 chỉ tiêu"));
    assert!(!all.contains("Phân trang") && !all.contains("tabindex"));
    assert_eq!(all.matches("class=\"group\"").count(), 2);
}

#[test]
fn bullet_renders_words_label_and_hidden_table() {
    for (compact, lang, value) in [(false, Lang::Vi, "90%"), (true, Lang::En, "90%")] {
        let html = bullet::render(&BulletProps {
            ctx: ctx(lang),
            indicator: "hscv-tinh".into(),
            compact,
        })
        .to_html();
        no_inline_styles(&html);
        assert!(html.contains("role=\"img\""));
        assert!(html.contains(value));
        assert_eq!(html.contains("class=\"sr-only\""), !compact);
    }
}
