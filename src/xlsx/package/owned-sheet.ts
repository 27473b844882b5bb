/**
 * An owned sheet (RAG History, Board Report, By Lead) as worksheet XML, written whole: cells,
 * column widths (the marker column hidden), row heights, merges, frozen header, status colours,
 * A4 landscape fitted to one page wide, and a footer naming the sheet and page.
 */
import { toExcelSerial } from "../../core/dates";
import type { OwnedCell, OwnedSheet, OwnedStyle } from "../../core/edits";
import { areaAddress, cellAddress } from "../../core/grid";
import { OWNED_MARKER_COL } from "../../core/edits";
import { OWNED_LOOKS } from "../../core/edits";
import { estimateRowHeights } from "../../core/edits";
import { STATUS_STYLES } from "../../core/edits";
import { statusFormatBlocks } from "./formats";
import type { Styles } from "./styles";
import { NS, inlineStringXml } from "./xml";

const num = (n: number) => String(Math.round(n * 1e6) / 1e6);

function cellXml(ref: string, c: OwnedCell, style: number): string {
  if (c.isDate && typeof c.value === "string") return `<c r="${ref}" s="${style}"><v>${toExcelSerial(c.value)}</v></c>`;
  if (typeof c.value === "number") return Number.isFinite(c.value) ? `<c r="${ref}" s="${style}"><v>${c.value}</v></c>` : `<c r="${ref}" s="${style}"/>`;
  return `<c r="${ref}" s="${style}" t="inlineStr">${inlineStringXml(c.value)}</c>`;
}

function colsXml(widths: ReadonlyArray<number>): string {
  const cols: string[] = [];
  const n = Math.max(widths.length, OWNED_MARKER_COL + 1);
  for (let i = 0; i < n; i++) {
    if (i === OWNED_MARKER_COL) cols.push(`<col min="${i + 1}" max="${i + 1}" width="${num(widths[i] ?? 9.140625)}" hidden="1" customWidth="1"/>`);
    else if (widths[i] !== undefined) cols.push(`<col min="${i + 1}" max="${i + 1}" width="${num(widths[i])}" customWidth="1"/>`);
  }
  return `<cols>${cols.join("")}</cols>`;
}

/** The worksheet XML of an owned sheet; `drawingRelId` places its chart's drawing. */
/**
 * The layout's page breaks (each entry: the 0-based row that starts a page), as manual breaks after
 * the row before it: `<brk id>` is that row's 1-based number.
 */
function rowBreaksXml(starts: ReadonlyArray<number>): string {
  const ids = [...new Set(starts.filter((r) => r > 0))].sort((a, b) => a - b);
  if (ids.length === 0) return "";
  return `<rowBreaks count="${ids.length}" manualBreakCount="${ids.length}">${ids.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
}

export function ownedSheetXml(sheet: OwnedSheet, styles: Styles, drawingRelId?: string): string {
  const styleIds = new Map<OwnedStyle, number>();
  const styleOf = (s: OwnedStyle) => {
    let id = styleIds.get(s);
    if (id === undefined) styleIds.set(s, (id = styles.cellStyle(OWNED_LOOKS[s])));
    return id;
  };
  const heights = estimateRowHeights(sheet);
  const rows: string[] = [];
  let right = 0;
  const count = Math.max(sheet.rows.length, heights.length);
  for (let r = 0; r < count; r++) {
    const cells: string[] = [];
    (sheet.rows[r] ?? []).forEach((c, col) => {
      if (!c) return;
      cells.push(cellXml(cellAddress(r, col), c, styleOf(c.style ?? "text")));
      right = Math.max(right, col);
    });
    const ht = heights[r] !== undefined ? ` ht="${num(heights[r])}" customHeight="1"` : "";
    rows.push(cells.length === 0 && ht === "" ? "" : `<row r="${r + 1}"${ht}>${cells.join("")}</row>`);
  }
  const bottom = Math.max(0, count - 1);
  const freeze =
    sheet.freezeRows > 0
      ? `<pane ySplit="${sheet.freezeRows}" topLeftCell="A${sheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${sheet.freezeRows + 1}" sqref="A${sheet.freezeRows + 1}"/>`
      : "";
  const merges = sheet.merges.filter((m) => m.bottom > m.top || m.right > m.left);
  const mergeXml = merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${areaAddress(m)}"/>`).join("")}</mergeCells>` : "";
  const dxf = STATUS_STYLES.map((s) => styles.statusDxf(s));
  const cfXml = statusFormatBlocks(sheet.ragAreas, dxf).join("");
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n`,
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`,
    sheet.printScalePercent ? "" : `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`,
    `<dimension ref="A1:${cellAddress(bottom, Math.max(right, OWNED_MARKER_COL))}"/>`,
    `<sheetViews><sheetView workbookViewId="0">${freeze}</sheetView></sheetViews>`,
    `<sheetFormatPr defaultRowHeight="15"/>`,
    colsXml(sheet.columnWidths),
    `<sheetData>${rows.join("")}</sheetData>`,
    mergeXml,
    cfXml,
    `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`,
    `<pageSetup paperSize="9" ${sheet.printScalePercent ? `scale="${sheet.printScalePercent}"` : `fitToWidth="1" fitToHeight="0"`} orientation="${sheet.landscape ? "landscape" : "portrait"}"/>`,
    `<headerFooter><oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>`,
    rowBreaksXml(sheet.rowBreaks ?? []),
    drawingRelId ? `<drawing r:id="${drawingRelId}"/>` : "",
    `</worksheet>`,
  ].join("");
}
