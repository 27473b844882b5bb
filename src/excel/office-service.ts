/**
 * The PlanService of the task pane and the ribbon, in Excel through Office.js. No rule lives here:
 * the workbook is read into core grids (read.ts), the core decides, and the core's edits are
 * written back (apply.ts).
 *
 * Syncs per command (each is a round trip to Excel):
 *
 *   refresh       3   read (2), then every write in 1
 *   buildReport   3   read (2), then the refresh's writes and the report sheets in 1
 *   check         2   read
 *   listSheets    2   read
 *   addColumns    3   read (2), then the headers and dropdowns in 1
 *   loadSettings  1,  saveSettings 1,  defaultAsOf 1 (the active sheet only),  select 1
 *
 * On Excel on the desktop these hold at any size (measured on the strict fake at 10, 1,000 and
 * 10,000 generated actions). Excel on the web refuses a request or a response over 5 MB, so
 * there a command adds one sync per further ~4 MB it must read (read.ts) or write (write.ts),
 * and none until then. On the fake with the web's limits, generated plans give:
 *
 *   actions        check  refresh (first, again)  buildReport
 *   10, 1,000        2          3, 3                   3
 *   3,000            2          3, 4                   4
 *   10,000           4          7, 6                   8     (about 9 MB to read; the first
 *                                                             refresh writes ~8 MB: one format
 *                                                             copy per new RAG cell)
 *
 * The read and the write are two `Excel.run` batches: what the write needs to know (which sheets
 * exist, which are protected, whether a sheet must be made very hidden) is known only after the
 * read, and it decides the write's run options (below). Nothing is written when the core refuses
 * (a protected plan sheet, a cell in the way) or when a sheet the write must change is protected:
 * those are checked on what was read, before the write starts.
 *
 * The use-cases (what to write, what to say, the check after) are the core's (src/core/commands);
 * this class reads grids, hands them over, and writes back what the core planned.
 *
 * Undo (docs/real-excel.md has the sources): where Excel has ExcelApi 1.20, the write runs with
 * `mergeUndoGroup`, so a refresh is one undo step even when its writes need more than one
 * request. Excel on Windows and on the Mac cannot undo a change of worksheet visibility (it clears
 * the undo list) and refuses it inside an undo group, so the write that makes the history sheet
 * very hidden (the first refresh of a workbook) runs without the group, and the officer is told
 * that it cleared the undo list. On Excel on the web a grouped run does not also ask to wait for
 * cell editing (the two together are refused there, office-js issue 6711). Should Excel refuse the
 * group anyway (UndoNotSupported, as large grouped writes are reported to get, issue 6491), the
 * command runs once more without it and says it is not one undo step. Where a write fails half
 * done, "press Undo" is said only where Undo can take it back (requirements.ts, undoSentence).
 */
import type { IsoDate } from "../core/dates";
import { addColumnsCommand, checkCommand, columnMapCommand, reportCommand, refreshCommand, type CommandPlan, type CommandEdits } from "../core/commands";
import { OfficerError, isOfficerError } from "../core/common";
import { ownedPurpose, type OwnedSheet } from "../core/edits";
import { parseArea } from "../core/grid";
import type { Settings, SheetColumnMap } from "../core/model";
import { readPlanSheet } from "../core/read";
import { checkView, emptyView, type CheckView } from "../core/views";
import { writeOwnedSheet } from "./apply";
import { errorCode, officerMessage, type Stage } from "./errors";
import { officeHost, type ExcelHost } from "./host";
import { readActiveSheet, type WorkbookRead } from "./read";
import { canUndoWrites, desktop, FIRST_REFRESH_NOTE, undoSentence, type UndoFacts } from "./requirements";
import type { CommandOutcome, DefaultAsOf, Environment, PlanService, SheetChoice } from "./service";
import { parseSettings, serializeSettings, SETTINGS_KEY } from "./settings";
import { applyPlanEdits, assessOptions, changesVisibility, existingOwned, hostSupport, readAll, readOptions, runWriteBatch } from "./workbook-io";
import type { BatchStats } from "./write";

const NOT_IN_EXCEL = "Action Plan RAG works inside Excel. Open your plan workbook in Excel (desktop or on the web) and start the add-in from the Action Plan tab.";

