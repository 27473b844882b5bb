/**
 * A partner return as an .xlsx workbook, written with ExcelJS (a new file of the product's own).
 * No Node imports: the task pane builds the same workbook in the browser.
 */
import type * as ExcelJS from "exceljs";
import type { PartnerReturn } from "../core/returns";
import { addLaidOutSheet } from "./exceljs-sheet";

/** The return as a workbook: its return sheet, then the very hidden key sheet. */
export function returnWorkbook(Workbook: typeof ExcelJS.Workbook, ret: PartnerReturn): ExcelJS.Workbook {
  const wb = new Workbook();
  wb.creator = "Action Plan RAG";
  for (const sheet of ret.sheets) addLaidOutSheet(wb, sheet);
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
