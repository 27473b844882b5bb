/**
 * The core's edits made on an ExcelJS workbook in memory: what tests use to look at a workbook
 * after a refresh without writing a file, and the benchmark's baseline (the ExcelJS re-save the
 * package writer replaced). The product writes files with src/xlsx/package.
 */
import type * as ExcelJS from "exceljs";
import type { CommandEdits } from "../../src/core/commands";
import type { OwnedSheet, SheetEdits } from "../../src/core/edits";
import { areasIntersect, parseArea, type Area } from "../../src/core/grid";
import { addListDropdown, addLaidOutSheet, addStatusFormats } from "../../src/xlsx/exceljs-sheet";

/** Areas of a space-separated A1 reference list ("H5:H9 H12"). */
function areasOf(ref: string): Area[] {
  return ref
    .split(/\s+/)
    .map(parseArea)
    .filter((a): a is Area => a !== null);
}

/** One plan sheet's edits: header cells (formatted like their row), RAG words, formats, dropdowns. */
export function applySheetEdits(wb: ExcelJS.Workbook, edits: SheetEdits): void {
  const ws = wb.getWorksheet(edits.sheet);
  if (!ws) throw new Error(`the sheet "${edits.sheet}" is no longer in the workbook`);
  for (const c of edits.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formatFrom) cell.style = JSON.parse(JSON.stringify(ws.getCell(c.formatFrom.row + 1, c.formatFrom.col + 1).style ?? {}));
    cell.value = c.value;
  }
  for (const { col, width } of edits.columnWidths) ws.getColumn(col + 1).width = width;
  // The product's earlier status rules within the scope go; the new ones go on.
  const own = ws as unknown as { conditionalFormattings?: { ref: string }[] };
  own.conditionalFormattings = (own.conditionalFormattings ?? []).filter((cf) => !areasOf(cf.ref).some((a) => edits.ragFormatScope.some((s) => areasIntersect(a, s))));
  addStatusFormats(ws, edits.ragAreas);
  const dv = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations;
  for (const key of Object.keys(dv.model)) {
    if (areasOf(key).some((a) => edits.progressAreas.some((b) => areasIntersect(a, b)))) delete dv.model[key];
  }
  const choices = edits.progressChoices;
  for (const area of edits.progressAreas) addListDropdown(ws, area, choices, `Choose ${choices.join(", ")} (or type your own words).`);
}

/** An owned sheet rewritten whole: removed and added again in its old place (a file has no undo history to keep). */
export function writeOwnedSheet(wb: ExcelJS.Workbook, sheet: OwnedSheet): void {
  const old = wb.getWorksheet(sheet.name);
  let orderNo: number | undefined;
  if (old) {
    orderNo = (old as unknown as { orderNo: number }).orderNo;
    wb.removeWorksheet(old.id);
  }
  const ws = addLaidOutSheet(wb, sheet);
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
}

/** The core's edits made on a workbook in memory: the plan sheets' edits, then the owned sheets rewritten. */
export function applyEdits(wb: ExcelJS.Workbook, edits: CommandEdits): void {
  for (const sheet of edits.sheets) applySheetEdits(wb, sheet);
  for (const sheet of edits.owned) writeOwnedSheet(wb, sheet);
}
