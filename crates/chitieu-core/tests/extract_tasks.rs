//! Tasks drafted from the appendix tables of the three seed plans that have one, against
//! the curated tasks of `seeds/*.json`.
//!
//! A curated task is found when a drafted task has the same name after collapsing
//! whitespace and final punctuation, or one name is a prefix of the other covering at
//! least 80% of it (`chitieu_core::extract::compare`); pairs are one to one. Of the found
//! tasks, the test reports how many have the same lead units, partners and due period.
//! The floors sit a little under what the extractor reaches today (README's table), so a
//! regression shows; the README row must match the measured figures exactly.

use std::path::PathBuf;

use chitieu_core::extract::{compare, extract, Options};
use chitieu_core::load::load_json;

fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

struct Plan {
    label: &'static str,
    source: &'static str,
    curated: &'static str,
    /// Found tasks, lead, partners and due agreements: each at least.
    min: [usize; 4],
}

const PLANS: &[Plan] = &[
    Plan {
        label: "Quảng Nam 2024",
        source: "000_2b8758fcb395133d.txt",
        curated: "quang-nam-2024.json",
        min: [75, 74, 74, 74],
    },
    Plan {
        label: "Nghệ An 2024",
        source: "004_1ddcaee62842cd91.txt",
        curated: "nghe-an-2024.json",
        min: [44, 44, 44, 44],
    },
    Plan {
        label: "Quảng Trị DTI",
        source: "002_bd180ee24926fb60.txt",
        curated: "quang-tri-dti.json",
        min: [34, 34, 34, 34],
    },
];

#[test]
fn task_recall_on_the_three_appendices() {
    let readme = std::fs::read_to_string(seeds().join("../README.md")).expect("README");
    let mut failures = Vec::new();
    for p in PLANS {
        let text = std::fs::read_to_string(seeds().join("sources").join(p.source)).expect("source");
        let curated = load_json(&std::fs::read_to_string(seeds().join(p.curated)).expect("seed"))
            .expect("the seed loads")
            .dataset;
        let options = Options {
            tasks_only: true,
            ..Options::default()
        };
        let draft = extract(&text, &options).expect("tasks drafted").dataset;
        assert!(draft.indicators.is_empty(), "{}", p.curated);
        assert!(draft.tasks.iter().all(|t| t.updates.is_empty()));
        let t = compare(&draft, &curated).tasks;
        let found = t.matches.len();
        let got = [found, t.same_lead, t.same_partners, t.same_due];
        println!(
            "{:<22} found {}/{} (draft {})  same lead {}/{found}  same partners {}/{found}  same due {}/{found}\n  missed: {:#?}\n  extra: {:#?}",
            p.curated, found, t.curated, t.draft, t.same_lead, t.same_partners, t.same_due, t.missed, t.extra
        );
        if got.iter().zip(&p.min).any(|(g, m)| g < m) {
            failures.push(format!(
                "{}: {got:?} under the floors {:?}",
                p.curated, p.min
            ));
        }
        let row = format!(
            "| {} | {} | {} | {found}/{} | {}/{found} | {}/{found} | {}/{found} |",
            p.label, t.curated, t.draft, t.curated, t.same_lead, t.same_partners, t.same_due
        );
        if !readme.contains(&row) {
            failures.push(format!("README.md lacks the row {row}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
