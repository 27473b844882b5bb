/**
 * Reading the workbook into core grids, in as few `context.sync()` calls as Excel allows:
 *
 *   sync 1  every worksheet's name, visibility and protection, the workbook's structure
 *           protection, the active sheet and the stored settings;
 *   sync 2  for every sheet at once: its used range, charts and first rows: values, number
 *           formats, and each row's hidden flag and row-level bold/italic (getRowProperties,
 *           1.9; convert.ts says why fonts are read per row); for a plan sheet, the merged areas
 *           of those rows (ExcelApi 1.13), in bands (read-pieces.ts);
 *   sync 3+ only for sheets longer than the first rows: the rest, in pieces, bounded by the last
 *           row that holds anything in the table's columns (one more sync first when something
 *           lies to the right of the table, to find that row).
 *
 * What is read of a sheet depends on what it can be. Only a plan sheet is read whole, and only
 * its first READ_COLUMNS columns (a plan's table is narrower). A sheet the officer excluded in
 * the settings gives its first EXCLUDED_ROWS rows (enough to say whether it looks like a plan).
 * A hidden sheet is never a plan: only its marker and, for the history, HISTORY_COLUMNS columns are read.
 * A sheet named like one of the product's report sheets is read by its marker first.
 *
 * Excel's limits: a range is limited to 5,000,000 cells for read operations, on every platform;
 * so no range asked for holds more (HEAD_ROWS_DESKTOP rows of READ_COLUMNS columns in sync 2,
 * pieces after). A plan sheet whose table would still pass that is refused by name
 * (SheetTooLargeError), never read in part. Excel on the web refuses a response over 5 MB
 * (ResponsePayloadSizeLimitExceeded), and a plan's own text can pass that (10,000 generated
 * actions are some 4.5 MB of values alone): there, sync 2 asks for the first HEAD_CELLS cells'
 * worth of rows (shared between the sheets), and the rest comes in pieces of about
 * READ_BUDGET_BYTES, sized from the bytes per cell sync 2 measured; a piece Excel still refuses
 * is halved. On the desktop, which sets no payload limit, a plan of up to HEAD_ROWS_DESKTOP rows
 * a sheet is read in 2 syncs.
 *
 * Not read: `formulas` (a second copy of every text; the reader needs a formula's result, which
 * `values` gives), `valueTypes` (errors are told by their text, see convert.ts), per-cell fonts,
 * the content of the product's own report sheets (their marker says what they are).
 */
import { OfficerError } from "../core/common";
import { cellAddress, columnLetter, type Grid } from "../core/grid";
import type { Settings } from "../core/model";
import { OWNED_MARKER_COL, OWNED_NAMES, ownedMarker, ownedPurpose, type OwnedPurpose } from "../core/edits";
import { areaOfAddress, gridFromRead, type SheetBlock } from "./convert";
import { isPayloadTooLarge } from "./errors";
import { blockBytes, blockOf, CELL_LIMIT, mergesOf, queueMergeBands, READ_BUDGET_BYTES, readPieces, ROW_LOOK, type MergeBands, type Piece } from "./read-pieces";
import { parseSettings, SETTINGS_KEY } from "./settings";

export interface SheetInfo {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** What the sheet is for when the product owns it, else null. */
  purpose: OwnedPurpose | null;
  /** Names of the sheet's charts. */
  charts: string[];
}

export interface WorkbookRead {
  grids: Grid[];
  sheets: SheetInfo[];
  settings: Settings;
  activeSheet: string;
  /** True when the workbook's structure is protected (no sheet can be added). */
  structureProtected: boolean;
  /** Syncs the read took. */
  syncs: number;
}

