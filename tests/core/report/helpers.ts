/** Shared by the board report's tests: the sample, a report input, counts, and reading laid-out sheets. */
import ExcelJS from "exceljs";
import { checkWorkbook, workbookState } from "../../../src/core/commands";
import type { AssessOptions } from "../../../src/core/assess";
import { planRefresh, type OwnedCell, type OwnedSheet } from "../../../src/core/edits";
import type { Area, Grid } from "../../../src/core/grid";
import { DEFAULT_SETTINGS, type Rag, type WorkbookCheck } from "../../../src/core/model";
import type { ReportInput } from "../../../src/core/report";
import { applyEdits } from "../../helpers/exceljs-edits";
import { gridsFromWorkbook } from "../../../src/xlsx/grid-from-exceljs";

export const SAMPLE = "assets/sample/action-plan-2008-11.xlsx";
export const TODAY = "2026-11-24";
export const OPTIONS: AssessOptions = { asOf: null, today: TODAY, settings: DEFAULT_SETTINGS };

export async function loadSample(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  return wb;
}

export async function sampleGrids(): Promise<Grid[]> {
  return gridsFromWorkbook(await loadSample());
}

export function inputOf(check: WorkbookCheck, extra: Partial<ReportInput> = {}): ReportInput {
  const sheets = [...check.grids.keys()].map((name) => ({ name, purpose: null }));
  return { check, records: [], sheets, today: TODAY, settings: DEFAULT_SETTINGS, ...extra };
}

/** Refresh RAG on a workbook in memory, keeping what the tests look into (the outcome, the state, the check). */
export function refreshWorkbook(wb: ExcelJS.Workbook, options: AssessOptions) {
  const grids = gridsFromWorkbook(wb);
  const check = checkWorkbook(grids, options);
  const state = workbookState(grids);
  const outcome = planRefresh(check, state);
  if (outcome.ok) applyEdits(wb, { sheets: outcome.sheets, owned: [outcome.history] });
  return { outcome, state, check, grids };
}

export const counts = (red: number, amber: number, green: number, notReported: number, blue = 0, closed = 0): Record<Rag, number> => ({
  red,
  amber,
  green,
  blue,
  "not-reported": notReported,
  closed,
});

export const sumCounts = (list: ReadonlyArray<Record<Rag, number>>): Record<Rag, number> =>
  list.reduce(
    (acc, c) => counts(acc.red + c.red, acc.amber + c.amber, acc.green + c.green, acc["not-reported"] + c["not-reported"], acc.blue + c.blue, acc.closed + c.closed),
    counts(0, 0, 0, 0),
  );

// ---- reading laid-out sheets --------------------------------------------------------------------

export const at = (s: OwnedSheet, row: number, col: number): OwnedCell | null => s.rows[row]?.[col] ?? null;
export const textOf = (c: OwnedCell | null | undefined): string => (c === null || c === undefined ? "" : String(c.value));
export const inArea = (a: Area, row: number, col: number) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;

/** The row of the first cell in column A whose text starts with `prefix`. */
export function rowStarting(s: OwnedSheet, prefix: string, from = 0): number {
  for (let r = from; r < s.rows.length; r++) if (textOf(at(s, r, 0)).startsWith(prefix)) return r;
  throw new Error(`no row starting "${prefix}" in ${s.name}`);
}

/** The table under a heading: its header row (texts), its rows up to the next empty row, and its first row's index. */
export function tableAfter(s: OwnedSheet, headingPrefix: string): { header: string[]; rows: (OwnedCell | null)[][]; top: number } {
  let r = rowStarting(s, headingPrefix) + 1;
  while (r < s.rows.length && s.rows[r][0]?.style !== "column-header") r++;
  const header = s.rows[r].map(textOf);
  const top = r + 1;
  const rows: (OwnedCell | null)[][] = [];
  for (let i = top; i < s.rows.length && s.rows[i].some((c) => c !== null) && s.rows[i][0]?.style !== "heading"; i++) rows.push(s.rows[i]);
  return { header, rows, top };
}

/** Every text on a sheet, one line per row (cells joined by " | "). */
export function sheetText(s: OwnedSheet): string {
  return s.rows.map((row) => row.map(textOf).filter((t) => t !== "").join(" | ")).join("\n");
}

/** The headings of a sheet, in order. */
export function headingsOf(s: OwnedSheet): string[] {
  return s.rows.filter((r) => r[0]?.style === "heading").map((r) => textOf(r[0]));
}

/** The statuses the rules give for the sample plan, each sheet at its own report date. */
export const EXPECTED: Record<string, Rag> = {
  "3.1.1": "amber",
  "3.2.1": "green",
  "4.1.1": "amber",
  "4.1.2": "not-reported",
  "5.1.1": "red",
  "5.1.2": "not-reported",
  "5.2.1": "amber",
  "6.1.1": "red",
  "6.1.2": "not-reported",
  "6.1.3": "red",
  "6.1.4": "not-reported",
  "6.2.1": "not-reported",
  "6.2.2": "red",
  "6.2.3": "red",
  "7.1.1": "red",
  "7.1.2": "red",
  "7.2.1": "red",
  "7.2.2": "red",
  "7.2.3": "red",
  "7.2.4": "red",
  "7.2.5": "red",
};
