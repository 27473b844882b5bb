/** The board report as data: its types. */
import { type IsoDate } from "../dates";
import { type HistoryRecord, type OwnedPurpose, type OwnedSheet } from "../edits";
import type { DeadlineKind, Progress, Rag, Settings, StatusWord, WorkbookCheck } from "../model";

export interface ReportInput {
  check: WorkbookCheck;
  records: ReadonlyArray<HistoryRecord>;
  sheets: ReadonlyArray<{ name: string; purpose: OwnedPurpose | null }>;
  today: IsoDate;
  settings: Settings;
}

export interface BoardReport {
  data: ReportData;
  owned: OwnedSheet[];
  summary: string;
}

/** How an action's status moved since the previous report (see the ranking above). */
export type Direction = "improved" | "worse" | "same" | "new";

/** Days after the as-of date in which a deadline is listed as coming up. */
export const UPCOMING_DAYS = 90;

/** Counts of a group of actions by status, with shares and the change since the previous report. */
export interface StatusTally {
  total: number;
  counts: Record<Rag, number>;
  /** Each status's share of the total, as a fraction (0 to 1; all 0 when there are no actions). */
  shares: Record<Rag, number>;
  /** The counts at the previous report, or null when there was none. */
  previous: Record<Rag, number> | null;
  previousTotal: number | null;
  /** counts minus previous, or null when there was no previous report. */
  change: Record<Rag, number> | null;
}

/** A worksheet the report read. */
export interface ReportSource {
  sheet: string;
  theme: string;
  /** The sheet's own report-date line, if it has one. */
  reportDate: IsoDate | null;
  /** The date its statuses were computed at. */
  asOf: IsoDate;
  /** The date of the previous report of this sheet in the history, or null. */
  previousAsOf: IsoDate | null;
  actions: number;
}

/** One theme (plan sheet) of the headline table. */
export interface ThemeSummary {
  sheet: string;
  theme: string;
  asOf: IsoDate;
  previousAsOf: IsoDate | null;
  tally: StatusTally;
}

/** One objective of the per-objective table. */
export interface ObjectiveSummary {
  sheet: string;
  theme: string;
  /** "3.1", or null where the objective has no number or the actions stand under none. */
  ref: string | null;
  /** "Objective 3.1", or "No objective". */
  label: string;
  /** The objective's text as written in the plan. */
  text: string;
  tally: StatusTally;
}

/** One action as the report shows it. All plan text is as written. */
export interface ReportAction {
  sheet: string;
  theme: string;
  ref: string | null;
  /** The key the history tracks it by (the ref, or "row N"). */
  trackingRef: string;
  /** The ref cell, "A28". */
  cell: string;
  objective: string | null;
  action: string;
  lead: string;
  /** The lead it is listed under in By Lead (the first of a joint lead, as the group is shown). */
  leadGroup: string;
  /** The other leads of a joint lead, as written ("Nick Hooper, Housing"). */
  coLeads: string[];
  timescale: string;
  /** The timescale text at the previous report where it read otherwise (the deadline moved), else null. */
  previousTimescale: string | null;
  deadline: IsoDate | null;
  deadlineKind: DeadlineKind;
  /** Days from the sheet's as-of date to the deadline (negative when passed), or null. */
  daysLeft: number | null;
  progress: Progress;
  status: Rag;
  previousStatus: Rag | null;
  direction: Direction;
  reason: string;
  /** The latest progress comment's text, or "". */
  latestComment: string;
  officerWord: StatusWord | null;
  disagrees: boolean;
}

/** A data-quality issue (errors and warnings of the check). */
export interface ReportIssue {
  sheet: string;
  cell: string;
  severity: "error" | "warning";
  code: string;
  message: string;
  hint: string;
}

/** One lead responsibility and the actions it leads. */
export interface LeadSummary {
  /** The lead as most often written in the plan ("" where no lead is named). */
  lead: string;
  /** The grouping key (see leads.ts). */
  key: string;
  /** Every way the plan writes this lead, as written (tidied of spacing), first found first. */
  writtenAs: string[];
  /** Its actions, Red first then by deadline. */
  actions: ReportAction[];
  tally: StatusTally;
}

/** The overall counts at one report in the history: each theme at its latest report on or before that date. */
export interface TrendPoint {
  asOf: IsoDate;
  counts: Record<Rag, number>;
  total: number;
  /** The themes that had a report by then. */
  themes: number;
}

/** The board report as data, in the order the Board Report sheet reads. */
export interface ReportData {
  /** The plan title from the sheets, else "Action plan". */
  title: string;
  /** The day the report was built. */
  today: IsoDate;
  /** The distinct as-of dates of the themes, earliest first. */
  asOfDates: IsoDate[];
  sources: ReportSource[];
  /** The statuses the report shows, worst first (Blue only with the BRAG setting or where one is Blue). */
  statuses: Rag[];
  amberWindowDays: number;
  upcomingDays: number;
  /** True when any theme has a previous report in the history. */
  hasPrevious: boolean;
  overall: StatusTally;
  themes: ThemeSummary[];
  objectives: ObjectiveSummary[];
  /** Every action, in plan order. */
  actions: ReportAction[];
  /** Every Red and Amber action: Red first, then by deadline (none last). */
  exceptions: ReportAction[];
  /** Actions whose status moved since the previous report: worse first, then improved. */
  changes: ReportAction[];
  /** Actions whose timescale text changed since the previous report, in plan order. */
  movedDeadlines: ReportAction[];
  /** Actions not complete whose deadline falls in the UPCOMING_DAYS after their as-of date, soonest first. */
  upcoming: ReportAction[];
  /** Actions where the officer's own status word names another colour than the computed status. */
  disagreements: ReportAction[];
  /** Closed actions (withdrawn, superseded), listed apart and not counted in the shares. */
  closed: ReportAction[];
  /** The overall counts at every report date in the history and now, earliest first. */
  trend: TrendPoint[];
  /** Errors, then warnings. */
  issues: ReportIssue[];
  /** Each lead responsibility, alphabetically (no lead named last). */
  leads: LeadSummary[];
}