/** Cells read in sync 2 across all sheets where payloads are limited: about 3 MB of a typical plan (3,000 actions whole). */
export const HEAD_CELLS = 80_000;
/** Columns of a plan sheet that are read (A:AN): a plan's table is narrower. */
export const READ_COLUMNS = 40;
/** Rows of each sheet read in sync 2 on the desktop (times READ_COLUMNS: 800,000 cells, under Excel's 5,000,000). */
export const HEAD_ROWS_DESKTOP = 20_000;
/** Rows read of a sheet the officer excluded (enough to tell whether it looks like a plan). */
export const EXCLUDED_ROWS = 100;
/** Assumed width of a sheet before its used range is known (a plan has 7 to 10 columns). */
const ASSUMED_WIDTH = 8;
/** Bytes per cell assumed before any was read (JSON of a value, its number format and its row's share). */
const DEFAULT_CELL_BYTES = 60;
/** Columns of the history sheet read: its records (As of, Sheet, Ref, Status, Time-scale) and the column maps beside them (G:H). */
const HISTORY_COLUMNS = 8;
/** Rows of a hidden sheet read in sync 2 on the desktop: as many of HISTORY_COLUMNS as Excel's 5,000,000-cell limit allows. */
const HISTORY_ROWS_DESKTOP = Math.floor(CELL_LIMIT / HISTORY_COLUMNS);

/** A plan sheet too large to read: its table's columns hold something too far down. */
export class SheetTooLargeError extends OfficerError {
  constructor(
    readonly sheet: string,
    /** Where the last thing in the table's columns is: "row 1000000 of columns A to G". */
    readonly where: string,
  ) {
    super(
      `Nothing was written. The sheet "${sheet}" is too large to read: something is in ${where}, so its table would pass the 5,000,000 cells Excel lets an add-in read at once.`,
      `Delete what lies below the plan on "${sheet}" (select the rows under it, then Home > Delete > Delete Sheet Rows), or exclude the sheet in the task pane's Settings, then try again.`,
    );
  }
}

/** True for a name the product gives its own sheets ("Board Report", "By Lead (2)", ...). */
function looksOwned(name: string): boolean {
  const base = name.replace(/ \(\d+\)$/, "").toLowerCase();
  return Object.values(OWNED_NAMES).some((n) => n.toLowerCase() === base);
}

/**
 * What is read of a sheet: a plan sheet whole ("full"); a hidden sheet its marker and the
 * history's columns ("history"); a visible sheet named like a report sheet its marker first, and
 * whole only if the marker says it is the officers' own ("marker"); a sheet the officer excluded
 * its first rows ("excluded").
 */
type Window = "full" | "history" | "marker" | "excluded";

interface Listed {
  ws: Excel.Worksheet;
  name: string;
  visibility: SheetInfo["visibility"];
  protected: boolean;
}

function windowOf(s: Listed, excluded: ReadonlySet<string>): Window {
  if (s.visibility !== "Visible") return "history";
  if (looksOwned(s.name)) return "marker";
  return excluded.has(s.name.toLowerCase()) ? "excluded" : "full";
}

/** Queues sync 2 for every sheet: used range, first rows (or marker), merged areas in bands, charts. */
function queueHeads(listed: Listed[], windows: Window[], headRows: number, bands: MergeBands, historyRows = headRows) {
  const markerAddress = cellAddress(0, OWNED_MARKER_COL);
  return listed.map((s, i) => {
    const window = windows[i];
    bands[i] = [];
    const used = s.ws.getUsedRange(true);
    used.load("address");
    let head: { range: Excel.Range; rows: OfficeExtension.ClientResult<Excel.RowProperties[]> } | null = null;
    if (window !== "marker") {
      const cols = window === "history" ? HISTORY_COLUMNS : READ_COLUMNS;
      const rows = window === "excluded" ? Math.min(EXCLUDED_ROWS, headRows) : window === "history" ? historyRows : headRows;
      // The first rows of the used range (from A1, so the intersection is never empty).
      const range = s.ws.getRange(`A1:${columnLetter(cols - 1)}${rows}`).getIntersection(s.ws.getRange("A1").getBoundingRect(used));
      range.load("address,values,numberFormat");
      head = { range, rows: range.getRowProperties(ROW_LOOK) };
      if (window === "full") queueMergeBands(s.ws, { top: 0, left: 0, bottom: rows - 1, right: cols - 1 }, bands[i]);
    }
    let marker: Excel.Range | null = null;
    if (window !== "full" && window !== "excluded") {
      marker = s.ws.getRange(markerAddress);
      marker.load("values");
    }
    const charts = s.ws.charts;
    charts.load("items/name");
    return { window, used, head, marker, charts };
  });
}

