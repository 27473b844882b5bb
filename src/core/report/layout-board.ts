/** The "Board Report" sheet laid out (see layout-common.ts for the conventions). */
import { RAG_WORDS } from "../assess";
import { formatDay, type IsoDate } from "../dates";
import { STATUS_STYLES, type ChartSpec, type OwnedSheet } from "../edits";
import type { Area } from "../grid";
import type { Rag } from "../model";
import type { ReportAction, ReportData, ReportIssue, StatusTally } from "./types";
import { CHART_NOTE, DIRECTION_WORDS, Draft, addRow, cell, change, columnHeader, day, deadlineCell, heading, markStatus, newDraft, note, num, pct, previousCell, put, putStatus, titleRows, toSheet, type Row } from "./layout-common";

// ---- Board Report -------------------------------------------------------------------------------

/** Board Report columns: the exceptions table's, which the other tables share. */
const C = {
  theme: 0,
  ref: 1,
  action: 2,
  status: 3,
  previous: 4,
  deadline: 5,
  timescale: 6,
  lead: 7,
  reason: 8,
  comment: 9,
} as const;
/** About 163 characters: one A4 landscape page wide. */
const BOARD_WIDTHS = [14, 9, 30, 12, 12, 12, 13, 18, 22, 28];
/** Rows the chart takes in Excel. */
const CHART_ROWS = 16;

function legend(d: Draft, data: ReportData, brag: boolean): void {
  const w = data.amberWindowDays;
  note(
    d,
    `Red: deadline passed and not complete, or progress stalled with the deadline within ${w} days. Amber: progress slow or stalled, or no progress reported with the deadline within ${w} days.`
  );
  note(
    d,
    `Green: on track${brag ? "" : " or complete"}.${brag ? " Blue: complete." : ""} Not reported: no progress reported and no deadline within ${w} days. Each action's reason is given below.`
  );
}

function sources(d: Draft, data: ReportData): void {
  heading(d, "Sources");
  columnHeader(d, ["Theme", "Actions", "Sheet", "Report date", "As of", "Previous report"]);
  for (const s of data.sources) {
    addRow(d, [
      cell(s.theme, "label"),
      num(s.actions),
      cell(s.sheet),
      s.reportDate ? day(s.reportDate) : cell("None"),
      day(s.asOf),
      s.previousAsOf ? day(s.previousAsOf) : cell("None"),
    ]);
  }
}

/**
 * The rows of a group: counts, shares and, once the history has a previous report, the change
 * since then. The label runs down beside them. Returns the group's first and last rows.
 */
function tallyRows(
  d: Draft,
  label: string,
  description: string,
  tally: StatusTally,
  since: string | null,
  statuses: ReadonlyArray<Rag>
): [number, number] {
  const first = C.status;
  const totalCol = first + statuses.length;
  const top = addRow(d, [cell(label, "label"), cell("Actions"), cell(description)]);
  statuses.forEach((r, i) => put(d, top, first + i, num(tally.counts[r])));
  put(d, top, totalCol, num(tally.total));
  const shares = addRow(d, [null, cell("Share"), cell("")]);
  statuses.forEach((r, i) => put(d, shares, first + i, pct(tally.shares[r])));
  put(d, shares, totalCol, pct(tally.total > 0 ? 1 : 0));
  let bottom = shares;
  if (since !== null) {
    bottom = addRow(d, [null, cell("Change"), cell(tally.change ? since : "No previous report")]);
    statuses.forEach((r, i) => put(d, bottom, first + i, tally.change ? change(tally.change[r]) : cell("")));
    put(
      d,
      bottom,
      totalCol,
      tally.change && tally.previousTotal !== null ? change(tally.total - tally.previousTotal) : cell("")
    );
  }
  d.merges.push({ top, left: C.theme, bottom, right: C.theme });
  return [top, bottom];
}

/** "Since 13 May 2009" for the change row, or null where the history has no previous report at all. */
function sinceText(data: ReportData, previousAsOf: IsoDate | null): string | null {
  if (!data.hasPrevious) return null;
  return previousAsOf ? `Since ${formatDay(previousAsOf)}` : "Since the previous reports";
}

function statusHeader(d: Draft, first: string, third: string, statuses: ReadonlyArray<Rag>): void {
  const row = columnHeader(d, [first, "Measure", third, ...statuses.map((r) => RAG_WORDS[r]), "Total"]);
  markStatus(
    d,
    row,
    statuses.map((_, i) => C.status + i)
  );
}

