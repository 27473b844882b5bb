/**
 * The workbook's grids as they are after a set of edits, worked out in memory (pure): the board
 * report is planned on the plan as refreshed, and the pane shows the check after a command,
 * without a second read of the workbook (which would cost another sync).
 */
import { formatDay } from "../dates";
import type { OwnedSheet, SheetEdits } from "./edits";
import type { Cell, Grid } from "../grid";

function ownedGrid(sheet: OwnedSheet): Grid {
  const rows = sheet.rows.map((row) =>
    row.map((c): Cell | undefined => {
      if (!c) return undefined;
      if (c.isDate && typeof c.value === "string") return { kind: "date", text: formatDay(c.value), date: c.value };
      if (typeof c.value === "number") return { kind: "number", text: String(c.value), number: c.value };
      return c.value === "" ? undefined : { kind: "text", text: c.value };
    }),
  );
  return { name: sheet.name, rows, merges: sheet.merges, hiddenRows: [], protected: false, visible: sheet.visibility === "visible" };
}

/** The grids after the plan sheets' edits and the owned sheets' rewrite. */
export function gridsAfterEdits(grids: ReadonlyArray<Grid>, sheets: ReadonlyArray<SheetEdits>, owned: ReadonlyArray<OwnedSheet>): Grid[] {
  const bySheet = new Map(sheets.map((e) => [e.sheet, e]));
  const out = grids.map((g) => {
    const edits = bySheet.get(g.name);
    if (!edits) return g;
    const rows = g.rows.map((r) => r);
    for (const c of edits.cells) {
      const row = [...(rows[c.row] ?? [])];
      row[c.col] = c.value === "" ? undefined : { kind: "text", text: c.value };
      rows[c.row] = row;
    }
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    return { ...g, rows };
  });
  for (const sheet of owned) {
    const grid = ownedGrid(sheet);
    const at = out.findIndex((g) => g.name === sheet.name);
    if (at >= 0) out[at] = grid;
    else out.push(grid);
  }
  return out;
}
