/**
 * A partner return as an .xlsx workbook, written with ExcelJS (a new file of the product's own).
 * No Node imports: the task pane builds the same workbook in the browser.
 */
import type * as ExcelJS from "exceljs";
import { OWNED_LOOKS, OWNED_MARKER_COL, estimateRowHeights, type CellLook, type OwnedSheet } from "../core/edits";
import { areaAddress, cellAddress, columnLetter } from "../core/grid";
import { STATUS_STYLES } from "../core/edits";
import type { PartnerReturn, ReturnSheet } from "../core/returns";

const argb = (hex: string) => ({ argb: `FF${hex}` });

function styleOf(look: CellLook): Partial<ExcelJS.Style> {
  const thin = { style: "thin" as const, color: argb("BFBFBF") };
  return {
    font: { name: "Calibri", size: look.size ?? 11, bold: look.bold ?? false, italic: look.italic ?? false, ...(look.fontColor ? { color: argb(look.fontColor) } : {}) },
    ...(look.fill ? { fill: { type: "pattern" as const, pattern: "solid" as const, fgColor: argb(look.fill) } } : {}),
    ...(look.border ? { border: { top: thin, left: thin, bottom: thin, right: thin } } : {}),
    alignment: { vertical: "top", wrapText: look.wrap ?? false, ...(look.hAlign ? { horizontal: look.hAlign } : {}) },
    ...(look.numberFormat ? { numFmt: look.numberFormat } : {}),
  };
}

function writeSheet(wb: ExcelJS.Workbook, sheet: ReturnSheet): void {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.visibility === "veryHidden" ? "veryHidden" : "visible",
    views: sheet.freezeRows > 0 ? [{ state: "frozen", ySplit: sheet.freezeRows, xSplit: 0 }] : [],
    pageSetup: {
      orientation: sheet.landscape ? "landscape" : "portrait",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(sheet.printTitleRows ? { printTitlesRow: `${sheet.printTitleRows[0] + 1}:${sheet.printTitleRows[1] + 1}` } : {}),
    },
  });
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(OWNED_MARKER_COL + 1).hidden = true;
  for (const c of sheet.hiddenColumns) ws.getColumn(c + 1).hidden = true;
  sheet.rows.forEach((row, r) => {
    row.forEach((c, col) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, col + 1);
      cell.style = styleOf(OWNED_LOOKS[c.style ?? "text"]) as ExcelJS.Style;
      if (c.isDate && typeof c.value === "string") {
        const [y, m, d] = c.value.split("-").map(Number);
        cell.value = new Date(Date.UTC(y, m - 1, d));
      } else cell.value = c.value;
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  estimateRowHeights(sheet as unknown as OwnedSheet).forEach((h, r) => (ws.getRow(r + 1).height = h));
  for (const area of sheet.ragAreas) {
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
  for (const { area, choices } of sheet.dropdowns) {
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        ws.getCell(cellAddress(r, c)).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${choices.join(",")}"`],
          showErrorMessage: false,
          showInputMessage: true,
          promptTitle: "Progress",
          prompt: `Choose ${choices.join(", ")} (or write your own words).`,
        };
      }
    }
  }
}

/** The return as a workbook: its return sheet, then the very hidden key sheet. */
export function returnWorkbook(Workbook: typeof ExcelJS.Workbook, ret: PartnerReturn): ExcelJS.Workbook {
  const wb = new Workbook();
  wb.creator = "Action Plan RAG";
  for (const sheet of ret.sheets) writeSheet(wb, sheet);
  return wb;
}

/**
 * Why a file picked as a return is no .xlsx workbook, in one sentence naming it, or null when it
 * looks like one (a zip that is no OpenDocument file).
 */
export function notXlsxReason(name: string, bytes: Uint8Array): string | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b)) {
    return `${name} cannot be read: it is an old-format (.xls) or password-protected workbook. Save it as .xlsx (without a password) and pick it again.`;
  }
  if (bytes.length < 4 || ascii(0, 4) !== "PK\u0003\u0004") return `${name} cannot be read: it is not an .xlsx workbook. Save it as .xlsx and pick it again.`;
  if (ascii(30, 38) === "mimetype" && ascii(38, 84).startsWith("application/vnd.oasis.opendocument")) {
    return `${name} cannot be read: it is an OpenDocument spreadsheet (.ods). Save it as .xlsx ("Excel 2007-365") and pick it again.`;
  }
  return null;
}