function headline(d: Draft, data: ReportData): void {
  heading(d, "Headline: actions by status, overall and by theme");
  if (!data.hasPrevious)
    note(
      d,
      "No previous report in the workbook's history yet: the change since the previous report shows from the next report on."
    );
  statusHeader(d, "Theme", "", data.statuses);
  const dates = data.asOfDates.map(formatDay).join(" and ");
  tallyRows(d, "All themes", `As of ${dates}`, data.overall, sinceText(data, null), data.statuses);
  for (const t of data.themes)
    tallyRows(d, t.theme, `As of ${formatDay(t.asOf)}`, t.tally, sinceText(data, t.previousAsOf), data.statuses);
}

function byObjective(d: Draft, data: ReportData): void {
  heading(d, "By objective");
  statusHeader(d, "Objective", "Objective text", data.statuses);
  for (const o of data.objectives) {
    const previousAsOf = data.themes.find((t) => t.sheet === o.sheet)?.previousAsOf ?? null;
    const [top, bottom] = tallyRows(
      d,
      `${o.label} (${o.theme})`,
      "",
      o.tally,
      sinceText(data, previousAsOf),
      data.statuses
    );
    // The objective's text runs down beside the group's rows (the row heights are set to hold it).
    for (let r = top; r <= bottom; r++) put(d, r, C.action, r === top ? cell(o.text) : null);
    d.merges.push({ top, left: C.action, bottom, right: C.action });
  }
}

/** The chart's data block (themes as rows, statuses as columns) and the chart beside it. */
function chartArea(d: Draft, data: ReportData): ChartSpec | undefined {
  heading(d, "Status by theme");
  if (data.themes.length === 0) {
    note(d, "No plan sheet with actions, so no chart.");
    return undefined;
  }
  const first = C.action;
  const top = addRow(d, []);
  put(d, top, first, cell("Theme", "column-header"));
  data.statuses.forEach((r, i) => put(d, top, first + 1 + i, cell(RAG_WORDS[r], "column-header")));
  markStatus(
    d,
    top,
    data.statuses.map((_, i) => first + 1 + i)
  );
  for (const t of data.themes) {
    const row = addRow(d, [null, null, cell(t.theme, "label")]);
    data.statuses.forEach((r, i) => put(d, row, first + 1 + i, num(t.tally.counts[r])));
  }
  const anchor: Area = { top, left: C.lead, bottom: top + CHART_ROWS - 1, right: C.comment };
  while (d.rows.length <= anchor.bottom) addRow(d);
  put(d, anchor.top, anchor.left, cell(CHART_NOTE, "note"));
  return {
    title: "Actions by status and theme",
    data: { top, left: first, bottom: top + data.themes.length, right: first + data.statuses.length },
    anchor,
    type: "stacked-bar",
    colors: data.statuses.map((r) => STATUS_STYLES.find((s) => s.rag === r)?.fill ?? "808080"),
  };
}

const ACTION_TITLES = ["Theme", "Ref", "Action"];

/** One action's row: theme, ref, action, then the columns from Status on as given. */
function actionRow(d: Draft, a: ReportAction, rest: Row): number {
  return addRow(d, [cell(a.theme), cell(a.ref ?? a.trackingRef), cell(a.action), ...rest]);
}

/**
 * A table of actions: Theme | Ref | Action | Status | <second> | Deadline | Timescale | Lead |
 * Reason | Latest progress comment, the second column filled by the section.
 */
function actionTable(d: Draft, list: ReadonlyArray<ReportAction>, second: string, fillSecond: (row: number, a: ReportAction) => void): void {
  columnHeader(d, [...ACTION_TITLES, "Status", second, "Deadline", "Timescale", "Lead responsibility", "Reason", "Latest progress comment"]);
  for (const a of list) {
    const row = actionRow(d, a, [null, null, deadlineCell(a), cell(a.timescale), cell(a.lead), cell(a.reason), cell(a.latestComment)]);
    putStatus(d, row, C.status, a.status);
    fillSecond(row, a);
  }
}


function exceptions(d: Draft, data: ReportData, withPrevious: ReadonlySet<string>): void {
  const list = data.exceptions;
  heading(d, `Exceptions: Red and Amber actions (${list.length})`);
  if (list.length === 0) return note(d, "No action is Red or Amber.");
  note(d, "Red first, then by deadline (actions with no deadline last).");
  actionTable(d, list, "Previous status", (row, a) => previousCell(d, row, C.previous, a, withPrevious));
}

