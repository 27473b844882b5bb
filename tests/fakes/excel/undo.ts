/**
 * Excel's undo list as add-ins meet it (what the fake models; docs/real-excel.md gives the sources):
 *
 * - Before add-in undo support (the fake takes ExcelApi 1.19 as its start), a change an add-in makes
 *   cannot be undone and clears the undo list.
 * - With it, each sync that changes the workbook is one undo step, and a run with
 *   `mergeUndoGroup` (ExcelApi 1.20) is one step however many syncs it makes.
 * - Some calls cannot be undone and clear the list from that call on: on Excel on Windows and Mac,
 *   setting `Worksheet.visibility` (Microsoft's list of APIs without undo support); on Excel on
 *   Windows, reading `getMergedAreasOrNullObject` (reported: office-js issue 5918).
 * - Refusals inside an undo group: `Worksheet.visibility` on Windows and Mac (UndoNotSupported);
 *   on Excel on the web, a run with both `delayForCellEdit` and `mergeUndoGroup` (office-js issue
 *   6711); a grouped run writing more cells than `undoGroupCellLimit` (UndoNotSupported, office-js
 *   issue 6491, whose size Microsoft does not state: tests set it).
 */
export class FakeUndo {
  /** What Undo can take back now, oldest first: one label per step. */
  steps: string[] = [];
  /** Every time the list was cleared, why. */
  cleared: string[] = [];
  /** Cells written so far by the grouped run in progress. */
  groupCells = 0;

  /** The officer's own change (a step of the list). */
  officerStep(label = "the officer's edit"): void {
    this.steps.push(label);
  }

  clear(reason: string): void {
    this.steps = [];
    this.cleared.push(reason);
  }
}

/** Cells a property set writes (values, number formats, formulas: the size of its 2-D array). */
export function cellsWritten(name: string, args: unknown[] | null): number {
  if (!args || !["Values", "NumberFormat", "Formulas"].includes(name)) return 0;
  const a = args[0];
  return Array.isArray(a) ? a.reduce((n: number, row) => n + (Array.isArray(row) ? row.length : 0), 0) : 0;
}

/** True for an action that changes the workbook (a property set, a method that is not a read or a move of the selection). */
export function changesWorkbook(type: number, name: string): boolean {
  if (type === 4) return true;
  return type === 3 && name !== "" && name !== "Select" && name !== "Activate";
}
