/**
 * One plan sheet's edits in its worksheet XML: the header and RAG cells (a new header formatted
 * like its row by copying that cell's style index), the widths of the columns the product adds,
 * the status colours and the Progress dropdown.
 */
import type { Document, Element } from "@xmldom/xmldom";
import type { SheetEdits } from "../../core/edits";
import { cellAddress, type Area } from "../../core/grid";
import { areasOf, setProgressDropdown, setStatusFormats } from "./formats";
import { SheetXml, type TextWrite } from "./sheet-xml";
import type { Styles } from "./styles";
import { WORKSHEET_ORDER, child, children, element, insertInOrder, rootOf } from "./xml";
import { WriteRefusal } from "./refusal";

/** A table on the sheet: its name and area, and whether it has a header row. */
export interface SheetTable {
  name: string;
  area: Area;
  headerRow: boolean;
}

/** Sets the width of one column (0-based), splitting a <col> span that covers others too. */
export function setColumnWidth(sheet: SheetXml, col: number, width: number): void {
  const doc = sheet.head;
  const root = rootOf(doc);
  let cols = child(root, "cols");
  if (!cols) {
    cols = element(doc, root, "cols");
    insertInOrder(root, cols, WORKSHEET_ORDER);
  }
  const n = col + 1;
  const w = String(Math.round(width * 1e6) / 1e6);
  for (const c of children(cols, "col")) {
    const min = Number(c.getAttribute("min"));
    const max = Number(c.getAttribute("max"));
    if (n < min || n > max) continue;
    if (min === max) {
      c.setAttribute("width", w);
      c.setAttribute("customWidth", "1");
      return;
    }
    // Split the span: the parts before and after keep their look, this column gets the width.
    const make = (a: number, b: number) => {
      const copy = c.cloneNode(true) as Element;
      copy.setAttribute("min", String(a));
      copy.setAttribute("max", String(b));
      return copy;
    };
    if (min < n) cols.insertBefore(make(min, n - 1), c);
    const self = make(n, n);
    self.setAttribute("width", w);
    self.setAttribute("customWidth", "1");
    cols.insertBefore(self, c);
    if (n < max) cols.insertBefore(make(n + 1, max), c);
    cols.removeChild(c);
    return;
  }
  const el = element(doc, root, "col", { min: n, max: n, width: w, customWidth: 1 });
  const after = children(cols, "col").find((c) => Number(c.getAttribute("min")) > n);
  if (after) cols.insertBefore(el, after);
  else cols.appendChild(el);
}

/** Applies one plan sheet's edits to its XML text; returns the new text. */
export function editPlanSheet(text: string, part: string, edits: SheetEdits, styles: Styles, tables: ReadonlyArray<SheetTable>): string {
  const sheet = new SheetXml(text, part);
  for (const c of edits.cells) {
    const table = tables.find((t) => t.headerRow && t.area.top === c.row && c.col >= t.area.left && c.col <= t.area.right);
    if (table) {
      throw new WriteRefusal(
        `"${edits.sheet}"!${cellAddress(c.row, c.col)} is in the header row of the table "${table.name}"; writing "${c.value}" there would rename the table's column. Move the table or add the column yourself.`,
      );
    }
  }
  const xfCount = styles.cellXfCount();
  const writes: TextWrite[] = edits.cells.map((c) => {
    let style: string | undefined;
    if (c.formatFrom) {
      style = sheet.styleOf(c.formatFrom.row, c.formatFrom.col) ?? "0";
      if (!(Number(style) < xfCount)) style = "0"; // a style index out of range would make Excel repair the file
    }
    return { row: c.row, col: c.col, text: c.value, ...(style !== undefined ? { style } : {}) };
  });
  sheet.writeTexts(writes);
  for (const { col, width } of edits.columnWidths) setColumnWidth(sheet, col, width);
  setStatusFormats(sheet, styles, edits.ragFormatScope, edits.ragAreas);
  // Edits that name no dropdown cells (a merge of partner returns) leave the sheet's dropdowns as they are.
  if (edits.progressAreas.length > 0) setProgressDropdown(sheet, edits.progressAreas, edits.progressChoices);
  return sheet.toString();
}

/** The tables of a sheet, from their parts' `ref` and `headerRowCount`. */
export function tableOf(doc: Document): SheetTable | null {
  const t = rootOf(doc);
  const area = areasOf(t.getAttribute("ref"))[0];
  if (!area) return null;
  return { name: t.getAttribute("displayName") ?? t.getAttribute("name") ?? "table", area, headerRow: t.getAttribute("headerRowCount") !== "0" };
}
