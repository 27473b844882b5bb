/**
 * What the task pane and the ribbon ask of the workbook. The Office.js implementation lives
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

export interface CommandOutcome {
  ok: boolean;
  /** One or two sentences for the officer: what was done (counts by status) or what stopped it and what to do. */
  message: string;
  counts?: Record<Rag, number>;
  /** The check after the command, for the pane to show. */
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
