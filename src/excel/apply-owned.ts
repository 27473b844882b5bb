/**
 * Owned sheets (the history, the report tabs) written in Excel: cleared and rewritten, never
 * deleted (deleting a worksheet wipes the officer's undo history). Values go in blocks of rows;
 * formats go on the rectangles of cells that share a look, so a 10,000-row table takes a handful
 * of format writes; rows of merged wrapped text get heights from their text (AutoFit ignores
 * merged cells).
 */
import { pushTo } from "../core/common";
import { toExcelSerial } from "../core/dates";
import type { ChartSpec, OwnedCell, OwnedSheet } from "../core/edits";
import { areaAddress, cellAddress, columnLetter, type Area } from "../core/grid";
import { estimateRowHeights, OWNED_LOOKS, OWNED_MARKER_COL, TEXT_FORMAT, type CellLook } from "../core/edits";
import { addStatusRules, columnPoints, joinAddresses } from "./apply-common";
import type { SheetInfo } from "./read";
import { writePageBreaks } from "./page-breaks";
import { estimate, utf8Length, type WriteBatch } from "./write";

/** Name given to the chart on the board report, so the next report replaces it. */
const CHART_NAME = "Action Plan RAG - status by theme";

/** The value Excel gets for an owned cell: numbers as numbers, ISO dates as Excel dates, text as text. */
function ownedValue(c: OwnedCell): string | number {
  if (c.isDate && typeof c.value === "string") return toExcelSerial(c.value);
  return c.value;
}

function ownedLook(c: OwnedCell): CellLook {
  return OWNED_LOOKS[c.style ?? "text"];
}

/** The number format of an owned cell: text is always "@" (so "=..." stays text), else its style's. */
function ownedFormat(c: OwnedCell): string {
  if (typeof c.value === "string" && !c.isDate) return TEXT_FORMAT;
  return ownedLook(c).numberFormat ?? "General";
}

/** A look without its number format (which goes with the values, cell by cell). */
function visualKey(look: CellLook): string {
  const { numberFormat: _ignored, ...rest } = look;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

/**
 * Rectangles of cells that look the same: runs down each column, joined across neighbouring
 * columns with the same runs. Looks are compared without their number format (written with the
 * values), and a cell inside a merged area counts as its top-left cell, so a table whose rows
 * alternate numbers and percentages, or whose labels are merged down two rows, is one rectangle
 * per kind of column rather than one per row.
 */
function lookRectangles(rows: ReadonlyArray<ReadonlyArray<OwnedCell | null>>, merges: ReadonlyArray<Area> = []): { area: Area; look: CellLook }[] {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const coveredBy = new Map<number, OwnedCell | null>();
  for (const m of merges) {
    const top = rows[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) coveredBy.set(r * 100_000 + c, top);
  }
  const lookAt = (r: number, c: number): CellLook | null => {
    const cell = rows[r]?.[c] ?? (coveredBy.has(r * 100_000 + c) ? coveredBy.get(r * 100_000 + c) : null);
    return cell ? ownedLook(cell) : null;
  };
  const runs = new Map<string, { top: number; bottom: number; look: CellLook; cols: number[] }>();
  for (let col = 0; col < width; col++) {
    let start = 0;
    let key: string | null = null;
    let look: CellLook | null = null;
    for (let r = 0; r <= rows.length; r++) {
      const l = r < rows.length ? lookAt(r, col) : null;
      const k = l ? visualKey(l) : null;
      if (k === key) continue;
      if (key !== null && look) {
        const id = `${start}:${r - 1}:${key}`;
        const run = runs.get(id) ?? { top: start, bottom: r - 1, look, cols: [] };
        run.cols.push(col);
        runs.set(id, run);
      }
      start = r;
      key = k;
      look = l;
    }
  }
  const out: { area: Area; look: CellLook }[] = [];
  for (const run of runs.values()) {
    let left = run.cols[0];
    for (let i = 1; i <= run.cols.length; i++) {
      if (i < run.cols.length && run.cols[i] === run.cols[i - 1] + 1) continue;
      out.push({ area: { top: run.top, left, bottom: run.bottom, right: run.cols[i - 1] }, look: run.look });
      if (i < run.cols.length) left = run.cols[i];
    }
  }
  return out.sort((a, b) => a.area.top - b.area.top || a.area.left - b.area.left);
}

const OUTER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

async function applyLook(batch: WriteBatch, ws: Excel.Worksheet, area: Area, look: CellLook): Promise<void> {
  const inner = [...(area.bottom > area.top ? (["InsideHorizontal"] as const) : []), ...(area.right > area.left ? (["InsideVertical"] as const) : [])];
  const edges = look.border ? [...OUTER_EDGES, ...inner] : [];
  await batch.room(estimate(5 + edges.length, 9 + edges.length * 2, areaAddress(area), look));
  const format = ws.getRange(areaAddress(area)).format;
  format.font.name = "Calibri";
  format.font.size = look.size ?? 11;
  format.font.bold = look.bold ?? false;
  format.font.italic = look.italic ?? false;
  format.font.color = `#${look.fontColor ?? "000000"}`;
  if (look.fill) format.fill.color = `#${look.fill}`;
  format.wrapText = look.wrap ?? false;
  format.verticalAlignment = "Top";
  if (look.hAlign) format.horizontalAlignment = look.hAlign === "left" ? "Left" : look.hAlign === "center" ? "Center" : "Right";
  for (const edge of edges) {
    const border = format.borders.getItem(edge);
    border.style = "Continuous";
    border.color = "#BFBFBF";
  }
}

async function addChart(batch: WriteBatch, ws: Excel.Worksheet, spec: ChartSpec): Promise<void> {
  const series = spec.data.right - spec.data.left;
  if (series < 1 || spec.data.bottom <= spec.data.top) return; // nothing to chart (Excel refuses an empty series)
  await batch.room(estimate(6 + series * 4, 8 + series, areaAddress(spec.data), spec.title, spec.colors));
  const chart = ws.charts.add("BarStacked", ws.getRange(areaAddress(spec.data)), "Columns");
  chart.name = CHART_NAME;
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  chart.setPosition(cellAddress(spec.anchor.top, spec.anchor.left), cellAddress(spec.anchor.bottom, spec.anchor.right));
  spec.colors.slice(0, series).forEach((colour, i) => chart.series.getItemAt(i).format.fill.setSolidColor(`#${colour}`));
}

/**
 * Heights (points) for the rows of an owned sheet that hold a merged cell of wrapped text, which
 * Excel's AutoFit leaves at one line: runs of neighbouring rows of the same height, each one write.
 */
export function mergedTextHeights(sheet: OwnedSheet): { top: number; bottom: number; height: number }[] {
  const rows = new Set<number>();
  for (const m of sheet.merges) {
    const cell = sheet.rows[m.top]?.[m.left];
    if (!cell || typeof cell.value !== "string" || !OWNED_LOOKS[cell.style ?? "text"].wrap) continue;
    for (let r = m.top; r <= m.bottom; r++) rows.add(r);
  }
  if (rows.size === 0) return [];
  // The estimate stops at Excel's tallest row, 409 points (a longer text is cut there, in Excel as in the file).
  const heights = estimateRowHeights(sheet);
  const runs: { top: number; bottom: number; height: number }[] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.bottom === r - 1 && last.height === heights[r]) last.bottom = r;
    else runs.push({ top: r, bottom: r, height: heights[r] });
  }
  return runs;
}

