// The data cinplan's JavaScript API takes and returns.
// Generated from the Rust types by crates/cinplan-wasm/src/typescript.rs: do not edit;
// run `CINPLAN_UPDATE_TYPES=1 cargo test -p cinplan-wasm typescript` after changing them.
// Positions (`start`, `end`, ranges) count UTF-16 code units, like JavaScript strings.

/**
 * One row of the plan table.
 */
export interface Action {
  action?: string;
  by_whom?: string;
  by_when?: string;
  outcome?: string;
  progress?: string;
  /**
   * Review rating of progress, filled in before a review.
   */
  progress_rating?: ProgressRating | null;
}

/**
 * How safely a suggestion can be applied.
 */
export type Applicability = "safe" | "has-placeholders" | "display-only";

/**
 * What `applySuggestion` returns. Positions are UTF-16 code units of the new `text`.
 */
export interface Applied {
  /**
   * The field's text with the suggestion applied.
   */
  text: string;
  /**
   * Where the replacement now stands, end exclusive.
   */
  start: number;
  end: number;
  /**
   * The `[placeholders]` the user still has to fill in, in the new text.
   */
  placeholders: Range_of_uint[];
}

/**
 * Everything a check found.
 */
export interface CheckReport {
  /**
   * Sorted by pointer, then position, then rule.
   */
  findings: Finding[];
  /**
   * Findings the plan's suppressions silenced, kept so they stay countable.
   */
  ignored: Finding[];
  /**
   * Which SMART letters each row and the plan meet, counts and a score.
   */
  summary?: SmartSummary;
}

export interface Child {
  name?: string;
  date_of_birth?: string | null;
}

/**
 * The plan's key dates as a host form holds them (`2026-12-28` or `28/12/2026`). Each
 * may be missing or empty; a date that cannot be read is left out rather than guessed.
 * The plan format's snake_case names are accepted too.
 */
export interface ContextDates {
  assessmentCompleted?: string | null;
  allocated?: string | null;
  planningMeeting?: string | null;
  planCirculated?: string | null;
  firstReview?: string | null;
}

/**
 * The other cells of the row a field sits in, as the host form holds them.
 */
export interface ContextRow {
  need?: string | null;
  action?: string | null;
  by_whom?: string | null;
  by_when?: string | null;
  outcome?: string | null;
  progress?: string | null;
}

export interface Event {
  date: string;
  kind: EventKind;
  /**
   * A short title for a person: "Plan copy to the family due".
   */
  title: string;
  /**
   * The rule id or the JSON Pointer of the field the event comes from.
   */
  source: string;
  state: EventState;
}

/**
 * What an event is. Stable ids: tools and tests depend on them.
 */
export type EventKind = "planning-meeting-due" | "assessment-shared-due" | "plan-copy-due" | "first-visit-due" | "visit-due" | "visit-record-due" | "review-due" | "notes-due" | "safety-plan-due" | "trajectory-target" | "trajectory-limit" | "assessment-update-due" | "action-due" | "action-session" | "core-group-due" | "review-conference-due" | "action-start";

/**
 * Where an event stands on `today`.
 */
export type EventState = "done" | "due" | "due-soon" | "overdue";

/**
 * A field a plan has, as `fields()` lists them.
 */
export interface FieldInfo {
  /**
   * The name `data-cinplan-field` and `checkField` take.
   */
  id: string;
  /**
   * The column heading a practitioner knows.
   */
  label: string;
  /**
   * Whether the field holds a timescale ("by when", "visiting", "review frequency").
   */
  timescale: boolean;
}

/**
 * Options of `checkField`.
 */
export interface FieldOptions {
  /**
   * The field's name: `need`, `action`, `by_whom`, `by_when`, `outcome`, `progress`,
   * `visiting`, `review_frequency`, `contingency`, `views_child`, …
   */
  field: string;
  /**
   * The plan the field belongs to, for checks that need its dates or people.
   */
  plan?: PlanInput | null;
  /**
   * A built-in profile's name (default `default`) or a profile object.
   */
  profile?: ProfileInput | null;
  /**
   * Today's date, `YYYY-MM-DD`; the browser's local date when absent.
   */
  today?: string | null;
  /**
   * Context read from the host form.
   */
  context?: HostContext | null;
  /**
   * The field's row in the plan's table; implied (row 0 of need 0) when a row context
   * is given.
   */
  location?: RowLocation | null;
}

/**
 * A finding as published (plan-format.md): ranges in UTF-16 code units.
 */
