/**
 * Column roles from content, where the headings do not settle them: the column whose cells read
 * as timescales is the Time-scale, the column of short identifiers left of the text is the Ref,
 * the column of the longest prose is the Action, a column of status words is the Progress.
 * Only columns whose heading names no role are considered (a heading the reader understood wins).
 */
import type { ColumnRole, HeaderMatch, TableHeader } from "../model";
import { isIdentifier } from "./refs";
import { readProgressText, readStatusOnly } from "./progress";
import { parseTimescale } from "./timescale";
import { columnsInUse, headerWith, headingRole, isPeriodHeading, roleColumns } from "./headers";

/** One data cell beneath a header: its column, text and whether it is a real date. */
export interface SampleCell {
  col: number;
  text: string;
  date: boolean;
}

/** Levels of a tracker's Priority column: "High", "Med", "P1", "3": a rank, not a group of actions. */
const PRIORITY_LEVEL = /^(?:high|medium|med|low|h|m|l|critical|urgent|normal|p[0-4]|[1-5])$/i;

interface ColumnStats {
  col: number;
  filled: number;
  levels: number;
  /** Cells that state a progress somewhere in their text. */
  stated: number;
  timescales: number;
  identifiers: number;
  statuses: number;
  length: number;
}

/** A share of a column's filled cells that settles its role. */
const MOST = 0.6;

function statsOf(rows: ReadonlyArray<ReadonlyArray<SampleCell>>): Map<number, ColumnStats> {
  const stats = new Map<number, ColumnStats>();
  for (const cells of rows) {
    for (const c of cells) {
      let s = stats.get(c.col);
      if (!s) stats.set(c.col, (s = { col: c.col, filled: 0, levels: 0, stated: 0, timescales: 0, identifiers: 0, statuses: 0, length: 0 }));
      if (PRIORITY_LEVEL.test(c.text)) s.levels++;
      s.filled++;
      s.length += c.text.length;
      if (c.date) s.timescales++;
      else if (c.text.length <= 40 && /\d|ongoing|tbc|annual|quarterly|year end/i.test(c.text)) {
        const d = parseTimescale(c.text);
        if (d.deadline !== null || d.kind === "ongoing") s.timescales++;
      }
      if (isIdentifier(c.text)) s.identifiers++;
      if (readStatusOnly(c.text) !== null) s.statuses++;
      if (readProgressText(c.text) !== null) s.stated++;
    }
  }
  return stats;
}

/** Longest name a group column holds ("Safe and strong communities"). */
const MAX_GROUP_NAME = 60;

/**
 * True when a column's cells name groups of the rows: short, no more than half of them different,
 * one at least repeated, none a ref, date or status (a column of levels is a rank, not a group).
 */
function groupsRows(rows: ReadonlyArray<ReadonlyArray<SampleCell>>, col: number): boolean {
  const names = new Set<string>();
  let filled = 0;
  for (const cells of rows) {
    const c = cells.find((x) => x.col === col);
    if (!c) continue;
    if (c.date || c.text.length > MAX_GROUP_NAME || PRIORITY_LEVEL.test(c.text) || isIdentifier(c.text) || readStatusOnly(c.text) !== null) return false;
    filled++;
    names.add(c.text.toLowerCase());
  }
  return filled >= 3 && names.size * 2 <= filled;
}

/**
 * The header with the roles its headings left open filled from the rows beneath it (each such
 * column marked as decided by content). Needs at least two filled cells in a column to decide.
 */