/**
 * The merge calls for an owned sheet's merged areas: merged areas of one row each, over the same
 * columns in neighbouring rows (a report's comment rows), become one "merge across" of their
 * rows (Range.merge(true) merges each row of the range on its own); any other merged area is
 * merged alone. A report of thousands of comment rows takes a few hundred calls, not thousands.
 */
export function mergeCalls(merges: ReadonlyArray<Area>): { area: Area; across: boolean }[] {
  const single = merges.filter((m) => m.top === m.bottom).sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const out: { area: Area; across: boolean }[] = merges.filter((m) => m.top !== m.bottom).map((m) => ({ area: { ...m }, across: false }));
  let run: Area | null = null;
  for (const m of single) {
    if (run && run.left === m.left && run.right === m.right && run.bottom === m.top - 1) {
      run.bottom = m.top;
      continue;
    }
    run = { ...m };
    out.push({ area: run, across: true });
  }
  return out;
}

/**
 * The runs of rows grouped by height into RangeAreas addresses ("5:5,9:10,14:14", see
 * joinAddresses): one write per group, so a report of thousands of comment rows takes a few
 * hundred writes of its row heights, not one per row.
 */
export function rowHeightGroups(runs: ReadonlyArray<{ top: number; bottom: number; height: number }>): { address: string; height: number }[] {
  const byHeight = new Map<number, string[]>();
  for (const run of runs) pushTo(byHeight, run.height, `${run.top + 1}:${run.bottom + 1}`);
  return [...byHeight].flatMap(([height, parts]) => joinAddresses(parts).map((address) => ({ address, height })));
}

/** Rows of an owned sheet's values block per write: about a quarter of the request budget. */
const OWNED_BLOCK_BYTES = 1024 * 1024;

/**
 * An owned sheet written whole: cleared when it is there already (found by its marker), added
 * when it is not. Never deleted and re-added: `worksheet.delete()` empties the undo list.
 */