/** The rightmost column holding anything in a block, or -1. */
function rightmostFilled(block: SheetBlock): number {
  let right = -1;
  for (const row of block.values) for (let j = row.length - 1; j > right - block.left; j--) if (row[j] !== "" && row[j] !== null) right = block.left + j;
  return right;
}

/** Every worksheet of the workbook as a core grid, with what the commands need to know about it. */
export async function readWorkbook(context: Excel.RequestContext, payloadLimited = true): Promise<WorkbookRead> {
  // Sync 1: the sheets, their protection, the workbook's, the active sheet, the settings.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/protection/protected");
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  const workbookProtection = context.workbook.protection;
  workbookProtection.load("protected");
  const stored = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  stored.load("value");
  await context.sync();

  const settings = parseSettings(stored.isNullObject ? null : stored.value);
  const excluded = new Set(settings.excludedSheets.map((n) => n.toLowerCase()));
  const listed: Listed[] = worksheets.items.map((ws) => ({
    ws,
    name: ws.name,
    visibility: ws.visibility as SheetInfo["visibility"],
    protected: ws.protection.protected,
  }));
  const windows = listed.map((s) => windowOf(s, excluded));

  // Sync 2: every sheet's used range and charts, and its first rows (or marker) with their merges.
  // Should Excel still find the response too large (very long texts), the first rows are halved.
  let headRows = payloadLimited ? Math.max(100, Math.floor(HEAD_CELLS / Math.max(1, listed.length) / ASSUMED_WIDTH)) : HEAD_ROWS_DESKTOP;
  let syncs = 2;
  const bands: MergeBands = listed.map(() => []);
  // A hidden sheet gives only the history's HISTORY_COLUMNS columns: on the desktop up to
  // HISTORY_ROWS_DESKTOP rows of them in one range (8 x 625,000 cells, Excel's 5,000,000).
  let queued = queueHeads(listed, windows, headRows, bands, payloadLimited ? headRows : HISTORY_ROWS_DESKTOP);
  for (;;) {
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      break;
    } catch (e) {
      if (!isPayloadTooLarge(e) || headRows <= 1) throw e;
      headRows = Math.max(1, Math.floor(headRows / 2));
      queued = queueHeads(listed, windows, headRows, bands);
      syncs++;
    }
  }

  const blocks: SheetBlock[][] = listed.map(() => []);
  const pieces: Piece[] = [];
  /** Sheets with something right of their table below the first rows: where their table ends is asked first. */
  const bounds: { sheet: number; piece: Piece; tableUsed: Excel.Range }[] = [];
  let headBytes = 0;
  let headCells = 0;
  queued.forEach((q, i) => {
    const used = areaOfAddress(q.used.address);
    let markerText = "";
    if (q.marker) {
      markerText = String(q.marker.values[0]?.[0] ?? "");
      blocks[i].push({ top: 0, left: OWNED_MARKER_COL, values: q.marker.values, numberFormat: [["General"]] });
    }
    let readFrom = 0;
    let tableRight = -1;
    if (q.head) {
      const block = blockOf(q.head.range, q.head.rows);
      blocks[i].push(block);
      headBytes += blockBytes(block);
      headCells += block.values.length * (block.values[0]?.length ?? 0);
      readFrom = block.top + block.values.length;
      tableRight = rightmostFilled(block);
    }
    if (!used || q.window === "excluded") return;
    const purpose = markerText === ownedMarker("history") ? "history" : markerText.startsWith(ownedMarker("board-report").split(":")[0] + ":") ? "report" : null;
    let right = Math.min(used.right, READ_COLUMNS - 1);
    let merges = true;
    if (q.window === "history") {
      if (purpose !== "history") return; // a hidden sheet other than the history: never a plan sheet
      right = Math.min(used.right, HISTORY_COLUMNS - 1);
      merges = false;
    } else if (q.window === "marker") {
      if (purpose === "report") return; // one of the product's report sheets: its marker is all it needs
      if (purpose === "history") {
        right = Math.min(used.right, HISTORY_COLUMNS - 1);
        merges = false;
      }
      // otherwise the officers' own sheet under such a name: read it whole
    }
    if (used.bottom < readFrom) return;
    const piece: Piece = { sheet: i, top: readFrom, bottom: used.bottom, left: 0, right, merges };
    if (q.window === "full" && tableRight >= 0 && used.right > tableRight) {
      // Something lies right of the table further down (a stray value far below the plan):
      // the rest is bounded by the last row holding anything in the table's columns.
      piece.right = tableRight;
      const tableUsed = listed[i].ws.getRange(`A:${columnLetter(tableRight)}`).getUsedRange(true);
      tableUsed.load("address");
      bounds.push({ sheet: i, piece, tableUsed });
    } else pieces.push(piece);
  });
  if (bounds.length > 0) {
    syncs++;
    await context.sync();
    for (const b of bounds) {
      const area = areaOfAddress(b.tableUsed.address);
      if (area && area.bottom >= b.piece.top) pieces.push({ ...b.piece, bottom: area.bottom });
    }
  }
  for (const p of pieces) {
    // Its table from row 1 down to its last row: past Excel's read limit, the sheet is no plan to read.
    if ((p.bottom + 1) * (p.right - p.left + 1) > CELL_LIMIT) throw new SheetTooLargeError(listed[p.sheet].name, `row ${p.bottom + 1} of columns ${columnLetter(p.left)} to ${columnLetter(p.right)}`);
  }
  const cellBytes = headCells > 0 ? Math.max(8, headBytes / headCells) : DEFAULT_CELL_BYTES;
  const more = pieces.length > 0 ? await readPieces(context, listed.map((s) => s.ws), pieces, cellBytes, blocks, bands, payloadLimited ? READ_BUDGET_BYTES : Number.POSITIVE_INFINITY) : 0;

  const grids: Grid[] = [];
  const sheets: SheetInfo[] = [];
  listed.forEach((s, i) => {
    const q = queued[i];
    const grid = gridFromRead({ name: s.name, visible: s.visibility === "Visible", protected: s.protected, blocks: blocks[i], merges: mergesOf(bands[i]) });
    grids.push(grid);
    sheets.push({ name: s.name, visibility: s.visibility, protected: s.protected, purpose: ownedPurpose(grid), charts: q.charts.items.map((c) => c.name) });
  });
  return {
    grids,
    sheets,
    settings,
    activeSheet: active.name,
    structureProtected: workbookProtection.protected,
    syncs: syncs + more,
  };
}

/** Rows of the active sheet read for its report-date line (it sits above the plan's table). */
const ACTIVE_SHEET_ROWS = 1_000;

/** The active sheet's first rows as a grid (one sync), for its report-date line. */
export async function readActiveSheet(context: Excel.RequestContext): Promise<Grid> {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load("name");
  const used = ws.getUsedRange(true);
  const range = ws.getRange(`A1:${columnLetter(READ_COLUMNS - 1)}${ACTIVE_SHEET_ROWS}`).getIntersection(ws.getRange("A1").getBoundingRect(used));
  range.load("address,values,numberFormat");
  await context.sync();
  return gridFromRead({ name: ws.name, visible: true, protected: false, blocks: [blockOf(range, null)], merges: [] });
}
