/**
 * Refresh RAG as data: from a checked workbook, the edits that write every action's status
 * (docs/architecture.md, walk 1), or the reasons it cannot write safely, in which case it writes nothing.
 */
import type { WorkbookCheck } from "../model";
import { countByRag } from "../assess";
import { actionsByTable, planColumns } from "../assess";
import { formatDay } from "../dates";
import type { OwnedSheet, SheetEdits } from "./edits";
import type { Area } from "../grid";
import { plural, pushTo } from "../common";
import { historySheetFor, mergeHistory, recordsOf, type HistoryRecord, type WorkbookState } from "./history";
import type { Issue, Rag, SheetAssessment } from "../model";
import { PROGRESS_CHOICES } from "../read";
import { RAG_ORDER, RAG_WORDS } from "../assess";

export type RefreshOutcome =
  | { ok: true; sheets: SheetEdits[]; history: OwnedSheet; records: HistoryRecord[]; counts: Record<Rag, number>; actions: number; summary: string }
  | { ok: false; problems: Issue[]; summary: string };

/** Runs of consecutive rows as areas of one column. */
export function rowRuns(rows: ReadonlyArray<number>, col: number): Area[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: Area[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.bottom === r - 1) last.bottom = r;
    else out.push({ top: r, left: col, bottom: r, right: col });
  }
  return out;
}

/** Width of an added Progress or RAG column: room for "Not reported" and the dropdown arrow. */
const ADDED_COLUMN_WIDTH = 14;

/** The edits of one assessed sheet. */
function sheetEdits(s: SheetAssessment, check: WorkbookCheck): SheetEdits {
  const grid = check.grids.get(s.sheet.name);
  const plan = planColumns(s.sheet, grid ?? { name: s.sheet.name, rows: [], merges: [], hiddenRows: [], protected: false });
  const cells: SheetEdits["cells"] = plan.headers.map((h) => {
    const table = s.sheet.tables.find((t) => t.row === h.row);
    return { row: h.row, col: h.col, value: h.text, formatFrom: { row: h.row, col: table ? table.lastCol : h.col - 1 } };
  });
  const ragRows = new Map<number, number[]>();
  const progressRows = new Map<number, number[]>();
  const byTable = actionsByTable(s.sheet);
  const statusOf = new Map(s.actions.map((a) => [a.action, a.rag]));
  for (const table of s.sheet.tables) {
    const ragCol = plan.columnOf(table, "rag");
    const progressCol = plan.columnOf(table, "progress");
    // In a column the product adds, a RAG cell takes the look of its row's last cell (borders, alignment).
    const added = table.columns.rag === undefined;
    for (const action of byTable.get(table) ?? []) {
      const value = RAG_WORDS[statusOf.get(action) as Rag];
      cells.push(added ? { row: action.row, col: ragCol, value, formatFrom: { row: action.row, col: table.lastCol } } : { row: action.row, col: ragCol, value });
      pushTo(ragRows, ragCol, action.row);
      pushTo(progressRows, progressCol, action.row);
    }
  }
  const ragAreas = [...ragRows].flatMap(([col, rows]) => rowRuns(rows, col));
  const ragFormatScope = [...ragRows].map(([col, rows]) => ({ top: Math.min(...rows), left: col, bottom: Math.max(...rows), right: col }));
  return {
    sheet: s.sheet.name,
    cells,
    ragAreas,
    ragFormatScope,
    progressAreas: [...progressRows].flatMap(([col, rows]) => rowRuns(rows, col)),
    progressChoices: PROGRESS_CHOICES,
    columnWidths: [plan.created.progress, plan.created.rag].flatMap((col) => (col === undefined ? [] : [{ col, width: ADDED_COLUMN_WIDTH }])),
  };
}

/** "Red 13, Amber 2, Green 1, Not reported 5" (statuses with none left out). */
export function countsInWords(counts: Record<Rag, number>): string {
  const parts = RAG_ORDER.filter((r) => counts[r] > 0).map((r) => `${RAG_WORDS[r]} ${counts[r]}`);
  return parts.length > 0 ? parts.join(", ") : "no actions";
}

/** "13 May 2009", or "13 May 2009 (Prevention), 16 Oct 2009 (Provision of Services)". */
export function asOfWords(sheets: ReadonlyArray<SheetAssessment>): string {
  const dates = [...new Set(sheets.map((s) => s.asOf))];
  return dates.length === 1 ? formatDay(dates[0]) : sheets.map((s) => `${formatDay(s.asOf)} (${s.sheet.name})`).join(", ");
}

/** The problems that stop a refresh: protected plan sheets and cells in the way. */
export function refreshProblems(check: WorkbookCheck): Issue[] {
  return check.sheets
    .filter((s) => s.sheet.actions.length > 0)
    .flatMap((s) => s.issues.filter((i) => i.code === "sheet-protected" || i.code === "target-not-empty"));
}

function problemSummary(problems: Issue[]): string {
  const first = problems[0];
  const where = first.cell ? `${first.sheet}!${first.cell}` : `"${first.sheet}"`;
  const more = problems.length > 1 ? ` (and ${plural(problems.length - 1, "more problem")})` : "";
  return `Nothing was written. ${where}: ${first.message} ${first.hint}${more}`;
}

/** The whole refresh, or why it cannot be done. */
export function planRefresh(check: WorkbookCheck, state: WorkbookState): RefreshOutcome {
  const withActions = check.sheets.filter((s) => s.sheet.actions.length > 0);
  if (withActions.length === 0) {
    const problems = check.sheets.flatMap((s) => s.issues.filter((i) => i.code === "no-table"));
    return {
      ok: false,
      problems,
      summary: "Nothing was written: no plan sheet with actions was found. Check layout shows what the product looks for (a header row with Ref, Action, Time-scale and Lead responsibility).",
    };
  }
  const problems = refreshProblems(check);
  if (problems.length > 0) return { ok: false, problems, summary: problemSummary(problems) };
  const records = mergeHistory(state.history, recordsOf(withActions));
  const all = withActions.flatMap((s) => s.actions);
  const counts = countByRag(all);
  return {
    ok: true,
    sheets: withActions.map((s) => sheetEdits(s, check)),
    history: historySheetFor(state, records),
    records,
    counts,
    actions: all.length,
    summary: `RAG refreshed for ${plural(all.length, "action")} on ${plural(withActions.length, "sheet")}, as of ${asOfWords(withActions)}: ${countsInWords(counts)}.`,
  };
}