function changes(d: Draft, data: ReportData): void {
  const list = data.changes;
  heading(d, `Status changes since the previous report (${list.length})`);
  if (!data.hasPrevious)
    return note(d, "No previous report in the workbook's history yet: changes are shown from the next report on.");
  if (list.length === 0) return note(d, "No action changed status since the previous report.");
  note(d, "Worse first, then improved. Statuses rank Red, Amber, Not reported, Green, Blue (best).");
  columnHeader(d, [
    ...ACTION_TITLES,
    "Status",
    "Previous status",
    "Direction",
    "Deadline",
    "Lead responsibility",
    "Reason",
    "Latest progress comment",
  ]);
  for (const a of list) {
    const row = actionRow(d, a, [
      null,
      null,
      cell(DIRECTION_WORDS[a.direction]),
      deadlineCell(a),
      cell(a.lead),
      cell(a.reason),
      cell(a.latestComment),
    ]);
    putStatus(d, row, C.status, a.status);
    if (a.previousStatus) putStatus(d, row, C.previous, a.previousStatus);
  }
}

function upcoming(d: Draft, data: ReportData): void {
  const list = data.upcoming;
  heading(d, `Deadlines in the next ${data.upcomingDays} days (${list.length})`);
  if (list.length === 0)
    return note(
      d,
      `No action that is not complete has a deadline in the ${data.upcomingDays} days after its as-of date.`
    );
  note(
    d,
    `Actions not complete whose deadline falls in the ${data.upcomingDays} days after the as-of date, soonest first.`
  );
  actionTable(d, list, "Days left", (row, a) => put(d, row, C.previous, num(a.daysLeft ?? 0)));
}

function disagreements(d: Draft, data: ReportData): void {
  const list = data.disagreements;
  heading(d, `Officer's status disagrees with the computed status (${list.length})`);
  if (list.length === 0) return note(d, "Where officers wrote a status word, it agrees with the computed status.");
  note(d, "The officer's own word (before the ref or in the latest comment) names another colour than the rules give.");
  actionTable(d, list, "Officer's word", (row, a) => {
    if (a.officerWord) putStatus(d, row, C.previous, a.officerWord);
  });
}

/** Issues of one sheet with the same code and severity, in the order first found. */
function groupIssues(list: ReadonlyArray<ReportIssue>): ReportIssue[][] {
  const groups = new Map<string, ReportIssue[]>();
  for (const i of list) {
    const key = `${i.sheet}\u0000${i.code}\u0000${i.severity}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return [...groups.values()];
}

/** Issues that repeat (three or more alike on a sheet) take one row, naming every cell. */
const GROUP_FROM = 3;

function dataQuality(d: Draft, data: ReportData): void {
  const list = data.issues;
  heading(d, `Data quality issues (${list.length})`);
  if (list.length === 0) return note(d, "No errors or warnings: every action has what the report needs.");
  note(
    d,
    `Errors first, then warnings. Where ${GROUP_FROM} or more alike stand on one sheet they share a row listing their cells.`
  );
  const header = columnHeader(d, ["Sheet", "Cell", "Problem", "Severity", "What to do"]);
  d.merges.push({ top: header, left: C.previous, bottom: header, right: C.comment });
  for (const group of groupIssues(list)) {
    const rows = group.length >= GROUP_FROM ? [group] : group.map((i) => [i]);
    for (const g of rows) {
      const [i] = g;
      const where = (x: ReportIssue) => (x.cell === "" ? "Whole sheet" : x.cell);
      const more = g.length > 1 ? ` (and ${g.length - 1} more like it)` : "";
      const cells = g.length > 1 ? ` Cells: ${g.map(where).join(", ")}.` : "";
      const row = addRow(d, [
        cell(i.sheet),
        cell(g.length > 1 ? `${g.length} cells` : where(i)),
        cell(`${i.message}${more}`),
        cell(i.severity === "error" ? "Error" : "Warning"),
        cell(`${i.hint}${cells}`),
      ]);
      // "What to do" spans E:J (about 100 characters a line); the row's height is set from it.
      d.merges.push({ top: row, left: C.previous, bottom: row, right: C.comment });
    }
  }
}

/** The Board Report sheet, in reading order. */
export function layoutBoardReport(data: ReportData, name: string): OwnedSheet {
  const d = newDraft();
  const brag = data.statuses.includes("blue");
  titleRows(d, "board-report", `Board report: ${data.title}`, data);
  legend(d, data, brag);
  sources(d, data);
  headline(d, data);
  byObjective(d, data);
  const chart = chartArea(d, data);
  const withPrevious = new Set(data.themes.filter((t) => t.previousAsOf !== null).map((t) => t.sheet));
  exceptions(d, data, withPrevious);
  changes(d, data);
  upcoming(d, data);
  disagreements(d, data);
  dataQuality(d, data);
  return toSheet(d, "board-report", name, BOARD_WIDTHS, chart);
}
