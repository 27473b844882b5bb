/** Check layout for a whole workbook: which sheets are plan sheets, each read, assessed and validated. */
import { assessSheet, type AssessOptions } from "../assess";
import type { Grid } from "../grid";
import type { WorkbookCheck } from "../model";
import { ownedPurpose } from "../edits";
import { readPlanSheet } from "../read";

/** The sheets that are candidates for plan sheets: visible, not the product's own, not excluded. */
export function planGrids(grids: ReadonlyArray<Grid>, excluded: ReadonlyArray<string>): Grid[] {
  const out = new Set(excluded.map((n) => n.toLowerCase()));
  return grids.filter((g) => g.visible !== false && ownedPurpose(g) === null && !out.has(g.name.toLowerCase()));
}

/** Read, assess and validate every plan sheet of a workbook. */
export function checkWorkbook(grids: ReadonlyArray<Grid>, options: AssessOptions): WorkbookCheck {
  const candidates = planGrids(grids, options.settings.excludedSheets);
  const sheets = candidates.map((g) => assessSheet(readPlanSheet(g), g, options));
  const anyTable = sheets.some((s) => s.sheet.tables.length > 0);
  if (anyTable) {
    // In a workbook that has plan sheets, a sheet without a table is most likely notes or a cover:
    // worth saying, not an error that stops the plan.
    for (const s of sheets) for (const i of s.issues) if (i.code === "no-table") i.severity = "warning";
  }
  return { asOf: options.asOf, sheets, grids: new Map(candidates.map((g) => [g.name, g])) };
}

/** True when any issue of the check is an error. */
export function hasErrors(check: Pick<WorkbookCheck, "sheets">): boolean {
  return check.sheets.some((s) => s.issues.some((i) => i.severity === "error"));
}

