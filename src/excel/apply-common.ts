/** What both the plan sheets' edits and the owned sheets write: the status rules, column widths and RangeAreas addresses. */
import { columnLetter } from "../core/grid";
import { STATUS_STYLES } from "../core/edits";
import { estimate, type WriteBatch } from "./write";

/** The status rules (one per status word) on a range whose top-left cell is row/col. */
export async function addStatusRules(batch: WriteBatch, range: Excel.Range, row: number, col: number): Promise<void> {
  const anchor = `$${columnLetter(col)}${row + 1}`;
  for (const s of STATUS_STYLES) {
    const formula = `=TRIM(${anchor})="${s.word}"`;
    await batch.room(estimate(8, 5, "Custom", formula, s.fill, s.font));
    const cf = range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = `#${s.fill}`;
    cf.custom.format.font.color = `#${s.font}`;
  }
}

/** Excel column width in points for a width in characters (Calibri 11: 7 pixels a character, 5 of padding). */
export function columnPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Longest RangeAreas address written in one go (a conservative size: Excel documents no limit). */
const MAX_AREAS_ADDRESS = 240;

/** Addresses ("A1", "5:9", ...) joined by commas into RangeAreas addresses of at most MAX_AREAS_ADDRESS characters each. */
export function joinAddresses(parts: ReadonlyArray<string>): string[] {
  const groups: string[] = [];
  let current = "";
  for (const part of parts) {
    if (current !== "" && current.length + 1 + part.length > MAX_AREAS_ADDRESS) {
      groups.push(current);
      current = "";
    }
    current = current === "" ? part : `${current},${part}`;
  }
  if (current !== "") groups.push(current);
  return groups;
}
