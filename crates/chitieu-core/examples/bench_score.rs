//! Scoring benchmark for `cargo xtask bench`: 63 provinces × 100 indicators × 10
//! observations, timed natively the way the `scoreDataset` wasm call works (read and
//! validate the JSON text, score it, write the scores as JSON), so the two figures compare.
//!
//! `bench_score DIR [REPEATS]` writes the 63 datasets into DIR (the browser half of the
//! benchmark fetches the same files), then prints one JSON object of timings. The datasets
//! come from a fixed pseudo-random sequence, so every run scores the same data.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use chitieu_core::load::load_auto;
use chitieu_core::score::{score_dataset, ScoreConfig};
use chitieu_core::Date;

const PROVINCES: usize = 63;
const INDICATORS: usize = 100;
const OBSERVATIONS: usize = 10;

/// A small linear congruential generator: fixed output, no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One province's dataset: percent, count and ratio indicators across five pillars, with
/// targets of each kind the scorer treats differently (at least, at most, range).
fn dataset(p: usize, rng: &mut Lcg) -> String {
    let pillars: Vec<String> = (0..5)
        .map(|k| {
            format!(r#"{{"id":"tru-cot-{k}","name":{{"vi":"Trụ cột {k}","en":"Pillar {k}"}}}}"#)
        })
        .collect();
    let mut indicators = Vec::with_capacity(INDICATORS);
    for i in 0..INDICATORS {
        let kind = i % 4;
        let start = 10.0 + 40.0 * rng.next();
        let step = -2.0 + 8.0 * rng.next();
        let mut obs = String::new();
        for k in 0..OBSERVATIONS {
            let year = 2016 + k;
            let v = (start + step * k as f64 + 3.0 * rng.next()).clamp(0.0, 100.0);
            if !obs.is_empty() {
                obs.push(',');
            }
            if kind == 1 {
                let den = 500 + (rng.next() * 1000.0) as u64;
                let num = (den as f64 * v / 100.0).round() as u64;
                let _ = write!(
                    obs,
                    r#"{{"period":"{year}","numerator":{num},"denominator":{den}}}"#
                );
            } else {
                let _ = write!(obs, r#"{{"period":"{year}","value":{v:.2}}}"#);
            }
        }
        let target = match kind {
            2 => r#"{"op":"lte","value":20,"deadline":"2030"}"#.to_string(),
            3 => r#"{"op":"range","min":40,"max":60,"deadline":"2030"}"#.to_string(),
            _ => format!(
                r#"{{"op":"gte","value":{},"deadline":"2030"}}"#,
                60 + (rng.next() * 40.0) as u32
            ),
        };
        indicators.push(format!(
            r#"{{"id":"chi-tieu-{i}","pillar":"tru-cot-{}","name":{{"vi":"Chỉ tiêu số {i} của tỉnh {p}","en":"Indicator {i}"}},"unit":"percent","targets":[{target}],"baseline":{{"period":"2015","value":{start:.2}}},"observations":[{obs}]}}"#,
            i % 5
        ));
    }
    format!(
        r#"{{"schema":"chitieu/1","plan":{{"id":"tinh-{p}","title":"Kế hoạch chuyển đổi số tỉnh {p}"}},"as_of":"2026-01-15","pillars":[{}],"indicators":[{}]}}"#,
        pillars.join(","),
        indicators.join(",")
    )
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .ok_or("usage: bench_score DIR [REPEATS] (DIR receives the 63 datasets)")?;
    let repeats: usize = match args.next() {
        Some(r) => r
            .parse()
            .map_err(|_| format!("REPEATS must be a number, not '{r}'"))?,
        None => 9,
    };
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut rng = Lcg(2024);
    let mut texts = Vec::with_capacity(PROVINCES);
    for p in 0..PROVINCES {
        let text = dataset(p, &mut rng);
        let path = dir.join(format!("tinh-{p:02}.json"));
        std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        texts.push(text);
    }
    let as_of: Date = "2026-01-15".parse().map_err(|e| format!("{e}"))?;
    let cfg = ScoreConfig::default();
    let (mut load_ms, mut score_ms, mut total_ms) = (vec![], vec![], vec![]);
    let mut bytes_out = 0;
    for _ in 0..repeats.max(1) {
        let (mut load, mut score) = (0.0, 0.0);
        let all = Instant::now();
        for text in &texts {
            let t = Instant::now();
            let loaded = load_auto(text, None).map_err(|e| e.to_string())?;
            load += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let scored = score_dataset(&loaded.dataset, as_of, &cfg);
            let json = serde_json::to_string(&scored).map_err(|e| e.to_string())?;
            score += t.elapsed().as_secs_f64();
            bytes_out = json.len();
        }
        total_ms.push(all.elapsed().as_secs_f64() * 1e3);
        load_ms.push(load * 1e3);
        score_ms.push(score * 1e3);
    }
    let bytes_in: usize = texts.iter().map(String::len).sum();
    println!(
        r#"{{"datasets":{PROVINCES},"indicators":{INDICATORS},"observations":{OBSERVATIONS},"repeats":{repeats},"bytes_in":{bytes_in},"bytes_out_last":{bytes_out},"load_ms":{:.3},"score_ms":{:.3},"total_ms":{:.3}}}"#,
        median(load_ms),
        median(score_ms),
        median(total_ms)
    );
    Ok(())
}
