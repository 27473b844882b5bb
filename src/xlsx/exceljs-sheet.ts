/**
 * A sheet laid out by the core (an owned sheet, or a partner return's sheet) added to an ExcelJS
 * workbook: page set-up, cells with their looks, merges, row heights, page breaks, status colours
 * and dropdowns. Used for the product's own new workbooks (the partner returns, built the same way
 * in the task pane) and, in tests and the benchmark, to write owned sheets into a workbook in
 * memory. No Node imports: it runs in the browser too.
 */
import type * as ExcelJS from "exceljs";
import { estimateRowHeights, OWNED_LOOKS, OWNED_MARKER_COL, STATUS_STYLES, type CellLook, type OwnedSheet } from "../core/edits";
import { areaAddress, cellAddress, columnLetter, type Area } from "../core/grid";

/** A laid-out sheet: an owned sheet, with (for a return) hidden columns and list dropdowns. */
export type LaidOutSheet = Omit<OwnedSheet, "purpose"> & {
  hiddenColumns?: ReadonlyArray<number>;
  dropdowns?: ReadonlyArray<{ area: Area; choices: ReadonlyArray<string> }>;
};

const argb = (hex: string) => ({ argb: `FF${hex}` });

/** An ExcelJS style of one of the core's cell looks. */
function styleOfLook(look: CellLook): Partial<ExcelJS.Style> {
  const thin = { style: "thin" as const, color: argb("BFBFBF") };
  return {
    font: { name: "Calibri", size: look.size ?? 11, bold: look.bold ?? false, italic: look.italic ?? false, ...(look.fontColor ? { color: argb(look.fontColor) } : {}) },
    ...(look.fill ? { fill: { type: "pattern" as const, pattern: "solid" as const, fgColor: argb(look.fill) } } : {}),
    ...(look.border ? { border: { top: thin, left: thin, bottom: thin, right: thin } } : {}),
    alignment: { vertical: "top", wrapText: look.wrap ?? false, ...(look.hAlign ? { horizontal: look.hAlign } : {}) },
    ...(look.numberFormat ? { numFmt: look.numberFormat } : {}),
  };
}

/** One expression rule per status word on each area, so an officer's own edit recolours at once. */
export function addStatusFormats(ws: ExcelJS.Worksheet, areas: ReadonlyArray<Area>): void {
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

/** A list dropdown on every cell of an area that suggests the choices and still allows other words. */
export function addListDropdown(ws: ExcelJS.Worksheet, area: Area, choices: ReadonlyArray<string>, prompt: string): void {
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) {
      ws.getCell(cellAddress(r, c)).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${choices.join(",")}"`],
        showErrorMessage: false,
        showInputMessage: true,
        promptTitle: "Progress",
        prompt,
      };
    }
  }
}

/** Adds the sheet to the workbook, laid out as the core planned it; returns the new worksheet. */
export function addLaidOutSheet(wb: ExcelJS.Workbook, sheet: LaidOutSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.visibility === "veryHidden" ? "veryHidden" : "visible",
    views: sheet.freezeRows > 0 ? [{ state: "frozen", ySplit: sheet.freezeRows, xSplit: 0 }] : [],
    pageSetup: {
      orientation: sheet.landscape ? "landscape" : "portrait",
      paperSize: 9,
      ...(sheet.printScalePercent ? { fitToPage: false, scale: sheet.printScalePercent } : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(sheet.printTitleRows ? { printTitlesRow: `${sheet.printTitleRows[0] + 1}:${sheet.printTitleRows[1] + 1}` } : {}),
    },
  });
  ws.headerFooter.oddFooter = "&L&A&RPage &P of &N";
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(OWNED_MARKER_COL + 1).hidden = true;
  for (const c of sheet.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  sheet.rows.forEach((row, r) => {
    row.forEach((c, col) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, col + 1);
      cell.style = styleOfLook(OWNED_LOOKS[c.style ?? "text"]) as ExcelJS.Style;
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
  addStatusFormats(ws, sheet.ragAreas);
  for (const { area, choices } of sheet.dropdowns ?? []) addListDropdown(ws, area, choices, `Choose ${choices.join(", ")} (or write your own words).`);
  return ws;
}
