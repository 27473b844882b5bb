/**
 * The "Board Report" sheet laid out (see layout-common.ts for the conventions). Page 1 is the
 * summary a board reads in a minute: the count and share of each status with its change since
 * the previous report in an arrow and words, each theme's counts with their direction and the
 * chart over them, and the most urgent exceptions. The sections follow from page 2
 * (layout-sections.ts).
 */
import { plural } from "../common";
import { RAG_WORDS } from "../assess";
import { STATUS_COLOURS, type ChartSpec, type OwnedCell, type OwnedSheet } from "../edits";
import type { Area } from "../grid";
import type { Rag } from "../model";
import { Draft, addRow, cell, changeInWords, changeStyle, columnHeader, dataRow, heading, markStatus, newDraft, newPage, note, num, pct, putStatus, sinceWords, titleRows, toSheet, type Row } from "./layout-common";
import { sections } from "./layout-sections";
import { BOARD_WIDTHS, C, actionHeader, actionRow, secondCell } from "./layout-actions";
import { CLOSED, TRAVEL_RANK } from "./tally";
import type { ReportData, StatusTally } from "./types";

/** The most urgent exceptions page 1 shows at most. */
const URGENT = 5;

// ---- page 1 -------------------------------------------------------------------------------------

/** "Red 12, ▲ up 3 since 13 May 2009", or "Red 12, first report". */
function statusSentence(rag: Rag, tally: StatusTally, since: string): OwnedCell {
  const n = tally.counts[rag];
  if (!tally.change) return cell(`${RAG_WORDS[rag]} ${n}, first report`);
  const delta = tally.change[rag];
  return cell(`${RAG_WORDS[rag]} ${n}, ${changeInWords(delta)} ${since}`, changeStyle(rag, delta));
}

/** The status table: each status's count, share and change in words (D:G). Returns its first and last rows. */
function statusTable(d: Draft, data: ReportData): [number, number] {
  const t = data.overall;
  const since = sinceWords(data.themes.map((x) => x.previousAsOf));
  heading(d, `Summary: ${plural(t.total, "action")} by status`);
  const header = columnHeader(d, ["Status", "Actions", "Share", t.change ? `Change ${since}` : "Change since the previous report", "", "", ""]);
  const top = header;
  d.merges.push({ top: header, left: 3, bottom: header, right: 6 });
  for (const rag of data.statuses) {
    const row = dataRow(d, [null, num(t.counts[rag]), rag === CLOSED ? cell("Not counted") : pct(t.shares[rag]), statusSentence(rag, t, since)]);
    putStatus(d, row, 0, rag);
    d.merges.push({ top: row, left: 3, bottom: row, right: 6 });
  }
  const total = dataRow(d, [cell("All actions", "label"), num(t.total), pct(t.total > 0 ? 1 : 0), cell(t.change && t.previousTotal !== null ? `${t.total}, ${changeInWords(t.total - t.previousTotal)} ${since}` : `${t.total}, first report`)]);
  d.merges.push({ top: total, left: 3, bottom: total, right: 6 });
  return [top, total];
}

/** The mean rank of a tally's statuses (higher is better), for a theme's direction in one word. */
function meanRank(counts: Record<Rag, number>): number | null {
  let sum = 0;
  let n = 0;
  for (const [rag, count] of Object.entries(counts) as [Rag, number][]) {
    const rank = TRAVEL_RANK[rag];
    if (rank === undefined) continue;
    sum += rank * count;
    n += count;
  }
  return n === 0 ? null : sum / n;
}

/** A theme's direction: "Worse: Red ▲ up 2, Green ▼ down 1", "Better: ...", "No change", "First report". */
function themeDirection(t: StatusTally, statuses: ReadonlyArray<Rag>): OwnedCell {
  if (!t.change || !t.previous) return cell("First report");
  const change = t.change;
  const moves = statuses.filter((r) => change[r] !== 0).map((r) => `${RAG_WORDS[r]} ${changeInWords(change[r])}`);
  if (moves.length === 0) return cell("No change");
  const [now, before] = [meanRank(t.counts), meanRank(t.previous)];
  const verdict = now === null || before === null || now === before ? "Mixed" : now > before ? "Better" : "Worse";
  return cell(`${verdict}: ${moves.join(", ")}`, verdict === "Better" ? "better" : verdict === "Worse" ? "worse" : "wrap");
}

