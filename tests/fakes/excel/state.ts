/** The fake workbook's state: cells with their look, merges, rules, validations, charts, page layout. */
import type { Area } from "../../../src/core/grid";
import { MAX_COL } from "./errors";

export type CellValue = string | number | boolean;

/** One cell's content and look. A missing entry is an empty cell in the General format. */
export interface FakeCell {
  value: CellValue;
  formula?: string;
  error?: boolean;
  numberFormat: string;
  /** Format properties by path: "font/bold", "fill/color", "borders/EdgeTop/style", "wrapText", ... */
  format: Record<string, string | number | boolean>;
}

export interface FakeConditionalFormat {
  areas: Area[];
  type: string;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
}

export interface FakeValidation {
  rule: unknown;
  errorAlert: unknown;
  prompt: unknown;
  ignoreBlanks: boolean | null;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  legendPosition: string | null;
  position: { start: string; end: string } | null;
  seriesColors: (string | null)[];
}

export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  zoom: unknown;
  printTitleRows: string | null;
  margins: Record<string, number>;
  leftFooter: string;
  rightFooter: string;
}

export class FakeSheet {
  cells = new Map<number, FakeCell>();
  merges: Area[] = [];
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  columnWidths = new Map<number, number>();
  /** Row heights set by the add-in (points); AutoFit is only recorded, in autofitRows. */
  rowHeights = new Map<number, number>();
  conditionalFormats: FakeConditionalFormat[] = [];
  validations = new Map<number, FakeValidation>();
  charts: FakeChart[] = [];
  freezeRows = 0;
  /** Manual page breaks: the 0-based rows that start a printed page. */
  rowBreaks: number[] = [];
  pageLayout: FakePageLayout = { orientation: "Portrait", paperSize: "Letter", zoom: { scale: 100 }, printTitleRows: null, margins: {}, leftFooter: "", rightFooter: "" };
  autofitRows: string[] = [];

  constructor(
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible",
    public protected_ = false,
  ) {}

  static key(row: number, col: number): number {
    return row * (MAX_COL + 1) + col;
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, col));
  }

  ensure(row: number, col: number): FakeCell {
    const k = FakeSheet.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: "", numberFormat: "General", format: {} };
      this.cells.set(k, c);
    }
    return c;
  }

  /** The merged area covering a cell (of more than one cell), if any. */
  mergeAt(row: number, col: number): Area | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** Bounding box of the cells with a value (valuesOnly) or with anything at all (within an area, if given). */
  usedArea(valuesOnly: boolean, within?: Area): Area | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if (valuesOnly && c.value === "" && !c.formula) continue;
      if (!valuesOnly && c.value === "" && !c.formula && Object.keys(c.format).length === 0 && c.numberFormat === "General") continue;
      const r = Math.floor(k / (MAX_COL + 1));
      const col = k % (MAX_COL + 1);
      if (within && (r < within.top || r > within.bottom || col < within.left || col > within.right)) continue;
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    if (!valuesOnly) {
      for (const m of this.merges) {
        if (within && !(m.top >= within.top && m.bottom <= within.bottom && m.left >= within.left && m.right <= within.right)) continue;
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** Cells of an area that exist (value or format), with their positions. */
  *cellsIn(a: Area): Generator<[number, number, FakeCell]> {
    const size = (a.bottom - a.top + 1) * (a.right - a.left + 1);
    if (size <= this.cells.size * 4) {
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          const cell = this.cell(r, c);
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const [k, cell] of [...this.cells]) {
      const r = Math.floor(k / (MAX_COL + 1));
      const c = k % (MAX_COL + 1);
      if (r >= a.top && r <= a.bottom && c >= a.left && c <= a.right) yield [r, c, cell];
    }
  }
}
/** Excel reading a typed string: a formula, a number, or text. */
export function typed(value: CellValue, format: string): { value: CellValue; formula?: string; error?: boolean } {
  if (typeof value !== "string" || format === "@") return { value };
  if (value.startsWith("=") && value.length > 1) return { value: "#NAME?", formula: value, error: true };
  if (/^[-+]?\d+(?:\.\d+)?$/.test(value.trim())) return { value: Number(value) };
  if (value.toUpperCase() === "TRUE" || value.toUpperCase() === "FALSE") return { value: value.toUpperCase() === "TRUE" };
  return { value };
}
