/** What a workbook already holds that the commands build on, worked out from its grids (both shells). */
import { ownedPurpose, readHistory, type WorkbookState } from "../edits";
import type { Grid } from "../grid";

/** The state of a workbook read as grids (the history is read from the product's very hidden sheet). */
export function workbookState(grids: ReadonlyArray<Grid>): WorkbookState {
  const sheets = grids.map((g) => ({ name: g.name, purpose: ownedPurpose(g) }));
  const historyGrid = grids.find((g) => ownedPurpose(g) === "history");
  return { sheets, history: historyGrid ? readHistory(historyGrid) : [] };
}
