//! `chitieu`: the command line over chitieu-core — validate, score, parse target sentences,
//! draft a dataset from a plan's text, convert datasets between JSON and CSV, and render
//! widgets to static HTML or SVG (through chitieu-widgets' server-side rendering).
//!
//! Its output and exit codes are a contract scripts rely on: JSON on request, 0 on
//! success, 1 when the input has errors (or no target could be read), 2 for usage errors.
//!
//! Its messages, and every diagnostic of a dataset, come from core's catalogue in the
//! language of `--lang`, else of the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `vi*` is
//! Vietnamese, anything else English), since the clerk who fixes a file reads Vietnamese
//! and a CI log is read in English.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chitieu_core::load::{self, sheets, Diagnostic, LoadError, Loaded, Policy};
use chitieu_core::messages::{self, Arg, Key, Message};
use chitieu_core::number::{format_number, format_value};
use chitieu_core::score::{score_dataset, DatasetScore, IndicatorScore, ScoreConfig};
use chitieu_core::{Dataset, Date, Lang};
use chitieu_widgets::{ssr, Ctx, Data, Options, Theme};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "chitieu",
    version,
    about = "Targets and results of Vietnamese digital-transformation plans"
)]
struct Cli {
    /// Language of messages (vi or en; default from LC_ALL, LC_MESSAGES, LANG), and of the
    /// `score` table and `render` output (default vi).
    #[arg(long, global = true, value_name = "vi|en", value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

/// `--lang`: `vi` or `en` (or a tag of either, such as `vi-VN`).
fn parse_lang(s: &str) -> Result<Lang, String> {
    let t = s.trim().to_ascii_lowercase();
    if t.starts_with("vi") {
        Ok(Lang::Vi)
    } else if t.starts_with("en") {
        Ok(Lang::En)
    } else {
        Err(format!("'{s}': expected vi or en"))
    }
}

/// The language of messages when `--lang` is not given: the locale's, the first of
/// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set (POSIX's order); `vi*` is Vietnamese.
fn locale_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .map_or(Lang::En, |v| messages::lang(&v))
}

