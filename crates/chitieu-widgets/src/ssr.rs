//! Static rendering: the same markup functions as in the browser, written out as HTML,
//! for pages without JavaScript, print and reports (`chitieu render`).

use crate::spec::Spec;
use crate::table::TargetTableProps;

/// The widget's markup (no scripts). Static rendering cannot fail today; the `Result`
/// leaves room for widgets that can.
pub fn render_markup(spec: Spec) -> Result<String, String> {
    Ok(match spec {
        Spec::Gauge(p) => crate::gauge::render(&p).to_html(),
        Spec::Scorecard(p) => crate::scorecard::render(&p).to_html(),
        Spec::Bullet(p) => crate::bullet::render(&p).to_html(),
        // Every row: a static page has no script to turn pages, and print and reports
        // want the whole plan.
        Spec::Table(p) => crate::table::render(&TargetTableProps {
            page_size: None,
            ..p
        })
        .to_html(),
        Spec::Trend(p) => crate::trend::render(&p).to_html(),
        Spec::Tasks(p) => crate::tasks::render(&p).to_html(),
    })
}

/// A whole HTML document holding the widget and its stylesheet.
pub fn html_document(markup: &str, widget: &str, lang: &str, title: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n{markup}\n</body>\n</html>\n",
        title = escape(title),
        css = crate::stylesheet(widget),
    )
}

/// The chart alone as a standalone SVG file: the widget's `<svg>` with the SVG namespace,
/// a `<title>` from its `aria-label`, the root classes that carry the theme, and the
/// stylesheet inside.
pub fn svg_document(markup: &str, widget: &str) -> Result<String, String> {
    let start = markup
        .find("<svg")
        .ok_or_else(|| format!("the {widget} has no chart to export as SVG"))?;
    let end = markup[start..]
        .find("</svg>")
        .map(|e| start + e + "</svg>".len())
        .ok_or("the chart's SVG is not closed")?;
    let svg = &markup[start..end];
    let root_classes = markup
        .find("class=\"chitieu ")
        .and_then(|i| {
            let rest = &markup[i + 7..];
            rest.find('"').map(|j| rest[..j].to_string())
        })
        .unwrap_or_else(|| format!("chitieu {widget}"));
    let label = svg
        .find("aria-label=\"")
        .and_then(|i| {
            let rest = &svg[i + 12..];
            rest.find('"').map(|j| rest[..j].to_string())
        })
        .unwrap_or_default();
    let open_end = svg.find('>').ok_or("the chart's SVG is malformed")?;
    let (open, body) = svg.split_at(open_end + 1);
    let body = body.strip_suffix("</svg>").unwrap_or(body);
    let open = open.replacen("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"", 1);
    // The widget's root classes go on a group inside (not on the <svg>, where the box's
    // padding and border would shrink the drawing), so the theme's variables and the
    // `.gauge .bar` rules apply; a rectangle paints the theme's background.
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{open}<title>{label}</title>\
         <style>{css}</style><g class=\"{root_classes}\">\
         <rect class=\"svg-bg\" x=\"0\" y=\"0\" width=\"100%\" height=\"100%\"/>{body}</g></svg>\n",
        css = escape_css_for_xml(&crate::stylesheet(widget)),
    ))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// CSS inside an SVG `<style>` is XML text: `<`, `>` and `&` must not appear raw.
fn escape_css_for_xml(css: &str) -> String {
    format!("<![CDATA[\n{css}\n]]>")
}
