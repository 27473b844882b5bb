/**
 * Building the reader's output by hand (tables, actions, plan sheets), so that tests of the stages
 * after the reader (assess, edits, views) say exactly what they start from and do not change
 * when the reader learns new layouts.
 */
import type { IsoDate } from "../../src/core/dates";
import type { Action, ColumnRole, Field, Objective, PlanSheet, ProgressComment, StatusWord, TableHeader } from "../../src/core/model";

/** The seed plans' headings, in their columns (A-G). */
export const SEED_COLUMNS: Partial<Record<ColumnRole, number>> = { ref: 0, action: 1, timescale: 2, lead: 3, resources: 4, measures: 5, risks: 6 };

/** A table header at a row, with its columns by role; first and last columns from the columns given. */
export function table(row: number, columns: Partial<Record<ColumnRole, number>> = SEED_COLUMNS): TableHeader {
  const entries = Object.entries(columns) as [ColumnRole, number][];
  const cols = entries.map(([, c]) => c);
  return {
    row,
    columns: { ...columns },
    matches: entries.map(([role, col]) => ({ role, col, header: role, by: "heading" as const })),
    firstCol: Math.min(...cols),
    lastCol: Math.max(...cols),
  };
}

export function objective(ref: string | null, row: number, text = ""): Objective {
  return { ref, label: ref ? `Objective ${ref}` : "Objective", text, target: "", row };
}

export function comment(row: number, col: number, text: string, statusWord: StatusWord | null = null, date: IsoDate | null = null): ProgressComment {
  return { row, col, text, statusWord, date };
}

export interface ActionSpec {
  /** The ref cell's text; "Amber 3.1.1" gives ref 3.1.1 and the status word amber. */
  ref?: string;
  action?: string;
  timescale?: string;
  /** A real date in the Time-scale cell. */
  date?: IsoDate;
  lead?: string;
  /** The Progress cell's text (the table must have a progress column). */
  progress?: string;
  rag?: string;
  completed?: string;
  objective?: Objective | null;
  comments?: ProgressComment[];
  errorCells?: { col: number; text: string }[];
}

const REF = /^(?:(red|amber|green)\s+)?(\d+(?:\.\d+)+)$/i;

/** An action of a table at a row, its fields in the table's columns. */
export function action(sheet: string, t: TableHeader, row: number, spec: ActionSpec = {}): Action {
  const field = (role: ColumnRole, text = ""): Field => ({ text, col: t.columns[role] ?? null });
  const refText = spec.ref ?? "";
  const m = REF.exec(refText);
  return {
    sheet,
    row,
    continuationRows: [],
    table: t,
    ref: m ? m[2] : null,
    refText,
    refStatusWord: m?.[1] ? (m[1].toLowerCase() as StatusWord) : null,
    objective: spec.objective ?? null,
    action: field("action", spec.action ?? "Act"),
    timescale: { ...field("timescale", spec.timescale ?? ""), date: spec.date ?? null },
    lead: field("lead", spec.lead ?? "Ann"),
    resources: field("resources"),
    measures: field("measures"),
    risks: field("risks"),
    progress: t.columns.progress === undefined ? null : field("progress", spec.progress ?? ""),
    rag: t.columns.rag === undefined ? null : field("rag", spec.rag ?? ""),
    completed: t.columns.completed === undefined ? null : field("completed", spec.completed ?? ""),
    statusCell: null,
    comments: spec.comments ?? [],
    errorCells: spec.errorCells ?? [],
  };
}

/** A plan sheet as the reader gives it. */
export function planSheet(name: string, parts: Partial<Omit<PlanSheet, "name">> = {}): PlanSheet {
  return {
    name,
    title: parts.title ?? name,
    reportDate: parts.reportDate ?? null,
    reportDateCell: parts.reportDateCell ?? "",
    theme: parts.theme ?? name,
    layout: parts.layout ?? (parts.tables && parts.tables.length > 0 ? "blocks" : "none"),
    tables: parts.tables ?? [],
    objectives: parts.objectives ?? [],
    actions: parts.actions ?? [],
    protected: parts.protected ?? false,
    issues: parts.issues ?? [],
    notPlan: parts.notPlan ?? null,
    usesRefs: parts.usesRefs ?? (parts.actions ?? []).some((a) => a.ref !== null || a.refText !== ""),
  };
}