// Parsed once per run: the size of the `render` variant's options costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Check a dataset (JSON or CSV): errors and warnings; exit 1 on errors.
    Validate {
        /// The dataset file, or - for standard input.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = DiagFormat::Text)]
        format: DiagFormat,
    },
    /// Score every indicator, pillar and the whole plan.
    Score {
        file: PathBuf,
        /// Evaluation date; default: the dataset's as_of, else today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
        format: ScoreFormat,
        /// R at or above this is on track.
        #[arg(long, default_value_t = 0.95)]
        on_track: f64,
        /// R at or above this (below on-track) needs acceleration.
        #[arg(long, default_value_t = 0.60)]
        needs_acceleration: f64,
        /// Refuse the file when any indicator has an error, instead of scoring the
        /// others and listing it as set aside.
        #[arg(long)]
        strict: bool,
        /// Withhold a pillar's or the plan's score when it rests on fewer than this share
        /// of its indicators: a fraction (0.5) or a percentage (50%); default one third,
        /// 0 shows every score.
        #[arg(long, value_name = "SHARE", value_parser = share_arg)]
        min_coverage: Option<f64>,
    },
    /// Read the targets in a Vietnamese sentence; prints a JSON array.
    ParseTarget {
        /// The sentence, e.g. "Trên 95% hồ sơ công việc tại cấp tỉnh".
        text: String,
    },
    /// Draft a dataset from a plan's plain text: one indicator per target sentence, for a
    /// person to review and complete (names, pillars, keys).
    Extract {
        /// The plan as UTF-8 plain text, or - for standard input.
        file: PathBuf,
        /// Write the draft here: .csv or .json (default: CSV on standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Draft the targets alone: leave out the results (observations) the plan reports
        /// for past years and the tasks of its appendix tables.
        #[arg(long, conflicts_with = "tasks_only")]
        targets_only: bool,
        /// Draft the tasks of the appendix tables alone (no indicators).
        #[arg(long)]
        tasks_only: bool,
        /// List every figure that was read but not drafted, and why.
        #[arg(long)]
        explain: bool,
        /// Compare the draft with a curated dataset of the same plan: recall, precision
        /// and the targets missed or extra.
        #[arg(long, value_name = "DATASET")]
        compare: Option<PathBuf>,
    },
    /// Convert a dataset between JSON, CSV and a spreadsheet (.xlsx, .xlsm, .xls, .ods in;
    /// .xlsx out), by the files' extensions.
    Convert { input: PathBuf, output: PathBuf },
    /// Render a widget to static HTML or SVG, for pages without JavaScript, print and reports.
    Render {
        file: PathBuf,
        /// gauge, bullet, table, scorecard or trend.
        #[arg(long, default_value = "gauge")]
        widget: String,
        #[arg(long)]
        indicator: Option<String>,
        #[arg(long)]
        pillar: Option<String>,
        #[arg(long)]
        level: Option<String>,
        #[arg(long)]
        status: Option<String>,
        /// The widget's variant, e.g. `ring` for the gauge.
        #[arg(long)]
        variant: Option<String>,
        /// light, dark, high-contrast or auto.
        #[arg(long, default_value = "light")]
        theme: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// Scorecard: withhold a score resting on fewer than this share of its
        /// indicators, a fraction (0.5) or a percentage (50%); default one third.
        #[arg(long, value_name = "SHARE")]
        min_coverage: Option<String>,
        /// Tasks: group by the appendix's headings (group), lead unit (lead) or due
        /// period (due).
        #[arg(long, value_name = "group|lead|due")]
        group_by: Option<String>,
        /// Tasks: a deadline this many days ahead counts as due soon (default 30).
        #[arg(long, value_name = "DAYS")]
        due_soon_days: Option<String>,
        /// html (a whole document), fragment (the widget's markup only) or svg (the chart
        /// alone); default: from the output file's extension, else html.
        #[arg(long, value_enum)]
        format: Option<RenderFormat>,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Refuse the file when any indicator has an error, instead of rendering the
        /// others and showing it as set aside.
        #[arg(long)]
        strict: bool,
    },
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum RenderFormat {
    Html,
    Fragment,
    Svg,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiagFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ScoreFormat {
    Table,
    Json,
}

/// A `--min-coverage` value; a usage error (exit 2) names the forms it takes.
fn share_arg(s: &str) -> Result<f64, String> {
    chitieu_core::score::parse_share(s).ok_or_else(|| {
        "not a share: write a fraction from 0 to 1 (e.g. 0.5) or a percentage (e.g. 50%)".into()
    })
}

/// A failure to report (exit 1), written in the language of messages when printed.
enum Failure {
    Msg(Message),
    /// A dataset that did not load, after its file's name.
    Load(String, Box<LoadError>),
    /// Text already in the reader's language (the widgets' own words) or in both.
    Text(String),
}

impl Failure {
    fn render(&self, lang: Lang) -> String {
        match self {
            Failure::Msg(m) => m.render(lang),
            Failure::Load(name, e) => format!("{name}: {}", e.display_in(lang.tag())),
            Failure::Text(t) => t.clone(),
        }
    }
}

impl From<Message> for Failure {
    fn from(m: Message) -> Failure {
        Failure::Msg(m)
    }
}

type Outcome = Result<(), Failure>;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Messages follow the locale; the score table and rendered widgets keep their
    // default, Vietnamese, unless asked.
    let lang = cli.lang.unwrap_or_else(locale_lang);
    let output_lang = cli.lang.unwrap_or(Lang::Vi);
    let result = match cli.command {
        Command::Validate { file, format } => validate(&file, format, lang),
        Command::Score {
            file,
            as_of,
            format,
            on_track,
            needs_acceleration,
            strict,
            min_coverage,
        } => {
            let default = ScoreConfig::default();
            let cfg = ScoreConfig {
                on_track,
                needs_acceleration,
                min_coverage: min_coverage.unwrap_or(default.min_coverage),
                ..default
            };
            score(
                &file,
                as_of.as_deref(),
                format,
                output_lang,
                lang,
                &cfg,
                policy(strict),
            )
        }
        Command::ParseTarget { text } => parse_target(&text),
        Command::Extract {
            file,
            output,
            targets_only,
            tasks_only,
            explain,
            compare,
        } => extract(&ExtractArgs {
            file: &file,
            output: output.as_deref(),
            targets_only,
            tasks_only,
            explain,
            compare: compare.as_deref(),
            lang,
        }),
        Command::Convert { input, output } => convert(&input, &output, lang),
        Command::Render {
            file,
            widget,
            indicator,
            pillar,
            level,
            status,
            variant,
            theme,
            as_of,
            min_coverage,
            group_by,
            due_soon_days,
            format,
            output,
            strict,
        } => {
            let options = Options {
                indicator,
                pillar,
                level,
                status,
                variant,
                min_coverage,
                group_by,
                due_soon_days,
            };
            render(&RenderArgs {
                file: &file,
                widget: &widget,
                options,
                lang: output_lang,
                theme: &theme,
                as_of: as_of.as_deref(),
                format,
                output: output.as_deref(),
                policy: policy(strict),
                messages: lang,
            })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("chitieu: {}", failure.render(lang));
            ExitCode::from(1)
        }
    }
}

