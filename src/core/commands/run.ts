/**
 * The use-cases, once for both shells: Check layout, Refresh RAG, Build board report and the
 * one-click Add Progress and RAG columns, each a pure function from the workbook's grids and the
 * officer's options to the edits to make (as data), the sentence to tell the officer, and the
 * check as it will be after the edits. The Office.js side (src/excel) and the file side
 * (src/xlsx) only read grids and apply these edits.
 */
import type { AssessOptions } from "../assess";
import { countByRag } from "../assess";
import { lowerFirst, plural } from "../common";
import { formatDay } from "../dates";
import { countsInWords, gridsAfterEdits, planRefresh, type OwnedSheet, type RefreshOutcome, type SheetEdits } from "../edits";
import { cellAddress, type Grid } from "../grid";
import type { Issue, Rag, WorkbookCheck } from "../model";
import { planBoardReport } from "../report";
import { checkWorkbook } from "./check";
import { workbookState } from "./workbook";

/** Everything a command writes: plan-sheet edits and the sheets the product owns, rewritten whole. */
export interface CommandEdits {
  sheets: SheetEdits[];
  owned: OwnedSheet[];
}

/** A command that can go ahead: what to write, what to say, and the check after the write. */
export interface CommandPlanned {
  ok: true;
  edits: CommandEdits;
  summary: string;
  /** Counts by status of the actions the command assessed (null where it assesses none). */
  counts: Record<Rag, number> | null;
  /** The check as it will be once the edits are made (what the pane shows afterwards). */
  after: WorkbookCheck;
}

/** A command the core refuses, having planned nothing to write, with the reasons and the check as read. */
export interface CommandRefused {
  ok: false;
  summary: string;
  problems: Issue[];
  check: WorkbookCheck;
}

export type CommandPlan = CommandPlanned | CommandRefused;

function refused(outcome: Extract<RefreshOutcome, { ok: false }>, check: WorkbookCheck, summary = outcome.summary): CommandRefused {
  return { ok: false, summary, problems: outcome.problems, check };
}

/** "Checked 2 plan sheets: 21 actions (Red 13, ...); 3 errors and 12 warnings to look at." */
export function checkSummary(check: WorkbookCheck): string {
  const actions = check.sheets.flatMap((s) => s.actions);
  const issues = check.sheets.flatMap((s) => s.issues);
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.filter((i) => i.severity === "warning").length;
  if (check.sheets.length === 0) return "No plan sheet was found: every sheet is hidden, excluded or one of the add-in's own.";
  const dates = [...new Set(check.sheets.map((s) => s.asOf))];
  const asOf = dates.length === 1 ? ` as of ${formatDay(dates[0])}` : "";
  const found = errors + warnings === 0 ? "nothing to fix." : `${plural(errors, "error")} and ${plural(warnings, "warning")} to look at.`;
  return `Checked ${plural(check.sheets.length, "plan sheet")}: ${plural(actions.length, "action")}${asOf} (${countsInWords(countByRag(actions))}); ${found}`;
}

/** Check layout: the check of every plan sheet and its summary (nothing is written). */
export function checkCommand(grids: ReadonlyArray<Grid>, options: AssessOptions): { check: WorkbookCheck; summary: string } {
  const check = checkWorkbook(grids, options);
  return { check, summary: checkSummary(check) };
}

/** Refresh RAG: every action's status written, with its formats, dropdowns and the history record. */
export function refreshCommand(grids: ReadonlyArray<Grid>, options: AssessOptions): CommandPlan {
  const check = checkWorkbook(grids, options);
  const outcome = planRefresh(check, workbookState(grids));
  if (!outcome.ok) return refused(outcome, check);
  const edits = { sheets: outcome.sheets, owned: [outcome.history] };
  let after: WorkbookCheck | undefined;
  return {
    ok: true,
    edits,
    summary: outcome.summary,
    counts: outcome.counts,
    // Worked out when first asked for, once: the pane shows it, the command line never reads it.
    get after() {
      if (after === undefined) after = checkWorkbook(gridsAfterEdits(grids, edits.sheets, edits.owned), options);
      return after;
    },
  };
}

/**
 * Build board report: Refresh RAG, then the report sheets planned on the plan as refreshed
 * (worked out in memory, as it will be once the refresh's edits are made: no second read).
 */
export function reportCommand(grids: ReadonlyArray<Grid>, options: AssessOptions): CommandPlan {
  const check = checkWorkbook(grids, options);
  const state = workbookState(grids);
  const outcome = planRefresh(check, state);
  if (!outcome.ok) return refused(outcome, check, `The board report needs the statuses refreshed first, and ${lowerFirst(outcome.summary)}`);
  const after = checkWorkbook(gridsAfterEdits(grids, outcome.sheets, [outcome.history]), options);
  const report = planBoardReport({ check: after, records: outcome.records, sheets: state.sheets, today: options.today, settings: options.settings });
  const summary = [outcome.summary, report.summary].filter((s) => s !== "").join(" ");
  return { ok: true, edits: { sheets: outcome.sheets, owned: [outcome.history, ...report.owned] }, summary, counts: outcome.counts, after };
}

/** The one-click fix: the Progress and RAG headings and the Progress dropdown on one plan sheet; no status is written. */
export function addColumnsCommand(grids: ReadonlyArray<Grid>, sheet: string, options: AssessOptions): CommandPlan {
  const check = checkWorkbook(grids, { ...options, asOf: null });
  const assessed = check.sheets.find((s) => s.sheet.name === sheet);
  if (!assessed) {
    return {
      ok: false,
      summary: `"${sheet}" is not one of the plan sheets (it is hidden, excluded in the settings, or one of the add-in's own sheets). Nothing was written.`,
      problems: [],
      check,
    };
  }
  const outcome = planRefresh({ ...check, sheets: [assessed] }, workbookState(grids));
  if (!outcome.ok) return refused(outcome, check);
  const planned = outcome.sheets[0];
  // Only the header cells (on the tables' header rows) and the dropdowns: no status, no status colours.
  const headers = planned.cells.filter((c) => assessed.sheet.tables.some((t) => t.row === c.row));
  const edits: SheetEdits = { ...planned, cells: headers, ragAreas: [], ragFormatScope: [] };
  const after = checkWorkbook(gridsAfterEdits(grids, [edits], []), { ...options, asOf: null });
  const where = headers.map((h) => `${h.value} in ${cellAddress(h.row, h.col)}`);
  const actions = plural(assessed.actions.length, "action");
  const summary =
    headers.length === 0
      ? `The Progress and RAG columns are already on "${sheet}"; the Progress dropdown was put on its ${actions}.`
      : `Added ${where.slice(0, 4).join(", ")}${where.length > 4 ? ` and ${where.length - 4} more headings` : ""} on "${sheet}", with the Progress dropdown on its ${actions}. Refresh RAG fills in the statuses.`;
  return { ok: true, edits: { sheets: [edits], owned: [] }, summary, counts: null, after };
}
