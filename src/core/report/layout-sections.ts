/**
 * The Board Report's sections after page 1, in the order README.md gives: exceptions, status
 * changes, deadlines moved, deadlines coming up, disagreements, closed actions, the trend, per
 * objective counts, data quality (grouped by kind), how statuses are worked out, and the sources.
 */
import { plural, pushTo } from "../common";
import { RAG_WORDS } from "../assess";
import { formatDay } from "../dates";
import type { Rag } from "../model";
import { C, actionHeader, actionRow, secondCell } from "./layout-actions";
import { DIRECTION_WORDS, Draft, cell, changeInWords, changeStyle, columnHeader, dataRow, day, days, heading, markStatus, note, num, putStatus, sinceWords, keep, type Row } from "./layout-common";
import type { ReportAction, ReportData, ReportIssue, StatusTally } from "./types";

function exceptions(d: Draft, data: ReportData): void {
  const list = data.exceptions;
  heading(d, `Exceptions: Red and Amber actions (${list.length})`);
  if (list.length === 0) return note(d, "No action is Red or Amber.");
  note(d, data.hasPrevious ? "Red first, then by deadline (actions with no deadline last)." : "Red first, then by deadline (actions with no deadline last). First report: the previous status shows from the next report on; the timescale is given as written.");
  actionHeader(d, data.hasPrevious ? "Previous status" : "Timescale", "Latest progress comment");
  for (const a of list) secondCell(d, actionRow(d, a, null, cell(a.latestComment)), a, data.hasPrevious);
}

/**
 * Opens a section about the change since the previous report: its heading, then either why it has
 * nothing to list (a first report, or no change) and false, or its note and true.
 */
function sinceSection(d: Draft, data: ReportData, title: string, count: number, words: { first: string; none: string; note: string }): boolean {
  heading(d, `${title} (${count})`);
  if (!data.hasPrevious) note(d, `First report: ${words.first} show from the next report on.`);
  else if (count === 0) note(d, words.none);
  else {
    note(d, words.note);
    return true;
  }
  return false;
}

function changes(d: Draft, data: ReportData): void {
  const list = data.changes;
  const words = {
    first: "status changes",
    none: "No action changed status since the previous report.",
    note: "Worse first, then improved. Statuses rank Red, Amber, Not reported, Green, Blue (best).",
  };
  if (!sinceSection(d, data, "Status changes since the previous report", list.length, words)) return;
  actionHeader(d, "Previous status", "Direction", false);
  for (const a of list) {
    const row = actionRow(d, a, null, cell(DIRECTION_WORDS[a.direction], a.direction === "worse" ? "worse" : "better"), false);
    if (a.previousStatus) putStatus(d, row, C.second, a.previousStatus);
  }
}

/** "Moved from Dec 08 to Mar 10". */
export function movedWords(a: ReportAction): string {
  return `Moved from ${a.previousTimescale ?? ""} to ${a.timescale}`;
}

function moved(d: Draft, data: ReportData): void {
  const list = data.movedDeadlines;
  const words = { first: "moved deadlines", none: "No action's timescale changed since the previous report.", note: "The timescale as written at the previous report and now." };
  if (!sinceSection(d, data, "Deadlines moved since the previous report", list.length, words)) return;
  actionHeader(d, "Was", "Moved");
  for (const a of list) actionRow(d, a, cell(a.previousTimescale ?? ""), cell(movedWords(a), "worse"));
}

function upcoming(d: Draft, data: ReportData): void {
  const list = data.upcoming;
  heading(d, `Deadlines in the next ${data.upcomingDays} days (${list.length})`);
  if (list.length === 0) return note(d, `No action that is not complete has a deadline in the ${data.upcomingDays} days after its as-of date.`);
  note(d, `Actions not complete whose deadline falls in the ${data.upcomingDays} days after the as-of date, soonest first.`);
  actionHeader(d, "Days left", "Latest progress comment");
  for (const a of list) actionRow(d, a, days(a.daysLeft ?? 0), cell(a.latestComment));
}