/// A path as messages show it.
fn shown(path: &Path) -> Arg {
    Arg::Text(path.display().to_string())
}

fn read_input(path: &Path) -> Result<String, Message> {
    text_of(path, read_bytes(path)?)
}

/// The file's bytes, or standard input's for `-`.
fn read_bytes(path: &Path) -> Result<Vec<u8>, Message> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Message::new(Key::CliCannotReadStdin).with("error", e.to_string()))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| {
        Message::new(Key::CliCannotRead)
            .with("path", shown(path))
            .with("error", e.to_string())
    })
}

fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, Message> {
    String::from_utf8(bytes).map_err(|e| {
        Message::new(Key::CliNotUtf8)
            .with("path", shown(path))
            .with("byte", e.utf8_error().valid_up_to())
    })
}

/// Loads JSON or CSV text, or a spreadsheet (.xlsx, .xlsm, .xls, .ods: by the name, or
/// on standard input by its first bytes).
fn load_file_with(path: &Path, policy: Policy) -> Result<Loaded, LoadError> {
    let failed = |m| LoadError::Schema(Diagnostic::error("", m));
    let bytes = read_bytes(path).map_err(failed)?;
    if sheets::is_spreadsheet(path.to_str(), &bytes) {
        return sheets::load_sheets_with(&bytes, policy);
    }
    let text = text_of(path, bytes).map_err(failed)?;
    load::load_auto_with(&text, path.to_str(), policy)
}

/// A loaded dataset, or the failure that names its file.
fn load_named(path: &Path, policy: Policy) -> Result<Loaded, Failure> {
    load_file_with(path, policy).map_err(|e| Failure::Load(path.display().to_string(), Box::new(e)))
}

/// `--strict` refuses a file with any bad indicator; without it, bad indicators are set
/// aside and the rest is used, as on a dashboard.
fn policy(strict: bool) -> Policy {
    if strict {
        Policy::Strict
    } else {
        Policy::Quarantine
    }
}

/// Says on standard error which indicators were set aside and why, so a score or a page
/// made without them never passes for complete.
fn report_quarantined(path: &Path, ds: &Dataset, lang: Lang) {
    let tasks = ds
        .quarantined_tasks
        .iter()
        .map(|q| (q, Key::CliLeftOutTask));
    for (q, key) in ds
        .quarantined
        .iter()
        .map(|q| (q, Key::CliLeftOut))
        .chain(tasks)
    {
        let m = Message::new(key)
            .with("path", shown(path))
            .with("indicator", q.label());
        eprintln!("chitieu: {}", m.render(lang));
        for d in &q.diagnostics {
            eprintln!("  {}", tagged(d, lang));
        }
    }
}

