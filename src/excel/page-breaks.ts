/** The board report's page breaks, placed by the layout (OwnedSheet.rowBreaks), written in Excel. */
import { estimate, type WriteBatch } from "./write";

/** The layout's page breaks (ExcelApi 1.9): the old ones of a sheet being rewritten removed first. */
export async function writePageBreaks(batch: WriteBatch, ws: Excel.Worksheet, rowBreaks: ReadonlyArray<number>, rewritten: boolean): Promise<void> {
  if (!rewritten && rowBreaks.length === 0) return;
  await batch.room(estimate(1 + rowBreaks.length, 2, rowBreaks));
  if (rewritten) ws.horizontalPageBreaks.removePageBreaks();
  for (const r of rowBreaks) if (r > 0) ws.horizontalPageBreaks.add(`A${r + 1}`);
}
