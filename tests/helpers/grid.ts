/** Building grids for tests from rows of plain values. */
import type { Area, Cell, Grid } from "../../src/core/grid";
import { fromExcelSerial } from "../../src/core/dates";

export type Plain = string | number | null | undefined | Cell;

function isCell(v: Plain): v is Cell {
  return typeof v === "object" && v !== null && "kind" in v;
}

/** A cell from a plain value: strings are text, numbers numbers; pass a Cell for anything else. */
export function cell(v: Plain): Cell | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (isCell(v)) return v;
  if (typeof v === "number") return { kind: "number", text: String(v), number: v };
  return { kind: "text", text: v };
}

/** A date cell from an Excel serial. */
export function dateCell(serial: number): Cell {
  const date = fromExcelSerial(serial) as string;
  return { kind: "date", text: date, date, number: serial };
}

export function italic(text: string): Cell {
  return { kind: "text", text, italic: true, bold: true };
}

export function grid(name: string, rows: Plain[][], extra: Partial<Pick<Grid, "merges" | "hiddenRows" | "protected">> = {}): Grid {
  return {
    name,
    rows: rows.map((r) => r.map(cell)),
    merges: extra.merges ?? ([] as Area[]),
    hiddenRows: extra.hiddenRows ?? [],
    protected: extra.protected ?? false,
  };
}

export const HEADER = ["Ref", "Action", "Time-scale", "Lead responsibility", "Resources", "Performance / outcome measures", "1. Confidence level 2. Risks"];
