//! The one catalogue of messages: every diagnostic of loading and validation, of the
//! `chitieu` command and of the JavaScript loader, in English and Vietnamese.
//!
//! A dataset is fixed by a provincial clerk, who reads Vietnamese; the tools around it
//! (scripts, CI logs, issue reports) read English. So a finding is kept as a [`Message`]
//! — a [`Key`] of this catalogue with its arguments — and written out in the reader's
//! language only when shown. The parts of a message (who it is about: "indicator 'x':
//! target 1 (deadline 2025)") are messages too, so they are translated with it.
//!
//! Templates name their arguments: `{op}`. Both languages of a key use the same names
//! (a test checks it). Numbers are passed as [`Arg::Num`], written with a decimal point
//! in English and a decimal comma in Vietnamese; everything a person typed (an op, an id,
//! a cell) is passed as text and shown as typed. A `{` not followed by a name and `}` is
//! itself, so templates can show JSON.
//!
//! Nothing here is reached by the widgets' wasm: validation there only asks whether
//! there is an error (`load::has_errors`), which never builds a message.

use std::fmt;

use crate::number::{fixed, shortest, Lang};

/// The language of messages for a language tag: Vietnamese for `vi`, `vi-VN`,
/// `vi_VN.UTF-8`…, English for anything else (the language of tools and logs).
pub fn lang(tag: &str) -> Lang {
    let t = tag.trim().as_bytes();
    if t.len() >= 2 && t[..2].eq_ignore_ascii_case(b"vi") {
        Lang::Vi
    } else {
        Lang::En
    }
}