export async function writeOwnedSheet(batch: WriteBatch, context: Excel.RequestContext, sheet: OwnedSheet, existing: SheetInfo | undefined): Promise<void> {
  const visibility = sheet.visibility === "veryHidden" ? "VeryHidden" : "Visible";
  await batch.room(estimate(6, 6 + (existing?.charts.length ?? 0) * 2, sheet.name));
  let ws: Excel.Worksheet;
  if (existing) {
    ws = context.workbook.worksheets.getItem(existing.name);
    for (const name of existing.charts) ws.charts.getItem(name).delete();
    const all = ws.getRange();
    all.conditionalFormats.clearAll();
    all.unmerge();
    all.clear("All");
    all.columnHidden = false;
    ws.freezePanes.unfreeze();
  } else {
    ws = context.workbook.worksheets.add(sheet.name);
  }
  // A new sheet is visible already; Excel on Windows and Mac cannot undo a visibility change, so
  // it is set only when it must change (see office-service.ts on undo groups).
  if (existing ? existing.visibility !== visibility : visibility !== "Visible") ws.visibility = visibility;

  // Values, with their number formats first (text as "@", so a comment starting "=" stays text).
  const width = sheet.rows.reduce((m, row) => {
    let last = -1;
    row.forEach((c, i) => {
      if (c && i !== OWNED_MARKER_COL) last = i;
    });
    return Math.max(m, last + 1);
  }, 0);
  let start = 0;
  let bytes = 0;
  const flushRows = async (end: number) => {
    if (end < start || width === 0) return;
    const values = sheet.rows.slice(start, end + 1).map((row) => Array.from({ length: width }, (_, i) => (row[i] ? ownedValue(row[i] as OwnedCell) : null)));
    const formats = sheet.rows.slice(start, end + 1).map((row) => Array.from({ length: width }, (_, i) => (row[i] ? ownedFormat(row[i] as OwnedCell) : null)));
    const address = areaAddress({ top: start, left: 0, bottom: end, right: width - 1 });
    await batch.room(estimate(1, 2, address, values, formats));
    const range = ws.getRange(address);
    range.numberFormat = formats;
    range.values = values;
  };
  for (let r = 0; r < sheet.rows.length; r++) {
    const rowBytes = utf8Length(JSON.stringify(sheet.rows[r])) + width * 8;
    if (bytes > 0 && bytes + rowBytes > OWNED_BLOCK_BYTES) {
      await flushRows(r - 1);
      start = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  await flushRows(sheet.rows.length - 1);
  const marker = sheet.rows[0]?.[OWNED_MARKER_COL];
  if (marker) {
    const address = cellAddress(0, OWNED_MARKER_COL);
    await batch.room(estimate(1, 2, address, marker.value));
    const cell = ws.getRange(address);
    cell.numberFormat = [[TEXT_FORMAT]];
    cell.values = [[marker.value]];
  }

  for (const { area, look } of lookRectangles(sheet.rows, sheet.merges)) await applyLook(batch, ws, area, look);
  for (const { area, across } of mergeCalls(sheet.merges)) {
    await batch.room(estimate(1, 1, areaAddress(area), across));
    ws.getRange(areaAddress(area)).merge(across);
  }
  if (width > 0 && sheet.rows.length > 0) {
    // Excel fits row heights to wrapped text itself when asked, except where the text is in a
    // merged cell: AutoFit ignores merged cells. Those rows get the height the core estimates
    // from the text (the .xlsx writer uses the same estimate for every row).
    await batch.room(estimate(2, 1, "autofitRows"));
    ws.getRange(areaAddress({ top: 0, left: 0, bottom: sheet.rows.length - 1, right: width - 1 })).format.autofitRows();
    for (const { address, height } of rowHeightGroups(mergedTextHeights(sheet))) {
      await batch.room(estimate(2, 1, address, height));
      ws.getRanges(address).format.rowHeight = height;
    }
  }
  for (const area of sheet.ragAreas) await addStatusRules(batch, ws.getRange(areaAddress(area)), area.top, area.left);
  await batch.room(estimate(3 * sheet.columnWidths.length + 2, sheet.columnWidths.length + 1, sheet.columnWidths));
  sheet.columnWidths.forEach((w, i) => (ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = columnPoints(w)));
  const markerCol = columnLetter(OWNED_MARKER_COL);
  ws.getRange(`${markerCol}:${markerCol}`).columnHidden = true;
  if (sheet.freezeRows > 0) ws.freezePanes.freezeRows(sheet.freezeRows);
  if (sheet.chart) await addChart(batch, ws, sheet.chart);

  // Print set-up last (ExcelApi 1.9): landscape or portrait, A4, one page wide, header rows repeated.
  await batch.room(estimate(4, 12, sheet.printTitleRows));
  const page = ws.pageLayout;
  page.orientation = sheet.landscape ? "Landscape" : "Portrait";
  page.paperSize = "A4";
  // A fixed scale where the layout placed page breaks (Excel ignores manual breaks under Fit to).
  page.zoom = sheet.printScalePercent ? { scale: sheet.printScalePercent } : { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.leftMargin = 36;
  page.rightMargin = 36;
  page.topMargin = 43.2;
  page.bottomMargin = 43.2;
  page.headerMargin = 21.6;
  page.footerMargin = 21.6;
  page.headersFooters.defaultForAllPages.leftFooter = "&A";
  page.headersFooters.defaultForAllPages.rightFooter = "Page &P of &N";
  if (sheet.printTitleRows) page.setPrintTitleRows(`$${sheet.printTitleRows[0] + 1}:$${sheet.printTitleRows[1] + 1}`);
  await writePageBreaks(batch, ws, sheet.rowBreaks ?? [], existing !== undefined);
}
