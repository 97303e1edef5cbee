//! How long reading a dataset takes in each form: a seed (default the largest,
//! `seeds/quang-nam-2024.json`) written as JSON, CSV and .xlsx, plus any spreadsheet files
//! given after it (an .ods saved by LibreOffice, say), each read and validated `RUNS` times;
//! prints the median. `cargo run --release -p chitieu-core --features xlsx --example
//! read_times [seed.json [file.ods …]]`. A report, not a test: no timing is asserted.

use std::time::Instant;

use chitieu_core::load::{self, sheets};

const RUNS: usize = 50;

fn median(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seed = args
        .next()
        .unwrap_or_else(|| "seeds/quang-nam-2024.json".to_string());
    let text = std::fs::read_to_string(&seed).expect("the seed");
    let ds = load::load_json(&text).expect("the seed loads").dataset;
    let json = load::to_json(&ds);
    let csv = load::to_csv(&ds);
    let xlsx = sheets::to_xlsx(&ds).expect("writes");
    println!(
        "{seed}: {} indicators, {} observations",
        ds.indicators.len(),
        ds.indicators
            .iter()
            .map(|i| i.observations.len())
            .sum::<usize>()
    );
    let row = |form: &str, bytes: usize, ms: f64| {
        println!("  {form:<28} {bytes:>8} bytes  {ms:>8.3} ms");
    };
    row("JSON", json.len(), median(|| drop(load::load_json(&json))));
    row("CSV", csv.len(), median(|| drop(load::load_csv(&csv))));
    row(
        "xlsx (written)",
        xlsx.len(),
        median(|| drop(sheets::load_sheets(&xlsx))),
    );
    for path in args {
        let bytes = std::fs::read(&path).expect("the file");
        assert!(sheets::load_sheets(&bytes).is_ok(), "{path} loads");
        row(
            &path,
            bytes.len(),
            median(|| drop(sheets::load_sheets(&bytes))),
        );
    }
}
