/**
 * The Excel JavaScript API requirement sets the add-in uses, checked with
 * `Office.context.requirements.isSetSupported("ExcelApi", "1.x")` before any command runs.
 *
 * What needs what (each as the Office.js type definitions give its "Api set"):
 *   1.1   charts, chart series colours (ChartFill.setSolidColor)
 *   1.2   getUsedRange(valuesOnly)
 *   1.4   getUsedRangeOrNullObject, settings, the other *OrNullObject methods
 *   1.6   conditional formats (custom formula rules)
 *   1.7   freeze panes
 *   1.8   data validation (the Progress dropdown)
 *   1.9   getRowProperties, copyFrom (header formats), RangeAreas, page layout and print titles
 *   1.11  RunOptions.delayForCellEdit (a command waits while the officer is typing in a cell)
 *   1.13  range.getMergedAreasOrNullObject: the reader must know merged cells, both to read
 *         comments merged across the table and to refuse writing into a merged area
 *   1.19  changes made by add-ins can be undone (the first Excel builds with add-in undo support
 *         shipped with 1.19; before them an add-in's change cleared the undo list)
 *   1.20  RunOptions.mergeUndoGroup: one refresh is one undo step (optional: without it, each
 *         request of a write is a step of its own; see docs/real-excel.md)
 *
 * The manifest asks for 1.9 so that Excel lists the add-in; the commands need 1.13 and say so
 * plainly when the officer's Excel is older.
 */
export const REQUIRED_API = "1.13";
const UNDO_GROUP_API = "1.20";
const ADDIN_UNDO_API = "1.19";
const DELAY_FOR_CELL_EDIT_API = "1.11";
const KNOWN_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

export interface ApiSupport {
  /** True when this Excel has everything the commands need. */
  supported: boolean;
  /** True when one refresh can be grouped into one undo step (ExcelApi 1.20). */
  undoGroup: boolean;
  /** True when Undo can take back changes made by add-ins at all (ExcelApi 1.19). */
  addinUndo: boolean;
  /** True when a command can wait for the officer to finish typing in a cell (ExcelApi 1.11). */
  delayForCellEdit: boolean;
  /** The highest ExcelApi version this Excel reports, "1.x", or null. */
  highest: string | null;
  /** What to tell the officer when `supported` is false. */
  message: string | null;
}

/** What this Excel supports, from its requirement sets. */
export function apiSupport(isSetSupported: (name: string, version: string) => boolean): ApiSupport {
  const has = (v: string) => {
    try {
      return isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  };
  const supported = has(REQUIRED_API);
  let highest: string | null = null;
  for (const v of KNOWN_VERSIONS) if (has(v)) highest = v;
  return {
    supported,
    undoGroup: has(UNDO_GROUP_API),
    addinUndo: has(ADDIN_UNDO_API),
    delayForCellEdit: has(DELAY_FOR_CELL_EDIT_API),
    highest,
    message: supported ? null : tooOldMessage(highest),
  };
}

/** The plain words for an Excel that is too old. */
export function tooOldMessage(highest: string | null): string {
  const has = highest ? `This Excel offers version ${highest} of the add-in API` : "This Excel does not report which add-in API it offers";
  return (
    `Your version of Excel is too old for Action Plan RAG. ${has}; the add-in needs ${REQUIRED_API} or later. ` +
    "Update Office (File > Account > Update Options > Update Now), or open the workbook in Excel on the web, then try again."
  );
}

/** Where Excel runs, as Office reports it ("PC", "Mac", "OfficeOnline", ...). */
export type Platform = string;

/** True on Excel on Windows and Mac, which cannot undo a change of a sheet's visibility. */
export function desktop(platform: Platform): boolean {
  return platform === "PC" || platform === "Mac";
}

/** The run options of a read: wait while the officer is typing in a cell, where Excel can. */
export function readRunOptions(support: ApiSupport): Excel.RunOptions {
  return support.delayForCellEdit ? { delayForCellEdit: true } : {};
}

/**
 * The run options of a write, and whether it is one undo step: grouped where Excel can
 * (`mergeUndoGroup`) and `group` allows, except that Windows and Mac refuse a visibility change in
 * a group (the web can undo it), and Excel on the web refuses delayForCellEdit with
 * mergeUndoGroup (office-js 6711; the read just before waited for the cell edit).
 */
export function writeRunOptions(support: ApiSupport, platform: Platform, changesVisibility: boolean, group = true): { options: Excel.RunOptions; grouped: boolean } {
  const grouped = group && support.undoGroup && (!changesVisibility || platform === "OfficeOnline");
  const options: Excel.RunOptions = grouped ? { mergeUndoGroup: true, ...(desktop(platform) ? readRunOptions(support) : {}) } : readRunOptions(support);
  return { options, grouped };
}

/** What a write did to Excel's undo list, for the sentence the officer reads. */
export interface UndoFacts {
  platform: Platform;
  support: Pick<ApiSupport, "undoGroup" | "addinUndo">;
  /** The write ran as one undo group. */
  grouped: boolean;
  /** Excel refused the group, so the write ran again without it. */
  regrouped: boolean;
  /** The write set a sheet's visibility (the first refresh makes the history sheet very hidden). */
  changedVisibility: boolean;
  /** Requests the write took (each is an undo step of its own without a group). */
  syncs: number;
}

/**
 * What Undo will and will not do after a write, in the officer's words, or "" when a plain
 * "press Undo" is true (one step, nothing cleared). Never promises Undo where it is not true.
 */
export function undoSentence(f: UndoFacts): string {
  if (!f.support.addinUndo) return "This version of Excel cannot undo changes made by add-ins: Undo (Ctrl+Z) will not take this back.";
  if (f.changedVisibility && desktop(f.platform)) {
    return "Excel on Windows and Mac cannot undo adding the hidden history sheet, so this first run cleared Excel's undo list and cannot be undone; from the next run on, Undo (Ctrl+Z) takes a run back.";
  }
  if (f.regrouped) return `Excel could not make this one undo step, so it was written without grouping: Undo (Ctrl+Z) takes back only its last part${f.syncs > 1 ? ` (of ${f.syncs})` : ""}.`;
  if (!f.grouped && f.syncs > 1) return `This Excel cannot group a change into one undo step: Undo (Ctrl+Z) takes back only the last of its ${f.syncs} parts.`;
  return "";
}

/** True when Undo can take back what a failed write left half done. */
export function canUndoWrites(platform: Platform, support: Pick<ApiSupport, "addinUndo">, changedVisibility: boolean): boolean {
  return support.addinUndo && !(changedVisibility && desktop(platform));
}

/** Said before the first refresh of a workbook on Windows or Mac (its history sheet is added then). */
export const FIRST_REFRESH_NOTE =
  "The first Refresh RAG adds a hidden history sheet, which Excel on Windows and Mac cannot undo: it clears Excel's undo list once.";
