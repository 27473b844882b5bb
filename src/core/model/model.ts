/** The plan as the officers keep it, read from one worksheet, and what the product says of it. */
import type { IsoDate } from "../dates";
import type { Grid } from "../grid";

/** What sort of timescale the text was: the precision of its deadline, or why it has none. */
export type DeadlineKind = "date" | "month" | "quarter" | "financial-year" | "year" | "ongoing" | "missing" | "unparsed";

/** The deadline a Time-scale cell names (null for ongoing, missing and unparsed text) and its kind. */
export interface Deadline {
  deadline: IsoDate | null;
  kind: DeadlineKind;
}

/** What a column of an action table holds, in the officers' words. */
export type ColumnRole =
  | "ref"
  | "action"
  | "timescale"
  | "lead"
  | "resources"
  | "measures"
  | "risks"
  | "progress"
  | "rag"
  | "comments"
  | "objective"
  /** A column that records the action done: "Date completed", "Actual completion date", "Completed (Y/N)". */
  | "completed";

/** "Ref", "Action", ... the officers' names for the roles, for messages. */
export const ROLE_NAMES: Readonly<Record<ColumnRole, string>> = {
  ref: "Ref",
  action: "Action",
  timescale: "Time-scale",
  lead: "Lead responsibility",
  resources: "Resources",
  measures: "Performance / outcome measures",
  risks: "Confidence level / Risks",
  progress: "Progress",
  rag: "RAG",
  comments: "Progress comments",
  objective: "Objective",
  completed: "Completed",
};

/** One heading of a table header row and the column it was taken to mean. */
export interface HeaderMatch {
  role: ColumnRole;
  col: number;
  /** The heading as written in the sheet ("" where the column has none). */
  header: string;
  /** What decided the column's role: its heading, the content of the cells beneath, or the officer's column map. */
  by: "heading" | "content" | "map";
}

/** A table header row (repeated for each objective block in the block layout). */
export interface TableHeader {
  row: number;
  columns: Partial<Record<ColumnRole, number>>;
  matches: HeaderMatch[];
  /** First and last columns holding a heading. */
  firstCol: number;
  lastCol: number;
  /** Columns headed for a role another column holds (an earlier quarter's update, the original target date): not read. */
  replaced?: number[];
  /** Where an action's cell is empty, the column read instead: the original target date beside the revised one, the lead agency beside the lead officer. */
  fallback?: TableFallback;
}

/** The columns a table reads where an action leaves its own Time-scale or Lead cell empty. */
export interface TableFallback {
  timescale: number | undefined;
  lead: number | undefined;
}

/** The officer's own traffic-light word. */
export type StatusWord = "red" | "amber" | "green";

export type Progress = "complete" | "on-track" | "slow" | "stalled" | "closed" | "not-reported";

/** "closed": the action was withdrawn, cancelled, superseded or merged (grey, left out of the percentages). */
export type Rag = "red" | "amber" | "green" | "blue" | "not-reported" | "closed";

export interface Objective {
  /** "3.1" of "Objective 3.1", or null where the label has no number. */
  ref: string | null;
  label: string;
  text: string;
  /** The target line ("By April 2011 we aim to ..."). */
  target: string;
  row: number;
}

export interface ProgressComment {
  row: number;
  col: number;
  text: string;
  /** The officer's status word in the comment (the last one), if any. */
  statusWord: StatusWord | null;
  /** A date the comment opens with ("12/03/2009: ..."), if any. */
  date: IsoDate | null;
}

/** A field of an action: its text and where it was read from (the action's own row). */
export interface Field {
  text: string;
  col: number | null;
  /** The row the text was read from where it is not the action's own: the second row of an action wrapped over two. */
  row?: number;
}

export interface Action {
  sheet: string;
  /** 0-based worksheet row of the action's ref. */
  row: number;
  /** Rows that continue the action (after a page break or a wrapped line); most actions have none (a shared empty list). */
  continuationRows: ReadonlyArray<number>;
  table: TableHeader;
  /** The ref as written without a status word before it ("3.1.1", "A1", "7"), or null when missing or malformed. */
  ref: string | null;
  /** The ref cell's text as written ("Amber 3.1.1"). */
  refText: string;
  /** The status word written before the ref ("Amber" of "Amber 3.1.1"). */
  refStatusWord: StatusWord | null;
  objective: Objective | null;
  action: Field;
  timescale: Field & { date: IsoDate | null };
  lead: Field;
  resources: Field;
  measures: Field;
  risks: Field;
  /** The Progress column cell, where the sheet has one. */
  progress: Field | null;
  /** The RAG column cell (the product's own output), where the sheet has one. */
  rag: Field | null;
  /** The cell of a column that records the action done ("Date completed": a date, or "Yes"), where the sheet has one. */
  completed: Field | null;
  /** A cell of the action's own row, outside its Progress column, whose whole text is a status ("DONE"). */
  statusCell: Field | null;
  comments: ProgressComment[];
  /**
   * How the history and the returns know the action where its ref alone does not tell it apart:
   * refs that start again in each group ("1, 2" under 1A, again under 1B) are known with their
   * group ("2 (1B)"). Undefined where the ref (or, without one, the row) is enough.
   */
  trackAs?: string;
  /** Cells of this action holding an error value ("#REF!"), by address; most actions have none (a shared empty list). */
  errorCells: ReadonlyArray<{ col: number; text: string }>;
}

