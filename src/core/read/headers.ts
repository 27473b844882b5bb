/** Table header rows, matched by meaning rather than exact wording. */
import { UNTIDY_SPACE } from "../grid";
import type { ColumnRole, HeaderMatch, TableHeader } from "../model";

/**
 * What each heading means, tried in this order (first match wins), so that
 * "Progress update" is comments, not progress, and "RAG status" is the RAG column.
 */
const ROLE_PATTERNS: ReadonlyArray<readonly [ColumnRole, RegExp]> = [
  ["rag", /\brag\b|traffic ?light|\brating\b/],
  ["comments", /\bupdates?\b|\bcomments?\b|commentary|\bnotes?\b/],
  ["risks", /\brisks?\b|confidence/],
  ["measures", /measures?\b|\boutcomes?\b|success criteria|indicators?\b|\bperformance\b|\bkpi/],
  ["progress", /\bprogress\b|\bstatus\b/],
  ["timescale", /time ?-?scales?|target date|by when|deadline|\bdue\b|completion date|^when$|^date$|^target$|end date/],
  ["lead", /\blead\b|responsib|\bowner\b|^who$|accountable/],
  ["resources", /resources?|\bcosts?\b|budget|funding/],
  ["objective", /objective|^priority$|^aim$/],
  ["ref", /^ref\b|\bref\.?$|^reference$|^no\.?$|^#$|^id$|^action (?:no|number|ref)/],
  ["action", /^actions?\b|\btasks?\b|^activity|^activities|^what\b/],
];

/**
 * Any of the patterns above, as one expression: text it does not match means no role, found in
 * one pass instead of one per role (most cells of a plan are not headings).
 */
const ANY_ROLE = new RegExp(ROLE_PATTERNS.map(([, re]) => `(?:${re.source})`).join("|"));


/** The role a heading's text means, or null. */
export function headingRole(text: string): ColumnRole | null {
  if (text.length > 80 && !UNTIDY_SPACE.test(text)) return null;
  const t = text.toLowerCase().replace(/[\s\u00a0]+/g, " ").trim();
  if (t === "" || t.length > 80 || !ANY_ROLE.test(t)) return null;
  for (const [role, re] of ROLE_PATTERNS) if (re.test(t)) return role;
  return null;
}

export const REQUIRED_ROLES: ReadonlyArray<ColumnRole> = ["ref", "action", "timescale", "lead"];

/** The usual order of the columns, for the "unexpected order" note. */
export const USUAL_ORDER: ReadonlyArray<ColumnRole> = [
  "objective", "ref", "action", "timescale", "lead", "resources", "measures", "risks",
];

/**
 * The table header a row's cells make, or null when the row is not a header row.
 * A header row names at least three different roles, among them the action or the ref,
 * and the timescale or the lead. The first column holding a role keeps it, except that where
 * a RAG column stands beside a Status column, Status is the progress.
 */
export function matchHeaderRow(row: number, cells: ReadonlyArray<{ col: number; text: string }>): TableHeader | null {
  if (cells.length < 3) return null;
  const matches: HeaderMatch[] = [];
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (let i = 0; i < cells.length; i++) {
    // Fewer cells left than roles still needed: not a header row (most rows of a plan are not).
    if (matches.length + cells.length - i < 3) return null;
    const { col, text } = cells[i];
    const role = headingRole(text);
    if (role === null || columns[role] !== undefined) continue;
    columns[role] = col;
    matches.push({ role, col, header: text });
  }
  const has = (r: ColumnRole) => columns[r] !== undefined;
  if (matches.length < 3 || !(has("action") || has("ref")) || !(has("timescale") || has("lead"))) return null;
  const cols = cells.map((c) => c.col);
  return { row, columns, matches, firstCol: Math.min(...cols), lastCol: Math.max(...cols) };
}

/** Required roles the header lacks. */
export function missingRoles(header: TableHeader): ColumnRole[] {
  return REQUIRED_ROLES.filter((r) => header.columns[r] === undefined);
}

/** True when the header's known columns stand in the usual order. */
export function inUsualOrder(header: TableHeader): boolean {
  const cols = USUAL_ORDER.map((r) => header.columns[r]).filter((c): c is number => c !== undefined);
  return cols.every((c, i) => i === 0 || cols[i - 1] < c);
}

/** "Ref", "Action", ... the officers' names for the roles, for messages. */
export const ROLE_NAMES: Readonly<Record<ColumnRole, string>> = {
  ref: "Ref",
  action: "Action",
  timescale: "Time-scale",
  lead: "Lead responsibility",
  resources: "Resources",
  measures: "Performance / outcome measures",
  risks: "Confidence level / Risks",
  progress: "Progress",
  rag: "RAG",
  comments: "Progress comments",
  objective: "Objective",
};