macro_rules! catalogue {
    ($($(#[doc = $doc:literal])* $name:ident $code:literal $en:literal $vi:literal;)*) => {
        /// A message of the catalogue. Its [`Key::code`] is stable: tools may match on it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key {
            $($(#[doc = $doc])* $name,)*
        }

        impl Key {
            /// Every key, in catalogue order.
            pub const ALL: &'static [Key] = &[$(Key::$name),*];

            /// The stable name of the key, such as `target.op_unknown`.
            pub fn code(self) -> &'static str {
                match self {
                    $(Key::$name => $code,)*
                }
            }

            /// The key's template in `lang`.
            pub fn template(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => match self {
                        $(Key::$name => $en,)*
                    },
                    Lang::Vi => match self {
                        $(Key::$name => $vi,)*
                    },
                }
            }
        }
    };
}

// Each entry: the key, its code, then its English and its Vietnamese template. The
// English of loading and validation is what `Diagnostic::message` has always said: tests,
// scripts and the documentation quote it.
catalogue! {
    // --- how messages are put together ---------------------------------------------------
    /// A message about something, after what it is about: "indicator 'x': …".
    Join "join"
        "{head}: {tail}"
        "{head}: {tail}";
    /// Something named by its id: "indicator 'x'".
    Named "who.named"
        "{what} '{id}'"
        "{what} '{id}'";
    /// Something named by its place, when it has no id: "indicator #3".
    NumberedAt "who.at"
        "{what} #{n}"
        "{what} thứ {n}";
    /// A field of something: "target 1: min".
    WhatField "what.field"
        "{what}: {field}"
        "{what}: '{field}'";
    /// A finding already written out in the reader's language (for a widget).
    Sentence "sentence"
        "{text}"
        "{text}";
    /// Two things.
    ListAnd "list.and"
        "{first} and {second}"
        "{first} và {second}";
    /// The end of a list cut short.
    ListInAll "list.in_all"
        "… {count} in all"
        "… tổng cộng {count}";
    /// Where a finding is: a line and a column.
    PlaceLineColumn "place.line_column"
        "line {line}, column {column}"
        "dòng {line}, cột {column}";
    PlaceLine "place.line"
        "line {line}"
        "dòng {line}";
    PlaceColumn "place.column"
        "column"
        "cột";

    // --- what a message is about -----------------------------------------------------------
    NounPlan "noun.plan"
        "plan"
        "kế hoạch";
    NounPillar "noun.pillar"
        "pillar"
        "trụ cột";
    NounIndicator "noun.indicator"
        "indicator"
        "chỉ tiêu";
    NounTask "noun.task"
        "task"
        "nhiệm vụ";
    /// A progress report of a task, by its place.
    WhatUpdate "what.update"
        "update {n}"
        "báo cáo tiến độ {n}";
    WhatTarget "what.target"
        "target {n}"
        "mục tiêu {n}";
    WhatTargetDeadline "what.target_deadline"
        "target {n} (deadline {deadline})"
        "mục tiêu {n} (hạn {deadline})";
    WhatObservation "what.observation"
        "observation {period}"
        "kết quả kỳ {period}";
    /// An observation whose period could not be read.
    WhatObservationAny "what.observation_any"
        "observation"
        "kết quả";
    WhatBaseline "what.baseline"
        "baseline"
        "giá trị cơ sở";
    WhatBaselineValue "what.baseline_value"
        "baseline value"
        "giá trị cơ sở";
    /// What a printed figure is compared with: an observation's value.
    FromValue "from.value"
        "value {value}"
        "giá trị {value}";
    /// What a printed figure is compared with: the ratio.
    FromRatio "from.ratio"
        "{numerator}/{denominator}"
        "{numerator}/{denominator}";
    FromRatioPercent "from.ratio_percent"
        "{numerator}/{denominator} × 100"
        "{numerator}/{denominator} × 100";

    // --- the loading verdict -----------------------------------------------------------------
    LoadEmpty "load.empty"
        "the {format} text is empty: expected a chitieu/1 dataset"
        "tệp {format} trống: cần một bộ dữ liệu chitieu/1";
    LoadReadOne "load.read_one"
        "{count} problem in the {format} text:"
        "{count} lỗi trong tệp {format}:";
    LoadReadMany "load.read_many"
        "{count} problems in the {format} text:"
        "{count} lỗi trong tệp {format}:";
    LoadInvalidOne "load.invalid_one"
        "{count} validation error:"
        "{count} lỗi khi kiểm tra dữ liệu:";
    LoadInvalidMany "load.invalid_many"
        "{count} validation errors:"
        "{count} lỗi khi kiểm tra dữ liệu:";
    /// The end of a list of findings cut short.
    LoadMore "load.more"
        "… and {count} more"
        "… và {count} mục khác";

    // --- the schema ----------------------------------------------------------------------------
    SchemaExpected "schema.expected"
        "schema is \"{found}\", expected \"{expected}\""
        "schema là \"{found}\", cần \"{expected}\"";
    SchemaUnsupported "schema.unsupported"
        "schema is {found}, but this program reads \"{expected}\" datasets"
        "schema là {found}, nhưng chương trình này chỉ đọc bộ dữ liệu \"{expected}\"";
    SchemaMissing "schema.missing"
        "this is not a chitieu dataset: it has no \"schema\" field; a dataset starts with {\"schema\": \"{expected}\", …}"
        "đây không phải là bộ dữ liệu chitieu: không có trường \"schema\"; một bộ dữ liệu bắt đầu bằng {\"schema\": \"{expected}\", …}";

    // --- ids, names, plan, pillars, indicators ---------------------------------------------
    IdEmpty "id.empty"
        "id is empty"
        "'id' để trống";
    IdSpaces "id.spaces"
        "id has spaces at its start or end, which CSV reading trims"
        "id có khoảng trắng ở đầu hoặc cuối, sẽ bị cắt bỏ khi đọc CSV";
    IdUsedAgainFirst "id.duplicate_first"
        "id is used again (first by {first}); ids must be unique"
        "id bị trùng (đã dùng lần đầu ở {first}); mỗi id chỉ được dùng một lần";
    IdUsedAgain "id.duplicate"
        "id is used again; ids must be unique"
        "id bị trùng; mỗi id chỉ được dùng một lần";
    IdDefinedOnLine "id.defined_on_line"
        "{who} is already defined on line {line}; ids must be unique"
        "{who} đã được khai báo ở dòng {line}; mỗi id chỉ được dùng một lần";
    PlanTitleEmpty "plan.title_empty"
        "plan: title is empty"
        "kế hoạch: tên kế hoạch ('title') để trống";
    NameEmpty "name.empty"
        "name is empty"
        "tên ('name') để trống";
    PillarWeight "pillar.weight"
        "weight {weight} must be a finite number ≥ 0"
        "trọng số ('weight') {weight} phải là số hữu hạn ≥ 0";
    PillarUnknown "pillar.unknown"
        "pillar '{pillar}' does not exist ({known})"
        "trụ cột '{pillar}' không tồn tại ({known})";
    PillarKnown "pillar.known"
        "known pillars: {pillars}"
        "các trụ cột đã khai báo: {pillars}";
    PillarNone "pillar.none"
        "the dataset lists no pillars"
        "bộ dữ liệu không khai báo trụ cột nào";
    TaskIndicatorUnknown "task.indicator_unknown"
        "indicator '{id}' does not exist"
        "chỉ tiêu '{id}' không tồn tại";
    TaskGroupEmpty "task.group_empty"
        "a group heading is empty"
        "một tiêu đề nhóm ('group') để trống";
    TaskGroupSeparator "task.group_separator"
        "a group heading may not contain '{sep}' (the CSV form joins headings with it)"
        "tiêu đề nhóm ('group') không được chứa '{sep}' (dạng CSV dùng nó để nối các tiêu đề)";
    TaskUnitEmpty "task.unit_empty"
        "a unit name is empty"
        "một tên đơn vị để trống";
    TaskUnitSeparator "task.unit_separator"
        "a unit name may not contain ';' (the CSV form separates units with it)"
        "tên đơn vị không được chứa dấu ';' (dạng CSV dùng nó để ngăn cách các đơn vị)";
    TaskDueEmpty "task.due_empty"
        "due has none of text, period, start, every"
        "thời hạn ('due') không có text, period, start hay every";
    TaskDueStartAfter "task.due_start_after"
        "start {start} ends after the due period {period}"
        "kỳ bắt đầu ('start') {start} kết thúc sau kỳ hạn ('period') {period}";
    TaskEvidenceUrl "task.evidence_url"
        "evidence_url must be a web address starting with http:// or https://"
        "đường dẫn minh chứng ('evidence_url') phải là địa chỉ web bắt đầu bằng http:// hoặc https://";
    TaskUpdateAfterAsOf "task.update_after_as_of"
        "dated after as_of {as_of}, so not counted on that date"
        "có ngày sau ngày cập nhật số liệu ('as_of') {as_of}, nên chưa được tính vào ngày đó";
    TaskStatusUnknown "task.status_unknown"
        "unknown status '{status}': use one of {statuses}"
        "trạng thái ('status') '{status}' không hợp lệ: dùng một trong: {statuses}";
    TaskStatusRequired "task.status_required"
        "status is required: one of {statuses}"
        "cần có trạng thái ('status'): một trong: {statuses}";
    TaskDateRequired "task.date_required"
        "date is required (YYYY-MM-DD)"
        "cần có ngày báo cáo ('date', dạng YYYY-MM-DD)";
    TaskEveryUnknown "task.every_unknown"
        "unknown every '{every}': the only recurrence is year"
        "chu kỳ ('every') '{every}' không hợp lệ: chỉ dùng year (hằng năm)";
    NoIndicators "dataset.no_indicators"
        "the dataset has no indicators"
        "bộ dữ liệu không có chỉ tiêu nào";
    UnitEmpty "unit.empty"
        "unit is empty"
        "đơn vị tính ('unit') để trống";
    /// A JSON unit of spaces.
    UnitBlank "unit.blank"
        "unit must not be empty"
        "đơn vị tính ('unit') không được để trống";
    UnitRequired "unit.required"
        "unit is required: percent, count, vnd or a short unit such as Mb/s"
        "thiếu đơn vị tính ('unit'): percent, count, vnd hoặc một đơn vị ngắn như Mb/s";
    LevelUnknown "level.unknown"
        "unknown level '{level}': expected province, district or commune"
        "cấp ('level') '{level}' không hợp lệ: dùng province, district hoặc commune";
    PageNotWhole "page.not_whole"
        "page '{page}' is not a whole page number"
        "số trang ('page') '{page}' không phải là số nguyên";

    // --- numbers -------------------------------------------------------------------------------
    NotFinite "number.not_finite"
        "{what} {value} is not a finite number"
        "{what} là {value}, không phải là số hữu hạn";
    PercentAbove "percent.above_100"
        "{what} {value} is above 100%"
        "{what} là {value}, lớn hơn 100%";
    PercentNegative "percent.negative"
        "{what} {value} is a negative percentage"
        "{what} là {value}, một tỷ lệ phần trăm âm";

    // --- targets -------------------------------------------------------------------------------
    TargetsNone "targets.none"
        "has no targets, so it cannot be scored"
        "chưa có mục tiêu nào nên không thể đánh giá";
    TargetOpRequired "target.op_required"
        "op is required: one of {ops}"
        "thiếu phép so sánh ('op'): dùng một trong: {ops}";
    TargetOpUnknown "target.op_unknown"
        "unknown op '{op}': expected one of {ops}"
        "'{op}' không phải là phép so sánh hợp lệ; dùng một trong: {ops}";
    TargetOpNeedsFinite "target.op_needs_finite"
        "op '{op}' needs a finite number in '{field}'"
        "phép so sánh '{op}' cần một số hữu hạn ở '{field}'";
    TargetOpNeeds "target.op_needs"
        "op '{op}' needs '{field}'"
        "phép so sánh '{op}' cần có '{field}'";
    TargetRangeReversed "target.range_reversed"
        "range min {min} is above max {max}"
        "khoảng giá trị bị ngược: 'min' {min} lớn hơn 'max' {max}";
    TargetToleranceInvalid "target.tolerance_invalid"
        "tolerance must be a relative share ≥ 0 (0.05 = 5%), got {tolerance}"
        "'tolerance' phải là tỷ lệ tương đối ≥ 0 (0,05 = 5%), nhưng ở đây là {tolerance}";
    TargetToleranceNegative "target.tolerance_negative"
        "tolerance {tolerance} is negative"
        "'tolerance' {tolerance} là số âm";
    TargetToleranceNotApprox "target.tolerance_not_approx"
        "op '{op}' uses only 'value'; remove 'tolerance' (or use op 'approx')"
        "phép so sánh '{op}' chỉ dùng 'value'; hãy bỏ 'tolerance' (hoặc dùng phép 'approx')";
    TargetUsesOnlyValue "target.uses_only_value"
        "op '{op}' uses only 'value'; remove {fields}"
        "phép so sánh '{op}' chỉ dùng 'value'; hãy bỏ {fields}";
    TargetUsesMinMax "target.uses_min_max"
        "op '{op}' uses 'min' and 'max'; remove {fields}"
        "phép so sánh '{op}' dùng 'min' và 'max'; hãy bỏ {fields}";
    TargetUsesValueTolerance "target.uses_value_tolerance"
        "op '{op}' uses 'value' and 'tolerance'; remove {fields}"
        "phép so sánh '{op}' dùng 'value' và 'tolerance'; hãy bỏ {fields}";
    TargetChangeUnknown "target.change_unknown"
        "unknown change '{change}': expected increase or decrease"
        "'{change}' không phải là giá trị hợp lệ của 'change': dùng increase hoặc decrease";
    TargetDecreaseNegative "target.decrease_negative"
        "a decrease is stated as a positive amount, got {value}"
        "mức giảm phải ghi bằng số dương, nhưng ở đây là {value}";
    TargetDeadlineNotAfterBaseline "target.deadline_not_after_baseline"
        "deadline {deadline} is not after the baseline period {period}"
        "hạn {deadline} không muộn hơn kỳ cơ sở {period}";

    // --- baselines and observations --------------------------------------------------------------
    BaselineSecond "baseline.second"
        "a second baseline (the first is on line {line}); an indicator has one"
        "dòng 'baseline' thứ hai (dòng đầu tiên ở dòng {line}); mỗi chỉ tiêu chỉ có một giá trị cơ sở";
    ValueRequired "value.required"
        "value is required"
        "thiếu giá trị ('value')";
    PeriodRequired "period.required"
        "period is required (2024, 2024-Q4, 2024-11 or 2024-11-23)"
        "thiếu kỳ ('period'): 2024, 2024-Q4, 2024-11 hoặc 2024-11-23";
    ObsPeriodTwice "observation.period_twice"
        "period {period} is reported twice (also {first})"
        "kỳ {period} bị báo cáo hai lần (lần kia ở {first})";
    ObsAfterAsOf "observation.after_as_of"
        "the period begins after as_of {as_of}"
        "kỳ này bắt đầu sau ngày cập nhật số liệu ('as_of') {as_of}";
    ObsDenominatorZero "observation.denominator_zero"
        "denominator is 0, so no value can be computed"
        "mẫu số ('denominator') bằng 0 nên không tính được giá trị";
    ObsDenominatorNegative "observation.denominator_negative"
        "denominator {denominator} is negative; it counts what the numerator is a share of, so it must be above 0"
        "mẫu số ('denominator') {denominator} là số âm; mẫu số là tổng số mà tử số là một phần trong đó, nên phải lớn hơn 0";
    ObsNumeratorNegative "observation.numerator_negative"
        "numerator {numerator} is negative"
        "tử số ('numerator') {numerator} là số âm";
    ObsNumeratorAbove "observation.numerator_above_denominator"
        "numerator {numerator} is above denominator {denominator}, a share above 100%"
        "tử số {numerator} lớn hơn mẫu số {denominator}, tức tỷ lệ trên 100%";
    ObsNoDenominator "observation.no_denominator"
        "has a numerator but no denominator"
        "có tử số ('numerator') nhưng thiếu mẫu số ('denominator')";
    ObsNoNumerator "observation.no_numerator"
        "has a denominator but no numerator"
        "có mẫu số ('denominator') nhưng thiếu tử số ('numerator')";
    ObsNoValue "observation.no_value"
        "needs a value, or a numerator and a denominator"
        "cần có giá trị ('value'), hoặc cả tử số ('numerator') và mẫu số ('denominator')";
    ObsValueDisagrees "observation.value_disagrees"
        "value {value} disagrees with numerator/denominator {numerator}/{denominator} = {computed}; the value is used"
        "giá trị {value} không khớp với tử số/mẫu số {numerator}/{denominator} = {computed}; chương trình dùng giá trị 'value'";
    ObsReportedDisagrees "observation.reported_disagrees"
        "reported {reported} disagrees with {from} = {computed} (rounds to {rounded})"
        "số công bố ('reported') {reported} không khớp với {from} = {computed} (làm tròn thành {rounded})";
    ObsReportedTruncated "observation.reported_truncated"
        "reported {reported} disagrees with {from} = {computed} (rounds to {rounded}); the printed figure looks truncated rather than rounded"
        "số công bố ('reported') {reported} không khớp với {from} = {computed} (làm tròn thành {rounded}); số công bố có vẻ đã bị cắt bớt chữ số thay vì làm tròn";

    // --- periods, dates and numbers as written -------------------------------------------------
    PeriodInvalid "period.invalid"
        "'{input}' is not a valid period: expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD"
        "'{input}' không phải là kỳ hợp lệ: cần dạng YYYY, YYYY-Qn, YYYY-MM hoặc YYYY-MM-DD";
    DateInvalid "date.invalid"
        "'{input}' is not a valid date: expected YYYY-MM-DD"
        "'{input}' không phải là ngày hợp lệ: cần dạng YYYY-MM-DD";
    CellNotNumber "cell.not_number"
        "'{cell}' is not a number: expected a number such as 76,55, 76.55, 1289 or 1.428.322"
        "'{cell}' không phải là số: cần một số như 76,55, 76.55, 1289 hoặc 1.428.322";
    CellOutOfRange "cell.out_of_range"
        "'{cell}' is out of range"
        "'{cell}' vượt quá phạm vi số cho phép";
    CellAmbiguous "cell.ambiguous_separator"
        "'{cell}' was read as {value}, taking '{mark}' as the decimal mark; if it groups thousands, write {thousands}"
        "'{cell}' được đọc là {value}, coi '{mark}' là dấu thập phân; nếu đó là dấu phân cách hàng nghìn, hãy viết {thousands}";
    CellNotPeriod "cell.not_period"
        "'{cell}' is not a period: expected 2024, 2024-Q4, 2024-11 or 2024-11-23 (Q4/2024, 11/2024 and 23/11/2024 are also read)"
        "'{cell}' không phải là kỳ hợp lệ: cần dạng 2024, 2024-Q4, 2024-11 hoặc 2024-11-23 (cũng đọc được Q4/2024, 11/2024 và 23/11/2024)";
    CellNotDate "cell.not_date"
        "'{cell}' is not a date: expected 2024-11-23 (23/11/2024 is also read)"
        "'{cell}' không phải là ngày hợp lệ: cần dạng 2024-11-23 (cũng đọc được 23/11/2024)";
    CellDayFirst "cell.day_first"
        "'{cell}' was read day first, as {date}; write {date} to make it unambiguous"
        "'{cell}' được đọc theo thứ tự ngày trước, tháng sau, thành {date}; hãy viết {date} để không bị hiểu nhầm";

    // --- the CSV form --------------------------------------------------------------------------
    CsvUnreadable "csv.unreadable"
        "the CSV could not be read: {detail}"
        "không đọc được tệp CSV: {detail}";
    CsvNoHeader "csv.no_header"
        "no header row: the first row names the columns, starting record,id,…"
        "không có dòng tiêu đề: dòng đầu tiên phải ghi tên các cột, bắt đầu bằng record,id,…";
    CsvHeaderIsRow "csv.header_is_row"
        "the first row must be the header ({columns}…), not a {record} row"
        "dòng đầu tiên phải là dòng tiêu đề ({columns}…), không phải một dòng {record}";
    CsvColumnUnknown "csv.column_unknown"
        "unknown column '{column}': expected columns are {columns}"
        "cột '{column}' không có trong định dạng: các cột hợp lệ là {columns}";
    CsvColumnTwice "csv.column_twice"
        "column '{column}' appears twice in the header"
        "cột '{column}' xuất hiện hai lần trong dòng tiêu đề";
    CsvHeaderMissing "csv.header_missing"
        "the header has no '{column}' column: expected columns are {columns}"
        "dòng tiêu đề thiếu cột '{column}': các cột hợp lệ là {columns}";
    CsvCellWithoutColumn "csv.cell_without_column"
        "cell {cell} has no column: the header has {columns} columns"
        "ô thứ {cell} không thuộc cột nào: dòng tiêu đề chỉ có {columns} cột";
    CsvRecordEmpty "csv.record_empty"
        "record is empty: expected plan, pillar, indicator, target, baseline or observation"
        "ô 'record' để trống: cần một trong plan, pillar, indicator, target, baseline, observation";
    CsvRecordUnknown "csv.record_unknown"
        "unknown record '{record}': expected plan, pillar, indicator, target, baseline, observation, task or update"
        "'{record}' không phải là loại dòng hợp lệ ở cột 'record': dùng một trong plan, pillar, indicator, target, baseline, observation, task, update";
    CsvColumnNotUsed "csv.column_not_used"
        "column '{column}' is not used by {record} rows (it is for {owners} rows); is the record right?"
        "cột '{column}' không dùng cho dòng {record} (cột này dành cho dòng {owners}); ô 'record' đã ghi đúng chưa?";
    CsvIdEmpty "csv.id_empty"
        "{record} row: id is empty"
        "dòng {record}: 'id' để trống";
    CsvSecondPlan "csv.second_plan"
        "a second plan row (the first is on line {line}): a dataset has one plan"
        "dòng 'plan' thứ hai (dòng đầu tiên ở dòng {line}): mỗi bộ dữ liệu chỉ có một kế hoạch";
    CsvNoIndicator "csv.no_indicator"
        "{record} row: no indicator row has id '{id}'"
        "dòng {record}: không có dòng 'indicator' nào có id '{id}'";
    CsvNoIndicatorHint "csv.no_indicator_hint"
        "{record} row: no indicator row has id '{id}' (did you mean '{similar}'? ids are matched exactly)"
        "dòng {record}: không có dòng 'indicator' nào có id '{id}' (có phải là '{similar}'? id phải khớp chính xác, kể cả chữ hoa, chữ thường)";
    CsvNoTask "csv.no_task"
        "{record} row: no task row has id '{id}'"
        "dòng {record}: không có dòng 'task' nào có id '{id}'";
    CsvNoPlan "csv.no_plan"
        "no plan row: add a row with record 'plan', the plan's id and its title in 'name'"
        "không có dòng kế hoạch: hãy thêm một dòng có 'record' là 'plan', ghi id của kế hoạch và tên kế hoạch ở cột 'name'";

    // --- the JSON form: serde_json's messages, read back into keys (see load::json_form) ------
    JsonInvalidType "json.invalid_type"
        "invalid type: {found}, expected {expected}"
        "sai kiểu dữ liệu: gặp {found}, cần {expected}";
    JsonInvalidValue "json.invalid_value"
        "invalid value: {found}, expected {expected}"
        "giá trị không hợp lệ: gặp {found}, cần {expected}";
    JsonInvalidLength "json.invalid_length"
        "invalid length {length}, expected {expected}"
        "sai độ dài {length}, cần {expected}";
    JsonUnknownVariant "json.unknown_variant"
        "unknown variant `{value}`, expected one of {expected}"
        "`{value}` không phải là giá trị hợp lệ; dùng một trong: {expected}";
    JsonUnknownVariantTwo "json.unknown_variant_two"
        "unknown variant `{value}`, expected {first} or {second}"
        "`{value}` không phải là giá trị hợp lệ; dùng {first} hoặc {second}";
    JsonUnknownVariantOne "json.unknown_variant_one"
        "unknown variant `{value}`, expected {expected}"
        "`{value}` không phải là giá trị hợp lệ; cần {expected}";
    JsonUnknownField "json.unknown_field"
        "unknown field `{field}`, expected one of {expected}"
        "không có trường `{field}` trong định dạng; các trường hợp lệ: {expected}";
    JsonUnknownFieldTwo "json.unknown_field_two"
        "unknown field `{field}`, expected {first} or {second}"
        "không có trường `{field}` trong định dạng; dùng {first} hoặc {second}";
    JsonUnknownFieldNone "json.unknown_field_none"
        "unknown field `{field}`, there are no fields"
        "không có trường `{field}`: ở đây không có trường nào";
    JsonUnknownFieldOne "json.unknown_field_one"
        "unknown field `{field}`, expected {expected}"
        "không có trường `{field}` trong định dạng; cần {expected}";
    JsonMissingField "json.missing_field"
        "missing field `{field}`"
        "thiếu trường `{field}`";
    JsonDuplicateField "json.duplicate_field"
        "duplicate field `{field}`"
        "trường `{field}` bị lặp lại";
    JsonEofList "json.eof_list"
        "EOF while parsing a list"
        "tệp kết thúc khi danh sách [...] chưa đóng (thiếu `]`)";
    JsonEofObject "json.eof_object"
        "EOF while parsing an object"
        "tệp kết thúc khi đối tượng {...} chưa đóng (thiếu `}`)";
    JsonEofString "json.eof_string"
        "EOF while parsing a string"
        "tệp kết thúc khi chuỗi chưa đóng (thiếu `\"`)";
    JsonEofValue "json.eof_value"
        "EOF while parsing a value"
        "tệp kết thúc khi còn thiếu một giá trị";
    JsonExpectedColon "json.expected_colon"
        "expected `:`"
        "thiếu dấu `:`";
    JsonExpectedListEnd "json.expected_comma_or_bracket"
        "expected `,` or `]`"
        "thiếu dấu `,` hoặc `]`";
    JsonExpectedObjectEnd "json.expected_comma_or_brace"
        "expected `,` or `}`"
        "thiếu dấu `,` hoặc `}`";
    JsonExpectedIdent "json.expected_ident"
        "expected ident"
        "từ không hợp lệ: JSON chỉ có true, false và null";
    JsonExpectedValue "json.expected_value"
        "expected value"
        "cần một giá trị JSON hợp lệ ở đây";
    JsonExpectedQuote "json.expected_quote"
        "expected `\"`"
        "thiếu dấu `\"`";
    JsonInvalidEscape "json.invalid_escape"
        "invalid escape"
        "chuỗi có ký tự thoát (\\) không hợp lệ";
    JsonInvalidNumber "json.invalid_number"
        "invalid number"
        "số không hợp lệ";
    JsonNumberOutOfRange "json.number_out_of_range"
        "number out of range"
        "số vượt quá phạm vi cho phép";
    JsonInvalidCodePoint "json.invalid_code_point"
        "invalid unicode code point"
        "mã Unicode không hợp lệ";
    JsonControlCharacter "json.control_character"
        "control character (\\u0000-\\u001F) found while parsing a string"
        "chuỗi chứa ký tự điều khiển (\\u0000-\\u001F)";
    JsonKeyNotString "json.key_not_string"
        "key must be a string"
        "tên trường phải là một chuỗi đặt trong dấu \"";
    JsonLoneSurrogate "json.lone_surrogate"
        "lone leading surrogate in hex escape"
        "mã thoát \\u không hợp lệ: nửa đầu của một cặp surrogate đứng một mình";
    JsonTrailingComma "json.trailing_comma"
        "trailing comma"
        "thừa dấu phẩy ở cuối";
    JsonTrailingCharacters "json.trailing_characters"
        "trailing characters"
        "còn ký tự thừa sau khi dữ liệu JSON đã kết thúc";
    JsonHexEscapeEnd "json.hex_escape_end"
        "unexpected end of hex escape"
        "mã thoát \\u thiếu chữ số";
    JsonRecursionLimit "json.recursion_limit"
        "recursion limit exceeded"
        "dữ liệu lồng nhau quá nhiều cấp";
    /// A message of serde_json's that this catalogue does not know: its English as detail.
    JsonOther "json.other"
        "{detail}"
        "lỗi đọc JSON: {detail}";
    /// A finding inside an indicator that could not be read, naming it.
    JsonInIndicator "json.in_indicator"
        "{message} in indicator '{id}'"
        "{message}, ở chỉ tiêu '{id}'";
    JsonInTask "json.in_task"
        "{message} in task '{id}'"
        "{message}, ở nhiệm vụ '{id}'";
    JsonInPillar "json.in_pillar"
        "{message} in pillar '{id}'"
        "{message}, ở trụ cột '{id}'";
    FoundString "json.found.string"
        "string {value}"
        "chuỗi {value}";
    FoundInteger "json.found.integer"
        "integer {value}"
        "số nguyên {value}";
    FoundFloat "json.found.float"
        "floating point {value}"
        "số thập phân {value}";
    FoundBoolean "json.found.boolean"
        "boolean {value}"
        "giá trị đúng/sai {value}";
    FoundObject "json.found.object"
        "object"
        "một đối tượng {...}";
    FoundList "json.found.list"
        "list"
        "một danh sách [...]";
    ExpectNumber "json.expect.number"
        "a number"
        "một số";
    ExpectWhole "json.expect.whole"
        "a whole number from 0 to 4294967295"
        "một số nguyên từ 0 đến 4294967295";
    ExpectString "json.expect.string"
        "a string"
        "một chuỗi";
    ExpectList "json.expect.list"
        "a list [...]"
        "một danh sách [...]";
    ExpectObject "json.expect.object"
        "an object {...}"
        "một đối tượng {...}";
    ExpectFields "json.expect.fields"
        "an object {\"field\": value, …}"
        "một đối tượng {\"trường\": giá trị, …}";
    ExpectName "json.expect.name"
        "a name: a string, or an object {\"vi\": \"…\", \"en\": \"…\"}"
        "một tên: một chuỗi, hoặc một đối tượng {\"vi\": \"…\", \"en\": \"…\"}";
    ExpectPeriod "json.expect.period"
        "a period as a string YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD"
        "một kỳ viết dạng chuỗi YYYY, YYYY-Qn, YYYY-MM hoặc YYYY-MM-DD";
    ExpectDate "json.expect.date"
        "a date as a string YYYY-MM-DD"
        "một ngày viết dạng chuỗi YYYY-MM-DD";
    ExpectDataset "json.expect.dataset"
        "a JSON object {\"schema\": \"chitieu/1\", \"plan\": …, \"indicators\": […]}"
        "một đối tượng JSON {\"schema\": \"chitieu/1\", \"plan\": …, \"indicators\": […]}";

    // --- the chitieu command ---------------------------------------------------------------------
    CliCannotReadStdin "cli.cannot_read_stdin"
        "cannot read standard input: {error}"
        "không đọc được đầu vào chuẩn (stdin): {error}";
    CliCannotRead "cli.cannot_read"
        "cannot read {path}: {error}"
        "không đọc được {path}: {error}";
    CliNotUtf8 "cli.not_utf8"
        "{path} is not UTF-8 text (byte {byte}): save it as UTF-8"
        "{path} không phải là văn bản UTF-8 (byte {byte}): hãy lưu tệp dưới dạng UTF-8";
    CliCannotWrite "cli.cannot_write"
        "cannot write {path}: {error}"
        "không ghi được {path}: {error}";
    CliOutputExtension "cli.output_extension"
        "{path}: the output must end in .json, .csv or .xlsx"
        "{path}: tệp kết quả phải có đuôi .json, .csv hoặc .xlsx";
    CliError "cli.error"
        "error: {text}"
        "lỗi: {text}";
    CliWarning "cli.warning"
        "warning: {text}"
        "cảnh báo: {text}";
    /// An indicator set aside by `score` or `render`, before its findings.
    CliLeftOut "cli.left_out"
        "warning: {path}: indicator '{indicator}' is left out because its data is invalid:"
        "cảnh báo: {path}: chỉ tiêu '{indicator}' không được tính vì dữ liệu của nó không hợp lệ:";
    CliLeftOutTask "cli.left_out_task"
        "warning: {path}: task '{indicator}' is left out because its data is invalid:"
        "cảnh báo: {path}: nhiệm vụ '{indicator}' không được tính vì dữ liệu của nó không hợp lệ:";
    CliValidateSummary "cli.validate_summary"
        "{path}: {errors} error(s), {warnings} warning(s)"
        "{path}: {errors} lỗi, {warnings} cảnh báo";
    CliNotValid "cli.not_valid"
        "{path} is not a valid chitieu/1 dataset"
        "{path} không phải là bộ dữ liệu chitieu/1 hợp lệ";
    CliNothingWritten "cli.nothing_written"
        "{path}: {error}; nothing written"
        "{path}: {error}; không ghi tệp nào";
    CliDrafted "cli.drafted"
        "drafted {targets} target(s) {scope} and {results} result(s){merged}; {skipped} figure(s) set aside{hint}"
        "đã soạn {targets} mục tiêu {scope} và {results} kết quả{merged}; bỏ qua {skipped} số liệu{hint}";
    CliScopeSections "cli.scope_sections"
        "from the target sections"
        "từ các phần mục tiêu";
    CliScopeWhole "cli.scope_whole"
        "from the whole text (it has no target section)"
        "từ toàn văn bản (văn bản không có phần mục tiêu)";
    CliMerged "cli.merged"
        ", folding {count} appendix restatement(s) into their targets"
        ", gộp {count} chỉ tiêu nhắc lại ở phụ lục vào mục tiêu tương ứng";
    CliExplainHint "cli.explain_hint"
        " (--explain lists them)"
        " (--explain để xem danh sách)";
    CliSkipped "cli.skipped"
        "line {line}: {text} — {reason} [{section}]"
        "dòng {line}: {text} — {reason} [{section}]";
    CliReview "cli.review"
        "review names, units and deadlines; add pillars and keys"
        "hãy rà soát tên, đơn vị tính và hạn; bổ sung trụ cột và khóa ('key')";
    CliCompared "cli.compared"
        "compared with {path}: recall {recall} ({found}/{curated} targets found), precision {precision} ({matched}/{draft} draft targets matched); of the matches {same_deadline} have the same deadline and {same_unit} the same unit; results {results}/{curated_results} found"
        "so với {path}: độ phủ {recall} (tìm thấy {found}/{curated} mục tiêu), độ chính xác {precision} ({matched}/{draft} mục tiêu của bản nháp khớp); trong các cặp khớp, {same_deadline} cùng hạn và {same_unit} cùng đơn vị tính; tìm thấy {results}/{curated_results} kết quả";
    CliDraftedTasks "cli.drafted_tasks"
        "drafted {tasks} task(s) from the appendix tables"
        "đã soạn {tasks} nhiệm vụ từ các bảng phụ lục";
    CliComparedTasks "cli.compared_tasks"
        "tasks: {found}/{curated} found ({draft} drafted); of those, {lead} same lead, {partners} same partners, {due} same due"
        "nhiệm vụ: tìm thấy {found}/{curated} ({draft} trong bản nháp); trong đó {lead} cùng đơn vị chủ trì, {partners} cùng đơn vị phối hợp, {due} cùng hạn";
    CliMissed "cli.missed"
        "missed {target}"
        "bỏ sót {target}";
    CliExtra "cli.extra"
        "extra  {target}"
        "thừa   {target}";

    // --- the JavaScript loader (chitieu.js): `cargo xtask build` writes these into its table ----
    LoaderLoading "loader.loading"
        "Loading data…"
        "Đang tải dữ liệu…";
    LoaderNoSource "loader.no_source"
        "No data: set the src attribute or put a <script type=\"application/json\"> inside"
        "Thiếu dữ liệu: hãy đặt thuộc tính src hoặc một thẻ <script type=\"application/json\"> bên trong";
    LoaderHttp "loader.http"
        "Could not load the data (HTTP {status}) from {url}"
        "Không tải được dữ liệu (HTTP {status}) từ {url}";
    LoaderTimeout "loader.timeout"
        "Timed out loading the data from {url}"
        "Quá thời gian chờ khi tải dữ liệu từ {url}";
    LoaderNetwork "loader.network"
        "Could not connect to load the data from {url}"
        "Không kết nối được để tải dữ liệu từ {url}";
    LoaderHtml "loader.html"
        "The address {url} returned a web page (HTML), not JSON or CSV data: check the src attribute"
        "Địa chỉ {url} trả về một trang web (HTML), không phải dữ liệu JSON hay CSV: hãy kiểm tra thuộc tính src";
    LoaderWasm "loader.wasm"
        "The display component (WebAssembly) could not start"
        "Không khởi động được thành phần hiển thị (WebAssembly)";
    LoaderApi "loader.api"
        "Could not load the analysis component (chitieu_api.js), which reads CSV data and points out mistakes in data"
        "Không tải được thành phần phân tích (chitieu_api.js), cần để đọc dữ liệu CSV hoặc chỉ ra lỗi trong dữ liệu";
    LoaderData "loader.data"
        "Invalid data: "
        "Dữ liệu không hợp lệ: ";
    LoaderOwnJson "loader.own_json"
        "chitieu could not read its own JSON"
        "chitieu không đọc được JSON do chính nó tạo ra";
    LoaderInlineName "loader.inline_name"
        "inline JSON"
        "JSON trong trang";
    LoaderNoWidget "loader.no_widget"
        "There is no widget '{widget}'"
        "Không có loại biểu đồ '{widget}'";
    LoaderDownload "loader.download"
        "Download"
        "Tải xuống";
    LoaderSvg "loader.svg"
        "SVG image"
        "Ảnh SVG";
    LoaderPng "loader.png"
        "PNG image"
        "Ảnh PNG";
    LoaderCsv "loader.csv"
        "CSV data"
        "Dữ liệu CSV";
    LoaderPngFailed "loader.png_failed"
        "Could not make a PNG: this page blocks images made in the browser (it needs img-src blob:). Download the SVG instead."
        "Không tạo được ảnh PNG: trang này chặn ảnh tạo trong trình duyệt (cần img-src blob:). Hãy tải ảnh SVG.";

    // --- spreadsheets (.xlsx, .xlsm, .xls, .ods) ---------------------------------------------
    // Last in the catalogue: keys added before others would renumber them, and the widgets'
    // wasm, which holds keys but no templates, would change.
    /// Where a finding is in a workbook: "Sheet 'Kết quả', cell E12 (Tử số)".
    PlaceSheetCell "place.sheet_cell"
        "Sheet '{sheet}', cell {cell} ({title})"
        "Trang '{sheet}', ô {cell} ({title})";
    PlaceSheetRow "place.sheet_row"
        "Sheet '{sheet}', row {row}"
        "Trang '{sheet}', dòng {row}";
    PlaceSheet "place.sheet"
        "Sheet '{sheet}'"
        "Trang '{sheet}'";
    SheetUnreadable "sheet.unreadable"
        "the file could not be read as a spreadsheet (.xlsx, .xlsm, .xls, .ods): {detail}"
        "không đọc được tệp như một bảng tính (.xlsx, .xlsm, .xls, .ods): {detail}";
    SheetNoData "sheet.no_data"
        "no sheet holds a chitieu/1 dataset: expected one sheet whose header has the columns record and id (the table of template.csv), or the sheets {sheets}"
        "không trang nào chứa bộ dữ liệu chitieu/1: cần một trang có dòng tiêu đề với các cột record và id (bảng như template.csv), hoặc các trang {sheets}";
    SheetColumnUnknown "sheet.column_unknown"
        "unknown column '{column}': the columns of this sheet are {columns}"
        "cột '{column}' không có trong mẫu: các cột của trang này là {columns}";
    SheetColumnTwice "sheet.column_twice"
        "column '{column}' appears twice in the header"
        "cột '{column}' xuất hiện hai lần trong dòng tiêu đề";
    SheetColumnMissing "sheet.column_missing"
        "the sheet has no column '{column}' ({field}), which every row needs"
        "trang này thiếu cột '{column}' ({field}), cột mà dòng nào cũng cần";
    SheetNoPlan "sheet.no_plan"
        "no plan: fill in a row of the sheet '{sheet}' with the plan's id and title"
        "chưa có kế hoạch: hãy điền một dòng ở trang '{sheet}' với mã và tên kế hoạch";
}

impl Key {
    /// The key's English template.
    pub fn english(self) -> &'static str {
        self.template(Lang::En)
    }

    /// The names of the key's placeholders in the order of its English template, each once.
    pub fn placeholders(self) -> Vec<&'static str> {
        placeholders(self.english())
    }
}