export type Severity = "error" | "warning" | "info";

export type IssueCode =
  | "no-table"
  | "column-missing"
  | "header-order"
  | "timescale-missing"
  | "timescale-placeholder"
  | "timescale-unparsed"
  | "lead-missing"
  | "lead-placeholder"
  | "ref-missing"
  | "ref-malformed"
  | "ref-duplicate"
  | "ref-wrong-objective"
  | "progress-missing"
  | "progress-unknown"
  | "comment-missing"
  | "comment-stale"
  | "columns-absent"
  | "cell-error"
  | "sheet-protected"
  | "target-not-empty"
  | "not-a-plan"
  | "column-map"
  | "rag-overwritten";

/** A one-click fix the pane can offer for an issue. */
export type IssueFix = "add-progress-rag-columns";

export interface Issue {
  code: IssueCode;
  severity: Severity;
  sheet: string;
  /** "C18", or "" for an issue of the whole sheet. */
  cell: string;
  message: string;
  hint: string;
  fix?: IssueFix;
  /** Every cell of a grouped issue (issues of one kind on one sheet are shown together), the first being `cell`. */
  cells?: string[];
}

export interface PlanSheet {
  name: string;
  title: string;
  /** The report-date line's date ("Progress report Updated 13th May 2009"). */
  reportDate: IsoDate | null;
  reportDateCell: string;
  /** "Prevention" of "Action plan 2008-11 - Prevention"; the sheet name when there is no theme line. */
  theme: string;
  layout: "blocks" | "flat" | "none";
  tables: TableHeader[];
  objectives: Objective[];
  actions: Action[];
  protected: boolean;
  /** Structural issues found while reading (headers, refs). */
  issues: Issue[];
  /** Why the sheet is not a plan sheet ("looks like a risk register: Likelihood, Impact columns"), or null for a plan sheet. */
  notPlan: string | null;
  /** True when the sheet's actions carry refs (a plan without refs names its actions by row). */
  usesRefs: boolean;
}

/** The officer's corrections of how one sheet is read: which column is each role, and whether it is a plan. */
export interface SheetColumnMap {
  /** 0-based column of each role the officer set. */
  columns: Partial<Record<ColumnRole, number>>;
  /** False: not a plan sheet; true: a plan sheet whatever the reader thinks; undefined: as read. */
  plan?: boolean;
}

/** Column maps by sheet name; the key "*" applies to every sheet without its own (the command line's --columns). */
export type ColumnMaps = Readonly<Record<string, SheetColumnMap>>;

/** Settings an officer chooses (saved in the workbook in Excel). */
export interface Settings {
  /** Days before a deadline in which an action not reported on, or stalled, turns Amber/Red. */
  amberWindowDays: number;
  /** Blue for complete actions (Blue-Red-Amber-Green). */
  brag: boolean;
  /** Sheets the officer excluded from plan sheets. */
  excludedSheets: string[];
  /** The officer's column maps (the pane's, saved in the workbook, or the command line's --columns). */
  columnMaps?: ColumnMaps;
}

export const DEFAULT_SETTINGS: Settings = { amberWindowDays: 30, brag: false, excludedSheets: [] };

/** One action with its computed status. */
export interface AssessedAction {
  action: Action;
  deadline: Deadline;
  progress: Progress;
  /** Where the progress came from. */
  progressSource: "completed-column" | "progress-column" | "status-cell" | "ref-status-word" | "comment-status-word" | "none";
  rag: Rag;
  reason: string;
  /** The officer's own status word (before the ref, else in the latest comment). */
  officerWord: StatusWord | null;
  /** True when the officer's word names another colour than the computed status. */
  disagrees: boolean;
}

/** One plan sheet, checked and assessed at a date. */
export interface SheetAssessment {
  sheet: PlanSheet;
  asOf: IsoDate;
  actions: AssessedAction[];
  issues: Issue[];
}

export interface WorkbookCheck {
  /** The chosen as-of date, or null where each sheet uses its own report date. */
  asOf: IsoDate | null;
  sheets: SheetAssessment[];
  /** The grids the sheets were read from, by sheet name (the refresh plans its edits on them). */
  grids: Map<string, Grid>;
}