/// `validate`: every finding in the language of messages. `--format json` keeps
/// `message` in English (scripts match on it, or on `code`) and adds `text`, the message
/// in that language, with `lang` saying which.
fn validate(path: &Path, format: DiagFormat, lang: Lang) -> Outcome {
    // Loaded with a quarantine, so indicators that do not read are set aside and the
    // rest is still validated: every error of the file in one round.
    let (diagnostics, ok) = match load_file_with(path, Policy::Quarantine) {
        Ok(l) => {
            let ok = l.dataset.quarantined.is_empty() && l.dataset.quarantined_tasks.is_empty();
            let mut all: Vec<Diagnostic> = l
                .dataset
                .quarantined
                .into_iter()
                .chain(l.dataset.quarantined_tasks)
                .flat_map(|q| q.diagnostics)
                .chain(l.warnings)
                .collect();
            all.sort_by_key(|d| (!d.is_error(), d.line, d.column));
            (all, ok)
        }
        Err(e) => (e.diagnostics(), false),
    };
    match format {
        DiagFormat::Json => {
            let diagnostics: Vec<serde_json::Value> = diagnostics
                .iter()
                .map(|d| {
                    let mut v = serde_json::to_value(d).unwrap_or_default();
                    if let Some(o) = v.as_object_mut() {
                        o.insert("text".into(), d.message_in(lang.tag()).into());
                    }
                    v
                })
                .collect();
            let out =
                serde_json::json!({ "valid": ok, "lang": lang.tag(), "diagnostics": diagnostics });
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        DiagFormat::Text => {
            for d in &diagnostics {
                println!("{}", tagged(d, lang));
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let summary = Message::new(Key::CliValidateSummary)
                .with("path", shown(path))
                .with("errors", errors)
                .with("warnings", diagnostics.len() - errors);
            println!("{}", summary.render(lang));
        }
    }
    if ok {
        Ok(())
    } else {
        Err(Message::new(Key::CliNotValid)
            .with("path", shown(path))
            .into())
    }
}

/// "error: …" or "warning: …", with where.
fn tagged(d: &Diagnostic, lang: Lang) -> String {
    let key = if d.is_error() {
        Key::CliError
    } else {
        Key::CliWarning
    };
    Message::new(key)
        .with("text", d.display_in(lang.tag()))
        .render(lang)
}

/// Today's UTC date: the CLI may read the clock, the core never does.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

/// `score`: the table in `lang`, what goes wrong in `messages`.
fn score(
    path: &Path,
    as_of: Option<&str>,
    format: ScoreFormat,
    lang: Lang,
    messages: Lang,
    cfg: &ScoreConfig,
    policy: Policy,
) -> Outcome {
    let loaded = load_named(path, policy)?;
    let ds = &loaded.dataset;
    report_quarantined(path, ds, messages);
    let as_of = match as_of {
        Some(s) => parse_as_of(s)?,
        None => ds.as_of.unwrap_or_else(today),
    };
    let scored = score_dataset(ds, as_of, cfg);
    match format {
        ScoreFormat::Json => {
            let text = |e: serde_json::Error| Failure::Text(e.to_string());
            let mut out = serde_json::to_value(&scored).map_err(text)?;
            if let Some(o) = out.as_object_mut() {
                let q = serde_json::to_value(&ds.quarantined).map_err(text)?;
                o.insert("quarantined".into(), q);
            }
            let s = serde_json::to_string_pretty(&out).map_err(text)?;
            println!("{s}");
        }
        ScoreFormat::Table => print!("{}", score_table(ds, &scored, lang)),
    }
    Ok(())
}

/// `--as-of`, or why it is not a date.
fn parse_as_of(s: &str) -> Result<Date, Failure> {
    s.parse::<Date>()
        .map_err(|e| Message::about("--as-of", e.message()).into())
}

fn opt(v: Option<String>) -> String {
    v.unwrap_or_else(|| "—".into())
}

fn pct(v: Option<f64>, lang: Lang) -> String {
    opt(v.map(|x| format!("{}%", format_number(x * 100.0, 1, lang))))
}

fn indicator_row(ds: &Dataset, s: &IndicatorScore, lang: Lang) -> Vec<String> {
    let unit = ds
        .indicator(&s.id)
        .map(|i| i.unit.clone())
        .unwrap_or_default();
    let target = s.current_target.as_ref().map(|t| {
        let deadline = t.deadline.map(|d| format!(" ({d})")).unwrap_or_default();
        format!(
            "{} {}{deadline}",
            t.bound.op(),
            format_value(t.bound.value(), &unit, lang)
        )
    });
    let latest = s
        .latest
        .map(|l| format!("{} ({})", format_value(l.value, &unit, lang), l.period));
    vec![
        s.id.clone(),
        opt(target),
        opt(latest),
        pct(s.attainment, lang),
        opt(s.gap.map(|g| format_number(g, 2, lang))),
        s.status.as_str().to_string(),
        opt(s.progress_ratio.map(|r| format_number(r, 2, lang))),
        opt(s.expected_now.map(|e| format_value(e, &unit, lang))),
    ]
}

fn score_table(ds: &Dataset, scored: &DatasetScore, lang: Lang) -> String {
    let mut rows = vec![[
        "indicator",
        "target",
        "latest",
        "attainment",
        "gap",
        "status",
        "R",
        "expected now",
    ]
    .map(String::from)
    .to_vec()];
    rows.extend(scored.indicators.iter().map(|s| indicator_row(ds, s, lang)));
    let mut out = format!("{} — as of {}\n\n", ds.plan.title, scored.as_of);
    out.push_str(&table(&rows));
    let mut prows = vec![["pillar", "score", "scored", "coverage", "points"]
        .map(String::from)
        .to_vec()];
    // A withheld score is not printed, nor the points that would give it away.
    let shown = |x: Option<f64>, withheld: bool| x.filter(|_| !withheld);
    for p in &scored.pillars {
        prows.push(vec![
            p.id.clone().unwrap_or_else(|| "(none)".into()),
            score_cell(p.score, p.withheld, lang),
            format!("{}/{}", p.scored, p.total),
            format!("{}/{}", p.with_data, p.total),
            format!(
                "{} / {}",
                opt(shown(p.points, p.withheld).map(|x| format_number(x, 2, lang))),
                format_number(p.max_points, 2, lang)
            ),
        ]);
    }
    let o = &scored.overall;
    prows.push(vec![
        "overall".into(),
        score_cell(o.score, o.withheld, lang),
        format!("{}/{}", o.scored, o.total),
        format!("{}/{}", o.with_data, o.total),
        format!(
            "{} / {}",
            opt(shown(o.points, o.withheld).map(|x| format_number(x, 2, lang))),
            opt(o.max_points.map(|x| format_number(x, 2, lang)))
        ),
    ]);
    out.push('\n');
    out.push_str(&table(&prows));
    let min = scored.config.min_coverage;
    out.push_str("\nscored: indicators with a current target and a result, of all; ");
    out.push_str(&if min > 0.0 {
        format!(
            "a score resting on less than {} of them is withheld\n",
            pct(Some(min), lang)
        )
    } else {
        "no score is withheld\n".to_string()
    });
    out
}

/// A pillar's or the plan's score, or "withheld" when it rests on too few indicators.
fn score_cell(score: Option<f64>, withheld: bool, lang: Lang) -> String {
    if withheld {
        "withheld".into()
    } else {
        pct(score, lang)
    }
}

/// Left-aligned columns separated by two spaces, widths in characters (not bytes).
fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, s)| format!("{s}{}", " ".repeat(width[c] - s.chars().count())))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn parse_target(text: &str) -> Outcome {
    // The parser's errors are written in both languages at once.
    let targets =
        chitieu_core::parse::parse_targets(text).map_err(|e| Failure::Text(e.to_string()))?;
    let s = serde_json::to_string(&targets).map_err(|e| Failure::Text(e.to_string()))?;
    println!("{s}");
    Ok(())
}

