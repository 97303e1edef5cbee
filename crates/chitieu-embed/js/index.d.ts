// Type declarations for the `chitieu` npm package.

/** The `chitieu/1` dataset format (docs/FORMAT.md in the repository). */
export interface Dataset {
  schema: "chitieu/1";
  plan: Plan;
  /** The date the figures are current to (YYYY-MM-DD). */
  as_of?: string;
  pillars?: Pillar[];
  indicators: Indicator[];
  /** The plan's tasks: who must deliver what, by when, and reports of their progress. */
  tasks?: Task[];
}

export interface Plan {
  id: string;
  title: string;
  region?: string;
  issuer?: string;
  document?: string;
  date?: string;
  url?: string | null;
}

/** A name in Vietnamese, with an optional English translation; a bare string is Vietnamese. */
export type Text = string | { vi: string; en?: string };

export interface Pillar {
  id: string;
  name: Text;
  /** Relative weight or DTI-style points; default 1. */
  weight?: number;
}

/** `YYYY`, `YYYY-Qn`, `YYYY-MM` or `YYYY-MM-DD`. */
export type Period = string;
export type Level = "province" | "district" | "commune";
/** `percent`, `count`, `vnd`, or another short unit such as `Mb/s` or `per_week`. */
export type Unit = "percent" | "count" | "vnd" | (string & {});

export interface Indicator {
  id: string;
  /** Shared across datasets for the same measure, so provinces can be compared. */
  key?: string;
  pillar?: string;
  name: Text;
  unit: Unit;
  level?: Level;
  /** The lead agency (cơ quan chủ trì). */
  owner?: string;
  targets?: Target[];
  baseline?: { period: Period; value: number };
  observations?: Observation[];
  source?: Source;
  note?: string;
}

export interface Source {
  document?: string;
  section?: string;
  page?: number;
  /** The row of the document's table, as numbered there ("1.12"). */
  row?: string;
}

/** A task of the plan's appendix (nhiệm vụ). */
export interface Task {
  id: string;
  /** The appendix's headings above the task, outermost first. */
  group?: string[];
  pillar?: string;
  name: Text;
  /** Lead units (đơn vị chủ trì). */
  lead?: string[];
  /** Partner units (đơn vị phối hợp). */
  partners?: string[];
  /** The expected result, as written. */
  output?: string;
  due?: Due;
  /** Ids of the indicators the task serves. */
  indicators?: string[];
  source?: Source;
  note?: string;
  updates?: TaskUpdate[];
}

/** When a task is due: as written ("Quý III/2024", "Hàng năm"), and as periods. */
export interface Due {
  text?: string;
  /** Done by the end of this period. */
  period?: Period;
  /** The period the work starts in. */
  start?: Period;
  /** Recurs every year, judged per year. */
  every?: "year";
}

export type TaskStatus = "not_started" | "in_progress" | "done" | "cancelled";

/** A progress report on a task. */
export interface TaskUpdate {
  /** YYYY-MM-DD. */
  date: string;
  status: TaskStatus;
  note?: string;
  /** `http://` or `https://` only. */
  evidence_url?: string;
}

interface TargetCommon {
  /** The target exactly as the plan words it. */
  text?: string;
  change?: "increase" | "decrease";
  deadline?: Period;
}
export type Target = TargetCommon &
  (
    | { op: "gte" | "gt" | "lte" | "lt" | "eq"; value: number }
    | { op: "range"; min: number; max: number }
    | { op: "approx"; value: number; tolerance?: number }
  );

/** `value`, or `numerator` and `denominator` (the value is computed from them). */
export interface Observation {
  period: Period;
  value?: number;
  numerator?: number;
  denominator?: number;
  /** The figure as published, kept for review. */
  reported?: number;
  note?: string;
}

export type WidgetName = "gauge" | "bullet" | "table" | "scorecard" | "trend" | "tasks";
export type Status =
  | "achieved"
  | "on_track"
  | "needs_acceleration"
  | "limited"
  | "regressing"
  | "insufficient_data"
  | "missed"
  | "no_data";

export interface MountOptions {
  widget?: WidgetName;
  /** The dataset itself (object, or JSON/CSV text) … */
  data?: Dataset | string;
  /** … or its URL (JSON or CSV), fetched once and shared. */
  src?: string;
  /** Required by gauge, bullet and trend. */
  indicator?: string;
  /** Starting filters of table and scorecard. */
  pillar?: string;
  level?: Level;
  status?: string;
  lang?: "vi" | "en";
  theme?: "light" | "dark" | "high-contrast" | "auto";
  /** `ring` (gauge), `compact` (bullet), `summary` (tasks: counts and the most overdue). */
  variant?: string;
  /** Evaluation date, YYYY-MM-DD; default the dataset's `as_of`, else today. */
  asOf?: string;
  /** Days after a period's end when its data is flagged as old, or "never". */
  staleAfter?: number | "never";
  /** Scorecard: withhold a score resting on less than this share of its indicators (those
   *  with a current target and a result, of all): a fraction from 0 to 1 or a percentage
   *  ("50%"); default one third, 0 shows every score. */
  minCoverage?: number | string;
  /** Tasks: group the list by the appendix's headings, lead unit or due period. */
  groupBy?: "group" | "lead" | "due";
  /** Tasks: a deadline this many days ahead counts as due soon (default 30). */
  dueSoonDays?: number | string;
}

