/**
 * The service the pane gets when it is opened outside Excel (a plain browser, or Office.js did not
 * load): it says so and does nothing else. The pane disables its buttons on inExcel false.
 */
import { OfficerError } from "../core/common";
import { localDay } from "../core/dates";
import { DEFAULT_SETTINGS, type Settings } from "../core/model";
import type { CommandOutcome, DefaultAsOf, Environment, PlanService, SheetChoice } from "../excel/service";
import { emptyView, type CheckView } from "../core/views";

export const OUTSIDE_EXCEL_MESSAGE =
  "This pane runs inside Excel. Open your action plan workbook in Excel (desktop or Excel on the web), then on the Action Plan tab of the ribbon choose Show task pane. If there is no Action Plan tab, ask your IT team to add the Action Plan RAG add-in (or sideload manifest.xml, as the README says).";

const NOT_HERE: CommandOutcome = { ok: false, message: OUTSIDE_EXCEL_MESSAGE };

export class OutsideExcelService implements PlanService {
  constructor(private readonly reason: string = OUTSIDE_EXCEL_MESSAGE) {}

  async environment(): Promise<Environment> {
    return { inExcel: false, supported: false, message: this.reason };
  }
  async loadSettings(): Promise<Settings> {
    return { ...DEFAULT_SETTINGS, excludedSheets: [] };
  }
  async saveSettings(): Promise<void> {
    throw new OfficerError(this.reason);
  }
  async defaultAsOf(): Promise<DefaultAsOf> {
    return { date: localDay(new Date()), source: "today", sheet: null };
  }
  async listSheets(): Promise<SheetChoice[]> {
    return [];
  }
  async check(): Promise<CommandOutcome & { view: CheckView }> {
    return { ...NOT_HERE, view: emptyView(null) };
  }
  async refresh(): Promise<CommandOutcome> {
    return NOT_HERE;
  }
  async buildReport(): Promise<CommandOutcome> {
    return NOT_HERE;
  }
  async addColumns(): Promise<CommandOutcome> {
    return NOT_HERE;
  }
  async select(): Promise<void> {
    // nothing to select outside Excel
  }
  async saveColumnMap(): Promise<CommandOutcome> {
    return NOT_HERE;
  }
}
