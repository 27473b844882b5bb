/**
 * Table header rows, found from content: a header row is a row of headings (short labels, most
 * of them naming a role), never a row holding prose, a date, a number or a ref. Headings are
 * matched by meaning, from a wide vocabulary of the words plans use for each column.
 */
import { UNTIDY_SPACE, type CellKind } from "../grid";
import type { ColumnRole, HeaderMatch, TableFallback, TableHeader } from "../model";
import { looksLikeRef } from "./refs";
import { looksLikeDate } from "./timescale";

/**
 * What each heading means, tried in this order (first match wins), so that "Progress update" is
 * comments, not progress, "Action owner" is the lead, and "RAG status" is the RAG column.
 */
const ROLE_PATTERNS: ReadonlyArray<readonly [ColumnRole, RegExp]> = [
  // "Date completed", "Actual completion date", "Completed (Y/N)": the action recorded as done ("Completion date" is a deadline).
  ["completed", /^(?:date (?:completed|closed|achieved|delivered|done)|(?:completed|closed|achieved|delivered) (?:date|on)|actual (?:completion |end |finish |delivery )?date|(?:complete[d]?|done|achieved|delivered) ?(?:y ?\/? ?n|yes ?\/ ?no))$/],
  // "Progress (RAG)", "Status / RAG": the officers' progress, rated in colours; "RAG status" is the RAG column.
  ["progress", /^(?:current |overall )?(?:progress|status)\b.*\brag\b/],
  ["rag", /\brag\b|\bbrag\b|traffic ?lights?|\brating\b/],
  ["comments", /\bupdates?\b|\bcomments?\b|commentary|\bnotes?\b|\bremarks?\b|\bnarrative\b|progress (?:to date|so far|made|summary|report)|latest position|position statement|\bexplanation\b/],
  ["ref", /^(?:ref|reference|no|nos|num|number|id|#|code|item no|s\.? ?no|sr\.? ?no|serial(?: no)?)\.?$|^(?:action|task|item|milestone|line|objective) ?(?:no|number|ref|id|#)\.?$|^ref(?:erence)?\b/],
  ["objective", /^(?:strategic |key |overarching |related )?(?:objectives?|priorit(?:y|ies)|aims?|goals?|themes?|work ?streams?|categor(?:y|ies)|outcome areas?|strands?|focus areas?|areas?|sections?|programmes?|pillars?)\b/],
  ["risks", /\brisks?\b|confidence|\bbarriers?\b|\bdependenc|\bissues?\b/],
  ["measures", /measures?\b|\boutcomes?\b|success criteria|indicators?\b|\bperformance\b|\bkpis?\b|\bmetrics?\b|\boutputs?\b|how (?:will )?we (?:will )?know|evidence/],
  ["progress", /\bprogress\b|\bstatus\b|% ?complete|^complete[d]?$|^done$/],
  ["timescale", /time ?-?scales?|time ?-?frames?|target (?:date|completion)|by when|deadlines?|\bdue\b|completion date|date (?:for|of) completion|^when$|^target$|end date|finish date|delivery date|^timing|^date\b|\bdates?$|^by$/],
  ["lead", /\blead\b|responsib|\bowners?\b|^who\b|accountab|\bofficers?\b|\bagenc(?:y|ies)\b|\bpartners?\b|by whom|\bcontact\b|assigned to|\bchampion\b|\bperson\b/],
  ["resources", /resources?|\bcosts?\b|budget|funding|finance|\bspend\b|\bcosting\b/],
  ["action", /^actions?\b|\bactions?$|\btasks?\b|^activit|^what\b|milestones?|deliverables?|description|^key actions?|interventions?|initiatives?|^projects?$|^item$|^title$|^details?$|^steps?$|what (?:we will|will we) do/],
];

/** Headings that name a date which is not the deadline: never the Time-scale. */
const NOT_A_ROLE = /\bstart(?:ed|ing)?\b|date (?:raised|added|opened|logged|identified)|review date|last reviewed|date of update|date updated/;

/** A heading that says its column is the one in force ("Revised target date", "Current status", "Latest update"), or one it replaced. */
const IN_FORCE = /\b(?:revised|current|latest|new|updated|amended|forecast|re-?profiled)\b/;
const REPLACED = /\b(?:original|baseline|initial|previous|prior|old|planned)\b/;
/** A lead heading that names a person, or a body. */
const PERSON = /\b(?:officer|person|named|owner|manager|contact|individual)\b/;
const BODY = /\b(?:agenc(?:y|ies)|organi[sz]ations?|partners?|directorates?|departments?|services?|body|executive|board|teams?)\b/;
/** A heading about a period: "Q2 status", "Update Sep 11", "2011/12 progress", "Autumn term update". */
const PERIOD_HEADING = /\b(?:q[1-4]|quarter [1-4]|(?:19|20)\d{2}|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|autumn|winter)\b/;

/** True when a heading is about a period: "Q2 status", "Update Sep 11", "2011/12 progress". */
export function isPeriodHeading(text: string): boolean {
  return PERIOD_HEADING.test(normaliseHeading(text));
}

/**
 * Which of two columns headed for the same role is read, the one found first (`kept`) or the next:
 * the heading that says it is in force ("Revised target date", "Current status") over one it
 * replaced ("Original target date", "Previous status"); of two headings for periods ("Q1 status",
 * "Q2 status"), the later, as officers add each period to the right; of two leads, the person
 * ("Lead officer") over the body ("Lead agency"), as returns go to people. Else the first.
 */
export function nextHeadingWins(role: ColumnRole, kept: string, next: string): boolean {
  const k = normaliseHeading(kept);
  const n = normaliseHeading(next);
  const force = (t: string) => (IN_FORCE.test(t) ? 1 : 0) - (REPLACED.test(t) ? 1 : 0);
  if (force(n) !== force(k)) return force(n) > force(k);
  if ((role === "progress" || role === "comments" || role === "rag") && PERIOD_HEADING.test(k) && PERIOD_HEADING.test(n)) return true;
  if (role === "lead") return PERSON.test(n) && !PERSON.test(k) && BODY.test(k);
  return false;
}

/**
 * The words headings are made of: the role words above and the small words between them.
 * A label has at most one word outside these, so "Action planning workshop" is data, not a heading.
 */
const HEADING_WORDS = new Set(
  `ref reference no nos num number id code s sr serial item line action actions key task tasks description of what activity
  activities milestone milestones deliverable deliverables intervention interventions initiative initiatives project projects title
  output outputs time scale scales timescale timescales timeframe timeframes frame target targets date dates by when deadline
  deadlines due completion complete completed end finish delivery timing lead leads responsibility responsibilities responsible
  officer officers person owner owners who accountable accountability agency agencies organisation organisations organization
  partner partners contact assigned whom champion resources resource costs cost costing budget funding finance spend required
  progress status current overall rag brag rating traffic light lights update updates comment comments commentary note notes
  remarks narrative to date so far made latest position statement explanation objective objectives priority priorities aim aims
  goal goals theme themes workstream workstreams work stream streams category categories area areas outcome outcomes strand
  strands section sections programme programmes pillar pillars focus strategic overarching related measure measures performance
  success criteria indicator indicators kpi kpis metric metrics risk risks confidence level levels barrier barriers dependency
  dependencies issue issues and or the a an for on in at & + - / % # track target overdue how will we know evidence detail details
  summary step steps do be is are by whom main specific red amber green blue actual closed achieved delivered done y n yes`.split(/\s+/),
);

/** List numbers inside a heading: "1. Confidence level 2. Risks". */
const ENUMERATOR = /(?:^|\s)\(?\d{1,2}[.)](?=\s|$)/g;
/** The period a heading is about: "Progress update (Q2)", "RAG rating Q3 2010/11", "Status 2011", "Update Sep 11". */
const PERIOD = /\b(?:q[1-4]|quarter [1-4]|(?:19|20)\d{2}(?: ?[/-] ?\d{2,4})?|\d{2} ?\/ ?\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?: ?'?\d{2})?)\b/g;
const HAS_DIGIT = /\d/;
const WORDS = /[a-z%&#+]+/g;
/** The longest text that can be a heading. */
export const MAX_LABEL_LENGTH = 60;
const MAX_LABEL_WORDS = 8;

function normaliseHeading(text: string): string {
  return text.toLowerCase().replace(/[\s\u00a0]+/g, " ").replace(/[()[\]'’:?*]/g, " ").replace(/\s+/g, " ").trim();
}

/** The role a heading's text means, or null (no check that it is shaped like a heading: see isHeadingLabel). */
export function headingRole(text: string): ColumnRole | null {
  if (text.length > 80 && !UNTIDY_SPACE.test(text)) return null;
  const t = normaliseHeading(text);
  if (t === "" || t.length > 80 || NOT_A_ROLE.test(t)) return null;
  for (const [role, re] of ROLE_PATTERNS) if (re.test(t)) return role;
  return null;
}

/**
 * True when a text is shaped like a column heading: short, at most one word outside the words
 * headings are made of, no digits but list numbers, not a sentence.
 */
export function isHeadingLabel(text: string): boolean {
  if (text.length > MAX_LABEL_LENGTH) return false;
  const t = normaliseHeading(text).replace(ENUMERATOR, " ").replace(PERIOD, " ");
  if (t === "" || HAS_DIGIT.test(t)) return false;
  const words = t.match(WORDS) ?? [];
  if (words.length === 0 || words.length > MAX_LABEL_WORDS) return false;
  let strangers = 0;
  for (const w of words) if (!HEADING_WORDS.has(w) && ++strangers > 1) return false;
  return strangers === 0 || words.length >= 2;
}

/** True when a cell reads as data whatever words it holds: a number, a date, a ref, prose. */
export function isDataCell(text: string, kind?: CellKind): boolean {
  if (kind !== undefined && kind !== "text") return true;
  if (text.length > MAX_LABEL_LENGTH) return true;
  return HAS_DIGIT.test(text) && (looksLikeRef(text) || looksLikeDate(text) || /^[\d\s.,£$%+-]+$/.test(text));
}

export const REQUIRED_ROLES: ReadonlyArray<ColumnRole> = ["ref", "action", "timescale", "lead"];

/** Roles that make a row of headings an action table's header. */
const CORE_ROLES: ReadonlyArray<ColumnRole> = ["ref", "action", "timescale", "lead", "progress"];

/** How many of the roles that make an action table's header (Ref, Action, Time-scale, Lead, Progress) the columns hold. */
export function coreRoleCount(columns: TableHeader["columns"]): number {
  let n = 0;
  for (const r of CORE_ROLES) if (columns[r] !== undefined) n++;
  return n;
}

export interface HeaderCell {
  col: number;
  text: string;
  kind?: CellKind;
}

/**
 * The table header a row's cells make, or null when the row is not a header row: every cell a
 * heading-shaped label (none a number, date, ref or prose), most naming a role, at least three
 * different roles of which two are among Ref, Action, Time-scale, Lead and Progress. The first
 * column holding a role keeps it. (The rows beneath confirm a header: see the reader.)
 */
export function matchHeaderRow(row: number, cells: ReadonlyArray<HeaderCell>): TableHeader | null {
  if (cells.length < 2) return null;
  // Most rows are data: one cell that reads as data settles it before anything is gathered.
  for (const c of cells) if (isDataCell(c.text, c.kind)) return null;
  const matches: HeaderMatch[] = [];
  const columns = roleColumns({});
  const fallback: TableFallback = { timescale: undefined, lead: undefined };
  let strangers = 0;
  let named = 0;
  for (let i = 0; i < cells.length; i++) {
    const { col, text } = cells[i];
    const role = isHeadingLabel(text) ? headingRole(text) : null;
    if (role === null) {
      // A header may hold a heading the vocabulary lacks, but not many.
      if (++strangers * 2 > cells.length) return null;
      continue;
    }
    named++;
    const kept = columns[role];
    if (kept !== undefined) {
      const i = matches.findIndex((m) => m.col === kept);
      const next = nextHeadingWins(role, matches[i].header, text);
      if (role === "timescale" || role === "lead") fallback[role] ??= next ? kept : col;
      if (!next) continue;
      matches.splice(i, 1);
    }
    columns[role] = col;
    matches.push({ role, col, header: text, by: "heading" });
  }
  if (matches.length < 2 || coreRoleCount(columns) < 2 || (matches.length < 3 && cells.length > 3) || named * 2 < cells.length) return null;
  return tableHeader(row, columns, matches, cells[0].col, cells[cells.length - 1].col, [], fallback);
}

/**
 * A table header, always built here in the one shape: the reader asks every row about its table,
 * and headers of one shape keep those questions fast.
 */
export function tableHeader(
  row: number, columns: TableHeader["columns"], matches: HeaderMatch[], firstCol: number, lastCol: number, replaced: number[] = [], fallback?: TableFallback,
): TableHeader {
  return { row, columns: roleColumns(columns), matches, firstCol, lastCol, replaced, fallback: { timescale: fallback?.timescale, lead: fallback?.lead } };
}

/**
 * A table's columns by role in the one shape every table's have: each role a key, undefined where
 * the table has none. Objects of one shape keep the questions asked of every row fast, and a
 * shape made by an object literal outlives a garbage collection (docs/performance.md). Take a
 * role away by setting it to undefined, never with delete; list the columns with columnsInUse.
 */
export function roleColumns(from: TableHeader["columns"]): TableHeader["columns"] {
  return {
    ref: from.ref,
    action: from.action,
    timescale: from.timescale,
    lead: from.lead,
    resources: from.resources,
    measures: from.measures,
    risks: from.risks,
    progress: from.progress,
    rag: from.rag,
    comments: from.comments,
    objective: from.objective,
    completed: from.completed,
  };
}

/** The columns a table's roles are in (the roles it lacks left out). */
export function columnsInUse(columns: TableHeader["columns"]): number[] {
  const out: number[] = [];
  for (const col of Object.values(columns)) if (col !== undefined) out.push(col);
  return out;
}

/**
 * A header's roles decided anew: the header at its row with these columns and matches (put in
 * column order), spanning its own columns and `cols` as well.
 */
export function headerWith(header: TableHeader, columns: TableHeader["columns"], matches: HeaderMatch[], cols: ReadonlyArray<number>): TableHeader {
  matches.sort((a, b) => a.col - b.col);
  const span = [header.firstCol, header.lastCol, ...cols];
  return tableHeader(header.row, columns, matches, Math.min(...span), Math.max(...span), header.replaced, header.fallback);
}

/** Required roles the header lacks (the Ref only where the plan uses refs). */
export function missingRoles(header: TableHeader, usesRefs = true): ColumnRole[] {
  return REQUIRED_ROLES.filter((r) => header.columns[r] === undefined && (r !== "ref" || usesRefs));
}

/**
 * True when the header's known columns stand in the usual order: the group and the ref before the
 * action, the action's details (timescale, lead, resources, measures, risks) after it, in any
 * order among themselves, as plans put them in every order.
 */
export function inUsualOrder(header: TableHeader): boolean {
  const c = header.columns;
  const leading = [c.objective, c.ref, c.action].filter((x): x is number => x !== undefined);
  if (!leading.every((x, i) => i === 0 || leading[i - 1] < x)) return false;
  const action = c.action;
  return action === undefined || [c.timescale, c.lead, c.resources, c.measures, c.risks].every((x) => x === undefined || x > action);
}

/** "Ref", "Action", ... the officers' names for the roles (kept in the model, where the pane reads them too). */
export { ROLE_NAMES } from "../model";
