/**
 * The core's edits applied to an ExcelJS workbook (in memory, as tests use it), and the refresh and
 * report commands on files, which the package writer (./package/write.ts) makes.
 * What the edits do not name is left exactly as it was read.
 */
import type * as ExcelJS from "exceljs";
import type { CommandEdits, CommandPlan } from "../core/commands";
import type { OwnedSheet, SheetEdits } from "../core/edits";
import { areaAddress, areasIntersect, cellAddress, columnLetter, parseArea, type Area } from "../core/grid";
import { OWNED_MARKER_COL } from "../core/edits";
import { OWNED_LOOKS, type CellLook } from "../core/edits";
import { STATUS_STYLES } from "../core/edits";
import { estimateRowHeights } from "../core/edits";
import { checkOutputPath, FileProblem } from "./file-problem";
import { writeWorkbookFile, WriteRefusal } from "./package/write";

const argb = (hex: string) => ({ argb: `FF${hex}` });

/** Areas of a space-separated A1 reference list ("H5:H9 H12"). */
function areasOf(ref: string): Area[] {
  return ref
    .split(/\s+/)
    .map(parseArea)
    .filter((a): a is Area => a !== null);
}

/** Conditional formatting on RAG areas: one expression rule per status word, replacing the product's old rules. */
function applyRagFormats(ws: ExcelJS.Worksheet, scope: Area[], areas: Area[]): void {
  const own = ws as unknown as { conditionalFormattings?: { ref: string }[] };
  own.conditionalFormattings = (own.conditionalFormattings ?? []).filter((cf) => !areasOf(cf.ref).some((a) => scope.some((s) => areasIntersect(a, s))));
  for (const area of areas) {
    const anchor = `$${columnLetter(area.left)}${area.top + 1}`;
    ws.addConditionalFormatting({
      ref: areaAddress(area),
      rules: STATUS_STYLES.map((s, i) => ({
        type: "expression",
        priority: i + 1,
        formulae: [`TRIM(${anchor})="${s.word}"`],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: argb(s.fill) }, font: { color: argb(s.font) } },
      })),
    });
  }
}

/** The Progress dropdown: a list validation that suggests the choices and still allows other words. */
function applyProgressDropdowns(ws: ExcelJS.Worksheet, areas: Area[], choices: ReadonlyArray<string>): void {
  const dv = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations;
  for (const key of Object.keys(dv.model)) {
    if (areasOf(key).some((a) => areas.some((b) => areasIntersect(a, b)))) delete dv.model[key];
  }
  for (const area of areas) {
    for (let r = area.top; r <= area.bottom; r++) {
      ws.getCell(cellAddress(r, area.left)).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${choices.join(",")}"`],
        showErrorMessage: false,
        showInputMessage: true,
        promptTitle: "Progress",
        prompt: `Choose ${choices.join(", ")} (or type your own words).`,
      };
    }
  }
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
  applyRagFormats(ws, edits.ragFormatScope, edits.ragAreas);
  applyProgressDropdowns(ws, edits.progressAreas, edits.progressChoices);
}

function lookToStyle(look: CellLook): Partial<ExcelJS.Style> {
  const thin = { style: "thin" as const, color: argb("BFBFBF") };
  return {
    font: { name: "Calibri", size: look.size ?? 11, bold: look.bold ?? false, italic: look.italic ?? false, ...(look.fontColor ? { color: argb(look.fontColor) } : {}) },
    ...(look.fill ? { fill: { type: "pattern" as const, pattern: "solid" as const, fgColor: argb(look.fill) } } : {}),
    ...(look.border ? { border: { top: thin, left: thin, bottom: thin, right: thin } } : {}),
    alignment: { vertical: "top", wrapText: look.wrap ?? false, ...(look.hAlign ? { horizontal: look.hAlign } : {}) },
    ...(look.numberFormat ? { numFmt: look.numberFormat } : {}),
  };
}

/** An owned sheet rewritten whole: removed and added again in its old place (a file has no undo history to keep). */
export function writeOwnedSheet(wb: ExcelJS.Workbook, sheet: OwnedSheet): void {
  const old = wb.getWorksheet(sheet.name);
  let orderNo: number | undefined;
  if (old) {
    orderNo = (old as unknown as { orderNo: number }).orderNo;
    wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.visibility === "veryHidden" ? "veryHidden" : "visible",
    views: sheet.freezeRows > 0 ? [{ state: "frozen", ySplit: sheet.freezeRows, xSplit: 0 }] : [],
    pageSetup: {
      orientation: sheet.landscape ? "landscape" : "portrait",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(sheet.printTitleRows ? { printTitlesRow: `${sheet.printTitleRows[0] + 1}:${sheet.printTitleRows[1] + 1}` } : {}),
    },
  });
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  ws.headerFooter.oddFooter = "&L&A&RPage &P of &N";
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(OWNED_MARKER_COL + 1).hidden = true;
  sheet.rows.forEach((row, r) => {
    row.forEach((c, col) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, col + 1);
      cell.style = lookToStyle(OWNED_LOOKS[c.style ?? "text"]) as ExcelJS.Style;
      if (c.isDate && typeof c.value === "string") {
        const [y, m, d] = c.value.split("-").map(Number);
        cell.value = new Date(Date.UTC(y, m - 1, d));
      } else cell.value = c.value;
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  // A file opened in Excel or LibreOffice does not fit rows to wrapped text: give each row its height.
  estimateRowHeights(sheet).forEach((h, r) => (ws.getRow(r + 1).height = h));
  // The layout's page breaks: a break after the row before each row that starts a page.
  for (const r of sheet.rowBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
  applyRagFormats(ws, [], sheet.ragAreas);
}

/** The core's edits made on a workbook in memory: the plan sheets' edits, then the owned sheets rewritten. */
export function applyEdits(wb: ExcelJS.Workbook, edits: CommandEdits): void {
  for (const sheet of edits.sheets) applySheetEdits(wb, sheet);
  for (const sheet of edits.owned) writeOwnedSheet(wb, sheet);
}

export interface CommandResult {
  ok: boolean;
  summary: string;
}

/**
 * `action-plan refresh` and `report`: the core's plan for the command written into a copy of the
 * input by the package writer (every part it does not own kept as it was); a refused plan, or
 * a write that would drop something of the officer's, writes nothing.
 */
export async function writeCommand(plan: CommandPlan, input: string, out: string): Promise<CommandResult> {
  if (!plan.ok) return { ok: false, summary: plan.summary };
  checkOutputPath(out, input);
  try {
    await writeWorkbookFile(input, out, plan.edits);
  } catch (e) {
    if (e instanceof WriteRefusal) return { ok: false, summary: `Nothing was written. ${e.message}` };
    if (e instanceof FileProblem) throw e;
    throw new FileProblem(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return { ok: true, summary: `${plan.summary} Written to ${out}.` };
}
