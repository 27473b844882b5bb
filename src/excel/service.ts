/**
 * What the task pane and the ribbon ask of the workbook. Every method that fails for a reason the
 * officer should read throws an OfficerError (src/core/common) or returns a refused outcome. The Office.js implementation lives
 * beside this file; tests give the pane a fake. No rule lives here: every answer comes from the core.
 */
import type { IsoDate } from "../core/dates";
import type { Rag, Settings } from "../core/model";
import type { CheckView } from "../core/views";

export interface Environment {
  /** True inside Excel (false in a plain browser). */
  inExcel: boolean;
  /** True when this Excel supports the requirement sets the add-in needs. */
  supported: boolean;
  /** What to tell the officer when either is false. */
  message: string | null;
}

export interface SheetChoice {
  name: string;
  /** True when the sheet reads as a plan sheet (it has an action table). */
  looksLikePlan: boolean;
  /** True when the officer excluded it in the settings. */
  excluded: boolean;
}

export interface DefaultAsOf {
  date: IsoDate;
  /** Where the date came from: the active plan sheet's report-date line, or today. */
  source: "report-date" | "today";
  /** The sheet whose report-date line gave the date. */
  sheet: string | null;
}

/**
 * What a command did. Success always carries the check as it is after the command (what the
 * pane shows), so no caller has to fetch it or guess; a refusal carries the check that explains it
 * where there is one (the cell in the way). Messages are one or two sentences for the officer:
 * what was done (counts by status) or what stopped it and what to do.
 */
export type CommandOutcome = CommandDone | CommandRefused;

export interface CommandDone {
  ok: true;
  message: string;
  counts?: Record<Rag, number>;
  view: CheckView;
  /** The sheet the command's result is on, for the pane's Open button (the Board Report, after Build board report). */
  opens?: string;
}

export interface CommandRefused {
  ok: false;
  message: string;
  view?: CheckView;
}

export interface PlanService {
  environment(): Promise<Environment>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  defaultAsOf(): Promise<DefaultAsOf>;
  listSheets(): Promise<SheetChoice[]>;
  /** Check layout of every plan sheet; asOf null uses each sheet's report date. */
  check(asOf: IsoDate | null): Promise<CommandOutcome & { view: CheckView }>;
  refresh(asOf: IsoDate | null): Promise<CommandOutcome>;
  buildReport(asOf: IsoDate | null): Promise<CommandOutcome>;
  /** The one-click fix: add the Progress and RAG columns to a sheet (headers and dropdowns only). */
  addColumns(sheet: string): Promise<CommandOutcome>;
  /** Select a cell ("C18") on a sheet and bring it into view. */
  select(sheet: string, cell: string): Promise<void>;
}
