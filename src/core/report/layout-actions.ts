/** The Board Report's grid and its tables of actions, shared by page 1 and the sections. */
import { cell, columnHeader, dataRow, deadlineCell, put, putStatus, type Draft } from "./layout-common";
import type { OwnedCell } from "../edits";
import type { ReportAction } from "./types";

/** Board Report columns: the action tables' (Action spans F:G); page 1's tables use the same grid. */
export const C = {
  theme: 0,
  ref: 1,
  status: 2,
  second: 3,
  deadline: 4,
  action: 5,
  actionEnd: 6,
  lead: 7,
  reason: 8,
  comment: 9,
} as const;
/** About 161 characters: one A4 landscape page wide. */
export const BOARD_WIDTHS = [13, 8, 11, 11, 12, 11, 23, 18, 24, 30];

/**
 * One action's row of a Board Report table: Theme | Ref | Status | <second> | Deadline | Action
 * (F:G) | Lead | Reason | <last>. The second and last columns are the section's; without the
 * lead, the action spans F:H (a shorter row, for a list whose lead is in the exceptions).
 */
export function actionRow(d: Draft, a: ReportAction, second: OwnedCell | null, last: OwnedCell | null, withLead = true): number {
  const row = dataRow(d, [cell(a.theme), cell(a.ref ?? a.trackingRef), null, second, deadlineCell(a), cell(a.action), null, withLead ? cell(a.lead) : null, cell(a.reason), last]);
  putStatus(d, row, C.status, a.status);
  d.merges.push({ top: row, left: C.action, bottom: row, right: withLead ? C.actionEnd : C.lead });
  return row;
}

/** The header row of an action table, with the section's second and last column titles (none: the reason spans I:J). */
export function actionHeader(d: Draft, second: string, last: string | null, withLead = true): void {
  const row = columnHeader(d, ["Theme", "Ref", "Status", second, "Deadline", "Action", "", withLead ? "Lead responsibility" : "", "Reason", last ?? ""]);
  d.merges.push({ top: row, left: C.action, bottom: row, right: withLead ? C.actionEnd : C.lead });
  if (last === null) d.merges.push({ top: row, left: C.reason, bottom: row, right: C.comment });
}

/** The second column of an exceptions row: the previous status once there is a previous report, else the timescale as written. */
export function secondCell(d: Draft, row: number, a: ReportAction, hasPrevious: boolean): void {
  if (!hasPrevious) return put(d, row, C.second, cell(a.timescale));
  if (a.previousStatus) putStatus(d, row, C.second, a.previousStatus);
  else put(d, row, C.second, cell("New"));
}

