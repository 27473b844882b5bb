/** Check layout: every problem of a plan sheet, with its cell, in an officer's words. */
import { OUTPUT_HEADINGS, planColumns, progressColumnEmpty } from "./columns";
import { ragOfWord } from "./rag";
import { capitalise } from "../common";
import { formatDay, type IsoDate } from "../dates";
import { cellAddress, refCellOf, type Grid } from "../grid";
import { inUsualOrder, missingRoles, ROLE_NAMES } from "../read";
import type { Action, AssessedAction, Issue, IssueCode, PlanSheet, Severity } from "../model";
import { answersNo, isDottedRef, readProgressText } from "../read";
import { groupIssues, type SheetIssue } from "./group-issues";
import { isPlaceholder } from "../read";

const LEAD_PLACEHOLDER = /^[?\s]+$|^(?:tbc|tba|tbd|n\/?a|unknown|none|-+)$/i;

/** Where a field of an action sits: its own cell, else the action's ref cell. */
function fieldCell(action: Action, col: number | null | undefined): string {
  return col === null || col === undefined ? refCellOf(action) : cellAddress(action.row, col);
}

/** The cell of an action's timescale (its table's Time-scale column where the field has none). */
function timescaleCell(action: Action): string {
  return fieldCell(action, action.timescale.col ?? action.table.columns.timescale);
}

/** The cell of an action's lead (its table's Lead column where the field has none). */
function leadCell(action: Action): string {
  return fieldCell(action, action.lead.col ?? action.table.columns.lead);
}

function issue(code: IssueCode, severity: Severity, cell: string, message: string, hint: string): SheetIssue {
  return { code, severity, cell, message, hint };
}

/** The issues of a sheet's structure: its tables and their headers. */
function tableIssues(sheet: PlanSheet): SheetIssue[] {
  if (sheet.tables.length === 0) {
    return [
      issue(
        "no-table",
        "error",
        "",
        `No action table found on "${sheet.name}": ${sheet.notPlan ?? "no row has headings such as Ref, Action, Time-scale and Lead responsibility"}.`,
        "Add a header row (Ref | Action | Time-scale | Lead responsibility | ...) above the actions, set its columns in the column map, or exclude this sheet from the plan sheets.",
      ),
    ];
  }
  const out: SheetIssue[] = [];
  for (const table of sheet.tables) {
    const at = cellAddress(table.row, table.firstCol);
    for (const role of missingRoles(table, sheet.usesRefs)) {
      out.push(
        issue(
          "column-missing",
          "error",
          at,
          `The header row ${table.row + 1} has no ${ROLE_NAMES[role]} column.`,
          `Add a "${ROLE_NAMES[role]}" heading to row ${table.row + 1}, above the column that holds it.`,
        ),
      );
    }
    if (!inUsualOrder(table)) {
      out.push(
        issue(
          "header-order",
          "info",
          at,
          `The columns of header row ${table.row + 1} are in an unusual order: ${table.matches.map((m) => `${m.header} (read as ${ROLE_NAMES[m.role]})`).join(", ")}.`,
          "Nothing to do if this is how your plan is kept: columns are matched by their headings.",
        ),
      );
    }
  }
  return out;
}

