/**
 * The board report (SPEC section 6) as data, then laid out as the two sheets the product owns:
 * "Board Report" and "By Lead". Pure: the checked workbook and the history records in, the report
 * out; the adapters write the sheets (Office.js in Excel, ExcelJS to a file).
 *
 * Direction of travel compares an action's status now with its status at the previous report of
 * its sheet: the latest history record date before the sheet's as-of date. Statuses are ranked
 * Red (worst) < Amber < Not reported < Green < Blue (best). Not reported sits below Green (the
 * board has no assurance that the action is on track) and above Amber (no risk is known yet), so
 * Green -> Not reported is "worse", Not reported -> Amber or Red is "worse" (a deadline came near or
 * passed with nothing reported), and Not reported -> Green is "improved". An action with no
 * record at the previous report is "new".
 */
import { countByRag, type WorkbookCheck } from "./check";
import { refCellOf } from "./grid";
import { daysBetween, type IsoDate } from "./dates";
import type { OwnedSheet } from "./edits";
import { pushTo } from "./group";
import { trackingRef, type HistoryRecord } from "./history";
import type { AssessedAction, Issue, Progress, Rag, Settings, SheetAssessment, StatusWord } from "./model";
import { ownedSheetName, OWNED_NAMES, type OwnedPurpose } from "./owned";
import { countsInWords } from "./refresh";
import { RAG_ORDER } from "./rag";
import { layoutBoardReport, layoutByLead } from "./report-sheets";
import type { DeadlineKind } from "./timescale";

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
  timescale: string;
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
  /** The lead as first written in the plan ("" where no lead is named). */
  lead: string;
  /** The grouping key: trimmed, case-insensitive, trailing punctuation stripped. */
  key: string;
  /** Its actions, Red first then by deadline. */
  actions: ReportAction[];
  tally: StatusTally;
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
  /** Actions not complete whose deadline falls in the UPCOMING_DAYS after their as-of date, soonest first. */
  upcoming: ReportAction[];
  /** Actions where the officer's own status word names another colour than the computed status. */
  disagreements: ReportAction[];
  /** Errors, then warnings. */
  issues: ReportIssue[];
  /** Each lead responsibility, alphabetically (no lead named last). */
  leads: LeadSummary[];
}

// ---- tallies ----------------------------------------------------------------------------------

function zeroCounts(): Record<Rag, number> {
  return countByRag([]);
}

function tallyOf(now: ReadonlyArray<Rag>, previous: ReadonlyArray<Rag> | null): StatusTally {
  const counts = countByRag(now.map((rag) => ({ rag })));
  const total = now.length;
  const shares = zeroCounts();
  for (const r of RAG_ORDER) shares[r] = total === 0 ? 0 : counts[r] / total;
  if (previous === null) return { total, counts, shares, previous: null, previousTotal: null, change: null };
  const before = countByRag(previous.map((rag) => ({ rag })));
  const change = zeroCounts();
  for (const r of RAG_ORDER) change[r] = counts[r] - before[r];
  return { total, counts, shares, previous: before, previousTotal: previous.length, change };
}

/** The sum of tallies (a previous count only where some tally has one; the others count as none then). */
function sumTallies(tallies: ReadonlyArray<StatusTally>): StatusTally {
  const now: Rag[] = [];
  const before: Rag[] = [];
  let anyPrevious = false;
  for (const t of tallies) {
    for (const r of RAG_ORDER) for (let i = 0; i < t.counts[r]; i++) now.push(r);
    if (t.previous) {
      anyPrevious = true;
      for (const r of RAG_ORDER) for (let i = 0; i < t.previous[r]; i++) before.push(r);
    }
  }
  return tallyOf(now, anyPrevious ? before : null);
}

// ---- history ------------------------------------------------------------------------------------

/** A sheet's previous report: its date and its records by tracking ref. */
interface PreviousReport {
  asOf: IsoDate;
  byRef: Map<string, Rag>;
}

/** The latest report of a sheet before its as-of date, from the history. */
function previousReportOf(records: ReadonlyArray<HistoryRecord>, sheet: string, asOf: IsoDate): PreviousReport | null {
  let date: IsoDate | null = null;
  for (const r of records) if (r.sheet === sheet && r.asOf < asOf && (date === null || r.asOf > date)) date = r.asOf;
  if (date === null) return null;
  const byRef = new Map<string, Rag>();
  for (const r of records) if (r.sheet === sheet && r.asOf === date) byRef.set(r.ref, r.rag);
  return { asOf: date, byRef };
}

const TRAVEL_RANK: Readonly<Record<Rag, number>> = { red: 0, amber: 1, "not-reported": 2, green: 3, blue: 4 };

/** How a status moved from the previous one. */
function directionOf(now: Rag, before: Rag | null): Direction {
  if (before === null) return "new";
  if (now === before) return "same";
  return TRAVEL_RANK[now] > TRAVEL_RANK[before] ? "improved" : "worse";
}

