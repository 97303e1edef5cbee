//! Tasks in the dataset format: reading both forms, validation, and a bad task set aside
//! alone, with where its errors are.

use chitieu_core::load::{lean, load_csv_with, load_json, load_json_with, LoadError, Policy};
use chitieu_core::{Every, Period, TaskStatus};

fn dataset(tasks: &str) -> String {
    format!(
        r#"{{
  "schema": "chitieu/1",
  "plan": {{ "id": "p", "title": "Kế hoạch" }},
  "as_of": "2024-10-15",
  "pillars": [ {{ "id": "cqs", "name": "Chính quyền số" }} ],
  "indicators": [ {{ "id": "a", "name": "A", "unit": "percent" }} ],
  "tasks": [
{tasks}
  ]
}}"#
    )
}

const GOOD: &str = r#"    { "id": "t1", "name": "Quy chế mạng WAN", "lead": ["Sở TT&TT"], "pillar": "cqs",
      "indicators": ["a"], "due": { "text": "Quý III/2024", "period": "2024-Q3" },
      "updates": [ { "date": "2024-05-02", "status": "in_progress" } ] }"#;

#[test]
fn a_task_reads_with_its_due_and_updates() {
    let ds = load_json(&dataset(GOOD)).expect("loads").dataset;
    let t = &ds.tasks[0];
    assert_eq!(t.lead, ["Sở TT&TT"]);
    let due = t.due.as_ref().expect("due");
    assert_eq!(due.period, Some(Period::Quarter(2024, 3)));
    assert_eq!(t.updates[0].status, TaskStatus::InProgress);
    let yearly =
        r#"    { "id": "t2", "name": "Hàng năm", "due": { "text": "Hàng năm", "every": "year" } }"#;
    let ds = load_json(&dataset(yearly)).expect("loads").dataset;
    assert_eq!(
        ds.tasks[0].due.as_ref().and_then(|d| d.every),
        Some(Every::Year)
    );
}

#[test]
fn a_bad_task_is_set_aside_with_located_errors_and_the_rest_loads() {
    let bad = r#"    { "id": "t9", "name": "Báo cáo", "pillar": "khong-co",
      "updates": [ { "date": "2024-05-02", "status": "xong" } ] }"#;
    let text = dataset(&format!("{GOOD},\n{bad}"));
    let l = load_json_with(&text, Policy::Quarantine).expect("loads the rest");
    assert_eq!(l.dataset.tasks.len(), 1);
    assert_eq!(
        l.dataset.indicators.len(),
        1,
        "the indicators are untouched"
    );
    let q = &l.dataset.quarantined_tasks;
    assert_eq!((q.len(), q[0].index, q[0].id.as_str()), (1, 1, "t9"));
    let first = &q[0].diagnostics[0];
    assert_eq!(first.path, "tasks[1].updates[0].status");
    assert!(first.line.is_some_and(|l| l > 10), "{first}");
    assert!(first.message.contains("in task 't9'"), "{}", first.message);
    assert!(
        first.display_in("vi").contains("ở nhiệm vụ 't9'"),
        "{}",
        first.display_in("vi")
    );
    // Strict loading refuses the file, with the same finding.
    let e = load_json(&text).expect_err("strict");
    assert!(e.to_string().contains("tasks[1].updates[0].status"), "{e}");
}

#[test]
fn references_and_links_are_checked_per_task() {
    let bad = r#"    { "id": "t3", "name": "Sai", "pillar": "khong-co", "indicators": ["b"],
      "lead": ["Sở A; Sở B"], "group": ["I › II"],
      "due": { "period": "2024", "start": "2025" },
      "updates": [ { "date": "2024-01-02", "status": "done", "evidence_url": "javascript:alert(1)" } ] }"#;
    let l = load_json_with(&dataset(&format!("{GOOD},\n{bad}")), Policy::Quarantine)
        .expect("loads the rest");
    let found: Vec<String> = l.dataset.quarantined_tasks[0]
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.path, d.message))
        .collect();
    for expected in [
        "tasks[1].pillar: task 't3': pillar 'khong-co' does not exist",
        "tasks[1].indicators[0]: task 't3': indicator 'b' does not exist",
        "tasks[1].lead[0]: task 't3': a unit name may not contain ';'",
        "tasks[1].group[0]: task 't3': a group heading may not contain '›'",
        "tasks[1].due.start: task 't3': start 2025 ends after the due period 2024",
        "tasks[1].updates[0].evidence_url: task 't3': update 1: evidence_url must be a web address",
    ] {
        assert!(
            found.iter().any(|f| f.starts_with(expected)),
            "{expected}\nin {found:#?}"
        );
    }
}

