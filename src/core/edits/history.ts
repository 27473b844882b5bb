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
import type { AssessedAction, Rag, SheetAssessment } from "../model";
import { OWNED_MARKER_COL, ownedMarker } from "./owned";
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

export const HISTORY_HEADINGS: ReadonlyArray<string> = ["As of", "Sheet", "Ref", "Status", "Timescale"];

/** Column of the timescale text: a column added later, so a history without it still reads. */
const TIMESCALE_COL = 4;

/** The key an action is tracked by from report to report. */
export function trackingRef(a: AssessedAction): string {
  return a.action.ref ?? `row ${a.action.row + 1}`;
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

const keyOf = (r: HistoryRecord) => `${r.asOf}\u0000${r.sheet}\u0000${r.ref}`;

/** Old records with this refresh's records in place of any of the same date, sheet and action. */
export function mergeHistory(old: ReadonlyArray<HistoryRecord>, fresh: ReadonlyArray<HistoryRecord>): HistoryRecord[] {
  const freshSheetDates = new Set(fresh.map((r) => `${r.asOf}\u0000${r.sheet}`));
  const kept = old.filter((r) => !freshSheetDates.has(`${r.asOf}\u0000${r.sheet}`));
  const merged = new Map<string, HistoryRecord>();
  for (const r of [...kept, ...fresh]) merged.set(keyOf(r), r);
  return [...merged.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
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

/** The history sheet's content: headings (with the owned marker), then one row per record. */
export function historySheet(name: string, records: ReadonlyArray<HistoryRecord>): OwnedSheet {
  const header: OwnedSheet["rows"][number] = HISTORY_HEADINGS.map((h) => ({ value: h, style: "column-header" as const }));
  header[OWNED_MARKER_COL] = { value: ownedMarker("history"), style: "marker" };
  return {
    purpose: "history",
    name,
    visibility: "veryHidden",
    rows: [
      header,
      ...records.map((r) => [{ value: r.asOf }, { value: r.sheet }, { value: r.ref }, { value: RAG_WORDS[r.rag] }, { value: r.timescale ?? "" }]),
    ],
    columnWidths: [12, 28, 10, 14, 30],
    merges: [],
    ragAreas: [],
    freezeRows: 1,
    printTitleRows: null,
    landscape: false,
  };
}
