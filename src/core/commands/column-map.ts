/**
 * Saving the column map the officer corrects (the pane's Column map): the product's history
 * sheet written again with the map beside its records, so every command in Excel and on the
 * command line reads it. One sheet's map replaced, or cleared with null.
 */
import { historySheet, ownedSheetName, type WorkbookEdits } from "../edits";
import type { Grid } from "../grid";
import type { SheetColumnMap } from "../model";
import { workbookState } from "./workbook";

/** The edits that keep a sheet's column map in the workbook (null: the reader decides again). */
export function saveColumnMapEdits(grids: ReadonlyArray<Grid>, sheet: string, map: SheetColumnMap | null): WorkbookEdits {
  const state = workbookState(grids);
  const maps = { ...(state.columnMaps ?? {}) };
  for (const key of Object.keys(maps)) if (key.toLowerCase() === sheet.toLowerCase()) delete maps[key];
  if (map && (Object.keys(map.columns).length > 0 || map.plan !== undefined)) maps[sheet] = map;
  return { sheets: [], owned: [historySheet(ownedSheetName("history", state.sheets), state.history, maps)] };
}
