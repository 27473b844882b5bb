/**
 * Saving the column map the officer corrects (the pane's Column map): the product's history
 * sheet written again with the map beside its records, so every command in Excel and on the
 * command line reads it. One sheet's map replaced, or cleared with null.
 */
import { plural } from "../common";
import type { AssessOptions } from "../assess";
import { gridsAfterEdits, historySheetFor, type WorkbookEdits } from "../edits";
import type { Grid } from "../grid";
import type { SheetColumnMap } from "../model";
import { formatColumnMap } from "../read";
import { checkWorkbook } from "./check";
import type { CommandPlan } from "./run";
import { workbookState } from "./workbook";

/** The edits that keep a sheet's column map in the workbook (null: the reader decides again). */
export function saveColumnMapEdits(grids: ReadonlyArray<Grid>, sheet: string, map: SheetColumnMap | null): WorkbookEdits {
  const state = workbookState(grids);
  const maps = { ...(state.columnMaps ?? {}) };
  for (const key of Object.keys(maps)) if (key.toLowerCase() === sheet.toLowerCase()) delete maps[key];
  if (map && (Object.keys(map.columns).length > 0 || map.plan !== undefined)) maps[sheet] = map;
  return { sheets: [], owned: [historySheetFor(state, state.history, maps)] };
}

/** Save (or clear) a sheet's column map: the edits, what to say, and the check as it reads after. */
export function columnMapCommand(grids: ReadonlyArray<Grid>, sheet: string, map: SheetColumnMap | null, options: AssessOptions): CommandPlan {
  const edits = saveColumnMapEdits(grids, sheet, map);
  const after = checkWorkbook(gridsAfterEdits(grids, [], edits.owned), options);
  const written = map ? formatColumnMap(map) : "";
  const read = after.sheets.find((s) => s.sheet.name === sheet);
  const outcome = read ? (read.sheet.notPlan ? ` It is not read as a plan sheet: ${read.sheet.notPlan}.` : ` It now reads ${plural(read.actions.length, "action")}.`) : "";
  const summary = written === "" ? `The column map of "${sheet}" was cleared: its columns are read from its headings and content again.${outcome}` : `The column map of "${sheet}" was saved in the workbook (${written}).${outcome}`;
  return { ok: true, edits: { sheets: [], owned: edits.owned }, summary, counts: null, after };
}