export interface Finding {
  rule: string;
  severity: Severity;
  smart: Smart[];
  /**
   * JSON Pointer of the field, `""` for the plan as a whole.
   */
  pointer: string;
  start?: number | null;
  end?: number | null;
  message: string;
  suggestions?: Suggestion[];
}

/**
 * A finding named by its rule and where it points.
 */
export interface FindingRef {
  rule: string;
  pointer: string;
  severity: Severity;
}

/**
 * The findings from index `at` of the previous list: `remove` of them replaced by
 * `insert` (JavaScript's `list.splice(at, remove, ...insert)`).
 */
export interface FindingSplice {
  at: number;
  remove: number;
  insert: Finding[];
}

/**
 * What a host form says around a field: the child's name, the plan's dates and region,
 * and the rest of the field's row. Given values override the plan's.
 */
export interface HostContext {
  childName?: string | null;
  /**
   * `england-and-wales`, `scotland` or `northern-ireland`.
   */
  region?: string | null;
  dates?: ContextDates | null;
  row?: ContextRow | null;
}

/**
 * One ignored occurrence. It is keyed by the rule, the field's name (the last segment of
 * its pointer, e.g. `by_when`) and the exact flagged text, not by position, so that it
 * survives edits elsewhere in the plan and rows being reordered.
 */
export interface IgnoredFinding {
  rule: string;
  /**
   * The JSON Pointer of the field when it was ignored (informative; matching uses
   * `field` and `text`).
   */
  pointer?: string;
  /**
   * The field's name, e.g. `by_when`, or `""` for a plan-level finding.
   */
  field?: string;
  /**
   * The flagged text, exactly.
   */
  text?: string;
  reason?: string;
}

/**
 * One letter of SMART for one row, the plan's sections or the whole plan.
 */
export interface LetterStatus {
  letter: Smart;
  /**
   * No error and no warning about this letter.
   */
  met: boolean;
  /**
   * The errors and warnings about this letter, in output order.
   */
  because: FindingRef[];
}

/**
 * One need (or risk) of the child and the actions that answer it.
 */
export interface Need {
  need?: string;
  actions?: Action[];
}

/**
 * One child's plan.
 */
export interface Plan {
  /**
   * Always `cinplan/1` for this version.
   */
  format: string;
  kind?: PlanKind;
  region?: Region;
  /**
   * The name of the local practice standards to check against; `default` follows the
   * guidance.
   */
  profile?: string;
  child?: Child;
  lead_professional?: Professional | null;
  dates?: PlanDates;
  visiting?: string;
  review_frequency?: string;
  contingency?: string;
  views?: Views;
  needs?: Need[];
  visits?: Visit[];
  reviews?: Review[];
  /**
   * Earlier versions of this plan, oldest first, each kept read-only when a review
   * carries the plan forward (guidance 000, "The review process": "View last and grab
   * Plan"). Each keeps its own needs, actions, progress and reviews.
   */
  previous_versions?: Plan[];
  /**
   * What the user chose to silence in this plan (see `Suppressions`).
   */
  suppressions?: Suppressions;
}

/**
 * What an edit changed in a `PlanSession`'s report. Applied to the previous report it
 * gives the new one:
 * `report.findings.splice(c.findings.at, c.findings.remove, ...c.findings.insert)`, the
 * same for `ignored` and `summary.rows`, and the other keys of `c.summary` assigned to
 * `report.summary`.
 */
export interface PlanChange {
  findings: FindingSplice;
  ignored: FindingSplice;
  summary: SummaryChange;
}

/**
 * The plan's key dates. Every one may be `null` or absent.
 */
export interface PlanDates {
  assessment_completed?: string | null;
  allocated?: string | null;
  planning_meeting?: string | null;
  plan_circulated?: string | null;
  first_review?: string | null;
}

/**
 * A plan given either as its JSON text or as the parsed object.
 */
export type PlanInput = string | Plan;

/**
 * Child in need (section 17) or child protection (section 47) plan.
 */
export type PlanKind = "child-in-need" | "child-protection";

/**
 * Options of `checkPlan` and `timeline`.
 */
export interface PlanOptions {
  /**
   * A built-in profile's name or a profile object; the plan's own `profile` when absent.
   */
  profile?: ProfileInput | null;
  /**
   * Today's date, `YYYY-MM-DD`; the browser's local date when absent.
   */
  today?: string | null;
}

export interface Professional {
  name?: string;
  role?: Role;
}

