/**
 * Reading the whole workbook into core grids in a fixed number of `context.sync()` calls,
 * whatever its size:
 *
 *   sync 1  every worksheet's name, visibility and protection, the workbook's structure
 *           protection, the active sheet and the stored settings;
 *   sync 2  for every sheet at once: the used range's values and number formats (values-only
 *           used range), its merged areas (ExcelApi 1.13), each row's hidden flag and row-level
 *           bold/italic (getRowProperties, 1.9; see convert.ts for why fonts are read per row),
 *           and the names of its charts (an owned report sheet's chart is replaced).
 *
 * What is not read: `formulas` (a second copy of every text; the reader needs a formula's result,
 * which `values` gives), `valueTypes` (errors are recognised by their text, see convert.ts) and
 * per-cell fonts. This keeps sync 2's response near the size of the plan's own text.
 *
 * Response size: Excel on the web refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded).
 * A plan whose cell text passes that (many thousands of long actions) cannot be read in one
 * response by any add-in; then, and only then, sync 2 is redone in row chunks: one sync for the
 * used ranges, then one per chunk of at most CHUNK_CELLS cells (halved while Excel still refuses).
 * Excel on the desktop has no such limit, so there the read is always 2 syncs.
 */
import type { Grid } from "../core/grid";
import type { Settings } from "../core/model";
import { ownedPurpose, type OwnedPurpose } from "../core/owned";
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

/** Cells per chunk when a sheet must be read in pieces (Excel on the web, very large plans). */
export const CHUNK_CELLS = 40_000;

const ROW_LOOK: Excel.RowPropertiesLoadOptions = { rowHidden: true, format: { font: { bold: true, italic: true } } };

interface Listed {
  ws: Excel.Worksheet;
  name: string;
  visibility: SheetInfo["visibility"];
  protected: boolean;
}

interface Structure {
  merges: Excel.RangeAreas;
  charts: Excel.ChartCollection;
}

/** Queues the merged areas and chart names of a sheet (small, whatever the sheet's size). */
function queueStructure(ws: Excel.Worksheet): Structure {
  // The whole used range (not values-only): a merged area is formatted, so it lies inside it.
  const merges = ws.getUsedRange(false).getMergedAreasOrNullObject();
  merges.load("address");
  const charts = ws.charts;
  charts.load("items/name");
  return { merges, charts };
}

function structureOf(s: Structure): { merges: ReturnType<typeof areasOfAddressList>; charts: string[] } {
  return {
    merges: s.merges.isNullObject ? [] : areasOfAddressList(s.merges.address),
    charts: s.charts.items.map((c) => c.name),
  };
}

/** Sync 2 in one go: every sheet's values, formats, merges, rows and charts. */
async function readAtOnce(context: Excel.RequestContext, listed: Listed[]): Promise<{ blocks: SheetBlock[]; structure: Structure }[]> {
  const queued = listed.map(({ ws }) => {
    const used = ws.getUsedRange(true);
    used.load("address,values,numberFormat");
    const rows = used.getRowProperties(ROW_LOOK);
    return { used, rows, structure: queueStructure(ws) };
  });
  await context.sync();
  return queued.map(({ used, rows, structure }) => {
    const origin = areaOfAddress(used.address) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    const block: SheetBlock = { top: origin.top, left: origin.left, values: used.values, numberFormat: used.numberFormat, rows: rows.value as RowLook[] };
    return { blocks: [block], structure };
  });
}

/** Sync 2 in pieces (only after Excel refused the one-go response as too large). */
async function readInChunks(context: Excel.RequestContext, listed: Listed[]): Promise<{ parts: { blocks: SheetBlock[]; structure: Structure }[]; syncs: number }> {
  const shapes = listed.map(({ ws }) => {
    const used = ws.getUsedRange(true);
    used.load("address");
    return { ws, used, structure: queueStructure(ws) };
  });
  await context.sync();
  let syncs = 1;
  const areas = shapes.map(({ used }) => areaOfAddress(used.address));
  const blocks: SheetBlock[][] = listed.map(() => []);
  type Piece = { sheet: number; top: number; rows: number; width: number };
  let budget = CHUNK_CELLS;
  const split = (sheet: number, top: number, bottom: number): Piece[] => {
    const area = areas[sheet];
    if (!area) return [];
    const width = area.right - area.left + 1;
    const step = Math.max(1, Math.floor(budget / width));
    const out: Piece[] = [];
    for (let r = top; r <= bottom; r += step) out.push({ sheet, top: r, rows: Math.min(step, bottom - r + 1), width });
    return out;
  };
  let queue: Piece[] = areas.flatMap((a, sheet) => (a ? split(sheet, a.top, a.bottom) : []));
  while (queue.length > 0) {
    const batch: Piece[] = [];
    let cells = 0;
    while (queue.length > 0 && (batch.length === 0 || cells + queue[0].rows * queue[0].width <= budget)) {
      const piece = queue.shift() as Piece;
      batch.push(piece);
      cells += piece.rows * piece.width;
    }
    const loaded = batch.map((p) => {
      const area = areas[p.sheet] as NonNullable<(typeof areas)[number]>;
      const range = shapes[p.sheet].ws.getRangeByIndexes(p.top, area.left, p.rows, p.width);
      range.load("values,numberFormat");
      return { p, left: area.left, range, rows: range.getRowProperties(ROW_LOOK) };
    });
    try {
      // One sync per chunk is the point here: each response must stay under Excel on the web's limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
    } catch (e) {
      syncs++;
      if (!isPayloadTooLarge(e) || budget <= 500) throw e;
      budget = Math.floor(budget / 2);
      queue = [...batch.flatMap((p) => split(p.sheet, p.top, p.top + p.rows - 1)), ...queue];
      continue;
    }
    for (const { p, left, range, rows } of loaded) {
      blocks[p.sheet].push({ top: p.top, left, values: range.values, numberFormat: range.numberFormat, rows: rows.value as RowLook[] });
    }
  }
  return { parts: shapes.map(({ structure }, i) => ({ blocks: blocks[i], structure })), syncs };
}

/** Every worksheet of the workbook as a core grid, with what the commands need to know about it. */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookRead> {
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
  let parts: { blocks: SheetBlock[]; structure: Structure }[];
  let syncs = 2;
  try {
    parts = await readAtOnce(context, listed);
  } catch (e) {
    if (!isPayloadTooLarge(e)) throw e;
    const chunked = await readInChunks(context, listed);
    syncs += chunked.syncs;
    parts = chunked.parts;
  }
  const grids: Grid[] = [];
  const sheets: SheetInfo[] = [];
  listed.forEach((s, i) => {
    const { merges, charts } = structureOf(parts[i].structure);
    const grid = gridFromRead({ name: s.name, visible: s.visibility === "Visible", protected: s.protected, blocks: parts[i].blocks, merges });
    grids.push(grid);
    sheets.push({ name: s.name, visibility: s.visibility, protected: s.protected, purpose: ownedPurpose(grid), charts });
  });
  return {
    grids,
    sheets,
    settings: parseSettings(stored.isNullObject ? null : stored.value),
    activeSheet: active.name,
    structureProtected: workbookProtection.protected,
    syncs,
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
