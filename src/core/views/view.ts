/** What the pane shows after a check or a refresh: plain data, ready to render, derived from the check. */
import { countByRag } from "../assess";
import { type WorkbookCheck } from "../model";
import { refCellOf } from "../grid";
import type { IsoDate } from "../dates";
import type { DeadlineKind } from "../model";
import type { Issue, Progress, Rag, StatusWord } from "../model";

export interface ActionView {
  sheet: string;
  ref: string | null;
  /** The ref cell ("A28"), to select the action in Excel. */
  cell: string;
  action: string;
  lead: string;
  timescale: string;
  deadline: IsoDate | null;
  deadlineKind: DeadlineKind;
  progress: Progress;
  rag: Rag;
  reason: string;
  officerWord: StatusWord | null;
  disagrees: boolean;
}

export interface SheetView {
  name: string;
  asOf: IsoDate;
  reportDate: IsoDate | null;
  counts: Record<Rag, number>;
  actions: ActionView[];
  issues: Issue[];
}

export interface CheckView {
  asOf: IsoDate | null;
  sheets: SheetView[];
  counts: Record<Rag, number>;
}

/** The check as the pane shows it. */
export function checkView(check: WorkbookCheck): CheckView {
  const sheets = check.sheets.map((s): SheetView => {
    const actions = s.actions.map(
      (a): ActionView => ({
        sheet: s.sheet.name,
        ref: a.action.ref,
        cell: refCellOf(a.action),
        action: a.action.action.text,
        lead: a.action.lead.text,
        timescale: a.action.timescale.text,
        deadline: a.deadline.deadline,
        deadlineKind: a.deadline.kind,
        progress: a.progress,
        rag: a.rag,
        reason: a.reason,
        officerWord: a.officerWord,
        disagrees: a.disagrees,
      }),
    );
    return { name: s.sheet.name, asOf: s.asOf, reportDate: s.sheet.reportDate, counts: countByRag(actions), actions, issues: s.issues };
  });
  return { asOf: check.asOf, sheets, counts: countByRag(sheets.flatMap((s) => s.actions)) };
}
