/**
 * Opening the file the officer named: what kind of file it is (other formats get one line saying
 * what to do), then the package and its grids. Every failure is a FileProblem (exit 2).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Grid } from "../../core/grid";
import { FileProblem } from "../file-problem";
import { gridsFromPackage } from "./read";
import { XmlProblem } from "./xml";
import { Package } from "./zip";

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Reads a file's bytes, or says why not. */
export function readPlanBytes(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new FileProblem(`cannot read ${file}: no such file`);
  }
  if (stat.isDirectory()) throw new FileProblem(`cannot read ${file}: it is a folder, not an .xlsx workbook`);
  if (stat.size === 0) throw new FileProblem(`cannot read ${file}: the file is empty`);
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new FileProblem(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? "read failed"}`);
  }
}

/** One line for a file that is not an .xlsx/.xlsm package, or null when it is a zip. */
export function otherFormat(file: string, data: Buffer): string | null {
  if (data.subarray(0, 8).equals(CFB)) {
    // An encrypted Office file is a compound file holding an EncryptionInfo stream.
    const encrypted = data.includes(Buffer.from("EncryptionInfo", "utf16le"));
    return encrypted
      ? `cannot read ${file}: it is password-protected (encrypted); remove the password in Excel (File > Info > Protect Workbook) and save it as .xlsx`
      : `cannot read ${file}: it is an old-format Excel 97-2003 (.xls) workbook; open it in Excel and save it as .xlsx`;
  }
  if (data.subarray(0, 4).toString("latin1") === "PK\u0003\u0004") {
    if (data.subarray(30, 38).toString("latin1") === "mimetype" && data.subarray(38, 120).toString("latin1").includes("opendocument.spreadsheet")) {
      return `cannot read ${file}: it is an OpenDocument (.ods) spreadsheet; save it as .xlsx (Excel Workbook)`;
    }
    return null;
  }
  const ext = path.extname(file).toLowerCase();
  const head = data.subarray(0, 4096).toString("utf8");
  // eslint-disable-next-line no-control-regex
  if (ext === ".csv" || ext === ".txt" || (!/[\u0000-\u0008]/.test(head) && /[,;\t]/.test(head))) {
    return `cannot read ${file}: it is a CSV text file, not an .xlsx workbook; open it in Excel and save it as .xlsx`;
  }
  return `cannot read ${file}: it is not an .xlsx workbook`;
}

/** The package of an .xlsx/.xlsm file, or a FileProblem saying why it cannot be read. */
export async function openPackage(file: string): Promise<Package> {
  const data = readPlanBytes(file);
  const other = otherFormat(file, data);
  if (other) throw new FileProblem(other);
  try {
    return await Package.load(data);
  } catch (e) {
    throw new FileProblem(`cannot read ${file}: the workbook is damaged or truncated (${(e as Error).message.split("\n")[0]})`);
  }
}

/**
 * An .xlsx/.xlsm file read: its package (kept, so a command writing a copy edits what was read
 * without reading the file again) and the grids of every worksheet, in tab order.
 */
export async function readWorkbook(file: string): Promise<{ pkg: Package; grids: Grid[] }> {
  const pkg = await openPackage(file);
  let grids: Grid[];
  try {
    grids = await gridsFromPackage(pkg);
  } catch (e) {
    const reason = e instanceof XmlProblem ? e.message : `${(e as Error).message.split("\n")[0]}`;
    if (/no workbook part/.test(reason)) throw new FileProblem(`cannot read ${file}: it is a zip file but not an Excel workbook`);
    throw new FileProblem(`cannot read ${file}: the workbook is damaged (${reason})`);
  }
  if (grids.length === 0) throw new FileProblem(`cannot read ${file}: the workbook has no worksheets`);
  return { pkg, grids };
}

/** The grids of every worksheet of an .xlsx/.xlsm file, in tab order. */
export async function readWorkbookGrids(file: string): Promise<Grid[]> {
  return (await readWorkbook(file)).grids;
}