export class OfficePlanService implements PlanService {
  /** Syncs and estimated request sizes of the last write, for the benchmark. */
  lastWrite: BatchStats | null = null;

  constructor(private readonly host: ExcelHost = officeHost()) {}

  async environment(): Promise<Environment> {
    if (!this.host.inExcel) return { inExcel: false, supported: false, message: NOT_IN_EXCEL };
    const support = hostSupport(this.host);
    return { inExcel: true, supported: support.supported, message: support.message };
  }

  /** Why the command cannot run here, or null. */
  private blocked(): string | null {
    if (!this.host.inExcel) return NOT_IN_EXCEL;
    return hostSupport(this.host).message;
  }

  /** Runs a command, turning every failure into an officer's message (an OfficerError says its own). */
  private async guard(doing: string, body: (stage: { now: Stage; canUndo?: boolean }) => Promise<CommandOutcome>): Promise<CommandOutcome> {
    const blocked = this.blocked();
    if (blocked) return { ok: false, message: blocked };
    const stage: { now: Stage; canUndo?: boolean } = { now: "reading" };
    try {
      return await body(stage);
    } catch (e) {
      if (isOfficerError(e)) return { ok: false, message: e.message };
      return { ok: false, message: officerMessage(e, doing, stage.now, stage.canUndo ?? true) };
    }
  }