/** The issues of one action's ref, timescale, lead, progress and comments. */
function actionIssues(a: AssessedAction, asOf: IsoDate, seenRefs: Map<string, Action>, emptyProgressColumn: boolean, usesRefs: boolean, out: SheetIssue[]): void {
  const { action } = a;
  const name = action.ref ?? `the action in row ${action.row + 1}`;
  if (action.ref === null) {
    if (!usesRefs) {
      // A plan without refs: its actions are named by their rows.
    } else if (action.refText === "") {
      out.push(issue("ref-missing", "warning", refCellOf(action), `The action in row ${action.row + 1} has no ref.`, "Give it a ref such as 3.1.2 under its objective, so it can be tracked from report to report."));
    } else {
      out.push(issue("ref-malformed", "warning", refCellOf(action), `"${action.refText}" is not a ref like 3.1.2, A1 or 7.`, "Write the ref as numbers with dots (3.1.2), letters and a number (A1, PH1) or a number (7); a status word may stand before it (Amber 3.1.2)."));
    }
  } else {
    // Refs that start again in each group are told apart by their group (trackAs): a duplicate is the same ref in the same group.
    const key = action.trackAs ?? action.ref;
    const first = seenRefs.get(key);
    if (first) {
      out.push(issue("ref-duplicate", "error", refCellOf(action), `Ref ${action.ref} is used twice: in row ${first.row + 1} and row ${action.row + 1}.`, "Give each action its own ref; the report and the history track actions by ref."));
    } else {
      seenRefs.set(key, action);
    }
    const objective = action.objective;
    if (objective?.ref && /^\d+(?:\.\d+)*$/.test(objective.ref) && isDottedRef(action.ref) && !action.ref.startsWith(`${objective.ref}.`)) {
      out.push(issue("ref-wrong-objective", "warning", refCellOf(action), `Ref ${action.ref} stands under Objective ${objective.ref}.`, `Check the ref: actions under Objective ${objective.ref} are numbered ${objective.ref}.1, ${objective.ref}.2, ...`));
    }
  }
  const ts = action.timescale;
  if (a.deadline.kind === "missing") {
    if (ts.text === "") out.push(issue("timescale-missing", "warning", timescaleCell(action), `${capitalise(name)} has no timescale.`, "Enter a date (31/03/2010), a month (March 2010), a quarter (Q3 2009/10) or 'ongoing'."));
    else out.push(issue("timescale-placeholder", "warning", timescaleCell(action), `${capitalise(name)} has "${ts.text}" as its timescale.`, "Replace the placeholder with a real date, month, quarter or 'ongoing'."));
  } else if (a.deadline.kind === "unparsed") {
    out.push(issue("timescale-unparsed", "warning", timescaleCell(action), `The timescale of ${name}, "${ts.text}", is not a date the product understands.`, "Write it as a date (31/03/2010), a month (March 2010), a quarter (Q3 2009/10), a financial year (2009/10) or 'ongoing'."));
  }
  if (action.lead.text === "") {
    out.push(issue("lead-missing", "warning", leadCell(action), `${capitalise(name)} has no lead responsibility.`, "Name the officer or team who leads this action."));
  } else if (action.lead.text.length <= 40 && (isPlaceholder(action.lead.text) || LEAD_PLACEHOLDER.test(action.lead.text))) {
    out.push(issue("lead-placeholder", "warning", leadCell(action), `${capitalise(name)} has "${action.lead.text}" as its lead.`, "Name the officer or team who leads this action."));
  }
  if (action.progress) {
    // An empty Progress cell matters only where nothing else says how the action is going
    // (the officer's status word counts), and a column still empty throughout gets one note (progressColumnIssues).
    if (action.progress.text === "") {
      if (a.progressSource === "none" && !emptyProgressColumn) {
        out.push(issue("progress-missing", "warning", fieldCell(action, action.progress.col), `${capitalise(name)} has no progress status.`, "Choose Complete, On track, Slow, Stalled or Closed from the Progress dropdown."));
      }
    } else if (readProgressText(action.progress.text) === null && !answersNo(action.progress.text)) {
      out.push(issue("progress-unknown", "warning", fieldCell(action, action.progress.col), `The progress of ${name}, "${action.progress.text}", is not a known status.`, "Choose Complete, On track, Slow, Stalled or Closed from the Progress dropdown."));
    }
  }
  const latest = action.comments[action.comments.length - 1];
  if (!latest) {
    if (a.progress !== "complete" && a.progress !== "closed") out.push(issue("comment-missing", "warning", refCellOf(action), `${capitalise(name)} has no progress comment.`, "Add a line on progress under the action (or in the comments column) before the report goes to the board."));
  } else {
    let newest: IsoDate | null = null;
    for (const c of action.comments) if (c.date !== null && (newest === null || c.date > newest)) newest = c.date;
    if (newest !== null && newest < asOf) {
      out.push(issue("comment-stale", "warning", cellAddress(latest.row, latest.col), `The latest progress comment on ${name} is dated ${formatDay(newest)}, before the report date ${formatDay(asOf)}.`, "Update the progress comment for this report."));
    }
  }
  // The RAG column is the product's output (SPEC section 5): a rating the officers typed there ("G", "A/G") is written over.
  const rag = action.rag;
  if (rag && rag.text !== "" && ragOfWord(rag.text) === null) {
    out.push(issue("rag-overwritten", "info", fieldCell(action, rag.col), `The RAG cell of ${name} has "${rag.text}", the officers' own rating: Refresh RAG writes the computed status over it.`, "Nothing to do if the RAG column is for the product's statuses. To keep your own rating, put it in the Progress column (G, A or R there counts as your colour), then refresh."));
  }
  for (const e of action.errorCells) {
    out.push(issue("cell-error", "warning", cellAddress(action.row, e.col), `A cell of ${name} shows the error ${e.text}.`, "Fix the formula or type the value in; the error is read as empty."));
  }
}

