/**
 * Row heights for an owned sheet, estimated from its text. Excel and LibreOffice do not fit a
 * row's height to wrapped text when they open a file, and Excel's own AutoFit ignores merged
 * cells, so an adapter that writes an owned sheet sets these heights (the .xlsx writer always;
 * in Excel, at least for rows with a merged wrapping cell). The estimate wraps the text word by
 * word with the widths of Calibri's characters, and errs on the tall side: a blank line is
 * better than a cut-off sentence.
 */
import type { OwnedCell, OwnedSheet } from "./edits";
import type { Area } from "../grid";
import { OWNED_LOOKS } from "./owned-styles";

/** Points of height per line, per point of font size (15pt a line for 11pt text, as Excel fits it). */
const LINE_FACTOR = 15 / 11;
const DEFAULT_SIZE = 11;
const DEFAULT_WIDTH = 8.43;
/** Of a column's width, the part text may fill (the rest is the cell's margins), kept low. */
const USABLE = 0.98;
/** Bold text is this much wider. */
const BOLD = 1.06;

/**
 * Advance widths of Calibri's characters, in widths of "0" (the unit of Excel's column widths).
 * Characters not listed count as 1.1, wider than most.
 */
const GLYPHS: ReadonlyArray<[string, number]> = [
  [" ", 0.45],
  ["il.,:;'|!", 0.5],
  ["Ijtf()[]-", 0.66],
  ["r", 0.69],
  ["sJ/", 0.78],
  ['czL?"', 0.84],
  ["vxyFS", 0.92],
  ["aegkEYZT0123456789", 1.0],
  ["bdhnopquPXK", 1.04],
  ["BRACV", 1.14],
  ["DGHNU", 1.28],
  ["O&Q", 1.34],
  ["w", 1.41],
  ["m", 1.58],
  ["MW", 1.76],
];
const GLYPH_WIDTH = new Map<string, number>(
  GLYPHS.flatMap(([chars, w]) => [...chars].map((c): [string, number] => [c, w]))
);
const OTHER_WIDTH = 1.1;

/** The tallest row Excel allows, in points (Excel refuses a taller one; a layout keeps its cells shorter). */
export const MAX_ROW_HEIGHT = 409;

/** The width of text in widths of "0" at 11pt. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += GLYPH_WIDTH.get(ch) ?? OTHER_WIDTH;
  return w;
}

/** The number of lines text takes wrapped at `capacity` (in widths of "0"), word by word; a line may break after a hyphen. */
export function wrappedLines(text: string, capacity: number): number {
  const space = textWidth(" ");
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      word.split(/(?<=-)/).forEach((piece, i) => {
        const width = textWidth(piece);
        const gap = used === 0 || i > 0 ? 0 : space;
        if (used + gap + width <= capacity) {
          used += gap + width;
          return;
        }
        if (used > 0) lines++;
        // A piece wider than the line is broken across lines.
        const full = Math.max(0, Math.ceil(width / capacity) - 1);
        lines += full;
        used = width - full * capacity;
      });
    }
  }
  return lines;
}

/** Height in points of one cell's content in a given width (in widths of "0"). */
function cellHeight(c: OwnedCell, width: number): number {
  const look = OWNED_LOOKS[c.style ?? "text"];
  const size = look.size ?? DEFAULT_SIZE;
  const line = size * LINE_FACTOR;
  if (!look.wrap || typeof c.value !== "string") return line;
  const capacity = Math.max(1, (width * USABLE * DEFAULT_SIZE) / size / (look.bold ? BOLD : 1));
  return wrappedLines(c.value, capacity) * line;
}

/** The height in points of every row of an owned sheet (a row with nothing taller: 15). */
export function estimateRowHeights(sheet: Pick<OwnedSheet, "rows" | "columnWidths" | "merges">): number[] {
  const widthOf = (col: number) => sheet.columnWidths[col] ?? DEFAULT_WIDTH;
  const mergeAt = new Map<string, Area>(sheet.merges.map((m) => [`${m.top}:${m.left}`, m]));
  const heights = sheet.rows.map(() => DEFAULT_SIZE * LINE_FACTOR);
  const tall: { area: Area; need: number }[] = [];
  sheet.rows.forEach((row, r) => {
    row.forEach((c, col) => {
      if (!c) return;
      const area = mergeAt.get(`${r}:${col}`) ?? { top: r, left: col, bottom: r, right: col };
      let width = 0;
      for (let x = area.left; x <= area.right; x++) width += widthOf(x);
      const need = cellHeight(c, width);
      if (area.bottom > area.top) tall.push({ area, need });
      else heights[r] = Math.max(heights[r], need);
    });
  });
  // A cell merged down several rows needs their heights together; any shortfall goes to its last row.
  for (const { area, need } of tall) {
    let have = 0;
    for (let r = area.top; r <= area.bottom; r++) have += heights[r];
    if (need > have) heights[area.bottom] += need - have;
  }
  return heights.map((h) => Math.min(MAX_ROW_HEIGHT, Math.ceil(h * 4) / 4));
}
