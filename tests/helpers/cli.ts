/** The command line run in the test's process, on a fixed today, and a workbook it wrote read back with ExcelJS. */
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";

/** Runs `action-plan ARGV...`; its exit status and what it printed (each stream's texts joined as written). */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) }, () => "2026-11-24");
  return { code, out, err };
}

/** A workbook read with ExcelJS (another reader than the command line's own). */
export async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
