/**
 * Pure helpers of the task pane: wording and grouping of what the service returned.
 * No RAG rule lives here (the service and the core decide every status); these only arrange
 * and word the answers for the officer. Tested apart from React.
 */
import { capitalise, plural, pushTo } from "../core/common";
import { formatDay, isIsoDate, type IsoDate } from "../core/dates";
import type { Issue, Rag, Settings, Severity } from "../core/model";
import { RAG_ORDER, RAG_WORDS } from "../core/assess";
import type { ActionView, CheckView, SheetView } from "../core/views";
import type { DefaultAsOf, SheetChoice } from "../excel/service";

/** What the pane can be asked to do; one at a time. */
export type Task = "check" | "refresh" | "report" | "fix" | "columns";

/** The core's wording of counts and sentences, for the components. */
export { capitalise, plural };

/** The as-of date in use and where it came from, in one line. */
export function asOfCaption(chosen: IsoDate | null, fallback: DefaultAsOf | null, sheets: ReadonlyArray<Pick<SheetView, "name" | "asOf">> | null = null): string {
  if (chosen) return `As of ${formatDay(chosen)} (chosen here, for every plan sheet)`;
  // Once the sheets are read, where their dates differ the top line gives each one.
  const dates = new Set((sheets ?? []).map((sh) => sh.asOf));
  if (sheets && dates.size > 1) return `As of each sheet's own date: ${sheets.map((sh) => `${formatDay(sh.asOf)} (${sh.name})`).join(", ")}`;
  if (!fallback) return "Finding the report date…";
  if (fallback.source === "report-date") {
    return `As of ${formatDay(fallback.date)} (report date on ${fallback.sheet ?? "the active sheet"})`;
  }
  return `As of ${formatDay(fallback.date)} (today: no report-date line on the active sheet)`;
}

/** The second line under the as-of date: how the other sheets are treated. */
export function asOfDetail(chosen: IsoDate | null): string {
  return chosen
    ? "Every plan sheet is worked out at this date."
    : "Each plan sheet uses its own report-date line where it has one, else today. Pick a date to use one date for all sheets.";
}

/** The as-of date of one sheet's results and where it came from. */
export function sheetAsOfCaption(sheet: Pick<SheetView, "asOf" | "reportDate">, chosen: IsoDate | null): string {
  const day = formatDay(sheet.asOf);
  if (chosen) return `as of ${day}`;
  if (sheet.reportDate === sheet.asOf) return `as of ${day} (its report date)`;
  return `as of ${day} (today; no report-date line)`;
}

/** The date typed in the date box, or null when it is empty or not a real day. */
export function parseDateInput(value: string): IsoDate | null {
  const v = value.trim();
  return isIsoDate(v) ? v : null;
}

/** Statuses with their words and counts, in the report's order (Red first). */
export function countEntries(counts: Record<Rag, number>, options: { hideZeroBlue?: boolean } = {}): { rag: Rag; word: string; count: number }[] {
  return RAG_ORDER.filter((rag) => !(options.hideZeroBlue && (rag === "blue" || rag === "closed") && (counts[rag] ?? 0) === 0)).map((rag) => ({
    rag,
    word: RAG_WORDS[rag],
    count: counts[rag] ?? 0,
  }));
}

/** Total actions in a set of counts. */
export function totalOf(counts: Record<Rag, number>): number {
  return RAG_ORDER.reduce((n, r) => n + (counts[r] ?? 0), 0);
}

/** "Red 12, Amber 1, Green 0, Not reported 4": the counts in words, for screen readers and messages. */
export function countsInWords(counts: Record<Rag, number>): string {
  return countEntries(counts, { hideZeroBlue: true })
    .map((e) => `${e.word} ${e.count}`)
    .join(", ");
}

/** The filter of the actions list: every status, or one. */
export type RagFilter = Rag | "all";

/** Every action of the view, sheet by sheet, that passes the filter. */
export function filterActions(view: CheckView, filter: RagFilter): ActionView[] {
  const all = view.sheets.flatMap((s) => s.actions);
  return filter === "all" ? all : all.filter((a) => a.rag === filter);
}

/** Actions grouped by sheet (sheets without a matching action are left out). */
export function actionsBySheet(view: CheckView, filter: RagFilter): { sheet: string; actions: ActionView[] }[] {
  return view.sheets
    .map((s) => ({ sheet: s.name, actions: filter === "all" ? s.actions : s.actions.filter((a) => a.rag === filter) }))
    .filter((g) => g.actions.length > 0);
}

/** "officer says Red" where the officer's own word disagrees with the computed status, else null. */
export function officerSays(action: Pick<ActionView, "officerWord" | "disagrees">): string | null {
  if (!action.disagrees || !action.officerWord) return null;
  return `officer says ${RAG_WORDS[action.officerWord]}`;
}

export const SEVERITY_ORDER: ReadonlyArray<Severity> = ["error", "warning", "info"];

const SEVERITY_WORDS: Readonly<Record<Severity, [string, string]>> = {
  error: ["Error", "Errors"],
  warning: ["Warning", "Warnings"],
  info: ["Information", "Information"],
};

/** "Errors", "Warnings", "Information" (a group heading), or the singular. */
export function severityWord(severity: Severity, many = true): string {
  return SEVERITY_WORDS[severity][many ? 1 : 0];
}

export interface IssueGroup {
  sheet: string;
  count: number;
  bySeverity: { severity: Severity; issues: Issue[] }[];
}

