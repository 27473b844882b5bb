/** Partner returns as data: the workbooks sent to each lead, what comes back, and the merge. */
import type { IsoDate } from "../dates";
import type { OwnedSheet, RowInsert, SheetEdits } from "../edits";

export type { RowInsert };
import type { Area } from "../grid";
import type { Progress } from "../model";
import type { ReturnKey } from "./keys";

/** A sheet of a return workbook: laid out like the product's own sheets, with a dropdown and hidden columns. */
export type ReturnSheet = Omit<OwnedSheet, "purpose"> & {
  purpose: "return" | "return-key";
  /** 0-based columns hidden (the key column). */
  hiddenColumns: number[];
  /** List dropdowns (free text still allowed, as in the plan's Progress column). */
  dropdowns: { area: Area; choices: ReadonlyArray<string> }[];
};

/** One lead's return: a workbook of their actions to fill in. */
export interface PartnerReturn {
  /** The lead as written in the plan (the first lead of a joint one). */
  lead: string;
  leadKey: string;
  /** A file name to save it under ("Return - DA Strategy Co-ordinator.xlsx"), unique among the returns. */
  fileName: string;
  /** The return sheet, then the very hidden key sheet. */
  sheets: ReturnSheet[];
  /** How many actions it holds. */
  actions: number;
}

export interface ReturnsOptions {
  /** The day the returns are made (the core never reads the clock). */
  today: IsoDate;
  /** By when the leads are asked to send them back (default: two weeks from today). */
  returnBy?: IsoDate;
}

export interface ReturnsPlan {
  plan: { id: string; title: string };
  returns: PartnerReturn[];
  summary: string;
}

/** One row of a return as filled in by the lead. */
export interface ReturnedRow {
  key: ReturnKey;
  /** The return's cell of the row ("C9"), for messages. */
  cell: string;
  /** What the lead wrote in each fill-in column ("" where left blank). */
  progressText: string;
  comment: string;
  revisedTimescale: string;
  reasonForChange: string;
  /** The progress the words state (README.md, "How statuses are worked out"), or null where they state none. */
  progress: Exclude<Progress, "not-reported"> | null;
  /** True where the progress is one of the dropdown's choices. */
  progressInList: boolean;
}

/** A return file read. */
export type ReadReturn =
  | { ok: true; file: string; plan: string; planTitle: string; lead: string; leadKey: string; madeOn: IsoDate | null; rows: ReturnedRow[] }
  | { ok: false; file: string; problem: string };

/** What a merge would change for one action. */
export interface ActionChange {
  sheet: string;
  ref: string;
  /** The plan's cell of the action ("A28"). */
  cell: string;
  action: string;
  lead: string;
  file: string;
  progress: { from: string; to: string; readAs: Exclude<Progress, "not-reported"> | null; inList: boolean } | null;
  comment: string | null;
  timescale: { from: string; to: string; reason: string } | null;
  /** The status before and after (computed at the sheet's as-of date). */
  statusBefore: string;
  statusAfter: string;
}

export type ConflictKind = "two-returns" | "action-changed" | "action-gone";

/** Something in the returns the merge will not write, and why. */
export interface MergeConflict {
  kind: ConflictKind;
  sheet: string;
  ref: string;
  files: string[];
  message: string;
}

/** Everything a merge writes. */
export interface MergeEdits {
  /** Cell writes per plan sheet (Progress and its header, Time-scale, RAG, flat comments). */
  sheets: SheetEdits[];
  inserts: RowInsert[];
  /** The history sheet rewritten with the old timescales, or null when no timescale was revised. */
  history: OwnedSheet | null;
}

export interface MergePlan {
  /** Returns that cannot be merged at all (not a return, another plan's, damaged): nothing is written. */
  problems: { file: string; problem: string }[];
  changes: ActionChange[];
  conflicts: MergeConflict[];
  /** Returns read whole but already merged or left blank. */
  unchanged: string[];
  /** Leads with actions in the plan and no return among these files. */
  notReturned: string[];
  edits: MergeEdits;
  /** True when there is something to write and nothing stops it. */
  canApply: boolean;
  summary: string;
}