/// A piece of a template: text as it is, or a placeholder's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// A template cut into text and placeholders (`{name}`, a name of `a-z`, `0-9`, `_`).
pub fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut text_from = 0;
    let mut i = 0;
    let bytes = template.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'{' {
            let name_len = bytes[i + 1..]
                .iter()
                .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || **b == b'_')
                .count();
            if name_len > 0 && bytes.get(i + 1 + name_len) == Some(&b'}') {
                if text_from < i {
                    out.push(Piece::Text(&template[text_from..i]));
                }
                out.push(Piece::Placeholder(&template[i + 1..i + 1 + name_len]));
                i += name_len + 2;
                text_from = i;
                continue;
            }
        }
        i += 1;
    }
    if text_from < template.len() {
        out.push(Piece::Text(&template[text_from..]));
    }
    out
}

/// The placeholder names of `template`, in order, each once.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for p in pieces(template) {
        if let Piece::Placeholder(n) = p {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    names
}

/// A message: a key with its arguments, written out in either language by
/// [`Message::render`]. `Display` gives the English. One pointer wide, so a
/// `Diagnostic` holding one stays small enough to return by value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message(Box<Parts>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Parts {
    key: Key,
    args: Vec<(&'static str, Arg)>,
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is in both languages: what a person typed, an id, a path.
    Text(String),
    /// A number written with a decimal point, shown with a decimal comma in Vietnamese.
    Num(String),
    /// A part of the message that is itself translated.
    Msg(Message),
    /// Items shown one after another, separated by commas.
    List(Vec<Arg>),
}