struct ExtractArgs<'a> {
    file: &'a Path,
    output: Option<&'a Path>,
    targets_only: bool,
    tasks_only: bool,
    explain: bool,
    compare: Option<&'a Path>,
    lang: Lang,
}

/// A form a dataset is written in.
#[derive(Clone, Copy)]
enum Written {
    Json,
    Csv,
    Xlsx,
}

/// The form to write a dataset in, by the file's extension.
fn output_format(path: &Path) -> Result<Written, Failure> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("json") => Ok(Written::Json),
        Some("csv") => Ok(Written::Csv),
        Some("xlsx") => Ok(Written::Xlsx),
        _ => Err(Message::new(Key::CliOutputExtension)
            .with("path", shown(path))
            .into()),
    }
}

/// The dataset in a form, as bytes.
fn written(ds: &Dataset, format: Written, path: &Path) -> Result<Vec<u8>, Failure> {
    Ok(match format {
        Written::Json => load::to_json(ds).into_bytes(),
        Written::Csv => load::to_csv(ds).into_bytes(),
        Written::Xlsx => sheets::to_xlsx(ds).map_err(|e| {
            Message::new(Key::CliCannotWrite)
                .with("path", shown(path))
                .with("error", e)
        })?,
    })
}

fn write_file(path: &Path, text: impl AsRef<[u8]>) -> Outcome {
    std::fs::write(path, text).map_err(|e| {
        Message::new(Key::CliCannotWrite)
            .with("path", shown(path))
            .with("error", e.to_string())
            .into()
    })
}

