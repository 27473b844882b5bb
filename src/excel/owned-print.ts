/**
 * An owned sheet's print layout in Excel, as the layout placed it: each row's height (estimated
 * from its text, as the file side writes it: Excel's AutoFit ignores merged cells, and the page
 * breaks were placed on these heights) and the manual page breaks (OwnedSheet.rowBreaks).
 */
import { estimateRowHeights, type OwnedSheet } from "../core/edits";
import { estimate, type WriteBatch } from "./write";

/** Runs of consecutive rows of one height: [first row, last row, height], 0-based. */
export function heightRuns(heights: ReadonlyArray<number>): [number, number, number][] {
  const runs: [number, number, number][] = [];
  heights.forEach((h, r) => {
    const last = runs[runs.length - 1];
    if (last && last[2] === h && last[1] === r - 1) last[1] = r;
    else runs.push([r, r, h]);
  });
  return runs;
}

/** Every row's height, one request a run of equal heights. */
export async function writeRowHeights(batch: WriteBatch, ws: Excel.Worksheet, sheet: OwnedSheet): Promise<void> {
  for (const [top, bottom, height] of heightRuns(estimateRowHeights(sheet))) {
    await batch.room(estimate(2, 1, top, bottom, height));
    ws.getRange(`${top + 1}:${bottom + 1}`).format.rowHeight = height;
  }
}

/** The layout's page breaks (ExcelApi 1.9): the old ones of a sheet being rewritten removed first. */
export async function writePageBreaks(batch: WriteBatch, ws: Excel.Worksheet, rowBreaks: ReadonlyArray<number>, rewritten: boolean): Promise<void> {
  if (!rewritten && rowBreaks.length === 0) return;
  await batch.room(estimate(1 + rowBreaks.length, 2, rowBreaks));
  if (rewritten) ws.horizontalPageBreaks.removePageBreaks();
  for (const r of rowBreaks) if (r > 0) ws.horizontalPageBreaks.add(`A${r + 1}`);
}