impl Arg {
    /// A number in its shortest form (`95.966`, `1289`).
    pub fn num(v: f64) -> Arg {
        Arg::Num(shortest(v))
    }

    /// A number with `decimals` digits after the point.
    pub fn fixed(v: f64, decimals: usize) -> Arg {
        Arg::Num(fixed(v, decimals))
    }

    fn write(&self, lang: Lang, out: &mut String) {
        match self {
            Arg::Text(s) => out.push_str(s),
            Arg::Num(s) if lang == Lang::Vi => out.extend(s.chars().map(|c| match c {
                '.' => ',',
                c => c,
            })),
            Arg::Num(s) => out.push_str(s),
            Arg::Msg(m) => m.write(lang, out),
            Arg::List(items) => {
                for (i, a) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    a.write(lang, out);
                }
            }
        }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Text(n.to_string())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Msg(m)
    }
}

impl From<Key> for Arg {
    fn from(k: Key) -> Arg {
        Arg::Msg(Message::new(k))
    }
}

impl From<Key> for Message {
    fn from(k: Key) -> Message {
        Message::new(k)
    }
}

impl Message {
    /// The message of `key`; give each of its placeholders with [`Message::with`].
    pub fn new(key: Key) -> Message {
        Message(Box::new(Parts {
            key,
            args: Vec::new(),
        }))
    }

