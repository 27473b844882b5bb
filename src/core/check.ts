/** Check layout for a whole workbook: which sheets are plan sheets, each assessed, and the JSON of SPEC section 7. */
import { assessSheet, type AssessOptions } from "./assess";
import type { IsoDate } from "./dates";
import type { Grid } from "./grid";
import type { Issue, SheetAssessment } from "./model";
import { ownedPurpose } from "./owned";
import { RAG_ORDER } from "./rag";
import { readPlanSheet } from "./reader";
import type { Rag } from "./model";

export interface WorkbookCheck {
  /** The chosen as-of date, or null where each sheet uses its own report date. */
  asOf: IsoDate | null;
  sheets: SheetAssessment[];
  /** The grids the sheets were read from, by sheet name (the refresh plans its edits on them). */
  grids: Map<string, Grid>;
}

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

/** Counts of actions by status, every status present (0 where none). */
export function countByRag(actions: ReadonlyArray<{ rag: Rag }>): Record<Rag, number> {
  const counts = Object.fromEntries(RAG_ORDER.map((r) => [r, 0])) as Record<Rag, number>;
  for (const a of actions) counts[a.rag]++;
  return counts;
}

export interface CheckJson {
  asOf: IsoDate | null;
  sheets: {
    name: string;
    reportDate: IsoDate | null;
    asOf: IsoDate;
    actions: {
      ref: string | null;
      row: number;
      action: string;
      timescale: string;
      deadline: IsoDate | null;
      deadlineKind: string;
      lead: string;
      progress: string;
      rag: Rag;
      reason: string;
    }[];
    issues: { code: string; severity: string; cell: string; message: string }[];
  }[];
}

function issueJson(i: Issue): CheckJson["sheets"][number]["issues"][number] {
  return { code: i.code, severity: i.severity, cell: i.cell, message: i.message };
}

/**
 * The check as the JSON object of SPEC section 7, exactly its fields (rows 1-based). The fix hints
 * are in the readable table and the pane.
 */
export function checkJson(check: WorkbookCheck): CheckJson {
  return {
    asOf: check.asOf,
    sheets: check.sheets.map((s) => ({
      name: s.sheet.name,
      reportDate: s.sheet.reportDate,
      asOf: s.asOf,
      actions: s.actions.map((a) => ({
        ref: a.action.ref,
        row: a.action.row + 1,
        action: a.action.action.text,
        timescale: a.action.timescale.text,
        deadline: a.deadline.deadline,
        deadlineKind: a.deadline.kind,
        lead: a.action.lead.text,
        progress: a.progress,
        rag: a.rag,
        reason: a.reason,
      })),
      issues: s.issues.map(issueJson),
    })),
  };
}