/** The issues of the view grouped by sheet, then by severity (errors first); empty groups left out. */
export function groupIssues(view: CheckView): IssueGroup[] {
  return view.sheets
    .map((s) => ({
      sheet: s.name,
      count: s.issues.length,
      bySeverity: SEVERITY_ORDER.map((severity) => ({ severity, issues: s.issues.filter((i) => i.severity === severity) })).filter(
        (g) => g.issues.length > 0,
      ),
    }))
    .filter((g) => g.count > 0);
}

/** Issues of one severity in runs that share a hint: a hint repeated by several issues is given once for the run. */
export function issuesByHint(issues: ReadonlyArray<Issue>): { hint: string; issues: Issue[] }[] {
  const runs = new Map<string, Issue[]>();
  for (const i of issues) pushTo(runs, `${i.code}\u0000${i.hint}`, i);
  return [...runs.values()].map((list) => ({ hint: list[0].hint, issues: list }));
}

/** Number of issues of each severity in the whole view. */
export function issueTotals(view: CheckView): Record<Severity, number> {
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const s of view.sheets) for (const i of s.issues) totals[i.severity]++;
  return totals;
}

/** "2 errors, 10 warnings, 1 note" or "no problems found". */
export function issueTotalsInWords(view: CheckView): string {
  const t = issueTotals(view);
  const parts: string[] = [];
  if (t.error) parts.push(plural(t.error, "error"));
  if (t.warning) parts.push(plural(t.warning, "warning"));
  if (t.info) parts.push(plural(t.info, "note"));
  return parts.length ? parts.join(", ") : "no layout problems found";
}

/** The cell to go to for an issue: its own cell, or A1 for an issue of the whole sheet. */
export function issueTarget(issue: Pick<Issue, "cell">): string {
  return issue.cell || "A1";
}

/** What the pane announces (aria-live) and shows when a task finishes with results. */
export function resultsAnnouncement(task: Task, view: CheckView | null, message: string, opens?: string): string {
  if (!view) return message;
  const total = totalOf(view.counts);
  // The counts once: the service's message says them again (a report's twice), so it is shown, not read out.
  const done = opens ? `${TASK_DONE[task]} It is on the sheet "${opens}".` : TASK_DONE[task];
  return `${done} ${plural(total, "action")}: ${countsInWords(view.counts)}. ${capitalise(issueTotalsInWords(view))}.`;
}

const TASK_DONE: Readonly<Record<Task, string>> = {
  check: "Check done.",
  refresh: "RAG refreshed.",
  report: "Board report built.",
  fix: "Columns added.",
  columns: "Column map saved.",
};

/** What the spinner says while a task runs. */
export const TASK_RUNNING: Readonly<Record<Task, string>> = {
  check: "Checking the layout of your plan sheets…",
  refresh: "Refreshing RAG statuses…",
  report: "Building the board report…",
  fix: "Adding the Progress and RAG columns…",
  columns: "Saving the column map…",
};

/** A plain message for an unexpected failure (never a stack trace). */
export function unexpectedMessage(task: Task | "select" | "settings"): string {
  const what: Record<Task | "select" | "settings", string> = {
    check: "The layout check stopped unexpectedly.",
    refresh: "Refresh RAG stopped unexpectedly.",
    report: "Building the board report stopped unexpectedly.",
    fix: "Adding the Progress and RAG columns stopped unexpectedly.",
    columns: "Saving the column map stopped unexpectedly.",
    select: "Excel could not go to that cell.",
    settings: "The settings could not be read or saved.",
  };
  const todo =
    task === "select"
      ? "The sheet may have been renamed or deleted: run Check layout again and pick the item from the new list."
      : "Check that no cell is being edited in Excel (press Enter or Esc), then try again. If it happens again, close and reopen the task pane.";
  return `${what[task]} ${todo}`;
}

/** Amber window typed in the settings: the number of days, or the problem in words. */
export function validateAmberWindow(text: string): { ok: true; days: number } | { ok: false; message: string } {
  const t = text.trim();
  if (t === "") return { ok: false, message: "Enter a number of days from 0 to 365." };
  if (!/^\d+$/.test(t)) return { ok: false, message: "Use a whole number of days from 0 to 365 (no decimals or letters)." };
  const days = Number(t);
  if (days > 365) return { ok: false, message: "Use at most 365 days (one year)." };
  return { ok: true, days };
}

/** Whether a sheet's box is ticked, and whether the officer may change it. */
export function sheetBox(choice: SheetChoice, excluded: ReadonlySet<string>): { checked: boolean; enabled: boolean; note: string | null } {
  const isExcluded = excluded.has(choice.name.toLowerCase());
  if (!choice.looksLikePlan && !isExcluded) return { checked: false, enabled: false, note: "no action table found" };
  return { checked: choice.looksLikePlan && !isExcluded, enabled: true, note: null };
}

/** The excluded sheets after the officer ticked or unticked boxes; names not listed now are kept. */
export function excludedAfter(previous: ReadonlyArray<string>, choices: ReadonlyArray<SheetChoice>, unticked: ReadonlySet<string>): string[] {
  const listed = new Set(choices.map((c) => c.name.toLowerCase()));
  const kept = previous.filter((n) => !listed.has(n.toLowerCase()));
  const now = choices.filter((c) => unticked.has(c.name.toLowerCase())).map((c) => c.name);
  return [...kept, ...now];
}

/** Settings equal, field by field (the excluded list in any order, any case). */
export function sameSettings(a: Settings, b: Settings): boolean {
  const norm = (s: Settings) => [...s.excludedSheets.map((n) => n.toLowerCase())].sort().join("\u0000");
  return a.amberWindowDays === b.amberWindowDays && a.brag === b.brag && norm(a) === norm(b);
}