    /// The message with the placeholder `name` filled by `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.0.args.push((name, value.into()));
        self
    }

    /// The message with the placeholder `name` filled by a number.
    pub fn num(self, name: &'static str, v: f64) -> Message {
        self.with(name, Arg::num(v))
    }

    /// `tail` after what it is about: "indicator 'x': …".
    pub fn about(head: impl Into<Arg>, tail: impl Into<Arg>) -> Message {
        Message::new(Key::Join)
            .with("head", head)
            .with("tail", tail)
    }

    pub fn key(&self) -> Key {
        self.0.key
    }

    /// The message with every `line` placeholder, nested ones too, renumbered by `f`: a
    /// workbook is read as one table of all its sheets, and "the first is on line 7" must
    /// name the row of the sheet.
    #[cfg(feature = "sheets")]
    pub(crate) fn map_lines(&mut self, f: &dyn Fn(usize) -> usize) {
        for (name, arg) in &mut self.0.args {
            match arg {
                Arg::Text(n) | Arg::Num(n) if *name == "line" => {
                    if let Ok(line) = n.parse::<usize>() {
                        *n = f(line).to_string();
                    }
                }
                Arg::Msg(m) => m.map_lines(f),
                _ => {}
            }
        }
    }

    /// What the message says is wrong, past what it is about: the key of the tail of
    /// "indicator 'x': target 1: unknown op …" is `target.op_unknown`. The code tools
    /// match on.
    pub fn code(&self) -> &'static str {
        let inner = match self.0.key {
            Key::Join => self.arg("tail"),
            Key::JsonInIndicator | Key::JsonInPillar => self.arg("message"),
            _ => None,
        };
        match inner {
            Some(Arg::Msg(m)) => m.code(),
            _ => self.0.key.code(),
        }
    }

    /// The value of the placeholder `name`, if given.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.0.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.write(lang, &mut out);
        out
    }

    /// The message in the language of `tag` (see [`lang`]).
    pub fn render_in(&self, tag: &str) -> String {
        self.render(lang(tag))
    }

    fn write(&self, lang: Lang, out: &mut String) {
        for piece in pieces(self.0.key.template(lang)) {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Placeholder(name) => match self.arg(name) {
                    Some(a) => a.write(lang, out),
                    None => {
                        debug_assert!(false, "{}: no value for {{{name}}}", self.0.key.code());
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
            }
        }
    }

    /// The message of the first of `keys` whose English template reads `text`, its
    /// arguments made by `arg(name, text)`: how a text that exists only in English (a
    /// message of serde's) is read back into the catalogue. A placeholder takes as much
    /// of the text as it can, since what a person typed comes first and may contain the
    /// words that follow it ("unknown field `a, expected b`, expected one of …").
    pub fn read_english(
        keys: &[Key],
        text: &str,
        arg: impl Fn(&str, &str) -> Arg,
    ) -> Option<Message> {
        keys.iter().find_map(|&key| {
            let mut found = Vec::new();
            read_pieces(&pieces(key.english()), text, &mut found).then(|| {
                Message(Box::new(Parts {
                    key,
                    args: found
                        .into_iter()
                        .map(|(name, value)| (name, arg(name, value)))
                        .collect(),
                }))
            })
        })
    }
}

