/** Opening and saving .xlsx files, with every failure turned into one clear sentence. */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";

/** A problem with a file the officer named: shown as one line, never as a stack trace. */
export class FileProblem extends Error {
  override readonly name = "FileProblem";
}

/** Opens an .xlsx file, or throws a FileProblem saying why it cannot be read. */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new FileProblem(`cannot read ${file}: no such file`);
  }
  if (stat.isDirectory()) throw new FileProblem(`cannot read ${file}: it is a folder, not an .xlsx workbook`);
  if (stat.size === 0) throw new FileProblem(`cannot read ${file}: the file is empty`);
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    throw new FileProblem(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? "read failed"}`);
  }
  if (data.subarray(0, 4).toString("latin1") !== "PK\u0003\u0004") {
    const legacy = data.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    throw new FileProblem(
      legacy
        ? `cannot read ${file}: it is an old-format (.xls) or encrypted workbook; save it as .xlsx in Excel first`
        : `cannot read ${file}: it is not an .xlsx workbook`,
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new FileProblem(`cannot read ${file}: the workbook is damaged or truncated (${reason})`);
  }
  if (wb.worksheets.length === 0) throw new FileProblem(`cannot read ${file}: the workbook has no worksheets`);
  return wb;
}

/** Writes a workbook to a new file; refuses to overwrite the input it was read from. */
export async function saveWorkbook(wb: ExcelJS.Workbook, out: string, input: string): Promise<void> {
  if (path.resolve(out) === path.resolve(input)) {
    throw new FileProblem(`will not overwrite the plan ${input}: give --out another file name`);
  }
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new FileProblem(`cannot write ${out}: the folder ${dir} does not exist`);
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new FileProblem(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
