/**
 * The core's edits applied in Excel through Office.js: the same things src/xlsx/apply.ts does to a
 * file, written so that the size of a request grows with the plan's text, not with its layout:
 *
 * - RAG words and new header cells are written one column segment at a time (one range per run
 *   of rows, with `null` for the rows in between, which Office.js leaves untouched), with the
 *   text number format "@" first so that nothing typed in is turned into a date or a formula.
 * - A cell the core wants in its row's look (a new header, a RAG cell of an added column) gets
 *   `copyFrom(..., "Formats")` of that cell: one copy per cell, the one write that grows with the
 *   number of actions (on the first refresh only: later refreshes find the RAG column there).
 * - Conditional formats: one rule per status word on each RAG column's span (ragFormatScope),
 *   keyed on the cell's text (`=TRIM($I28)="Red"`), after clearing every rule in that column from
 *   the first action down to the last used row, so a second refresh leaves the same five rules.
 *   Rules on the span rather than on each run of action rows keep a plan at five rules a column
 *   whatever its size; the rows between are comment, blank or header rows, whose RAG cells hold
 *   no status word, and where an officer types one it is coloured like any other.
 * - The Progress dropdown: a list validation that still accepts other words (errorAlert off), on
 *   the Progress cells of action rows exactly, through RangeAreas of at most 240 characters of
 *   address each (a conservative size: Excel documents no limit for a RangeAreas address).
 * - Owned sheets (the history, the report tabs) are cleared and rewritten, never deleted: deleting
 *   a worksheet wipes the officer's undo history. Values go in blocks of rows; formats go on the
 *   rectangles of cells that share a look, so a 10,000-row table takes a handful of format writes.
 */
import { toExcelSerial } from "../core/dates";
import type { ChartSpec, OwnedCell, OwnedSheet, SheetEdits } from "../core/edits";
import { areaAddress, cellAddress, columnLetter, mergedCellTest, type Area, type Grid } from "../core/grid";
import { OWNED_MARKER_COL } from "../core/edits";
import { OWNED_LOOKS, TEXT_FORMAT, type CellLook } from "../core/edits";
import { STATUS_STYLES } from "../core/edits";
import type { SheetInfo } from "./read";
import { estimate, utf8Length, type WriteBatch } from "./write";
import { writePageBreaks } from "./page-breaks";

/** Name given to the chart on the board report, so the next report replaces it. */
export const CHART_NAME = "Action Plan RAG - status by theme";

/** Rows between two cells of a column segment beyond which a new segment is cheaper than nulls. */
const MAX_GAP = 40;
/** Longest RangeAreas address written in one go. */
const MAX_AREAS_ADDRESS = 240;

/** Where merged areas cover a column: rows inside a merge of more than one cell, and their top-left rows. */
function mergesInColumn(grid: Grid, col: number): { covered: Set<number>; topLeft: Set<number> } {
  const covered = new Set<number>();
  const topLeft = new Set<number>();
  for (const m of grid.merges) {
    if (col < m.left || col > m.right || (m.top === m.bottom && m.left === m.right)) continue;
    for (let r = m.top; r <= m.bottom; r++) covered.add(r);
    if (m.left === col) topLeft.add(m.top);
  }
  return { covered, topLeft };
}

/** Runs of rows to write in one range each: cut at long gaps and at merged cells of the column. */
export function columnSegments(rows: ReadonlyArray<number>, merges: { covered: Set<number>; topLeft: Set<number> }): { top: number; bottom: number }[] {
  const out: { top: number; bottom: number }[] = [];
  let current: { top: number; bottom: number } | null = null;
  for (const r of [...new Set(rows)].sort((a, b) => a - b)) {
    if (merges.covered.has(r)) {
      // Only the top-left cell of a merged area can take a value; it is written on its own.
      current = null;
      if (merges.topLeft.has(r)) out.push({ top: r, bottom: r });
      continue;
    }
    let cut = current === null || r - current.bottom > MAX_GAP;
    if (!cut && current) for (let g = current.bottom + 1; g < r; g++) if (merges.covered.has(g)) cut = true;
    if (cut || !current) {
      current = { top: r, bottom: r };
      out.push(current);
    } else current.bottom = r;
  }
  return out;
}

/** The status rules (one per status word) on a range whose top-left cell is row/col. */
async function addStatusRules(batch: WriteBatch, range: Excel.Range, row: number, col: number): Promise<void> {
  const anchor = `$${columnLetter(col)}${row + 1}`;
  for (const s of STATUS_STYLES) {
    const formula = `=TRIM(${anchor})="${s.word}"`;
    await batch.room(estimate(8, 5, "Custom", formula, s.fill, s.font));
    const cf = range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = `#${s.fill}`;
    cf.custom.format.font.color = `#${s.font}`;
  }
}

/** "A1,B3:B5,..." groups of areas, each address at most MAX_AREAS_ADDRESS characters long. */
export function addressGroups(areas: ReadonlyArray<Area>): string[] {
  const groups: string[] = [];
  let current = "";
  for (const a of areas) {
    const addr = areaAddress(a);
    if (current !== "" && current.length + 1 + addr.length > MAX_AREAS_ADDRESS) {
      groups.push(current);
      current = "";
    }
    current = current === "" ? addr : `${current},${addr}`;
  }
  if (current !== "") groups.push(current);
  return groups;
}