function disagreements(d: Draft, data: ReportData): void {
  const list = data.disagreements;
  heading(d, `Officer's status disagrees with the computed status (${list.length})`);
  if (list.length === 0) return note(d, "Where officers wrote a status word, it agrees with the computed status.");
  note(d, "The officer's own word (before the ref or in the latest comment) names another colour than the rules give.");
  actionHeader(d, "Officer's word", "Latest progress comment");
  for (const a of list) {
    const row = actionRow(d, a, null, cell(a.latestComment));
    if (a.officerWord) putStatus(d, row, C.second, a.officerWord);
  }
}

function closed(d: Draft, data: ReportData): void {
  const list = data.closed;
  heading(d, `Closed actions (${list.length})`);
  if (list.length === 0) return note(d, "No action is closed (withdrawn, superseded or no longer required).");
  note(d, "Withdrawn, superseded or no longer required: listed apart and not counted in the shares.");
  actionHeader(d, "Timescale", "Latest progress comment");
  for (const a of list) actionRow(d, a, cell(a.timescale), cell(a.latestComment));
}

function trend(d: Draft, data: ReportData): void {
  const points = data.trend;
  heading(d, `Trend across the reports in the history (${points.length})`);
  note(d, "The overall counts at each report date, each theme as at its latest report on or before that date. Most recent last.");
  const statuses = data.statuses;
  const header = columnHeader(d, ["As of", "Themes", ...statuses.map((r) => RAG_WORDS[r]), "Total"]);
  markStatus(
    d,
    header,
    statuses.map((_, i) => 2 + i)
  );
  for (const p of points) dataRow(d, [day(p.asOf), num(p.themes), ...statuses.map((r) => num(p.counts[r])), num(p.total)]);
  if (points.length > 1) {
    const line = statuses.map((r) => `${RAG_WORDS[r]} ${points.map((p) => p.counts[r]).join(" → ")}`).join("; ");
    note(d, `${line} (${points.map((p) => formatDay(p.asOf)).join(" → ")}).`);
  }
}

/** An objective's change in words: "Red ▲ up 1, Amber ▼ down 1", "No change" or "First report". */
function objectiveChange(t: StatusTally, statuses: ReadonlyArray<Rag>) {
  if (!t.change) return cell("First report");
  const change = t.change;
  const moves = statuses.filter((r) => change[r] !== 0);
  if (moves.length === 0) return cell("No change");
  const style = moves.some((r) => changeStyle(r, change[r]) === "worse") ? (moves.every((r) => changeStyle(r, change[r]) === "worse") ? "worse" : "wrap") : "better";
  return cell(moves.map((r) => `${RAG_WORDS[r]} ${changeInWords(change[r])}`).join(", "), style);
}

/** One row per objective: Theme | Objective | a count per status | Total | Change | Objective text (to J). */
function byObjective(d: Draft, data: ReportData): void {
  const statuses = data.statuses;
  const total = 2 + statuses.length;
  const changeCol = total + 1;
  const textCol = Math.min(changeCol + 1, C.comment);
  heading(d, "By objective");
  const since = sinceWords(data.themes.map((t) => t.previousAsOf));
  const titles: string[] = ["Theme", "Objective", ...statuses.map((r) => RAG_WORDS[r]), "Total", data.hasPrevious ? `Change ${since}` : "Change"];
  titles[textCol] = "Objective text";
  const header = columnHeader(d, titles.slice(0, textCol + 1));
  markStatus(
    d,
    header,
    statuses.map((_, i) => 2 + i)
  );
  if (textCol < C.comment) d.merges.push({ top: header, left: textCol, bottom: header, right: C.comment });
  for (const o of data.objectives) {
    const row: Row = [cell(o.theme), cell(o.ref ?? o.label), ...statuses.map((r) => num(o.tally.counts[r])), num(o.tally.total)];
    if (changeCol < textCol) row[changeCol] = objectiveChange(o.tally, statuses);
    row[textCol] = cell(o.text);
    const r = dataRow(d, row);
    if (textCol < C.comment) d.merges.push({ top: r, left: textCol, bottom: r, right: C.comment });
  }
}