/**
 * A profile given by the name of a shipped one, or as a profile object of its own.
 */
export type ProfileInput = string | Record<string, unknown>;

export type ProgressRating = "achieved" | "partly" | "not-yet";

export interface Range_of_uint {
  start: number;
  end: number;
}

/**
 * Whose bank holidays count as non-working days.
 */
export type Region = "england-and-wales" | "scotland" | "northern-ireland";

/**
 * A review meeting that happened.
 */
export interface Review {
  date?: string | null;
  chair?: Professional | null;
  notes?: string;
}

export type Role = "social-worker" | "key-worker" | "senior-practitioner" | "team-manager" | "other" | "sswop";

/**
 * Where a field sits in the plan's table.
 */
export interface RowLocation {
  need?: number;
  action?: number;
}

/**
 * The summary rows from index `at` of the previous list: `remove` of them replaced by
 * `insert` (JavaScript's `list.splice(at, remove, ...insert)`).
 */
export interface RowSplice {
  at: number;
  remove: number;
  insert: RowSummary[];
}

/**
 * The letters of one action row (or of a need that has no action row yet).
 */
export interface RowSummary {
  /**
   * `/needs/0/actions/1`, or `/needs/0` for a need with no action row.
   */
  pointer: string;
  need_index: number;
  action_index?: number | null;
  /**
   * S, M, A, R, T in that order.
   */
  letters: LetterStatus[];
}

/**
 * A rule as `rules()` and `explain()` describe it.
 */
export interface RuleInfo {
  id: string;
  severity: Severity;
  smart: Smart[];
  /**
   * The fields it reads (`need`, `by_when`, …); empty for a rule on the whole plan.
   */
  fields: string[];
  /**
   * The passage of the guidance it follows.
   */
  source: string;
  /**
   * One line: what the rule flags.
   */
  summary: string;
  /**
   * Why it matters.
   */
  why: string;
  /**
   * An example that the rule flags.
   */
  example: string;
  /**
   * What to write instead.
   */
  instead: string;
}

/**
 * How much the guidance objects.
 */
export type Severity = "info" | "warning" | "error";

/**
 * Findings by severity.
 */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/**
 * A letter of SMART.
 */
export type Smart = "S" | "M" | "A" | "R" | "T";

/**
 * Everything the editor shows next to the findings.
 */
export interface SmartSummary {
  rows: RowSummary[];
  /**
   * The plan's own sections: findings not about an action row or a need.
   */
  sections: LetterStatus[];
  /**
   * The whole plan: a letter is met only when it is met everywhere.
   */
  plan: LetterStatus[];
  counts: SeverityCounts;
  /**
   * Findings the plan's suppressions silenced.
   */
  ignored: number;
  /**
   * 0–100: the share of SMART checks met (see the module documentation).
   */
  score: number;
}

/**
 * A proposed rewrite.
 */
export interface Suggestion {
  label: string;
  replacement: string;
  applicability: Applicability;
  target?: SuggestionTarget;
  /**
   * Ranges of the placeholders inside `replacement`, in UTF-16 code units, each
   * including its square brackets, so an editor can select them for typing.
   */
  placeholders?: Range_of_uint[];
}

/**
 * The suggestion to apply: its index in the finding's `suggestions`, or the suggestion.
 */
export type SuggestionChoice = number | Suggestion;

/**
 * What a suggestion replaces.
 */
export type SuggestionTarget = "range" | "field";

/**
 * How the SMART summary changed: its rows as a splice, the sections' and the plan's
 * letters only when they changed, and the counts and score always.
 */
export interface SummaryChange {
  rows: RowSplice;
  /**
   * The plan's own sections' letters, when they changed.
   */
  sections?: LetterStatus[] | null;
  /**
   * The whole plan's letters, when they changed.
   */
  plan?: LetterStatus[] | null;
  counts: SeverityCounts;
  ignored: number;
  score: number;
}

/**
 * Findings the user has chosen to silence in this plan.
 */
export interface Suppressions {
  /**
   * Rules turned off for this whole plan, by id.
   */
  rules_off?: string[];
  /**
   * Single occurrences ignored, each with the user's reason.
   */
  ignored?: IgnoredFinding[];
}

export interface Timeline {
  /**
   * Sorted by date, then kind, then source.
   */
  events: Event[];
}

export interface Views {
  child?: string;
  parents?: string;
  others?: string;
}

/**
 * A visit that happened.
 */
export interface Visit {
  date?: string | null;
  seen_alone?: boolean;
}