export function rolesFromContent(header: TableHeader, rows: ReadonlyArray<ReadonlyArray<SampleCell>>, headings: ReadonlyMap<number, string>): TableHeader {
  // A heading the reader understood settles its column; one naming a role another column holds ("Key dates" beside "Milestones")
  // does not, unless it is another period's ("Q1 update" beside "Q2 update"), which is not read at all.
  const matched = new Set(header.matches.map((m) => m.col));
  const headed = new Set([...headings].filter(([col, text]) => matched.has(col) || headingRole(text) === null || isPeriodHeading(text)).map(([col]) => col));
  const columns = roleColumns(header.columns);
  const matches: HeaderMatch[] = [...header.matches];
  const stats = statsOf(rows);
  const taken = new Set<number>(columnsInUse(columns));
  const open = [...stats.values()].filter((s) => !headed.has(s.col) && !taken.has(s.col) && s.filled >= 2).sort((a, b) => a.col - b.col);
  const assign = (role: ColumnRole, s: ColumnStats | undefined) => {
    if (!s || columns[role] !== undefined || taken.has(s.col)) return;
    columns[role] = s.col;
    taken.add(s.col);
    matches.push({ role, col: s.col, header: "", by: "content" });
  };
  const share = (s: ColumnStats, n: number) => n / s.filled >= MOST;
  // A group column whose cells are priority levels ranks the actions; it does not group them.
  const group = columns.objective === undefined ? undefined : stats.get(columns.objective);
  if (group && group.filled >= 2 && share(group, group.levels)) {
    const col = columns.objective as number;
    columns.objective = undefined;
    matches.splice(matches.findIndex((m) => m.role === "objective" && m.col === col), 1);
  }
  // A measures column that stands first, left of the actions, and holds a few short names each
  // repeated down the rows ("Fair access", "Fair access", "Safe communities") groups the actions:
  // an "Outcome" heading over group names, where most plans put their outcome measures.
  const named = columns.measures;
  if (columns.objective === undefined && named !== undefined && columns.action !== undefined && named < columns.action && groupsRows(rows, named)) {
    const others = columnsInUse(columns).filter((c) => c !== named && c !== columns.ref);
    if (others.every((c) => c > named)) {
      columns.measures = undefined;
      columns.objective = named;
      const m = matches.find((x) => x.role === "measures" && x.col === named);
      if (m) Object.assign(m, { role: "objective", by: "content" });
    }
  }
  // Of statuses or updates by period (headers.ts, nextHeadingWins), the latest one the rows fill in yet.
  for (const role of ["progress", "comments"] as const) {
    const col = columns[role];
    const text = col === undefined ? undefined : headings.get(col);
    if (col === undefined || text === undefined || !isPeriodHeading(text) || (stats.get(col)?.filled ?? 0) > 0) continue;
    const earlier = [...headings].filter(([c, t]) => c < col && (stats.get(c)?.filled ?? 0) > 0 && !taken.has(c) && headingRole(t) === role && isPeriodHeading(t));
    const latest = earlier[earlier.length - 1];
    if (!latest) continue;
    columns[role] = latest[0];
    const m = matches.find((x) => x.role === role && x.col === col);
    if (m) Object.assign(m, { col: latest[0], header: latest[1] });
  }
  // A Progress column of narrative ("Meeting held with partners; draft circulated") is the comments.
  const progress = columns.progress === undefined ? undefined : stats.get(columns.progress);
  if (progress && columns.comments === undefined && progress.filled >= 2 && progress.length / progress.filled >= 30 && progress.stated * 2 < progress.filled) {
    const col = columns.progress as number;
    columns.progress = undefined;
    columns.comments = col;
    const m = matches.find((x) => x.role === "progress" && x.col === col);
    if (m) Object.assign(m, { role: "comments", by: "content" });
    // A second status heading ("Progress" of narrative beside "Status") is then the Progress column.
    const taken = new Set(columnsInUse(columns));
    const other = [...headings].find(([c, text]) => !taken.has(c) && headingRole(text) === "progress");
    if (other) {
      columns.progress = other[0];
      matches.push({ role: "progress", col: other[0], header: other[1], by: "heading" });
    }
  }
  if (columns.timescale === undefined) assign("timescale", open.filter((s) => share(s, s.timescales)).sort((a, b) => b.timescales - a.timescales)[0]);
  if (columns.progress === undefined) assign("progress", open.filter((s) => !taken.has(s.col) && share(s, s.statuses)).sort((a, b) => b.statuses - a.statuses)[0]);
  if (columns.action === undefined) {
    const prose = open.filter((s) => !taken.has(s.col) && s.length / s.filled >= 12).sort((a, b) => b.length / b.filled - a.length / a.filled)[0];
    assign("action", prose);
  }
  const actionCol = columns.action;
  if (columns.ref === undefined && actionCol !== undefined) {
    assign("ref", open.filter((s) => !taken.has(s.col) && s.col < actionCol && share(s, s.identifiers)).sort((a, b) => b.col - a.col)[0]);
  }
  const out = headerWith(header, columns, matches, columnsInUse(columns));
  const inUse = new Set(columnsInUse(columns));
  out.replaced = [...headings].filter(([col, text]) => !inUse.has(col) && headingRole(text) !== null).map(([col]) => col);
  return out;
}