/// Whether `text` reads as `pieces`, the placeholders' texts pushed onto `found`.
fn read_pieces<'t>(
    pieces: &[Piece<'static>],
    text: &'t str,
    found: &mut Vec<(&'static str, &'t str)>,
) -> bool {
    match pieces {
        [] => text.is_empty(),
        [Piece::Text(t), rest @ ..] => text
            .strip_prefix(t)
            .is_some_and(|r| read_pieces(rest, r, found)),
        [Piece::Placeholder(name)] => {
            found.push((name, text));
            true
        }
        [Piece::Placeholder(name), Piece::Text(t), rest @ ..] => {
            let ends: Vec<usize> = text.match_indices(t).map(|(i, _)| i).collect();
            for &end in ends.iter().rev() {
                let kept = found.len();
                found.push((name, &text[..end]));
                if read_pieces(rest, &text[end + t.len()..], found) {
                    return true;
                }
                found.truncate(kept);
            }
            false
        }
        // Two placeholders in a row cannot be told apart; no template has them.
        [Piece::Placeholder(_), Piece::Placeholder(_), ..] => false,
    }
}

/// English.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys that only put other messages together, the same in both languages.
    fn structural(key: Key) -> bool {
        pieces(key.template(Lang::Vi)).iter().all(|p| match p {
            Piece::Placeholder(_) => true,
            Piece::Text(t) => !t.chars().any(char::is_alphabetic),
        })
    }

    #[test]
    fn every_key_has_both_languages() {
        for &k in Key::ALL {
            assert!(
                !k.template(Lang::En).trim().is_empty(),
                "{}: no English",
                k.code()
            );
            assert!(
                !k.template(Lang::Vi).trim().is_empty(),
                "{}: no Vietnamese",
                k.code()
            );
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        for &k in Key::ALL {
            let mut en = placeholders(k.template(Lang::En));
            let mut vi = placeholders(k.template(Lang::Vi));
            en.sort_unstable();
            vi.sort_unstable();
            assert_eq!(en, vi, "{}: the placeholders differ", k.code());
        }
    }

    #[test]
    fn codes_are_unique_and_dotted() {
        let mut codes: Vec<&str> = Key::ALL.iter().map(|k| k.code()).collect();
        for c in &codes {
            assert!(
                c.bytes().all(|b| b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || b == b'.'
                    || b == b'_'),
                "{c}"
            );
        }
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n, "a code is used twice");
    }

    /// Vietnamese is written with its diacritics: a template of words without one is most
    /// likely English left untranslated, or Vietnamese typed without its marks.
    #[test]
    fn vietnamese_has_diacritics() {
        let words: Vec<Key> = Key::ALL
            .iter()
            .copied()
            .filter(|&k| !structural(k))
            .collect();
        let bare: Vec<&str> = words
            .iter()
            .filter(|k| k.template(Lang::Vi).is_ascii())
            .map(|k| k.code())
            .collect();
        // "JSON trong trang" and a few like it need no mark; most sentences do.
        assert!(
            bare.len() * 20 <= words.len(),
            "too many Vietnamese templates without a diacritic: {bare:?}"
        );
        for &k in &words {
            if k.template(Lang::En) == k.template(Lang::Vi) {
                panic!("{}: the Vietnamese is the English", k.code());
            }
        }
    }

    #[test]
    fn renders_nested_messages_and_numbers_per_language() {
        let who = Message::new(Key::Named)
            .with("what", Key::NounIndicator)
            .with("id", "cqs-01");
        let what = Message::new(Key::WhatTargetDeadline)
            .with("n", 1)
            .with("deadline", "2025");
        let m = Message::about(
            who,
            Message::about(
                what,
                Message::new(Key::TargetRangeReversed)
                    .num("min", 20.5)
                    .num("max", 15.0),
            ),
        );
        assert_eq!(
            m.render(Lang::En),
            "indicator 'cqs-01': target 1 (deadline 2025): range min 20.5 is above max 15"
        );
        assert_eq!(
            m.render(Lang::Vi),
            "chỉ tiêu 'cqs-01': mục tiêu 1 (hạn 2025): khoảng giá trị bị ngược: 'min' 20,5 lớn hơn 'max' 15"
        );
        assert_eq!(m.to_string(), m.render(Lang::En));
        assert_eq!(m.code(), "target.range_reversed");
    }

    #[test]
    fn text_arguments_are_shown_as_typed() {
        let m = Message::new(Key::CellNotNumber).with("cell", "7.5x");
        assert!(m.render(Lang::Vi).starts_with("'7.5x' không phải là số"));
    }

    #[test]
    fn braces_that_are_not_placeholders_are_text() {
        assert_eq!(
            pieces("a {\"b\": {c}} {...}"),
            [
                Piece::Text("a {\"b\": "),
                Piece::Placeholder("c"),
                Piece::Text("} {...}")
            ]
        );
        let m = Message::new(Key::SchemaMissing).with("expected", "chitieu/1");
        assert!(m
            .to_string()
            .ends_with("starts with {\"schema\": \"chitieu/1\", …}"));
    }

    #[test]
    fn english_reads_back_into_its_key() {
        let keys = [
            Key::JsonUnknownField,
            Key::JsonUnknownFieldTwo,
            Key::JsonUnknownFieldOne,
        ];
        let text = |m: &Message| m.render(Lang::En);
        let m = Message::read_english(
            &keys,
            "unknown field `eng`, expected `vi` or `en`",
            |_, v| v.into(),
        );
        assert_eq!(
            m.as_ref().map(text).as_deref(),
            Some("unknown field `eng`, expected `vi` or `en`")
        );
        assert_eq!(m.map(|m| m.key()), Some(Key::JsonUnknownFieldTwo));
        // What a person typed may hold the template's own words: the placeholder before
        // them takes all it can.
        let m = Message::read_english(
            &keys,
            "unknown field `a`, expected b`, expected one of `x`, `y`",
            |_, v| v.into(),
        );
        assert_eq!(
            m.as_ref().and_then(|m| m.arg("field")),
            Some(&Arg::Text("a`, expected b".into()))
        );
        assert_eq!(
            Message::read_english(&keys, "something else", |_, v| v.into()),
            None
        );
    }

    #[test]
    fn language_tags() {
        for vi in ["vi", "vi-VN", "vi_VN.UTF-8", "VI", "vie"] {
            assert_eq!(lang(vi), Lang::Vi, "{vi}");
        }
        for en in ["en", "en_US.UTF-8", "C", "POSIX", "", "fr", "v"] {
            assert_eq!(lang(en), Lang::En, "{en}");
        }
    }
}