export interface WidgetHandle {
  /** Changes some options and re-renders. */
  update(options: Partial<MountOptions>): void;
  /** Removes the widget. */
  destroy(): void;
}

/** Renders a widget into `element`'s shadow root (created when missing). */
export function mount(element: Element, options: MountOptions): WidgetHandle;

/** Defines `<chitieu-gauge>`, `<chitieu-bullet>`, `<chitieu-table>`, `<chitieu-scorecard>`,
 *  `<chitieu-trend>`, `<chitieu-tasks>` (once) and upgrades `<div data-chitieu="…">`. */
export function defineElements(): void;

export interface ParsedTarget {
  op: "gte" | "gt" | "lte" | "lt" | "eq" | "range" | "approx";
  value?: number;
  min?: number;
  max?: number;
  tolerance?: number;
  unit: Unit;
  level?: Level;
  year?: number;
  deadline?: Period;
  change?: "increase" | "decrease";
  /** The words of the sentence the target was read from. */
  text?: string;
}

/** Reads every target in a Vietnamese sentence; rejects when there is none. */
export function parseTargets(text: string): Promise<ParsedTarget[]>;

export interface Diagnostic {
  severity: "error" | "warning";
  /** JSON path, e.g. `indicators[3].targets[0].max`. */
  path: string;
  /** What is wrong, as a stable key of the message catalogue, e.g. `target.op_unknown`. */
  code: string;
  /** What is wrong, in the language asked of `validate` (English by default). */
  message: string;
  line?: number;
  column?: number;
  /** CSV only: the column's header; spreadsheets: the field's name. */
  field?: string;
  /** Spreadsheets only: where the clerk looks, e.g. `{ name: "Kết quả", row: 12, cell: "D12", title: "Tử số" }`. */
  sheet?: { name: string; row?: number; cell?: string; title?: string };
}

/** Checks a dataset (object, JSON/CSV text, or a spreadsheet's bytes: .xlsx, .xlsm,
 *  .ods); the messages in `lang` (default English). */
export function validate(
  dataset: Dataset | string | ArrayBuffer | Uint8Array,
  options?: { lang?: "vi" | "en" },
): Promise<{ valid: boolean; diagnostics: Diagnostic[] }>;

/** The dataset (object, JSON/CSV text, or a spreadsheet's bytes) as JSON or CSV text.
 *  Rejects a dataset with any error (`validate` says which). */
export function convert(
  dataset: Dataset | string | ArrayBuffer | Uint8Array,
  options?: { to?: "json" | "csv"; name?: string },
): Promise<string>;

export interface IndicatorScore {
  id: string;
  pillar: string | null;
  current_target: Target | null;
  direction: "increasing" | "decreasing" | "two_sided" | null;
  baseline: { period: Period; value: number; explicit: boolean } | null;
  latest: { period: Period; value: number } | null;
  achieved: boolean | null;
  /** Uncapped: value/target (higher is better), target/value (lower is better). */
  attainment: number | null;
  /** In [0, 1], used for aggregation. */
  capped_attainment: number | null;
  /** Still to go to the target figure, in the indicator's unit. */
  gap: number | null;
  status: Status;
  /** Open SDG progress ratio R. */
  progress_ratio: number | null;
  rate_method: "cagr" | "linear" | null;
  /** The value on the straight line from baseline to target at the evaluation date. */
  expected_now: number | null;
}

export interface PillarScore {
  id: string | null;
  declared: boolean;
  weight: number;
  total: number;
  with_data: number;
  scored: number;
  coverage: number | null;
  score: number | null;
  /** The score rests on less than `config.min_coverage` of the pillar's indicators
   *  (`scored / total`): computed, but not to be shown. */
  withheld: boolean;
  points: number | null;
  max_points: number;
  statuses: Record<Status, number>;
  indicators: string[];
}

export interface DatasetScore {
  as_of: string;
  config: { on_track: number; needs_acceleration: number; approx_tolerance: number; epsilon: number; min_coverage: number };
  overall: {
    total: number;
    with_data: number;
    /** Indicators with a current target and a result: what `score` rests on. */
    scored: number;
    coverage: number | null;
    score: number | null;
    /** `scored / total` is below `config.min_coverage`: not to be shown. */
    withheld: boolean;
    points: number | null;
    max_points: number | null;
    max_points_scored: number | null;
    pillars_scored: number;
  };
  pillars: PillarScore[];
  statuses: Record<Status, number>;
  indicators: IndicatorScore[];
}

/** Scores a dataset at `asOf` (default: its own `as_of`, else today). */
export function score(dataset: Dataset | string, options?: { asOf?: string }): Promise<DatasetScore>;

export const version: string;
