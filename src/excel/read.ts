/**
 * Reading the whole workbook into core grids, in as few `context.sync()` calls as Excel allows:
 *
 *   sync 1  every worksheet's name, visibility and protection, the workbook's structure
 *           protection, the active sheet and the stored settings;
 *   sync 2  for every sheet at once: its used range, merged areas (ExcelApi 1.13) and charts,
 *           and its first rows: values, number formats, and each row's hidden flag and row-level
 *           bold/italic (getRowProperties, 1.9; convert.ts says why fonts are read per row);
 *   sync 3+ only for plans too large for one response: the remaining rows, in pieces.
 *
 * On Excel on the desktop (Windows, Mac), which sets no payload limit, sync 2 reads every row, so
 * the read is 2 syncs at any size. Excel on the web refuses a response over 5 MB
 * (ResponsePayloadSizeLimitExceeded), and a plan's
 * own text can pass that (10,000 generated actions are some 4.5 MB of values alone), so no read
 * can promise one response at any size. The read is bounded instead: sync 2 asks for the first
 * HEAD_CELLS cells' worth of rows (shared between the sheets), which holds a plan of a few
 * thousand actions whole; what is left is read in pieces of about READ_BUDGET_BYTES each, sized
 * from the bytes per cell that sync 2 measured. A piece Excel still refuses is halved.
 *
 * Not read: `formulas` (a second copy of every text; the reader needs a formula's result, which
 * `values` gives), `valueTypes` (errors are told by their text, see convert.ts), per-cell fonts,
 * the content of the product's own report sheets (their marker says what they are), and of hidden
 * sheets anything but the history's four columns (a hidden sheet is never a plan sheet).
 */
import { cellAddress, columnLetter, type Grid } from "../core/grid";
import type { Settings } from "../core/model";
import { OWNED_MARKER_COL, OWNED_NAMES, ownedMarker, ownedPurpose, type OwnedPurpose } from "../core/edits";
import { areaOfAddress, areasOfAddressList, gridFromRead, type RowLook, type SheetBlock } from "./convert";
import { isPayloadTooLarge } from "./errors";
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

/** Rough ceiling on each read response (Excel on the web refuses responses over 5 MB). */
export const READ_BUDGET_BYTES = 4 * 1024 * 1024;
/** Cells read in sync 2 across all sheets (their first rows): about 3 MB of a typical plan (3,000 actions whole). */
export const HEAD_CELLS = 80_000;
/** Rows of a worksheet. */
const MAX_ROWS = 1_048_576;
/** Assumed width of a sheet before its used range is known (a plan has 7 to 10 columns). */
const ASSUMED_WIDTH = 8;
/** Bytes per cell assumed before any was read (JSON of a value, its number format and its row's share). */
const DEFAULT_CELL_BYTES = 60;
/** Columns of the history records (As of, Sheet, Ref, Status, Time-scale). */
const HISTORY_COLUMNS = 5;

const ROW_LOOK: Excel.RowPropertiesLoadOptions = { rowHidden: true, format: { font: { bold: true, italic: true } } };

/** True for a name the product gives its own sheets ("Board Report", "By Lead (2)", ...). */
function looksOwned(name: string): boolean {
  const base = name.replace(/ \(\d+\)$/, "").toLowerCase();
  return Object.values(OWNED_NAMES).some((n) => n.toLowerCase() === base);
}

/**
 * What is read of a sheet. A visible sheet is read whole ("full"). A hidden one is never a plan
 * sheet, so only its marker cell and the history's columns are read ("history"). A visible sheet
 * named like one of the product's report sheets is read by its marker first ("marker"), and whole
 * only if the marker says it is the officers' own.
 */
type Window = "full" | "history" | "marker";

interface Listed {
  ws: Excel.Worksheet;
  name: string;
  visibility: SheetInfo["visibility"];
  protected: boolean;
}