// ---- actions ------------------------------------------------------------------------------------

function reportAction(s: SheetAssessment, a: AssessedAction, previous: PreviousReport | null): ReportAction {
  const key = trackingRef(a);
  const previousStatus = previous?.byRef.get(key) ?? null;
  const comments = a.action.comments;
  return {
    sheet: s.sheet.name,
    theme: s.sheet.theme,
    ref: a.action.ref,
    trackingRef: key,
    cell: refCellOf(a.action),
    objective: a.action.objective?.ref ?? null,
    action: a.action.action.text,
    lead: a.action.lead.text,
    timescale: a.action.timescale.text,
    deadline: a.deadline.deadline,
    deadlineKind: a.deadline.kind,
    daysLeft: a.deadline.deadline === null ? null : daysBetween(s.asOf, a.deadline.deadline),
    progress: a.progress,
    status: a.rag,
    previousStatus,
    direction: directionOf(a.rag, previousStatus),
    reason: a.reason,
    latestComment: comments.length > 0 ? comments[comments.length - 1].text : "",
    officerWord: a.officerWord,
    disagrees: a.disagrees,
  };
}

/** Worst status first, then earliest deadline (none last), then plan order (the sort is stable). */
function bySeverityThenDeadline(a: ReportAction, b: ReportAction): number {
  const rank = RAG_ORDER.indexOf(a.status) - RAG_ORDER.indexOf(b.status);
  if (rank !== 0) return rank;
  return compareDeadlines(a.deadline, b.deadline);
}

function compareDeadlines(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function exceptionsOf(actions: ReadonlyArray<ReportAction>): ReportAction[] {
  return actions.filter((a) => a.status === "red" || a.status === "amber").sort(bySeverityThenDeadline);
}

function changesOf(actions: ReadonlyArray<ReportAction>): ReportAction[] {
  const worse = actions.filter((a) => a.direction === "worse");
  const improved = actions.filter((a) => a.direction === "improved");
  return [...worse, ...improved];
}

function upcomingOf(actions: ReadonlyArray<ReportAction>, days: number): ReportAction[] {
  return actions
    .filter((a) => a.daysLeft !== null && a.daysLeft >= 0 && a.daysLeft <= days && a.progress !== "complete")
    .sort((a, b) => compareDeadlines(a.deadline, b.deadline));
}

// ---- groups -------------------------------------------------------------------------------------

function themeOf(
  s: SheetAssessment,
  actions: ReadonlyArray<ReportAction>,
  previous: PreviousReport | null
): ThemeSummary {
  const before = previous ? [...previous.byRef.values()] : null;
  return {
    sheet: s.sheet.name,
    theme: s.sheet.theme,
    asOf: s.asOf,
    previousAsOf: previous?.asOf ?? null,
    tally: tallyOf(
      actions.map((a) => a.status),
      before
    ),
  };
}

/** The objective a history record belongs to: its action's now, else the longest objective ref its ref extends. */
function objectiveOfRecord(
  ref: string,
  current: Map<string, string | null>,
  objectiveRefs: ReadonlyArray<string>
): string | null | undefined {
  if (current.has(ref)) return current.get(ref);
  const parents = objectiveRefs.filter((o) => ref.startsWith(`${o}.`)).sort((a, b) => b.length - a.length);
  return parents.length > 0 ? parents[0] : undefined;
}

function objectivesOf(
  s: SheetAssessment,
  actions: ReadonlyArray<ReportAction>,
  previous: PreviousReport | null
): ObjectiveSummary[] {
  const keys = [...new Set(actions.map((a) => a.objective))];
  const current = new Map(actions.map((a) => [a.trackingRef, a.objective]));
  const objectiveRefs = keys.filter((k): k is string => k !== null);
  return keys.map((key) => {
    const objective = s.sheet.objectives.find((o) => o.ref === key && key !== null) ?? null;
    const now = actions.filter((a) => a.objective === key).map((a) => a.status);
    const before = previous
      ? [...previous.byRef]
          .filter(([ref]) => objectiveOfRecord(ref, current, objectiveRefs) === key)
          .map(([, rag]) => rag)
      : null;
    return {
      sheet: s.sheet.name,
      theme: s.sheet.theme,
      ref: key,
      label: objective ? objective.label : key === null ? "No objective" : `Objective ${key}`,
      text: objective ? objective.text : "",
      tally: tallyOf(now, before),
    };
  });
}

/** The key a lead is grouped by: trimmed, spaces made single, case-insensitive, trailing punctuation stripped. */
function leadKey(lead: string): string {
  return lead
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.,;:!?\-–]+$/, "")
    .toLowerCase();
}

