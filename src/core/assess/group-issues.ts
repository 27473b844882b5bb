/**
 * Issues of one kind on one sheet shown together ("9 actions have no progress comment: A39, A53,
 * ..."), not once per cell: in the pane, the command line's table and the board report alike.
 */
import { pushTo } from "../common";
import type { Issue, IssueCode, Severity } from "../model";

/** What a group of each kind says of its cells ("have no timescale"). */
const GROUP_PHRASES: Partial<Record<IssueCode, (n: number) => string>> = {
  "timescale-missing": (n) => `${n} actions have no timescale`,
  "timescale-placeholder": (n) => `${n} actions have a placeholder as their timescale`,
  "timescale-unparsed": (n) => `${n} actions have a timescale the product does not understand`,
  "lead-missing": (n) => `${n} actions have no lead responsibility`,
  "lead-placeholder": (n) => `${n} actions have a placeholder as their lead`,
  "ref-missing": (n) => `${n} actions have no ref`,
  "ref-malformed": (n) => `${n} actions have a ref that is not a ref`,
  "ref-duplicate": (n) => `${n} refs are used twice`,
  "ref-wrong-objective": (n) => `${n} refs stand under another objective than their number says`,
  "progress-missing": (n) => `${n} actions have no progress status`,
  "progress-unknown": (n) => `${n} actions have a progress status that is not a known value`,
  "comment-missing": (n) => `${n} actions have no progress comment`,
  "comment-stale": (n) => `${n} actions have a progress comment older than the report date`,
  "cell-error": (n) => `${n} cells show an error (such as #REF!)`,
  "column-map": (n) => `${n} columns of the column map are empty on this sheet`,
  "rag-overwritten": (n) => `${n} RAG cells hold the officers' own ratings, which Refresh RAG writes over`,
};

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
/** Cells named in a grouped message; the rest are in `cells`. */
const MAX_NAMED = 12;
/** The kinds whose messages quote what the cell holds. */
const QUOTING: ReadonlySet<IssueCode> = new Set(["timescale-placeholder", "timescale-unparsed", "lead-placeholder", "ref-malformed", "progress-unknown", "rag-overwritten"]);
/** Texts quoted in a group's message, at most. */
const MAX_QUOTED = 4;
/** The text a message of a quoting kind quotes from its cell ('... has "TBC" as its lead'). */
const QUOTED = /^(?:The timescale of .*?, |The progress of .*?, |.* has )?"([^"]{1,40})"/;

/** An issue before it is placed on its sheet. */
export type SheetIssue = Omit<Issue, "sheet">;

/** The issues of one sheet, with those of one kind merged into one at the place of the first. */
export function groupIssues(issues: ReadonlyArray<SheetIssue>, sheet: string): Issue[] {
  const byCode = new Map<IssueCode, SheetIssue[]>();
  for (const i of issues) pushTo(byCode, i.code, i);
  const out: Issue[] = [];
  for (const list of byCode.values()) {
    const first = list[0];
    const phrase = GROUP_PHRASES[first.code];
    if (list.length === 1 || !phrase || list.some((i) => i.cell === "")) {
      for (const i of list) out.push({ ...i, sheet });
      continue;
    }
    const cells = list.map((i) => i.cell);
    const named = cells.slice(0, MAX_NAMED).join(", ") + (cells.length > MAX_NAMED ? `, ... (${cells.length - MAX_NAMED} more)` : "");
    const quoted = quotedTexts(list);
    const said = quoted.length > 0 ? ` (${quoted.map((q) => `"${q}"`).join(", ")}${quoted.length < list.length ? ", ..." : ""})` : "";
    const severity = list.reduce<Severity>((s, i) => (SEVERITY_RANK[i.severity] < SEVERITY_RANK[s] ? i.severity : s), first.severity);
    out.push({ ...first, sheet, severity, message: `${phrase(list.length)}${said}: ${named}.`, cells });
  }
  return out;
}

/** The first few different texts the issues of a group quote from their cells. */
function quotedTexts(list: ReadonlyArray<SheetIssue>): string[] {
  const out: string[] = [];
  if (!QUOTING.has(list[0].code)) return out;
  for (const i of list) {
    const q = QUOTED.exec(i.message)?.[1];
    if (q !== undefined && !out.includes(q) && out.push(q) >= MAX_QUOTED) break;
  }
  return out;
}
