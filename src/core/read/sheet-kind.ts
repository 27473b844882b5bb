/**
 * Not every sheet is a plan: a sheet holds a plan when it has an action table (an Action column
 * and a Time-scale or a Progress column). Other sheets are named for what they look like, in
 * plain words: a risk register, data or a lookup list, a form, notes.
 */
import type { TableHeader } from "../model";
import { ROLE_NAMES } from "./headers";

/** What the reader saw of a sheet, besides its tables. */
export interface SheetShape {
  /** The first row of three or more short labels, as written. */
  labels: string[];
  /** The first row of three or more cells that starts with text ("Indicator", "Baseline 2009/10", ...): a table's headings, digits allowed. */
  headings: string[];
  /** Rows of three or more cells: a table's rows rather than free text. */
  wideRows: number;
  cells: number;
  numbers: number;
  /** Rows of a label ending in ":" with a value beside it. */
  formRows: number;
  rows: number;
}

const RISK_HEADINGS = /likelihood|probability|impact|severity|risk (?:score|rating|level|owner)|residual|inherent|mitigat|controls?\b|proximity/i;

/** True when a table is an action table: its Action column and a Time-scale or Progress column (or a Ref and a Lead). */
export function isActionTable(t: TableHeader): boolean {
  const c = t.columns;
  return c.action !== undefined && (c.timescale !== undefined || c.progress !== undefined || (c.ref !== undefined && c.lead !== undefined));
}

function list(items: ReadonlyArray<string>, max = 4): string {
  const shown = items.slice(0, max).map((s) => (s.length > 24 ? `${s.slice(0, 23)}…` : s));
  return items.length > max ? `${shown.join(", ")}, ...` : shown.join(", ");
}

/** Why a sheet is not a plan sheet, in plain words ("looks like a risk register: Likelihood, Impact columns"). */
export function whyNotAPlan(tables: ReadonlyArray<TableHeader>, shape: SheetShape): string {
  const headings = tables.length > 0 ? tables[0].matches.map((m) => m.header || ROLE_NAMES[m.role]) : shape.labels;
  const risky = [...new Set([...shape.labels, ...headings])].filter((h) => RISK_HEADINGS.test(h));
  if (risky.length >= 2) return `looks like a risk register: ${list(risky)} columns`;
  if (tables.length > 0) {
    const t = tables[0];
    if (t.columns.action === undefined) return `its table (${list(headings)}) has no Action column`;
    return `its table (${list(headings)}) has an Action column but no Time-scale or Progress column`;
  }
  if (shape.cells === 0) return "the sheet is empty";
  if (shape.numbers * 2 > shape.cells) return "looks like data or a lookup list: mostly numbers, no action table";
  if (shape.wideRows >= 2 && shape.numbers * 3 > shape.cells) return `looks like data: a table of figures (${list(shape.headings)}), no action table`;
  if (shape.formRows >= 3 && shape.formRows * 3 >= shape.rows) return "looks like a form: labels with values beside them, no action table";
  if (shape.labels.length > 0 || shape.wideRows >= 2) {
    return `its table (${list(shape.labels.length > 0 ? shape.labels : shape.headings)}) has no Action column with a Time-scale or Progress column`;
  }
  return "no action table: free text only (notes or a cover page)";
}