/** A block of rows still to read: sheet, rows and columns (0-based, inclusive). */
interface Piece {
  sheet: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function blockOf(range: Excel.Range, rows: OfficeExtension.ClientResult<Excel.RowProperties[]> | null): SheetBlock {
  const origin = areaOfAddress(range.address) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  return { top: origin.top, left: origin.left, values: range.values, numberFormat: range.numberFormat, rows: rows ? (rows.value as RowLook[]) : undefined };
}

/** JSON size of a block as Excel returns it (to size the chunks that follow). */
function blockBytes(b: SheetBlock): number {
  return JSON.stringify(b.values).length + JSON.stringify(b.numberFormat).length + JSON.stringify(b.rows ?? []).length;
}

/**
 * Reads the rest of every sheet in pieces of at most `budget` bytes (estimated from the bytes per
 * cell measured on the first rows), one sync each; a piece Excel still refuses is split in two.
 */
async function readPieces(context: Excel.RequestContext, listed: Listed[], pieces: Piece[], cellBytes: number, blocks: SheetBlock[][]): Promise<number> {
  let syncs = 0;
  let budget = READ_BUDGET_BYTES;
  const bytesOf = (p: Piece) => (p.bottom - p.top + 1) * ((p.right - p.left + 1) * cellBytes + 80);
  const split = (p: Piece): Piece[] => {
    const rowBytes = bytesOf({ ...p, bottom: p.top });
    const step = Math.max(1, Math.floor(budget / rowBytes));
    const out: Piece[] = [];
    for (let top = p.top; top <= p.bottom; top += step) out.push({ ...p, top, bottom: Math.min(p.bottom, top + step - 1) });
    return out;
  };
  let queue = pieces.flatMap(split);
  while (queue.length > 0) {
    const batch: Piece[] = [];
    let bytes = 0;
    // Fill the request up to the budget, cutting the last piece where the budget ends.
    while (queue.length > 0 && bytes < budget) {
      const p = queue[0];
      const rowBytes = bytesOf({ ...p, bottom: p.top });
      const rows = Math.floor((budget - bytes) / rowBytes);
      if (rows >= p.bottom - p.top + 1) {
        batch.push(queue.shift() as Piece);
        bytes += bytesOf(p);
      } else {
        if (rows < 1 && batch.length > 0) break;
        const take = Math.max(1, rows);
        batch.push({ ...p, bottom: p.top + take - 1 });
        queue[0] = { ...p, top: p.top + take };
        bytes += take * rowBytes;
      }
    }
    const loaded = batch.map((p) => {
      const range = listed[p.sheet].ws.getRangeByIndexes(p.top, p.left, p.bottom - p.top + 1, p.right - p.left + 1);
      range.load("address,values,numberFormat");
      return { p, range, rows: range.getRowProperties(ROW_LOOK) };
    });
    syncs++;
    try {
      // One sync per piece is the point here: each response must stay under Excel on the web's limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || budget < 64 * 1024) throw e;
      budget = Math.floor(budget / 2);
      queue = [...batch.flatMap(split), ...queue];
      continue;
    }
    for (const { p, range, rows } of loaded) blocks[p.sheet].push(blockOf(range, rows));
  }
  return syncs;
}

/** Queues sync 2 for every sheet: used range, first rows (or marker), merged areas, charts. */
function queueHeads(listed: Listed[], headRows: number) {
  const markerAddress = cellAddress(0, OWNED_MARKER_COL);
  return listed.map((s) => {
    const window: Window = s.visibility !== "Visible" ? "history" : looksOwned(s.name) ? "marker" : "full";
    const used = s.ws.getUsedRange(true);
    used.load("address");
    let head: { range: Excel.Range; rows: OfficeExtension.ClientResult<Excel.RowProperties[]> } | null = null;
    if (window !== "marker") {
      // The first rows of the used range (from A1, so the intersection is never empty).
      const rows = window === "history" ? `A1:${columnLetter(HISTORY_COLUMNS - 1)}${headRows}` : `1:${headRows}`;
      const range = s.ws.getRange(rows).getIntersection(s.ws.getRange("A1").getBoundingRect(used));
      range.load("address,values,numberFormat");
      head = { range, rows: range.getRowProperties(ROW_LOOK) };
    }
    let marker: Excel.Range | null = null;
    if (window !== "full") {
      marker = s.ws.getRange(markerAddress);
      marker.load("values");
    }
    // The whole used range (not values-only): a merged area is formatted, so it lies inside it.
    const merges = s.ws.getUsedRange(false).getMergedAreasOrNullObject();
    merges.load("address");
    const charts = s.ws.charts;
    charts.load("items/name");
    return { window, used, head, marker, merges, charts };
  });
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

  const listed: Listed[] = worksheets.items.map((ws) => ({
    ws,
    name: ws.name,
    visibility: ws.visibility as SheetInfo["visibility"],
    protected: ws.protection.protected,
  }));

  // Sync 2: every sheet's used range, merged areas and charts, and its first rows (or marker).
  // Should Excel still find the response too large (very long texts), the first rows are halved.
  // Where Excel sets no payload limit (the desktop), sync 2 reads every row.
  let headRows = payloadLimited ? Math.max(100, Math.floor(HEAD_CELLS / Math.max(1, listed.length) / ASSUMED_WIDTH)) : MAX_ROWS;
  let syncs = 2;
  let queued = queueHeads(listed, headRows);
  for (;;) {
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      break;
    } catch (e) {
      if (!isPayloadTooLarge(e) || headRows <= 1) throw e;
      headRows = Math.max(1, Math.floor(headRows / 2));
      queued = queueHeads(listed, headRows);
      syncs++;
    }
  }