function leadsOf(actions: ReadonlyArray<ReportAction>): LeadSummary[] {
  const groups = new Map<string, ReportAction[]>();
  for (const a of actions) {
    pushTo(groups, leadKey(a.lead), a);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)));
  return keys.map((key) => {
    const list = groups.get(key) as ReportAction[];
    const withPrevious = list.some((a) => a.previousStatus !== null);
    const before = withPrevious ? list.flatMap((a) => (a.previousStatus ? [a.previousStatus] : [])) : null;
    return {
      lead: list[0].lead.replace(/\s+/g, " ").trim(),
      key,
      actions: [...list].sort(bySeverityThenDeadline),
      tally: tallyOf(
        list.map((a) => a.status),
        before
      ),
    };
  });
}

function issuesOf(check: WorkbookCheck): ReportIssue[] {
  const all = check.sheets.flatMap((s) => s.issues);
  const pick = (severity: "error" | "warning") =>
    all
      .filter((i: Issue) => i.severity === severity)
      .map((i) => ({ sheet: i.sheet, cell: i.cell, severity, code: i.code, message: i.message, hint: i.hint }));
  return [...pick("error"), ...pick("warning")];
}

/** The title of the first plan sheet that has one (a sheet without actions is notes, not the plan). */
function titleOf(sheets: ReadonlyArray<SheetAssessment>): string {
  const withTitle = sheets.find((s) => s.sheet.title.trim() !== "" && s.sheet.actions.length > 0);
  return withTitle ? withTitle.sheet.title.replace(/\s+/g, " ").trim() : "Action plan";
}

function statusesShown(settings: Settings, tallies: ReadonlyArray<StatusTally>): Rag[] {
  const anyBlue = tallies.some((t) => t.counts.blue > 0 || (t.previous?.blue ?? 0) > 0);
  return RAG_ORDER.filter((r) => r !== "blue" || settings.brag || anyBlue);
}

// ---- the report ---------------------------------------------------------------------------------

/** The board report as data. */
export function buildReportData(input: ReportInput): ReportData {
  const { check, records, settings, today } = input;
  const planSheets = check.sheets.filter((s) => s.actions.length > 0);
  const previousBySheet = new Map(
    planSheets.map((s) => [s.sheet.name, previousReportOf(records, s.sheet.name, s.asOf)])
  );
  const actionsBySheet = planSheets.map((s) =>
    s.actions.map((a) => reportAction(s, a, previousBySheet.get(s.sheet.name) ?? null))
  );
  const actions = actionsBySheet.flat();
  const themes = planSheets.map((s, i) => themeOf(s, actionsBySheet[i], previousBySheet.get(s.sheet.name) ?? null));
  const objectives = planSheets.flatMap((s, i) =>
    objectivesOf(s, actionsBySheet[i], previousBySheet.get(s.sheet.name) ?? null)
  );
  const overall = sumTallies(themes.map((t) => t.tally));
  return {
    title: titleOf(check.sheets),
    today,
    asOfDates: [...new Set(planSheets.map((s) => s.asOf))].sort(),
    sources: check.sheets.map((s) => ({
      sheet: s.sheet.name,
      theme: s.sheet.theme,
      reportDate: s.sheet.reportDate,
      asOf: s.asOf,
      previousAsOf: previousBySheet.get(s.sheet.name)?.asOf ?? null,
      actions: s.actions.length,
    })),
    statuses: statusesShown(settings, [overall]),
    amberWindowDays: settings.amberWindowDays,
    upcomingDays: UPCOMING_DAYS,
    hasPrevious: themes.some((t) => t.previousAsOf !== null),
    overall,
    themes,
    objectives,
    actions,
    exceptions: exceptionsOf(actions),
    changes: changesOf(actions),
    upcoming: upcomingOf(actions, UPCOMING_DAYS),
    disagreements: actions.filter((a) => a.disagrees),
    issues: issuesOf(check),
    leads: leadsOf(actions),
  };
}

/** A sentence for each owned sheet that could not take its usual name. */
function renamedSentences(names: ReadonlyArray<[OwnedPurpose, string]>): string {
  return names
    .filter(([purpose, name]) => name !== OWNED_NAMES[purpose])
    .map(
      ([purpose, name]) =>
        ` A sheet of yours is already called "${OWNED_NAMES[purpose]}" (it was left as it is), so this part of the report is on "${name}".`
    )
    .join("");
}

/** The board report: its data and the two owned sheets laid out, with a sentence saying what was built. */
export function planBoardReport(input: ReportInput): BoardReport {
  const data = buildReportData(input);
  const boardName = ownedSheetName("board-report", input.sheets);
  const leadName = ownedSheetName("by-lead", input.sheets);
  const owned = [layoutBoardReport(data, boardName), layoutByLead(data, leadName)];
  const n = data.overall.total;
  const counts =
    n > 0
      ? `: ${n} action${n === 1 ? "" : "s"}, ${countsInWords(data.overall.counts)}`
      : ": no actions were found on the plan sheets";
  const summary = `Board report built on "${boardName}" and "${leadName}"${counts}.${renamedSentences([
    ["board-report", boardName],
    ["by-lead", leadName],
  ])}`;
  return { data, owned, summary };
}
