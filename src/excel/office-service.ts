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
 * Undo: where Excel has ExcelApi 1.20, the write runs with `mergeUndoGroup`, so a refresh is one
 * undo step even when its writes need more than one request. Excel on Windows and on the Mac
 * cannot undo a change of worksheet visibility and refuses it inside an undo group
 * (UndoNotSupported), so the one write that makes the history sheet very hidden (the first
 * refresh of a workbook) runs without the group; it is one request, hence one step, anyway.
 */
import { checkWorkbook } from "../core/commands";
import { countByRag } from "../core/assess";
import { type WorkbookCheck } from "../core/model";
import { formatDay, type IsoDate } from "../core/dates";
import { cellAddress, parseArea } from "../core/grid";
import { readHistory } from "../core/edits";
import type { Settings } from "../core/model";
import { ownedPurpose } from "../core/edits";
import { readPlanSheet } from "../core/read";
import { countsInWords, planRefresh, type WorkbookState } from "../core/edits";
import { planBoardReport } from "../core/report";
import type { OwnedSheet, SheetEdits } from "../core/edits";
import { checkView, type CheckView } from "../core/views";
import { gridsAfterEdits } from "../core/edits";
import { applySheetEdits, writeOwnedSheet } from "./apply";
import { officerMessage, type Stage } from "./errors";
import { officeHost, type ExcelHost } from "./host";
import { readActiveSheet, readWorkbook, type SheetInfo, type WorkbookRead } from "./read";
import { apiSupport, type ApiSupport } from "./requirements";
import type { CommandOutcome, DefaultAsOf, Environment, PlanService, SheetChoice } from "./service";
import { parseSettings, serializeSettings, SETTINGS_KEY } from "./settings";
import { REQUEST_BUDGET_BYTES, WriteBatch, type BatchStats } from "./write";

const NOT_IN_EXCEL = "Action Plan RAG works inside Excel. Open your plan workbook in Excel (desktop or on the web) and start the add-in from the Action Plan tab.";

/** A command stopped before writing, with what to tell the officer. */
class Refusal extends Error {
  override readonly name = "Refusal";
}

/** The workbook state the core's refresh builds on: sheet names, the owned ones, and the history. */
export function workbookState(read: Pick<WorkbookRead, "grids">): WorkbookState {
  const sheets = read.grids.map((g) => ({ name: g.name, purpose: ownedPurpose(g) }));
  const historyGrid = read.grids.find((g) => ownedPurpose(g) === "history");
  return { sheets, history: historyGrid ? readHistory(historyGrid) : [] };
}