/** The issues of writing: protection, the product's columns and the cells in their way. */
function writeIssues(sheet: PlanSheet, grid: Grid): SheetIssue[] {
  const out: SheetIssue[] = [];
  if (sheet.protected) {
    out.push(issue("sheet-protected", "error", "", `The sheet "${sheet.name}" is protected, so Refresh RAG cannot write its statuses.`, "Unprotect the sheet (Review > Unprotect Sheet), refresh, then protect it again."));
  }
  if (sheet.tables.length === 0) return out;
  const plan = planColumns(sheet, grid);
  const missing = (["progress", "rag"] as const).filter((r) => plan.added[r] !== undefined);
  if (missing.length > 0) {
    const first = plan.headers[0];
    const names = missing.map((r) => OUTPUT_HEADINGS[r]).join(" and ");
    out.push({
      ...issue("columns-absent", "info", cellAddress(first.row, first.col), `The ${names} column${missing.length > 1 ? "s are" : " is"} not on this sheet yet.`, `Refresh RAG (or the one-click fix) adds ${names} to the right of the table.`),
      fix: "add-progress-rag-columns",
    });
  }
  for (const b of plan.blocked) {
    out.push(issue("target-not-empty", "error", b.address, `Cell ${b.address} is where the ${OUTPUT_HEADINGS[b.role]} column goes, but it ${b.text.trim() === "" ? "is part of a merged area" : `holds "${b.text.trim().slice(0, 40)}"`}.`, `Move or clear what is in ${b.address}, or head the column "${OUTPUT_HEADINGS[b.role]}" yourself, then refresh.`));
  }
  return out;
}

/** One note for a Progress column with nothing in it yet (as after the product adds it). */
function emptyProgressIssue(sheet: PlanSheet): SheetIssue {
  const table = sheet.tables.find((t) => t.columns.progress !== undefined) as PlanSheet["tables"][number];
  return issue(
    "progress-missing",
    "info",
    cellAddress(table.row, table.columns.progress as number),
    "The Progress column is empty: statuses come from the officers' status words, statuses written in the actions' rows, and the deadlines.",
    "Choose Complete, On track, Slow or Stalled for each action from the Progress dropdown.",
  );
}

/** Every issue of a plan sheet, assessed at a date, in row order (sheet-wide issues first), issues of one kind together. */
export function validateSheet(sheet: PlanSheet, grid: Grid, assessed: AssessedAction[], asOf: IsoDate): Issue[] {
  const seen = new Map<string, Action>();
  const emptyProgressColumn = progressColumnEmpty(sheet);
  const all: SheetIssue[] = [...writeIssues(sheet, grid), ...tableIssues(sheet)];
  if (emptyProgressColumn) all.push(emptyProgressIssue(sheet));
  for (const i of sheet.issues) all.push(i);
  for (const a of assessed) actionIssues(a, asOf, seen, emptyProgressColumn, sheet.usesRefs, all);
  return groupIssues(all, sheet.name);
}