/** The theme table (the chart's data block): Theme | each status | Total | Direction. Returns its area. */
function themeTable(d: Draft, data: ReportData): Area {
  const statuses = data.statuses;
  const totalCol = 1 + statuses.length;
  heading(d, "By theme");
  const top = columnHeader(d, ["Theme", ...statuses.map((r) => RAG_WORDS[r]), "Total", "Direction"]);
  markStatus(
    d,
    top,
    statuses.map((_, i) => 1 + i)
  );
  for (const t of data.themes) {
    const row: Row = [cell(t.theme, "label"), ...statuses.map((r) => num(t.tally.counts[r])), num(t.tally.total), themeDirection(t.tally, statuses)];
    dataRow(d, row);
  }
  return { top, left: 0, bottom: top + data.themes.length, right: totalCol - 1 };
}

/** The chart over the theme table: beside the summary on the right (H:J), or below where the tables are wide. */
function chartOf(d: Draft, data: ReportData, dataArea: Area, besideTop: number): ChartSpec | undefined {
  if (data.themes.length === 0) return undefined;
  const beside = dataArea.right + 3 <= C.lead;
  let anchor: Area;
  if (beside) {
    anchor = { top: besideTop, left: C.lead, bottom: Math.max(d.rows.length - 1, besideTop + 13), right: C.comment };
    while (d.rows.length <= anchor.bottom) addRow(d);
  } else {
    addRow(d);
    const top = d.rows.length;
    for (let i = 0; i < 14; i++) addRow(d);
    anchor = { top, left: 0, bottom: top + 13, right: C.comment };
  }
  return {
    title: "Actions by status and theme",
    data: dataArea,
    anchor,
    type: "stacked-bar",
    colors: data.statuses.map((r) => STATUS_COLOURS[r].fill),
  };
}

/** The most urgent exceptions: Red first, then by deadline, at most `count`. */
function urgent(d: Draft, data: ReportData, count: number): void {
  const list = data.exceptions.slice(0, count);
  const all = data.exceptions.length;
  heading(d, all === 0 ? "Most urgent exceptions" : `Most urgent exceptions (${list.length} of ${all}; all are listed from page 2)`);
  if (list.length === 0) return note(d, all === 0 ? "No action is Red or Amber." : "They are listed from page 2.");
  // On page 1 the reason takes I:J (the latest comment is in the exceptions section).
  actionHeader(d, data.hasPrevious ? "Previous status" : "Timescale", null);
  for (const a of list) {
    const row = actionRow(d, a, null, null);
    secondCell(d, row, a, data.hasPrevious);
    d.merges.push({ top: row, left: C.reason, bottom: row, right: C.comment });
  }
}

function firstPage(d: Draft, data: ReportData, count: number): ChartSpec | undefined {
  const [top] = statusTable(d, data);
  const area = themeTable(d, data);
  const chart = chartOf(d, data, area, top - 1);
  urgent(d, data, count);
  return chart;
}

/** The Board Report sheet: page 1 (as many urgent exceptions as fit), then the sections from page 2. */
export function layoutBoardReport(data: ReportData, name: string): OwnedSheet {
  const count = urgentThatFit(data, name);
  const d = newDraft();
  titleRows(d, "board-report", `Board report: ${data.title}`, data);
  const chart = firstPage(d, data, count);
  newPage(d);
  sections(d, data);
  return toSheet(d, "board-report", name, BOARD_WIDTHS, chart);
}

/** How many of the most urgent exceptions page 1 holds (at most URGENT), laid out on page 1 alone. */
function urgentThatFit(data: ReportData, name: string): number {
  for (let count = URGENT; count > 0; count--) {
    const d = newDraft();
    titleRows(d, "board-report", `Board report: ${data.title}`, data);
    const chart = firstPage(d, data, count);
    if ((toSheet(d, "board-report", name, BOARD_WIDTHS, chart).rowBreaks ?? []).length === 0) return count;
  }
  return 0;
}
