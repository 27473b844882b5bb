/** The check as the JSON object of `action-plan check --json` (README.md, "The command line"). */
import type { IsoDate } from "../dates";
import type { Issue, Rag, WorkbookCheck } from "../model";

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
 * The check as the JSON object README.md documents ("The command line"), exactly its fields (rows 1-based). The fix hints
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
