/**
 * What the plan service (office-service.ts) and the returns service (returns.ts) both do with the
 * workbook through the host: read it whole, and write the core's edits in one write batch.
 */
import type { AssessOptions } from "../core/assess";
import type { IsoDate } from "../core/dates";
import type { OwnedSheet, SheetEdits } from "../core/edits";
import { applySheetEdits } from "./apply";
import type { ExcelHost } from "./host";
import { readWorkbook, type SheetInfo, type WorkbookRead } from "./read";
import { apiSupport, readRunOptions, writeRunOptions, type ApiSupport, type UndoFacts } from "./requirements";
import { REQUEST_BUDGET_BYTES, WriteBatch, type BatchStats } from "./write";

/** What the host's Excel supports of what the add-in needs. */
export function hostSupport(host: ExcelHost): ApiSupport {
  return apiSupport((name, version) => host.isSetSupported(name, version));
}

/** The run options of a read on the host. */
export function readOptions(host: ExcelHost): Excel.RunOptions {
  return readRunOptions(hostSupport(host));
}

/** The whole workbook read, in one `Excel.run`. */
export function readAll(host: ExcelHost): Promise<WorkbookRead> {
  return host.run(readOptions(host), (context) => readWorkbook(context, host.payloadLimited));
}

/** The officer's options for a command on what was read. */
export function assessOptions(host: ExcelHost, read: WorkbookRead, asOf: IsoDate | null): AssessOptions {
  return { asOf, today: host.today(), settings: read.settings };
}

/** The owned sheet as the workbook has it now (same name, same purpose), if it is there. */
export function existingOwned(read: WorkbookRead, sheet: OwnedSheet): SheetInfo | undefined {
  return read.sheets.find((s) => s.name === sheet.name && s.purpose === sheet.purpose);
}

/** True when the write must set a sheet's visibility (a new very hidden history, an owned sheet unhidden). */
export function changesVisibility(read: WorkbookRead, owned: ReadonlyArray<OwnedSheet>): boolean {
  return owned.some((sheet) => {
    const existing = existingOwned(read, sheet);
    const wanted = sheet.visibility === "veryHidden" ? "VeryHidden" : "Visible";
    return existing ? existing.visibility !== wanted : wanted !== "Visible";
  });
}

/**
 * One write batch in one `Excel.run`: syncs as the request budget requires, grouped into one undo
 * step where Excel can (and `group` allows). Says how it ran, for the undo sentence, and what it sent.
 */
export async function runWriteBatch(
  host: ExcelHost,
  changedVisibility: boolean,
  fill: (batch: WriteBatch, context: Excel.RequestContext) => Promise<void>,
  group = true,
): Promise<{ undo: UndoFacts; stats: BatchStats }> {
  const support = hostSupport(host);
  const platform = host.platform ?? "";
  const { options, grouped } = writeRunOptions(support, platform, changedVisibility, group);
  const stats = await host.run(options, async (context) => {
    const batch = new WriteBatch(context, host.payloadLimited ? REQUEST_BUDGET_BYTES : Number.POSITIVE_INFINITY);
    await fill(batch, context);
    await batch.flush();
    return batch.stats;
  });
  return { undo: { platform, support, grouped, regrouped: !group, changedVisibility, syncs: stats.syncs }, stats };
}

/** The core's edits of the plan sheets, each on its sheet as read (one no longer there is passed over). */
export async function applyPlanEdits(batch: WriteBatch, context: Excel.RequestContext, read: WorkbookRead, sheets: ReadonlyArray<SheetEdits>): Promise<void> {
  const grids = new Map(read.grids.map((g) => [g.name, g]));
  for (const sheetEdits of sheets) {
    const grid = grids.get(sheetEdits.sheet);
    if (grid) await applySheetEdits(batch, context.workbook.worksheets.getItem(sheetEdits.sheet), sheetEdits, grid);
  }
}
