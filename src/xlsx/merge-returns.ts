/**
 * Partner returns on files: making the return workbooks of a plan (new files of the product's,
 * written with ExcelJS), reading returned files, and writing a merge into a copy of the plan by
 * the package writer (the officer's file whole: only the cells, the new comment rows and the
 * history the merge names are changed; what a new row cannot move as Excel would is refused).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { AssessOptions } from "../core/assess";
import { checkWorkbook, workbookState } from "../core/commands";
import type { Grid } from "../core/grid";
import { planMerge, planReturns, readReturn, type MergePlan, type ReadReturn, type ReturnsPlan } from "../core/returns";
import { checkOutputPath, FileProblem } from "./file-problem";
import { readWorkbook, readWorkbookGrids } from "./package/open";
import { writeWorkbookFile, WriteRefusal } from "./package/write";
import { writeAtomically } from "./package/zip";
import { notXlsxReason, returnWorkbook } from "./return-book";

/** `action-plan returns`: one .xlsx per lead written into `dir`. */
export async function writeReturns(grids: ReadonlyArray<Grid>, dir: string, options: AssessOptions & { returnBy?: string }): Promise<{ plan: ReturnsPlan; files: string[] }> {
  if (!fs.existsSync(dir)) throw new FileProblem(`cannot write the returns into ${dir}: the folder does not exist`);
  if (!fs.statSync(dir).isDirectory()) throw new FileProblem(`cannot write the returns into ${dir}: it is a file, not a folder`);
  const check = checkWorkbook(grids, options);
  const plan = planReturns(check, { today: options.today, returnBy: options.returnBy });
  const files: string[] = [];
  for (const ret of plan.returns) {
    const file = path.join(dir, ret.fileName);
    try {
      writeAtomically(file, Buffer.from(await returnWorkbook(ExcelJS.Workbook, ret).xlsx.writeBuffer()));
    } catch (e) {
      throw new FileProblem(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    files.push(file);
  }
  return { plan, files };
}

/** A returned file read (a file that cannot be opened is a return problem naming it, not a crash). */
export async function readReturnFile(file: string): Promise<ReadReturn> {
  const name = path.basename(file);
  try {
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      const head = Buffer.alloc(96);
      const fd = fs.openSync(file, "r");
      const n = fs.readSync(fd, head, 0, head.length, 0);
      fs.closeSync(fd);
      const reason = n > 0 ? notXlsxReason(name, new Uint8Array(head.subarray(0, n))) : null;
      if (reason) return { ok: false, file: name, problem: reason };
    }
    return readReturn(await readWorkbookGrids(file), name);
  } catch (e) {
    if (e instanceof FileProblem) return { ok: false, file: name, problem: e.message.replace(/^cannot read [^:]*: /, `${name} cannot be read: `) };
    throw e;
  }
}

/** `action-plan merge`: the preview, and the merged plan written to `out` (a copy of the plan when nothing changes). */
export async function mergeFiles(planFile: string, returnFiles: ReadonlyArray<string>, out: string, options: AssessOptions): Promise<{ merge: MergePlan; written: boolean }> {
  checkOutputPath(out, planFile);
  const { pkg, grids } = await readWorkbook(planFile);
  const returns: ReadReturn[] = [];
  for (const f of returnFiles) returns.push(await readReturnFile(f));
  const check = checkWorkbook(grids, options);
  const merge = planMerge(check, returns, { today: options.today, settings: options.settings, state: workbookState(grids) });
  if (merge.problems.length > 0) return { merge, written: false };
  if (!merge.canApply) {
    // Nothing to change: the plan comes through byte for byte.
    fs.copyFileSync(planFile, out);
    return { merge, written: true };
  }
  const { sheets, inserts, history } = merge.edits;
  try {
    await writeWorkbookFile(pkg, planFile, out, { sheets, owned: history ? [history] : [], inserts });
  } catch (e) {
    if (!(e instanceof WriteRefusal)) throw e;
    const problem = `Nothing was written. ${e.message}.`;
    return { merge: { ...merge, problems: [{ file: path.basename(planFile), problem }], canApply: false, summary: problem }, written: false };
  }
  return { merge, written: true };
}
