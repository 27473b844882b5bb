/**
 * The core's edits applied in Excel through Office.js: the same things the package writer (src/xlsx/package) does to a
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
 * - Owned sheets (the history, the report tabs): apply-owned.ts.
 */
import type { SheetEdits } from "../core/edits";
import { areaAddress, cellAddress, columnLetter, mergedCellTest, type Area, type Grid } from "../core/grid";
import { TEXT_FORMAT } from "../core/edits";
import { addStatusRules, columnPoints, joinAddresses } from "./apply-common";
import { estimate, type WriteBatch } from "./write";

export { mergedTextHeights, writeOwnedSheet } from "./apply-owned";

/** Rows between two cells of a column segment beyond which a new segment is cheaper than nulls. */
const MAX_GAP = 40;

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
    for (const group of joinAddresses(unmergedRuns(grid, edits.progressAreas).map(areaAddress))) {
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