  const blocks: SheetBlock[][] = listed.map(() => []);
  const pieces: Piece[] = [];
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
    if (q.head) {
      const block = blockOf(q.head.range, q.head.rows);
      blocks[i].push(block);
      headBytes += blockBytes(block);
      headCells += block.values.length * (block.values[0]?.length ?? 0);
      readFrom = block.top + block.values.length;
    }
    if (!used) return;
    const purpose = markerText === ownedMarker("history") ? "history" : markerText.startsWith(ownedMarker("board-report").split(":")[0] + ":") ? "report" : null;
    let right = used.right;
    if (q.window === "history") {
      if (purpose !== "history") return; // a hidden sheet other than the history: never a plan sheet
      right = Math.min(used.right, HISTORY_COLUMNS - 1);
    } else if (q.window === "marker") {
      if (purpose === "report") return; // one of the product's report sheets: its marker is all it needs
      if (purpose === "history") right = Math.min(used.right, HISTORY_COLUMNS - 1);
      // otherwise the officers' own sheet under such a name: read it whole
    }
    if (used.bottom >= readFrom) pieces.push({ sheet: i, top: readFrom, bottom: used.bottom, left: 0, right });
  });
  const cellBytes = headCells > 0 ? Math.max(8, headBytes / headCells) : DEFAULT_CELL_BYTES;
  const more = pieces.length > 0 ? await readPieces(context, listed, pieces, cellBytes, blocks) : 0;

  const grids: Grid[] = [];
  const sheets: SheetInfo[] = [];
  listed.forEach((s, i) => {
    const q = queued[i];
    const merges = q.merges.isNullObject ? [] : areasOfAddressList(q.merges.address);
    const grid = gridFromRead({ name: s.name, visible: s.visibility === "Visible", protected: s.protected, blocks: blocks[i], merges });
    grids.push(grid);
    sheets.push({ name: s.name, visibility: s.visibility, protected: s.protected, purpose: ownedPurpose(grid), charts: q.charts.items.map((c) => c.name) });
  });
  return {
    grids,
    sheets,
    settings: parseSettings(stored.isNullObject ? null : stored.value),
    activeSheet: active.name,
    structureProtected: workbookProtection.protected,
    syncs: syncs + more,
  };
}

/** The active sheet alone as a grid (one sync), for its report-date line. */
export async function readActiveSheet(context: Excel.RequestContext): Promise<Grid> {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load("name");
  const used = ws.getUsedRange(true);
  used.load("address,values,numberFormat");
  await context.sync();
  const origin = areaOfAddress(used.address) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  return gridFromRead({
    name: ws.name,
    visible: true,
    protected: false,
    blocks: [{ top: origin.top, left: origin.left, values: used.values, numberFormat: used.numberFormat }],
    merges: [],
  });
}
