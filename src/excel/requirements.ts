/**
 * The Excel JavaScript API requirement sets the add-in uses, checked with
 * `Office.context.requirements.isSetSupported("ExcelApi", "1.x")` before any command runs.
 *
 * What needs what:
 *   1.4   worksheet.getUsedRange(valuesOnly), settings, *OrNullObject
 *   1.6   conditional formats (custom formula rules)
 *   1.7   freeze panes, chart series colours
 *   1.8   data validation (the Progress dropdown)
 *   1.9   getRowProperties, copyFrom (header formats), RangeAreas, page layout and print titles
 *   1.11  RunOptions.delayForCellEdit (a command waits while the officer is typing in a cell)
 *   1.13  range.getMergedAreasOrNullObject: the reader must know merged cells, both to read
 *         comments merged across the table and to refuse writing into a merged area
 *   1.20  RunOptions.mergeUndoGroup: one refresh is one undo step (optional: without it, a
 *         write that fits one request is still one undo step; see docs in write.ts)
 *
 * The manifest asks for 1.9 so that Excel lists the add-in; the commands need 1.13 and say so
 * plainly when the officer's Excel is older.
 */
export const REQUIRED_API = "1.13";
const UNDO_GROUP_API = "1.20";
const DELAY_FOR_CELL_EDIT_API = "1.11";
const KNOWN_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

export interface ApiSupport {
  /** True when this Excel has everything the commands need. */
  supported: boolean;
  /** True when one refresh can be grouped into one undo step (ExcelApi 1.20). */
  undoGroup: boolean;
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
