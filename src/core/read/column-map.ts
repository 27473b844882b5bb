/**
 * The column map the officer corrects: which column is each role on a sheet, and whether the sheet
 * is a plan. Written "Action=D, Time-scale=G" (the command line's --columns, and how the pane and
 * the workbook's settings keep it); a role is named by any heading that means it.
 */
import { cellAddress, columnIndex, columnLetter, textAt, type Grid } from "../grid";
import type { ColumnMaps, ColumnRole, HeaderMatch, Issue, PlanSheet, SheetColumnMap, TableHeader } from "../model";
import { headerWith, headingRole, ROLE_NAMES, roleColumns } from "./headers";

const ENTRY = /^\s*([^=]+?)\s*=\s*([A-Za-z]{1,3})\s*$/;
const ROLE_KEYS = Object.keys(ROLE_NAMES) as ColumnRole[];

/** The role a name in a column map stands for ("Time-scale", "timescale", "Lead", "By when"), or null. */
export function roleOfName(name: string): ColumnRole | null {
  const key = name.trim().toLowerCase();
  const exact = ROLE_KEYS.find((r) => r === key || ROLE_NAMES[r].toLowerCase() === key);
  return exact ?? headingRole(name);
}

/**
 * A column map from its written form: "Action=D,Time-scale=G" (commas or semicolons between),
 * "plan=no" for a sheet that is not a plan. Throws an Error naming the part it cannot read.
 */
export function parseColumnMap(text: string): SheetColumnMap {
  const map: SheetColumnMap = { columns: {} };
  for (const part of text.split(/[,;]/)) {
    if (part.trim() === "") continue;
    const plan = /^\s*plan\s*=\s*(yes|no|true|false)\s*$/i.exec(part);
    if (plan) {
      map.plan = /^(?:yes|true)$/i.test(plan[1]);
      continue;
    }
    const m = ENTRY.exec(part);
    if (!m) throw new Error(`"${part.trim()}" is not of the form Role=Column (for example Action=D)`);
    const role = roleOfName(m[1]);
    if (role === null) throw new Error(`"${m[1]}" is not a column the product knows (Ref, Action, Time-scale, Lead, Progress, ...)`);
    map.columns[role] = columnIndex(m[2]);
  }
  return map;
}

/** A column map written out: "Action=D, Time-scale=G". */
export function formatColumnMap(map: SheetColumnMap): string {
  const parts = ROLE_KEYS.filter((r) => map.columns[r] !== undefined).map((r) => `${ROLE_NAMES[r]}=${columnLetter(map.columns[r] as number)}`);
  if (map.plan !== undefined) parts.push(`plan=${map.plan ? "yes" : "no"}`);
  return parts.join(", ");
}

/** The map of a sheet: its own, else the one for every sheet ("*"), else none. */
export function mapFor(maps: ColumnMaps | undefined, sheet: string): SheetColumnMap | null {
  if (!maps) return null;
  const own = Object.keys(maps).find((k) => k.toLowerCase() === sheet.toLowerCase());
  return own !== undefined ? maps[own] : (maps["*"] ?? null);
}

/**
 * A header with the officer's map applied: each mapped role in its column (decided "by map"), and
 * any role the reader had put in one of those columns taken off it.
 */
export function applyColumnMap(header: TableHeader, map: SheetColumnMap, headingAt: (col: number) => string): TableHeader {
  const mapped = Object.entries(map.columns) as [ColumnRole, number][];
  if (mapped.length === 0) return header;
  const mappedCols = new Set(mapped.map(([, c]) => c));
  const mappedRoles = new Set(mapped.map(([r]) => r));
  const matches: HeaderMatch[] = header.matches.filter((m) => !mappedCols.has(m.col) && !mappedRoles.has(m.role));
  const columns = roleColumns({});
  for (const m of matches) columns[m.role] = m.col;
  for (const [role, col] of mapped) {
    columns[role] = col;
    matches.push({ role, col, header: headingAt(col), by: "map" });
  }
  return headerWith(header, columns, matches, mapped.map(([, c]) => c));
}

/**
 * Where the officer's column maps are kept in the workbook: a block of two columns on the
 * product's very hidden history sheet ("RAG History"), from column G beside its records (A:E), which both Excel and
 * the .xlsx path read. Row 1 holds the headings; each row below one sheet's map as written
 * ("Action=D, Time-scale=G, plan=no").
 */
export const COLUMN_MAP_COL = 6;
export const COLUMN_MAP_HEADINGS: readonly [string, string] = ["Sheet (column map)", "Column map"];

/** The column maps kept on a grid (the history sheet's block); a map that cannot be read is left out. */
export function readColumnMaps(grid: Grid): Record<string, SheetColumnMap> {
  const maps: Record<string, SheetColumnMap> = {};
  for (let r = 1; r < grid.rows.length; r++) {
    const sheet = textAt(grid, r, COLUMN_MAP_COL);
    const text = textAt(grid, r, COLUMN_MAP_COL + 1);
    if (sheet === "" || text === "") continue;
    try {
      maps[sheet] = parseColumnMap(text);
    } catch {
      // A map edited by hand into something unreadable is ignored, never a crash.
    }
  }
  return maps;
}

/** The map of a sheet: the command line's (or the pane's, in settings) over the workbook's own. */
export function effectiveMap(settingsMaps: ColumnMaps | undefined, workbookMaps: ColumnMaps | undefined, sheet: string): SheetColumnMap | null {
  return mapFor(settingsMaps, sheet) ?? mapFor(workbookMaps, sheet);
}

/** A column the map names that holds nothing in any of the sheet's tables: an issue naming the cell. */
export function mapIssues(grid: Grid, sheet: PlanSheet, map: SheetColumnMap): Issue[] {
  const out: Issue[] = [];
  const columns = (map).columns;
  for (const [role, col] of Object.entries(columns) as [ColumnRole, number][]) {
    const used = sheet.tables.some((t) => textAt(grid, t.row, col) !== "") || sheet.actions.some((a) => textAt(grid, a.row, col) !== "");
    if (used) continue;
    const cell = cellAddress(sheet.tables[0].row, col);
    out.push({
      code: "column-map",
      severity: "error",
      sheet: sheet.name,
      cell,
      message: `The column map puts ${ROLE_NAMES[role]} in column ${columnLetter(col)}, but column ${columnLetter(col)} of this table is empty.`,
      hint: `Choose the column that holds ${ROLE_NAMES[role]} in the column map (or --columns), or clear the choice.`,
    });
  }
  return out;
}

