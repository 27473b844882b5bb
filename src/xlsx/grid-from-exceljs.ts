/**
 * ExcelJS worksheets into the core's grid. Settles the differences docs/architecture.md records ("Two sides, one grid"): a merged
 * area's value only in its top-left cell; dates as calendar days; a formula's cached result; an
 * error as its text; rich text and links as their text.
 */
import type * as ExcelJS from "exceljs";
import { fromUtcDate, toExcelSerial } from "../core/dates";
import { dateAsShown, numberAsShown, type Area, type Cell, type Grid } from "../core/grid";
import { formatDay } from "../core/dates";

type Value = ExcelJS.CellValue;

/** The core cell of an ExcelJS value (a formula's cached result is read as its value). */
export function cellFromValue(value: Value, font?: Partial<ExcelJS.Font>): Cell | undefined {
  const style = { ...(font?.bold ? { bold: true } : {}), ...(font?.italic ? { italic: true } : {}) };
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value === "" ? undefined : { kind: "text", text: value, ...style };
  if (typeof value === "number") return { kind: "number", text: String(value), number: value, ...style };
  if (typeof value === "boolean") return { kind: "boolean", text: value ? "TRUE" : "FALSE", ...style };
  if (value instanceof Date) {
    const date = fromUtcDate(value);
    if (!date) return { kind: "error", text: "#VALUE!", ...style };
    return { kind: "date", text: formatDay(date), date, number: toExcelSerial(date), ...style };
  }
  if (typeof value === "object") {
    if ("error" in value) return { kind: "error", text: String(value.error), ...style };
    if ("richText" in value && Array.isArray(value.richText)) {
      const runs = value.richText.filter((r) => r.text.trim() !== "");
      const text = value.richText.map((r) => r.text).join("");
      if (text === "") return undefined;
      const all = (k: "bold" | "italic") => runs.length > 0 && runs.every((r) => r.font?.[k] ?? font?.[k]);
      return { kind: "text", text, ...(all("bold") ? { bold: true } : {}), ...(all("italic") ? { italic: true } : {}) };
    }
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      const inner = cellFromValue(result as Value, font);
      return inner ? { ...inner, formula: true } : { kind: "empty", text: "", formula: true };
    }
    if ("hyperlink" in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text;
      return cellFromValue(typeof text === "string" ? text : (text as Value), font);
    }
  }
  return undefined;
}

/**
 * A cell with the text its number format shows where that matters: "75%" for 0.75 in a percentage
 * format, "Mar 2011" for a date in a format that hides the day ("mmm-yy").
 */
export function shownAsFormatted(cell: Cell | undefined, format: string | undefined): Cell | undefined {
  if (cell?.kind === "date" && format) return dateAsShown(cell, format);
  if (!cell || cell.kind !== "number" || cell.number === undefined || !format) return cell;
  const text = numberAsShown(cell.number, format);
  return text === cell.text ? cell : { ...cell, text };
}

/** Whether a worksheet is protected (ExcelJS keeps the sheetProtection element it read). */
function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return p?.sheet === true;
}

/** One ExcelJS worksheet as a grid. */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): Grid {
  const rows: (Cell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  const areas = new Map<string, Area>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const out: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (cell.isMerged && cell.master !== cell) {
        const master = cell.master;
        const key = master.address;
        const area = areas.get(key) ?? { top: Number(master.row) - 1, left: Number(master.col) - 1, bottom: r, right: c };
        area.bottom = Math.max(area.bottom, r);
        area.right = Math.max(area.right, c);
        areas.set(key, area);
        return;
      }
      const value = cell.value;
      const converted = shownAsFormatted(cellFromValue(value, cell.font), cell.numFmt);
      if (converted) out[c] = converted;
    });
    rows[r] = out;
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return {
    name: ws.name,
    rows,
    merges: [...areas.values()],
    hiddenRows,
    protected: isProtected(ws),
    visible: ws.state === undefined || ws.state === "visible",
  };
}

/** Every worksheet of a workbook as grids, in tab order. */
export function gridsFromWorkbook(wb: ExcelJS.Workbook): Grid[] {
  return wb.worksheets.map(gridFromWorksheet);
}