/** Rows of areas (one column each) without the cells that lie in a merged area, as runs again. */
function unmergedRuns(grid: Grid, areas: ReadonlyArray<Area>): Area[] {
  const inMerge = mergedCellTest(grid);
  const out: Area[] = [];
  for (const a of areas) {
    for (let col = a.left; col <= a.right; col++) {
      let run: Area | null = null;
      for (let r = a.top; r <= a.bottom; r++) {
        if (inMerge(r, col)) {
          run = null;
          continue;
        }
        if (run && run.bottom === r - 1) run.bottom = r;
        else {
          run = { top: r, left: col, bottom: r, right: col };
          out.push(run);
        }
      }
    }
  }
  return out;
}

/** Excel column width in points for a width in characters (Calibri 11: 7 pixels a character, 5 of padding). */
export function columnPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** One plan sheet's edits. `grid` is the sheet as read (for merged cells and its last used row). */
export async function applySheetEdits(batch: WriteBatch, ws: Excel.Worksheet, edits: SheetEdits, grid: Grid): Promise<void> {
  await writeCells(batch, ws, edits, grid);
  await writeStatusFormats(batch, ws, edits, grid);
  await writeDropdowns(batch, ws, edits, grid);
}

/** The cells (RAG words and headers, formatted like their row) and the widths of added columns. */
async function writeCells(batch: WriteBatch, ws: Excel.Worksheet, edits: SheetEdits, grid: Grid): Promise<void> {
  const inMerge = mergedCellTest(grid);
  // Looks first (a copied format would otherwise replace the text format set below).
  for (const c of edits.cells) {
    if (!c.formatFrom || inMerge(c.formatFrom.row, c.formatFrom.col) || inMerge(c.row, c.col)) continue;
    const target = cellAddress(c.row, c.col);
    const source = cellAddress(c.formatFrom.row, c.formatFrom.col);
    await batch.room(estimate(2, 3, target, source, "Formats"));
    ws.getRange(target).copyFrom(ws.getRange(source), "Formats");
  }
  const byCol = new Map<number, Map<number, string>>();
  for (const c of edits.cells) {
    const col = byCol.get(c.col) ?? new Map<number, string>();
    col.set(c.row, c.value);
    byCol.set(c.col, col);
  }
  for (const [col, cells] of byCol) {
    for (const seg of columnSegments([...cells.keys()], mergesInColumn(grid, col))) {
      const values: (string | null)[][] = [];
      const formats: (string | null)[][] = [];
      for (let r = seg.top; r <= seg.bottom; r++) {
        const v = cells.get(r);
        values.push([v ?? null]);
        formats.push([v === undefined ? null : TEXT_FORMAT]);
      }
      const address = areaAddress({ top: seg.top, left: col, bottom: seg.bottom, right: col });
      await batch.room(estimate(1, 3, address, values, formats));
      const range = ws.getRange(address);
      range.numberFormat = formats;
      range.values = values;
    }
  }
  for (const { col, width } of edits.columnWidths ?? []) {
    await batch.room(estimate(3, 2, width));
    ws.getRange(`${columnLetter(col)}:${columnLetter(col)}`).format.columnWidth = columnPoints(width);
  }
}

/** Conditional formats on the RAG cells, replacing the product's own earlier rules. */
async function writeStatusFormats(batch: WriteBatch, ws: Excel.Worksheet, edits: SheetEdits, grid: Grid): Promise<void> {
  const lastRow = Math.max(0, grid.rows.length - 1);
  for (const scope of edits.ragFormatScope) {
    const clearArea = { ...scope, bottom: Math.max(scope.bottom, lastRow) };
    await batch.room(estimate(2, 1, areaAddress(clearArea)));
    ws.getRange(areaAddress(clearArea)).conditionalFormats.clearAll();
  }
  for (const scope of edits.ragFormatScope) {
    await batch.room(estimate(1, 0, areaAddress(scope)));
    await addStatusRules(batch, ws.getRange(areaAddress(scope)), scope.top, scope.left);
  }
}

/** The Progress dropdown on the action rows' Progress cells. */
async function writeDropdowns(batch: WriteBatch, ws: Excel.Worksheet, edits: SheetEdits, grid: Grid): Promise<void> {
  if (edits.progressAreas.length > 0) {
    const choices = edits.progressChoices.join(", ");
    const rule: Excel.DataValidationRule = { list: { inCellDropDown: true, source: edits.progressChoices.join(",") } };
    const errorAlert: Excel.DataValidationErrorAlert = { showAlert: false, style: "Information", title: "Progress", message: `Usual values: ${choices}.` };
    const prompt: Excel.DataValidationPrompt = { showPrompt: true, title: "Progress", message: `Choose ${choices} (or type your own words).` };
    for (const group of addressGroups(unmergedRuns(grid, edits.progressAreas))) {
      await batch.room(estimate(2, 5, group, rule, errorAlert, prompt));
      const dv = ws.getRanges(group).dataValidation;
      dv.clear();
      dv.rule = rule;
      dv.errorAlert = errorAlert;
      dv.prompt = prompt;
      dv.ignoreBlanks = true;
    }
  }
}

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
export function lookRectangles(rows: ReadonlyArray<ReadonlyArray<OwnedCell | null>>, merges: ReadonlyArray<Area> = []): { area: Area; look: CellLook }[] {
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
  for (const m of sheet.merges) {
    await batch.room(estimate(1, 1, areaAddress(m)));
    ws.getRange(areaAddress(m)).merge(false);
  }
  if (width > 0 && sheet.rows.length > 0) {
    // Excel fits row heights to wrapped text itself when asked (a file needs them estimated).
    await batch.room(estimate(2, 1, "autofitRows"));
    ws.getRange(areaAddress({ top: 0, left: 0, bottom: sheet.rows.length - 1, right: width - 1 })).format.autofitRows();
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
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
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
