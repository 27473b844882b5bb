/** One plan sheet assessed at a date: each action's deadline, progress, status and reason. */
import type { IsoDate } from "../dates";
import type { Grid } from "../grid";
import type { Action, AssessedAction, Progress, Rag, Settings, SheetAssessment, StatusWord, PlanSheet } from "../model";
import { completionRecorded, progressOfStatusWord, readProgressText, readStatusOnly } from "../read";
import { computeRag, RAG_WORDS } from "./rag";
import { parseTimescale } from "../read";
import type { Deadline } from "../model";
import { progressColumnEmpty } from "./columns";
import { validateSheet } from "./validate";
import { lowerFirst } from "../common";

/** An officer's words to continue a sentence with: "Withdrawn - merged into HW7" -> "withdrawn - merged into HW7"; shouting lowered whole. */
function continuing(text: string): string {
  return text === text.toUpperCase() ? text.toLowerCase() : lowerFirst(text);
}

/** The deadline of an action: a real Excel date as it is, else its timescale text parsed ("year end" at the as-of date). */
export function deadlineOf(action: Action, asOf?: IsoDate): Deadline {
  if (action.timescale.date) return { deadline: action.timescale.date, kind: "date" };
  return parseTimescale(action.timescale.text, asOf);
}

/** The officer's own status word on an action: before the ref, else in the latest comment carrying one. */
export function officerWordOf(action: Action): StatusWord | null {
  if (action.refStatusWord) return action.refStatusWord;
  for (let i = action.comments.length - 1; i >= 0; i--) {
    const w = action.comments[i].statusWord;
    if (w) return w;
  }
  return null;
}

/**
 * Progress, first found of: a Completed column that records the action done by the as-of date
 * ("Date completed", "Completed (Y/N)"), the Progress column, a status-only cell of the row (where
 * the plan keeps no progress in a Progress column: it has none, or an empty one such as the
 * product adds), the officer's status word, none.
 */
export function progressOf(action: Action, statusCellsCount = action.progress === null, asOf?: IsoDate): { progress: Progress; source: AssessedAction["progressSource"] } {
  // A Completed column that records the action done ("Date completed" 2 Oct 2024, "Yes") settles it.
  if (action.completed && asOf && completionRecorded(action.completed.text, asOf)) return { progress: "complete", source: "completed-column" };
  const fromColumn = action.progress ? readProgressText(action.progress.text) : null;
  if (fromColumn) return { progress: fromColumn, source: "progress-column" };
  const fromCell = statusCellsCount && action.statusCell ? readStatusOnly(action.statusCell.text) : null;
  if (fromCell) return { progress: fromCell, source: "status-cell" };
  if (action.refStatusWord) return { progress: progressOfStatusWord(action.refStatusWord), source: "ref-status-word" };
  const word = officerWordOf(action);
  if (word) return { progress: progressOfStatusWord(word), source: "comment-status-word" };
  return { progress: "not-reported", source: "none" };
}

/** True when the officer's word names another colour than the computed status (Blue counts as Green). */
function disagrees(word: StatusWord | null, rag: Rag): boolean {
  if (word === null) return false;
  if (rag === "closed") return false;
  const colour = rag === "blue" ? "green" : rag;
  return colour !== word;
}

/** One action assessed at a date (statusCellsCount: as progressOf). */
export function assessAction(action: Action, asOf: IsoDate, settings: Settings, statusCellsCount = action.progress === null): AssessedAction {
  const deadline = deadlineOf(action, asOf);
  const { progress, source } = progressOf(action, statusCellsCount, asOf);
  const officerWord = officerWordOf(action);
  const progressFrom =
    source === "ref-status-word" && officerWord
      ? `officer's ${RAG_WORDS[officerWord]} before the ref`
      : source === "comment-status-word" && officerWord
        ? `officer's ${RAG_WORDS[officerWord]} in the progress comment`
        : source === "status-cell" && action.statusCell
          ? `"${action.statusCell.text}" in the action's row`
          : source === "completed-column" && action.completed
            ? `"${action.completed.text}" in the Completed column`
            : undefined;
  const closedText = progress === "closed" ? (source === "status-cell" ? action.statusCell?.text : action.progress?.text) : undefined;
  const closedAs = closedText ? continuing(closedText.length > 60 ? `${closedText.slice(0, 59)}…` : closedText) : undefined;
  const { rag, reason } = computeRag({ deadline, progress, asOf, amberWindowDays: settings.amberWindowDays, brag: settings.brag, progressFrom, closedAs });
  return { action, deadline, progress, progressSource: source, rag, reason, officerWord, disagrees: disagrees(officerWord, rag) };
}

export interface AssessOptions {
  /** The date chosen by the officer (or --as-of); null to use the sheet's report date. */
  asOf: IsoDate | null;
  /** Today, the last fallback for the as-of date (passed in: the core never reads the clock). */
  today: IsoDate;
  settings: Settings;
}

/** The as-of date of a sheet: the chosen date, else its report-date line, else today. */
export function asOfFor(sheet: PlanSheet, options: Pick<AssessOptions, "asOf" | "today">): IsoDate {
  return options.asOf ?? sheet.reportDate ?? options.today;
}

/** A plan sheet assessed: every action's status and every issue. */
export function assessSheet(sheet: PlanSheet, grid: Grid, options: AssessOptions): SheetAssessment {
  const asOf = asOfFor(sheet, options);
  const noProgressKept = progressColumnEmpty(sheet);
  const actions = sheet.actions.map((a) => assessAction(a, asOf, options.settings, a.progress === null || noProgressKept));
  return { sheet, asOf, actions, issues: validateSheet(sheet, grid, actions, asOf) };
}