/** Issues grouped by kind (their code and severity), errors first, in the order first found. */
export function issuesByKind(list: ReadonlyArray<ReportIssue>): ReportIssue[][] {
  const groups = new Map<string, ReportIssue[]>();
  for (const i of list) {
    const key = `${i.severity}\u0000${i.code}`;
    pushTo(groups, key, i);
  }
  return [...groups.values()];
}

/** Cells named in one data quality row at most; the rest are counted (the pane lists every one). */
export const CELLS_LISTED = 40;

/** "Prevention C18, C22; Provision of Services F5", the first CELLS_LISTED cells, then "and 12 more". */
export function whereWords(group: ReadonlyArray<ReportIssue>): string {
  const bySheet = new Map<string, string[]>();
  for (const i of group.slice(0, CELLS_LISTED)) pushTo(bySheet, i.sheet, i.cell === "" ? "whole sheet" : i.cell);
  const listed = [...bySheet].map(([sheet, cells]) => `${sheet} ${cells.join(", ")}`).join("; ");
  const more = group.length - CELLS_LISTED;
  return more > 0 ? `${listed}; and ${more} more (listed in the task pane)` : listed;
}

/** Data quality: one row per kind of issue, naming every cell: Severity | Count | Problem (C:G) | Where (H:I) | What to do (J). */
function dataQuality(d: Draft, data: ReportData): void {
  const list = data.issues;
  const groups = issuesByKind(list);
  heading(d, `Data quality issues (${list.length}, of ${plural(groups.length, "kind")})`);
  if (list.length === 0) return note(d, "No errors or warnings: every action has what the report needs.");
  note(d, "Errors first, then warnings; issues of one kind share a row naming each cell.");
  const header = columnHeader(d, ["Severity", "Issues", "Problem", "", "", "", "", "Where", "", "What to do"]);
  const spans = (row: number) => {
    d.merges.push({ top: row, left: 2, bottom: row, right: 6 });
    d.merges.push({ top: row, left: 7, bottom: row, right: 8 });
  };
  spans(header);
  for (const g of groups) {
    const [first] = g;
    const more = g.length > 1 ? ` (and ${g.length - 1} more like it)` : "";
    const row = dataRow(d, [cell(first.severity === "error" ? "Error" : "Warning", "label"), num(g.length), cell(`${first.message}${more}`), null, null, null, null, cell(whereWords(g)), null, cell(first.hint)]);
    spans(row);
  }
}

function legend(d: Draft, data: ReportData): void {
  const w = data.amberWindowDays;
  const brag = data.statuses.includes("blue");
  heading(d, "How statuses are worked out");
  note(d, `Red: deadline passed and not complete, or progress stalled with the deadline within ${w} days. Amber: progress slow or stalled, or no progress reported with the deadline within ${w} days.`);
  note(d, `Green: on track${brag ? "" : " or complete"}.${brag ? " Blue: complete." : ""} Not reported: no progress reported and no deadline within ${w} days. Each action's reason is given in its row.`);
  keep(d, d.rows.length - 3, d.rows.length - 1);
}

function sources(d: Draft, data: ReportData): void {
  heading(d, "Sources");
  const header = columnHeader(d, ["Theme", "Actions", "Sheet", "", "Report date", "As of", "", "Previous report"]);
  d.merges.push({ top: header, left: 2, bottom: header, right: 3 }, { top: header, left: 5, bottom: header, right: 6 });
  for (const s of data.sources) {
    const row = dataRow(d, [
      cell(s.theme, "label"),
      num(s.actions),
      cell(s.sheet),
      null,
      s.reportDate ? day(s.reportDate) : cell("No report-date line"),
      day(s.asOf),
      null,
      s.previousAsOf ? day(s.previousAsOf) : cell("First report"),
    ]);
    d.merges.push({ top: row, left: 2, bottom: row, right: 3 }, { top: row, left: 5, bottom: row, right: 6 });
  }
}

/** Every section after page 1, in order. */
export function sections(d: Draft, data: ReportData): void {
  exceptions(d, data);
  changes(d, data);
  moved(d, data);
  upcoming(d, data);
  disagreements(d, data);
  closed(d, data);
  trend(d, data);
  byObjective(d, data);
  dataQuality(d, data);
  legend(d, data);
  sources(d, data);
}