#[test]
fn a_task_id_used_twice_rejects_the_file() {
    let text = dataset(&format!("{GOOD},\n{GOOD}"));
    match load_json_with(&text, Policy::Quarantine) {
        Err(LoadError::Invalid { errors, .. }) => {
            assert!(
                errors.iter().any(|d| d.path == "tasks[1].id"),
                "{errors:#?}"
            )
        }
        other => panic!("{other:?}"),
    }
}

const CSV: &str = "record,id,name,period,text,lead,partners,group,date,status,url,note,unit\n\
plan,p,Kế hoạch,,,,,,,,,,\n\
indicator,a,A,,,,,,,,,,percent\n\
task,t1,Quy chế mạng WAN,2024-Q3,Quý III/2024,Sở TT&TT,\"Các Sở, Ban, ngành; UBND các huyện, thị xã, thành phố\",I. Nhận thức › 1. Cơ chế,,,,,\n\
update,t1,,,,,,,2024-05-02,in_progress,,Đã trình,\n\
task,t2,Báo cáo,2024-13,,,,,,,,,\n\
update,t2,,,,,,,2024-05-02,xong,,,\n\
update,t9,,,,,,,2024-05-02,done,,,\n";

#[test]
fn the_csv_form_reads_tasks_and_updates_and_says_which_cell_is_wrong() {
    // An update of a task that does not exist is about the whole file.
    let e = load_csv_with(CSV, Policy::Quarantine).expect_err("orphan update");
    assert!(
        e.to_string()
            .contains("line 8, column 2 (id): update row: no task row has id 't9'"),
        "{e}"
    );
    let text = CSV.replace("update,t9,,,,,,,2024-05-02,done,,,\n", "");
    let l = load_csv_with(&text, Policy::Quarantine).expect("loads the rest");
    let t = &l.dataset.tasks[0];
    assert_eq!(
        t.partners,
        ["Các Sở, Ban, ngành", "UBND các huyện, thị xã, thành phố"]
    );
    assert_eq!(t.group, ["I. Nhận thức", "1. Cơ chế"]);
    assert_eq!(t.updates[0].note.as_deref(), Some("Đã trình"));
    let q = &l.dataset.quarantined_tasks[0];
    assert_eq!(q.id, "t2");
    let shown: Vec<String> = q.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        shown[0].starts_with("line 6, column 4 (period): task 't2': period:"),
        "{shown:#?}"
    );
    assert!(
        shown[1]
            .starts_with("line 7, column 10 (status): task 't2': update 1: unknown status 'xong'"),
        "{shown:#?}"
    );
}

#[test]
fn the_lean_reader_reads_tasks_as_serde_does() {
    let text = dataset(GOOD);
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    struct V<'a>(&'a serde_json::Value);
    impl lean::Value for V<'_> {
        fn as_str(&self) -> Option<String> {
            self.0.as_str().map(str::to_string)
        }
        fn as_f64(&self) -> Option<f64> {
            self.0.as_f64()
        }
        fn is_null(&self) -> bool {
            self.0.is_null()
        }
        fn items(&self) -> Option<Vec<Self>> {
            self.0.as_array().map(|a| a.iter().map(V).collect())
        }
        fn entries(&self) -> Option<Vec<(String, Self)>> {
            self.0
                .as_object()
                .map(|o| o.iter().map(|(k, v)| (k.clone(), V(v))).collect())
        }
    }
    let lean = lean::load(&V(&value)).expect("lean reads");
    assert_eq!(Ok(lean), load_json(&text).map(|l| l.dataset));
    // A status serde refuses, the lean reader refuses too.
    let bad: serde_json::Value =
        serde_json::from_str(&dataset(&GOOD.replace("in_progress", "xong"))).expect("json");
    assert!(lean::load(&V(&bad)).is_none());
}
