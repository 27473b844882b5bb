/**
 * The parts of a workbook read that follow Excel's limits (see read.ts for the whole read):
 *
 * - Merged areas are asked for in bands of MERGE_BAND_ROWS rows: `getMergedAreasOrNullObject`
 *   fails to return anything for a range holding more than 512 merged areas (its documentation
 *   in the Office.js type definitions), and a plan with a merged comment row under each action
 *   passes 512 at a few hundred actions. A band of 128 rows keeps under the limit for up to four
 *   merged areas a row. Bands go into the sync that reads their rows, so they add no sync.
 * - Rows beyond the first sync's are read in pieces: of about READ_BUDGET_BYTES each where Excel
 *   limits payloads (Excel on the web, 5 MB), and of at most CELL_LIMIT cells everywhere (a range
 *   is limited to 5,000,000 cells for read operations, on every platform).
 */
import { areaAddress, type Area } from "../core/grid";
import { areaOfAddress, areasOfAddressList, type RowLook, type SheetBlock } from "./convert";
import { isPayloadTooLarge } from "./errors";

/** Rough ceiling on each read response (Excel on the web refuses responses over 5 MB). */
export const READ_BUDGET_BYTES = 4 * 1024 * 1024;
/** Cells Excel reads in one range at most ("A range is limited to 5,000,000 cells for read operations"). */
export const CELL_LIMIT = 5_000_000;
/** Rows of one `getMergedAreasOrNullObject` call (Excel returns nothing past 512 merged areas). */
export const MERGE_BAND_ROWS = 128;

export const ROW_LOOK: Excel.RowPropertiesLoadOptions = { rowHidden: true, format: { font: { bold: true, italic: true } } };

/** A block of rows still to read: sheet, rows and columns (0-based, inclusive), and whether its merges are wanted. */
export interface Piece {
  sheet: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  merges: boolean;
}

/** The merged areas asked for so far, per sheet. */
export type MergeBands = Excel.RangeAreas[][];

/** Queues the merged areas of rows top..bottom, columns left..right, in bands under Excel's limit. */
export function queueMergeBands(ws: Excel.Worksheet, area: Area, into: Excel.RangeAreas[]): void {
  for (let top = area.top; top <= area.bottom; top += MERGE_BAND_ROWS) {
    const band = { ...area, top, bottom: Math.min(area.bottom, top + MERGE_BAND_ROWS - 1) };
    const merged = ws.getRange(areaAddress(band)).getMergedAreasOrNullObject();
    merged.load("address");
    into.push(merged);
  }
}

/** The merged areas of a sheet's bands, each once (a merge across two bands is in both). */
export function mergesOf(bands: ReadonlyArray<Excel.RangeAreas>): Area[] {
  const seen = new Map<string, Area>();
  for (const band of bands) {
    if (band.isNullObject) continue;
    for (const a of areasOfAddressList(band.address)) seen.set(`${a.top}:${a.left}:${a.bottom}:${a.right}`, a);
  }
  return [...seen.values()];
}

export function blockOf(range: Excel.Range, rows: OfficeExtension.ClientResult<Excel.RowProperties[]> | null): SheetBlock {
  const origin = areaOfAddress(range.address) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  return { top: origin.top, left: origin.left, values: range.values, numberFormat: range.numberFormat, rows: rows ? (rows.value as RowLook[]) : undefined };
}

/** JSON size of a block as Excel returns it (to size the chunks that follow). */
export function blockBytes(b: SheetBlock): number {
  return JSON.stringify(b.values).length + JSON.stringify(b.numberFormat).length + JSON.stringify(b.rows ?? []).length;
}

/**
 * Reads pieces of sheets, one sync per request's worth: at most `budget` bytes (estimated from the
 * bytes per cell measured on the first rows; Infinity where Excel sets no payload limit) and at
 * most CELL_LIMIT cells a range. A request Excel still finds too large is split in two.
 */
export async function readPieces(
  context: Excel.RequestContext,
  sheets: ReadonlyArray<Excel.Worksheet>,
  pieces: Piece[],
  cellBytes: number,
  blocks: SheetBlock[][],
  bands: MergeBands,
  limitBytes: number,
): Promise<number> {
  let syncs = 0;
  let budget = limitBytes;
  const rowBytesOf = (p: Piece) => (p.right - p.left + 1) * cellBytes + 80;
  const maxRows = (p: Piece) => Math.max(1, Math.floor(CELL_LIMIT / (p.right - p.left + 1)));
  const split = (p: Piece): Piece[] => {
    const step = Math.max(1, Math.min(maxRows(p), Math.floor(budget / rowBytesOf(p))));
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
      const rowBytes = rowBytesOf(p);
      const rows = Math.floor((budget - bytes) / rowBytes);
      if (rows >= p.bottom - p.top + 1) {
        batch.push(queue.shift() as Piece);
        bytes += (p.bottom - p.top + 1) * rowBytes;
      } else {
        if (rows < 1 && batch.length > 0) break;
        const take = Math.max(1, rows);
        batch.push({ ...p, bottom: p.top + take - 1 });
        queue[0] = { ...p, top: p.top + take };
        bytes += take * rowBytes;
      }
    }
    const loaded = batch.map((p) => {
      const ws = sheets[p.sheet];
      const range = ws.getRangeByIndexes(p.top, p.left, p.bottom - p.top + 1, p.right - p.left + 1);
      range.load("address,values,numberFormat");
      const pieceBands: Excel.RangeAreas[] = [];
      if (p.merges) queueMergeBands(ws, p, pieceBands);
      return { p, range, rows: range.getRowProperties(ROW_LOOK), pieceBands };
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
    for (const { p, range, rows, pieceBands } of loaded) {
      blocks[p.sheet].push(blockOf(range, rows));
      bands[p.sheet].push(...pieceBands);
    }
  }
  return syncs;
}