fn extract(a: &ExtractArgs) -> Outcome {
    use chitieu_core::extract::{self, Options, Scope};
    // Refuse a bad output name before reading anything.
    let format = a.output.map(output_format).transpose()?;
    let text = read_input(a.file).map_err(Failure::Msg)?;
    let name = (a.file.as_os_str() != "-")
        .then(|| a.file.file_name().map(|n| n.to_string_lossy().into_owned()))
        .flatten();
    let options = Options {
        file_name: name,
        targets_only: a.targets_only,
        tasks_only: a.tasks_only,
    };
    // The extractor's errors are written in both languages at once.
    let draft = extract::extract(&text, &options).map_err(|e| {
        Message::new(Key::CliNothingWritten)
            .with("path", shown(a.file))
            .with("error", e.to_string())
    })?;
    let ds = &draft.dataset;
    match a.output {
        Some(p) => write_file(p, written(ds, format.unwrap_or(Written::Csv), p)?)?,
        None => print!("{}", load::to_csv(ds)),
    }
    let lang = a.lang;
    let say = |m: Message| eprintln!("chitieu: {}", m.render(lang));
    let r = &draft.report;
    let scope = match r.scope {
        Scope::TargetSections => Key::CliScopeSections,
        Scope::WholeText => Key::CliScopeWhole,
    };
    let merged = match r.merged {
        0 => Arg::Text(String::new()),
        n => Message::new(Key::CliMerged).with("count", n).into(),
    };
    let hint = if a.explain || r.skipped.is_empty() {
        Arg::Text(String::new())
    } else {
        Key::CliExplainHint.into()
    };
    if !a.tasks_only {
        say(Message::new(Key::CliDrafted)
            .with("targets", r.targets)
            .with("scope", scope)
            .with("results", r.observations)
            .with("merged", merged)
            .with("skipped", r.skipped.len())
            .with("hint", hint));
    }
    if !a.targets_only {
        say(Message::new(Key::CliDraftedTasks).with("tasks", r.tasks));
    }
    if a.explain {
        // The reasons are the extractor's, in English.
        for s in &r.skipped {
            let m = Message::new(Key::CliSkipped)
                .with("line", s.line)
                .with("text", s.text.as_str())
                .with("reason", s.reason.as_str())
                .with("section", s.section.as_str());
            eprintln!("  {}", m.render(lang));
        }
    }
    say(Key::CliReview.into());
    if let Some(c) = a.compare {
        let curated = load_named(c, Policy::Strict)?;
        let cmp = extract::compare(ds, &curated.dataset);
        let o = &cmp.observations;
        if !a.tasks_only {
            compared_targets(&cmp, o, c, lang);
        }
        if !a.targets_only {
            let t = &cmp.tasks;
            let m = Message::new(Key::CliComparedTasks)
                .with("found", t.matches.len())
                .with("curated", t.curated)
                .with("draft", t.draft)
                .with("lead", t.same_lead)
                .with("partners", t.same_partners)
                .with("due", t.same_due);
            eprintln!("{}", m.render(lang));
            for (list, key) in [(&t.missed, Key::CliMissed), (&t.extra, Key::CliExtra)] {
                for x in list {
                    let line = Message::new(key).with("target", format!("task {x}"));
                    eprintln!("  {}", line.render(lang));
                }
            }
        }
    }
    Ok(())
}

