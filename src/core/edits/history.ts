/**
 * The history of statuses, kept in the workbook (a very hidden sheet the product owns) so the
 * board report can show direction of travel and moved deadlines: one record per action per as-of
 * date, with its status and its timescale text as written then. A refresh at the same date
 * replaces that date's records, so refreshing twice adds nothing. A history written before the
 * Timescale column was added reads with no timescale (no moved deadline is claimed from it).
 */
import { isIsoDate, type IsoDate } from "../dates";
import type { OwnedSheet } from "./edits";
import { textAt, type Grid } from "../grid";
import { pushTo } from "../common";
import type { AssessedAction, ColumnMaps, Rag, SheetAssessment } from "../model";
import { COLUMN_MAP_COL, COLUMN_MAP_HEADINGS, formatColumnMap } from "../read";
import { OWNED_MARKER_COL, ownedMarker, ownedSheetName, type OwnedPurpose } from "./owned";
import { ragOfWord, RAG_WORDS } from "../assess";

export interface HistoryRecord {
  asOf: IsoDate;
  sheet: string;
  /** The action's ref, or "row N" for an action without one. */
  ref: string;
  rag: Rag;
  /** The timescale text as written at that date; absent where the history did not keep one (or it was empty). */
  timescale?: string;
}

/** What the workbook already holds that the refresh (and a merge, and a saved column map) builds on. */
export interface WorkbookState {
  /** Every sheet's name and, for the product's own sheets, what they are for. */
  sheets: ReadonlyArray<{ name: string; purpose: OwnedPurpose | null }>;
  /** The records of the history sheet, if there is one. */
  history: ReadonlyArray<HistoryRecord>;
  /** The officer's column maps kept beside the history (kept when the history is written again). */
  columnMaps?: ColumnMaps;
}

export const HISTORY_HEADINGS: ReadonlyArray<string> = ["As of", "Sheet", "Ref", "Status", "Timescale"];

/** Column of the timescale text: a column added later, so a history without it still reads. */
const TIMESCALE_COL = 4;

/** The key an action is tracked by from report to report. */
export function trackingRef(a: AssessedAction): string {
  return a.action.trackAs ?? a.action.ref ?? `row ${a.action.row + 1}`;
}

/** The records of an owned history sheet (rows that do not read as records are skipped). */
export function readHistory(grid: Grid): HistoryRecord[] {
  const out: HistoryRecord[] = [];
  const hasTimescale = textAt(grid, 0, TIMESCALE_COL).toLowerCase() === "timescale";
  for (let r = 1; r < grid.rows.length; r++) {
    const asOf = textAt(grid, r, 0);
    const rag = ragOfWord(textAt(grid, r, 3));
    const sheet = textAt(grid, r, 1);
    const ref = textAt(grid, r, 2);
    const timescale = hasTimescale ? textAt(grid, r, TIMESCALE_COL) : "";
    if (isIsoDate(asOf) && rag && sheet !== "" && ref !== "") out.push({ asOf, sheet, ref, rag, ...(timescale !== "" ? { timescale } : {}) });
  }
  return out;
}

/** The records of this refresh. */
export function recordsOf(sheets: ReadonlyArray<SheetAssessment>): HistoryRecord[] {
  return sheets.flatMap((s) =>
    s.actions.map((a) => ({ asOf: s.asOf, sheet: s.sheet.name, ref: trackingRef(a), rag: a.rag, ...(a.action.timescale.text !== "" ? { timescale: a.action.timescale.text } : {}) }))
  );
}

/** A record's date, sheet and action: one record per key. */
export const historyKey = (r: HistoryRecord): string => `${r.asOf}\u0000${r.sheet}\u0000${r.ref}`;

/** Records in date order (a stable sort: records of one date keep their order). */
export const byAsOf = (a: HistoryRecord, b: HistoryRecord): number => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0);

/** Old records with this refresh's records in place of any of the same date, sheet and action. */
export function mergeHistory(old: ReadonlyArray<HistoryRecord>, fresh: ReadonlyArray<HistoryRecord>): HistoryRecord[] {
  const freshSheetDates = new Set(fresh.map((r) => `${r.asOf}\u0000${r.sheet}`));
  const kept = old.filter((r) => !freshSheetDates.has(`${r.asOf}\u0000${r.sheet}`));
  const merged = new Map<string, HistoryRecord>();
  for (const r of [...kept, ...fresh]) merged.set(historyKey(r), r);
  return [...merged.values()].sort(byAsOf);
}

/**
 * The status of an action at the latest report before `asOf`, with that report's date, or null.
 * Records are looked up through an index built once (see indexHistory).
 */
export function previousStatus(index: HistoryIndex, sheet: string, ref: string, asOf: IsoDate): HistoryRecord | null {
  const list = index.get(`${sheet}\u0000${ref}`);
  if (!list) return null;
  let found: HistoryRecord | null = null;
  for (const r of list) if (r.asOf < asOf && (found === null || r.asOf > found.asOf)) found = r;
  return found;
}

export type HistoryIndex = Map<string, HistoryRecord[]>;

/** Records by sheet and action. */
export function indexHistory(records: ReadonlyArray<HistoryRecord>): HistoryIndex {
  const index: HistoryIndex = new Map();
  for (const r of records) {
    pushTo(index, `${r.sheet}\u0000${r.ref}`, r);
  }
  return index;
}

/**
 * The history sheet's content: headings (with the owned marker), then one row per record; beside
 * them (from column F) the officer's column maps, one sheet per row.
 */
export function historySheet(name: string, records: ReadonlyArray<HistoryRecord>, columnMaps: ColumnMaps = {}): OwnedSheet {
  const header: OwnedSheet["rows"][number] = HISTORY_HEADINGS.map((h) => ({ value: h, style: "column-header" as const }));
  const maps = Object.entries(columnMaps).filter(([, m]) => formatColumnMap(m) !== "");
  if (maps.length > 0) COLUMN_MAP_HEADINGS.forEach((h, i) => (header[COLUMN_MAP_COL + i] = { value: h, style: "column-header" }));
  header[OWNED_MARKER_COL] = { value: ownedMarker("history"), style: "marker" };
  const rows: OwnedSheet["rows"] = [
    header,
    ...records.map((r) => [{ value: r.asOf }, { value: r.sheet }, { value: r.ref }, { value: RAG_WORDS[r.rag] }, { value: r.timescale ?? "" }]),
  ];
  maps.forEach(([sheet, map], i) => {
    const row = rows[i + 1] ?? (rows[i + 1] = []);
    while (row.length < COLUMN_MAP_COL) row.push(null);
    row[COLUMN_MAP_COL] = { value: sheet };
    row[COLUMN_MAP_COL + 1] = { value: formatColumnMap(map) };
  });
  return {
    purpose: "history",
    name,
    visibility: "veryHidden",
    rows,
    columnWidths: maps.length > 0 ? [12, 28, 10, 14, 30, 2, 28, 60] : [12, 28, 10, 14, 30],
    merges: [],
    ragAreas: [],
    freezeRows: 1,
    printTitleRows: null,
    landscape: false,
  };
}

/** The workbook's history sheet written again with these records, the officer's column maps kept beside them. */
export function historySheetFor(state: WorkbookState, records: ReadonlyArray<HistoryRecord>, columnMaps: ColumnMaps = state.columnMaps ?? {}): OwnedSheet {
  return historySheet(ownedSheetName("history", state.sheets), records, columnMaps);
}
