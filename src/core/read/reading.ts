/** The reader's state during its pass over one sheet (reader.ts reads the rows; action-rows.ts the rows of a table). */
import { mergeIndex, type Area, type Grid } from "../grid";
import type { Action, HeaderMatch, Objective, PlanSheet, SheetColumnMap, TableHeader } from "../model";
import { rowBuffer, type RowBuffer } from "./rows";
import type { SheetShape } from "./sheet-kind";

/**
 * State of a pass over one sheet: a plain object made in one place (startReading), not a class
 * instance. V8 keeps the shape of an object literal for as long as the code that makes it; the
 * shape a class instance gets from its fields dies with the last instance at a full garbage
 * collection, and every function that read it is thrown away and optimised again on the next
 * sheet (docs/performance.md, "Shapes that outlive a garbage collection").
 */
export interface SheetReading {
  readonly grid: Grid;
  readonly map: SheetColumnMap | null;
  readonly sheet: PlanSheet;
  table: TableHeader | null;
  /** The current table's columns decided by their headings (a repeat of the header has the same). */
  headed: HeaderMatch[];
  objective: Objective | null;
  objectiveAwaitingText: Objective | null;
  lastAction: Action | null;
  readonly merges: Map<number, Area>;
  readonly rowBuffer: RowBuffer;
  readonly sampleBuffer: RowBuffer;
  themeFound: boolean;
  /**
   * A row of headings read with the header beside it, with no row of its own: the second row of
   * headings written over two rows, or a row grouping the columns of the header beneath (-1: none).
   */
  headingsRow: number;
  readonly shape: SheetShape;
}

export function startReading(grid: Grid, map: SheetColumnMap | null): SheetReading {
  return {
    grid,
    map,
    sheet: {
      name: grid.name, title: "", reportDate: null, reportDateCell: "", theme: grid.name, layout: "none", tables: [], objectives: [], actions: [],
      protected: grid.protected, issues: [], notPlan: null, usesRefs: false,
    },
    table: null,
    headed: [],
    objective: null,
    objectiveAwaitingText: null,
    lastAction: null,
    merges: mergeIndex(grid),
    rowBuffer: rowBuffer(),
    sampleBuffer: rowBuffer(),
    themeFound: false,
    headingsRow: -1,
    shape: { labels: [], headings: [], wideRows: 0, cells: 0, numbers: 0, formRows: 0, rows: 0 },
  };
}