function emptyView(asOf: IsoDate | null): CheckView {
  return { asOf, sheets: [], counts: countByRag([]) };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "Checked 2 plan sheets: 21 actions (Red 13, ...); 3 errors and 12 warnings to look at." */
export function checkSummary(check: WorkbookCheck): string {
  const actions = check.sheets.flatMap((s) => s.actions);
  const issues = check.sheets.flatMap((s) => s.issues);
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.filter((i) => i.severity === "warning").length;
  if (check.sheets.length === 0) return "No plan sheet was found: every sheet is hidden, excluded or one of the add-in's own.";
  const dates = [...new Set(check.sheets.map((s) => s.asOf))];
  const asOf = dates.length === 1 ? ` as of ${formatDay(dates[0])}` : "";
  const found = errors + warnings === 0 ? "nothing to fix." : `${plural(errors, "error")} and ${plural(warnings, "warning")} to look at.`;
  return `Checked ${plural(check.sheets.length, "plan sheet")}: ${plural(actions.length, "action")}${asOf} (${countsInWords(countByRag(actions))}); ${found}`;
}

export class OfficePlanService implements PlanService {
  /** Syncs and estimated request sizes of the last write, for the benchmark. */
  lastWrite: BatchStats | null = null;

  constructor(private readonly host: ExcelHost = officeHost()) {}

  private support(): ApiSupport {
    return apiSupport((name, version) => this.host.isSetSupported(name, version));
  }

  async environment(): Promise<Environment> {
    if (!this.host.inExcel) return { inExcel: false, supported: false, message: NOT_IN_EXCEL };
    const support = this.support();
    return { inExcel: true, supported: support.supported, message: support.message };
  }

  /** Why the command cannot run here, or null. */
  private blocked(): string | null {
    if (!this.host.inExcel) return NOT_IN_EXCEL;
    return this.support().message;
  }

  private readOptions(): Excel.RunOptions {
    return this.support().delayForCellEdit ? { delayForCellEdit: true } : {};
  }

  private read(): Promise<WorkbookRead> {
    return this.host.run(this.readOptions(), (context) => readWorkbook(context, this.host.payloadLimited));
  }

  /** One write batch: syncs as the request budget requires, grouped into one undo step where Excel can. */
  private async write(changesVisibility: boolean, fill: (batch: WriteBatch, context: Excel.RequestContext) => Promise<void>): Promise<void> {
    const support = this.support();
    const options: Excel.RunOptions = { ...this.readOptions(), ...(support.undoGroup && !changesVisibility ? { mergeUndoGroup: true } : {}) };
    await this.host.run(options, async (context) => {
      const batch = new WriteBatch(context, this.host.payloadLimited ? REQUEST_BUDGET_BYTES : Number.POSITIVE_INFINITY);
      await fill(batch, context);
      await batch.flush();
      this.lastWrite = batch.stats;
    });
  }

  /** Runs a command, turning every failure into an officer's message. */
  private async guard(doing: string, body: (stage: { now: Stage }) => Promise<CommandOutcome>): Promise<CommandOutcome> {
    const blocked = this.blocked();
    if (blocked) return { ok: false, message: blocked };
    const stage: { now: Stage } = { now: "reading" };
    try {
      return await body(stage);
    } catch (e) {
      if (e instanceof Refusal) return { ok: false, message: e.message };
      return { ok: false, message: officerMessage(e, doing, stage.now) };
    }
  }

  async loadSettings(): Promise<Settings> {
    if (this.blocked()) return parseSettings(null);
    return this.host.run(this.readOptions(), async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      item.load("value");
      await context.sync();
      return parseSettings(item.isNullObject ? null : item.value);
    });
  }

  async saveSettings(settings: Settings): Promise<void> {
    const blocked = this.blocked();
    if (blocked) throw new Error(blocked);
    try {
      await this.host.run(this.readOptions(), async (context) => {
        context.workbook.settings.add(SETTINGS_KEY, serializeSettings(settings));
        await context.sync();
      });
    } catch (e) {
      throw new Error(officerMessage(e, "Saving the settings", "writing"));
    }
  }

  async defaultAsOf(): Promise<DefaultAsOf> {
    const today = this.host.today();
    if (this.blocked()) return { date: today, source: "today", sheet: null };
    try {
      const grid = await this.host.run(this.readOptions(), (context) => readActiveSheet(context));
      const reportDate = ownedPurpose(grid) === null ? readPlanSheet(grid).reportDate : null;
      return reportDate ? { date: reportDate, source: "report-date", sheet: grid.name } : { date: today, source: "today", sheet: null };
    } catch {
      return { date: today, source: "today", sheet: null };
    }
  }

  async listSheets(): Promise<SheetChoice[]> {
    const blocked = this.blocked();
    if (blocked) throw new Error(blocked);
    let read: WorkbookRead;
    try {
      read = await this.read();
    } catch (e) {
      throw new Error(officerMessage(e, "Listing the sheets", "reading"));
    }
    const excluded = new Set(read.settings.excludedSheets.map((n) => n.toLowerCase()));
    return read.grids
      .filter((g) => g.visible !== false && ownedPurpose(g) === null)
      .map((g) => ({ name: g.name, looksLikePlan: readPlanSheet(g).tables.length > 0, excluded: excluded.has(g.name.toLowerCase()) }));
  }

  private checkOf(read: WorkbookRead, asOf: IsoDate | null): WorkbookCheck {
    return checkWorkbook(read.grids, { asOf, today: this.host.today(), settings: read.settings });
  }

  async check(asOf: IsoDate | null): Promise<CommandOutcome & { view: CheckView }> {
    const out = await this.guard("Check layout", async () => {
      const check = this.checkOf(await this.read(), asOf);
      const view = checkView(check);
      return { ok: true, message: checkSummary(check), counts: view.counts, view };
    });
    return { ...out, view: out.view ?? emptyView(asOf) };
  }

  /** Refuses (before anything is written) when a sheet the write must change or add cannot be. */
  private assertWritable(read: WorkbookRead, owned: ReadonlyArray<OwnedSheet>, doing: string): void {
    for (const sheet of owned) {
      const existing = this.existingOwned(read, sheet);
      if (existing?.protected) {
        throw new Refusal(`Nothing was written. The sheet "${sheet.name}", which ${doing} keeps up to date, is protected. Unprotect it (Review > Unprotect Sheet), run ${doing} again, then protect it again.`);
      }
      if (!existing && read.structureProtected) {
        throw new Refusal(`Nothing was written. The workbook's structure is protected, so ${doing} cannot add its sheet "${sheet.name}". Unprotect the workbook structure (Review > Protect Workbook), run ${doing} again, then protect it again.`);
      }
    }
  }

  private existingOwned(read: WorkbookRead, sheet: OwnedSheet): SheetInfo | undefined {
    return read.sheets.find((s) => s.name === sheet.name && s.purpose === sheet.purpose);
  }

  /** True when the write must set a sheet's visibility (a new very hidden history, an owned sheet unhidden). */
  private changesVisibility(read: WorkbookRead, owned: ReadonlyArray<OwnedSheet>): boolean {
    return owned.some((sheet) => {
      const existing = this.existingOwned(read, sheet);
      const wanted = sheet.visibility === "veryHidden" ? "VeryHidden" : "Visible";
      return existing ? existing.visibility !== wanted : wanted !== "Visible";
    });
  }

  /** The refresh's writes and any owned sheets, in one write batch. */
  private async writeAll(read: WorkbookRead, plan: { sheets: SheetEdits[] }, owned: OwnedSheet[]): Promise<void> {
    const grids = new Map(read.grids.map((g) => [g.name, g]));
    await this.write(this.changesVisibility(read, owned), async (batch, context) => {
      for (const edits of plan.sheets) {
        const grid = grids.get(edits.sheet);
        if (!grid) continue;
        await applySheetEdits(batch, context.workbook.worksheets.getItem(edits.sheet), edits, grid);
      }
      for (const sheet of owned) await writeOwnedSheet(batch, context, sheet, this.existingOwned(read, sheet));
    });
  }

  async refresh(asOf: IsoDate | null): Promise<CommandOutcome> {
    return this.guard("Refresh RAG", async (stage) => {
      const read = await this.read();
      const check = this.checkOf(read, asOf);
      const outcome = planRefresh(check, workbookState(read));
      if (!outcome.ok) return { ok: false, message: outcome.summary, view: checkView(check) };
      this.assertWritable(read, [outcome.history], "Refresh RAG");
      stage.now = "writing";
      await this.writeAll(read, outcome, [outcome.history]);
      const after = checkWorkbook(gridsAfterEdits(read.grids, outcome.sheets, [outcome.history]), { asOf, today: this.host.today(), settings: read.settings });
      return { ok: true, message: outcome.summary, counts: outcome.counts, view: checkView(after) };
    });
  }

  async buildReport(asOf: IsoDate | null): Promise<CommandOutcome> {
    return this.guard("Build board report", async (stage) => {
      const read = await this.read();
      const options = { asOf, today: this.host.today(), settings: read.settings };
      const check = checkWorkbook(read.grids, options);
      const state = workbookState(read);
      const outcome = planRefresh(check, state);
      if (!outcome.ok) return { ok: false, message: `The board report needs the statuses refreshed first, and ${lowerFirst(outcome.summary)}`, view: checkView(check) };
      // The report is planned on the plan as refreshed (as `action-plan report` does).
      const refreshed = checkWorkbook(gridsAfterEdits(read.grids, outcome.sheets, [outcome.history]), options);
      const report = planBoardReport({ check: refreshed, records: outcome.records, sheets: state.sheets, today: options.today, settings: read.settings });
      const owned = [outcome.history, ...report.owned];
      this.assertWritable(read, owned, "Build board report");
      stage.now = "writing";
      await this.writeAll(read, outcome, owned);
      const message = [outcome.summary, report.summary].filter((s) => s !== "").join(" ");
      return { ok: true, message, counts: outcome.counts, view: checkView(refreshed) };
    });
  }

  async addColumns(sheet: string): Promise<CommandOutcome> {
    return this.guard("Add Progress and RAG columns", async (stage) => {
      const read = await this.read();
      const check = this.checkOf(read, null);
      const assessed = check.sheets.find((s) => s.sheet.name === sheet);
      if (!assessed) {
        return { ok: false, message: `"${sheet}" is not one of the plan sheets (it is hidden, excluded in the settings, or one of the add-in's own sheets). Nothing was written.` };
      }
      const one: WorkbookCheck = { ...check, sheets: [assessed] };
      const outcome = planRefresh(one, workbookState(read));
      if (!outcome.ok) return { ok: false, message: outcome.summary, view: checkView(check) };
      const edits = outcome.sheets[0];
      // Only the header cells (on the tables' header rows) and the dropdowns: no status is written.
      const headers = edits.cells.filter((c) => assessed.sheet.tables.some((t) => t.row === c.row));
      const grid = read.grids.find((g) => g.name === sheet);
      if (!grid) throw new Refusal(`The sheet "${sheet}" is no longer in the workbook. Nothing was written.`);
      stage.now = "writing";
      await this.write(false, async (batch, context) => {
        await applySheetEdits(batch, context.workbook.worksheets.getItem(sheet), { ...edits, cells: headers }, grid, { cells: true, ragFormats: false, dropdowns: true });
      });
      const after = checkWorkbook(gridsAfterEdits(read.grids, [{ ...edits, cells: headers }], []), { asOf: null, today: this.host.today(), settings: read.settings });
      const where = headers.map((h) => `${h.value} in ${cellAddress(h.row, h.col)}`);
      const message =
        headers.length === 0
          ? `The Progress and RAG columns are already on "${sheet}"; the Progress dropdown was put on its ${plural(assessed.actions.length, "action")}.`
          : `Added ${where.slice(0, 4).join(", ")}${where.length > 4 ? ` and ${where.length - 4} more headings` : ""} on "${sheet}", with the Progress dropdown on its ${plural(assessed.actions.length, "action")}. Refresh RAG fills in the statuses.`;
      return { ok: true, message, view: checkView(after) };
    });
  }

  async select(sheet: string, cell: string): Promise<void> {
    const blocked = this.blocked();
    if (blocked) throw new Error(blocked);
    const area = parseArea(cell);
    if (!area) throw new Error(`"${cell}" is not a cell address.`);
    try {
      await this.host.run(this.readOptions(), async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      throw new Error(officerMessage(e, `Going to ${sheet}!${cell}`, "reading"));
    }
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