/// The comparison of the drafted targets and results with the curated ones.
fn compared_targets(
    cmp: &chitieu_core::extract::Comparison,
    o: &chitieu_core::extract::ObservationComparison,
    c: &Path,
    lang: Lang,
) {
    let m = Message::new(Key::CliCompared)
        .with("path", shown(c))
        .with("recall", Arg::fixed(cmp.recall(), 2))
        .with("found", cmp.matches.len())
        .with("curated", cmp.curated)
        .with("precision", Arg::fixed(cmp.precision(), 2))
        .with("matched", cmp.matches.len())
        .with("draft", cmp.draft)
        .with(
            "same_deadline",
            cmp.matches.iter().filter(|m| m.same_deadline).count(),
        )
        .with(
            "same_unit",
            cmp.matches.iter().filter(|m| m.same_unit).count(),
        )
        .with("results", o.matched)
        .with("curated_results", o.curated);
    eprintln!("{}", m.render(lang));
    for m in &cmp.missed {
        let line = Message::new(Key::CliMissed).with("target", m.to_string());
        eprintln!("  {}", line.render(lang));
    }
    for x in &cmp.extra {
        let line = Message::new(Key::CliExtra).with("target", x.to_string());
        eprintln!("  {}", line.render(lang));
    }
}

fn convert(input: &Path, output: &Path, lang: Lang) -> Outcome {
    let loaded = load_named(input, Policy::Strict)?;
    for w in &loaded.warnings {
        eprintln!("{}", tagged(w, lang));
    }
    let bytes = written(&loaded.dataset, output_format(output)?, output)?;
    write_file(output, bytes)
}

struct RenderArgs<'a> {
    file: &'a Path,
    widget: &'a str,
    options: Options,
    lang: Lang,
    theme: &'a str,
    as_of: Option<&'a str>,
    format: Option<RenderFormat>,
    output: Option<&'a Path>,
    policy: Policy,
    /// The language of what goes wrong (`lang` is the widget's).
    messages: Lang,
}

fn render(a: &RenderArgs) -> Outcome {
    let loaded = load_named(a.file, a.policy)?;
    report_quarantined(a.file, &loaded.dataset, a.messages);
    let mut dataset = loaded.dataset;
    for q in dataset
        .quarantined
        .iter_mut()
        .chain(&mut dataset.quarantined_tasks)
    {
        q.localize(a.lang.tag());
    }
    let mut ctx = Ctx::new(Data::from(dataset));
    ctx.lang = a.lang;
    ctx.theme = Theme::parse(a.theme);
    ctx.as_of = match a.as_of {
        Some(s) => Some(parse_as_of(s)?),
        None => ctx.data.0.as_of.or_else(|| Some(today())),
    };
    let title = ctx.data.0.plan.title.clone();
    // The widgets' own messages are in the widget's language, like the widget.
    let spec = chitieu_widgets::spec(a.widget, ctx, &a.options).map_err(Failure::Text)?;
    let markup = ssr::render_markup(spec).map_err(Failure::Text)?;
    let by_extension = a
        .output
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .and_then(|e| match e.to_ascii_lowercase().as_str() {
            "svg" => Some(RenderFormat::Svg),
            "html" | "htm" => Some(RenderFormat::Html),
            _ => None,
        });
    let text = match a.format.or(by_extension).unwrap_or(RenderFormat::Html) {
        RenderFormat::Html => ssr::html_document(&markup, a.widget, a.lang.tag(), &title),
        RenderFormat::Fragment => format!("{markup}\n"),
        RenderFormat::Svg => ssr::svg_document(&markup, a.widget).map_err(Failure::Text)?,
    };
    match a.output {
        Some(p) => write_file(p, text),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(
            civil_from_days(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        // 2024-02-29 is day 19782.
        assert_eq!(
            civil_from_days(19_782),
            Date {
                year: 2024,
                month: 2,
                day: 29
            }
        );
        assert_eq!(
            civil_from_days(20_780),
            Date {
                year: 2026,
                month: 11,
                day: 23
            }
        );
    }

    #[test]
    fn table_aligns_by_characters() {
        let t = table(&[vec!["ạ".into(), "b".into()], vec!["cc".into(), "d".into()]]);
        assert_eq!(t, "ạ   b\ncc  d\n");
    }
}