  async loadSettings(): Promise<Settings> {
    if (this.blocked()) return parseSettings(null);
    return this.host.run(readOptions(this.host), async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      item.load("value");
      await context.sync();
      return parseSettings(item.isNullObject ? null : item.value);
    });
  }

  async saveSettings(settings: Settings): Promise<void> {
    const blocked = this.blocked();
    if (blocked) throw new OfficerError(blocked);
    try {
      await this.host.run(readOptions(this.host), async (context) => {
        context.workbook.settings.add(SETTINGS_KEY, serializeSettings(settings));
        await context.sync();
      });
    } catch (e) {
      throw new OfficerError(officerMessage(e, "Saving the settings", "writing"));
    }
  }

  async defaultAsOf(): Promise<DefaultAsOf> {
    const today = this.host.today();
    if (this.blocked()) return { date: today, source: "today", sheet: null };
    try {
      const grid = await this.host.run(readOptions(this.host), (context) => readActiveSheet(context));
      const reportDate = ownedPurpose(grid) === null ? readPlanSheet(grid).reportDate : null;
      return reportDate ? { date: reportDate, source: "report-date", sheet: grid.name } : { date: today, source: "today", sheet: null };
    } catch {
      return { date: today, source: "today", sheet: null };
    }
  }

  async listSheets(): Promise<SheetChoice[]> {
    const blocked = this.blocked();
    if (blocked) throw new OfficerError(blocked);
    let read: WorkbookRead;
    try {
      read = await readAll(this.host);
    } catch (e) {
      throw new OfficerError(officerMessage(e, "Listing the sheets", "reading"));
    }
    const excluded = new Set(read.settings.excludedSheets.map((n) => n.toLowerCase()));
    return read.grids
      .filter((g) => g.visible !== false && ownedPurpose(g) === null)
      .map((g) => ({ name: g.name, looksLikePlan: readPlanSheet(g).tables.length > 0, excluded: excluded.has(g.name.toLowerCase()) }));
  }

  async check(asOf: IsoDate | null): Promise<CommandOutcome & { view: CheckView }> {
    const out = await this.guard("Check layout", async () => {
      const read = await readAll(this.host);
      const { check, summary } = checkCommand(read.grids, assessOptions(this.host, read, asOf));
      const view = checkView(check);
      // Warned before, not after: Windows and Mac cannot undo the first refresh's hidden history sheet.
      const firstRefresh = desktop(this.host.platform ?? "") && check.sheets.length > 0 && !read.sheets.some((s) => s.purpose === "history");
      return { ok: true, message: firstRefresh ? `${summary} ${FIRST_REFRESH_NOTE}` : summary, counts: view.counts, view };
    });
    return { ...out, view: out.view ?? emptyView(asOf) };
  }

  /** Refuses (before anything is written) when a sheet the write must change or add cannot be. */
  private assertWritable(read: WorkbookRead, owned: ReadonlyArray<OwnedSheet>, doing: string): void {
    for (const sheet of owned) {
      const existing = existingOwned(read, sheet);
      if (existing?.protected) {
        throw new OfficerError(`Nothing was written. The sheet "${sheet.name}", which ${doing} keeps up to date, is protected. Unprotect it (Review > Unprotect Sheet), run ${doing} again, then protect it again.`);
      }
      if (!existing && read.structureProtected) {
        throw new OfficerError(`Nothing was written. The workbook's structure is protected, so ${doing} cannot add its sheet "${sheet.name}". Unprotect the workbook structure (Review > Protect Workbook), run ${doing} again, then protect it again.`);
      }
    }
  }

  /** The core's edits, in one write batch. */
  private async writeAll(read: WorkbookRead, edits: CommandEdits, group: boolean): Promise<UndoFacts> {
    const { undo, stats } = await runWriteBatch(this.host, changesVisibility(read, edits.owned), async (batch, context) => {
      await applyPlanEdits(batch, context, read, edits.sheets);
      for (const sheet of edits.owned) await writeOwnedSheet(batch, context, sheet, existingOwned(read, sheet));
    }, group);
    this.lastWrite = stats;
    return undo;
  }

  /**
   * One writing command: read, let the core plan it, refuse before writing where the core or
   * Excel's protection says so, write, and show the check as it is after the write.
   */
  private command(doing: string, plan: (read: WorkbookRead) => CommandPlan, opens?: (edits: CommandEdits) => string | undefined, group = true): Promise<CommandOutcome> {
    return this.guard(doing, async (stage) => {
      const read = await readAll(this.host);
      const planned = plan(read);
      if (!planned.ok) return { ok: false, message: planned.summary, view: checkView(planned.check) };
      this.assertWritable(read, planned.edits.owned, doing);
      stage.now = "writing";
      stage.canUndo = canUndoWrites(this.host.platform ?? "", hostSupport(this.host), changesVisibility(read, planned.edits.owned));
      let undo: UndoFacts;
      try {
        undo = await this.writeAll(read, planned.edits, group);
      } catch (e) {
        // Excel refused the undo group: once more (read again, as part may be written), without it.
        if (group && hostSupport(this.host).undoGroup && errorCode(e) === "UndoNotSupported") return this.command(doing, plan, opens, false);
        throw e;
      }
      const view = checkView(planned.after);
      const message = [planned.summary, undoSentence(undo)].filter((s) => s !== "").join(" ");
      const sheet = opens?.(planned.edits);
      return { ok: true, message, counts: planned.counts ?? view.counts, view, ...(sheet ? { opens: sheet } : {}) };
    });
  }

  refresh(asOf: IsoDate | null): Promise<CommandOutcome> {
    return this.command("Refresh RAG", (read) => refreshCommand(read.grids, assessOptions(this.host, read, asOf)));
  }

  buildReport(asOf: IsoDate | null): Promise<CommandOutcome> {
    return this.command(
      "Build board report",
      (read) => reportCommand(read.grids, assessOptions(this.host, read, asOf)),
      (edits) => edits.owned.find((sheet) => sheet.purpose === "board-report")?.name,
    );
  }

  addColumns(sheet: string): Promise<CommandOutcome> {
    return this.command("Add Progress and RAG columns", (read) => addColumnsCommand(read.grids, sheet, assessOptions(this.host, read, null)));
  }

  async select(sheet: string, cell: string): Promise<void> {
    const blocked = this.blocked();
    if (blocked) throw new OfficerError(blocked);
    const area = parseArea(cell);
    if (!area) throw new OfficerError(`"${cell}" is not a cell address.`);
    try {
      await this.host.run(readOptions(this.host), async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      throw new OfficerError(officerMessage(e, `Going to ${sheet}!${cell}`, "reading"));
    }
  }

  saveColumnMap(sheet: string, map: SheetColumnMap | null): Promise<CommandOutcome> {
    return this.command("Save the column map", (read) => columnMapCommand(read.grids, sheet, map, assessOptions(this.host, read, null)));
  }
}
