/**
 * A fake PlanService for the pane's tests: canned answers, every call recorded, and a gate to hold
 * a command open (to see the pane while it runs). No Excel and no rule here; the views are literal.
 */
import type { IsoDate } from "../../src/core/dates";
import { DEFAULT_SETTINGS, type Issue, type Rag, type Settings } from "../../src/core/model";
import type { ActionView, CheckView, SheetView } from "../../src/core/views";
import type { CommandOutcome, DefaultAsOf, Environment, PlanService, SheetChoice } from "../../src/excel/service";

export type Call =
  | { name: "environment" | "loadSettings" | "defaultAsOf" | "listSheets" }
  | { name: "saveSettings"; settings: Settings }
  | { name: "check" | "refresh" | "buildReport"; asOf: IsoDate | null }
  | { name: "addColumns"; sheet: string }
  | { name: "select"; sheet: string; cell: string };

const zero = (): Record<Rag, number> => ({ red: 0, amber: 0, green: 0, blue: 0, "not-reported": 0 });

function counts(actions: ReadonlyArray<{ rag: Rag }>): Record<Rag, number> {
  const c = zero();
  for (const a of actions) c[a.rag]++;
  return c;
}

function action(sheet: string, ref: string, row: number, rag: Rag, reason: string, extra: Partial<ActionView> = {}): ActionView {
  return {
    sheet,
    ref,
    cell: `A${row}`,
    action: `Action ${ref} text`,
    lead: "Community Safety Team",
    timescale: "1 st July 2009",
    deadline: "2009-07-01",
    deadlineKind: "date",
    progress: "not-reported",
    rag,
    reason,
    officerWord: null,
    disagrees: false,
    ...extra,
  };
}

function sheet(name: string, asOf: IsoDate, reportDate: IsoDate | null, actions: ActionView[], issues: Issue[]): SheetView {
  return { name, asOf, reportDate, counts: counts(actions), actions, issues };
}

/** Two sheets like the sample's: Prevention (4 actions) and Provision of Services (3). */
export function sampleView(): CheckView {
  const prevention = sheet(
    "Prevention",
    "2009-05-13",
    "2009-05-13",
    [
      action("Prevention", "3.1.1", 18, "amber", "Progress slow; deadline 1 Jul 2009"),
      action("Prevention", "3.2.1", 28, "green", "On track; deadline 1 Sep 2009"),
      action("Prevention", "4.1.1", 45, "amber", "Progress stalled; ongoing, no deadline", { officerWord: "red", disagrees: true }),
      action("Prevention", "4.1.2", 59, "not-reported", "No progress reported; no timescale"),
    ],
    [
      {
        code: "timescale-placeholder",
        severity: "warning",
        sheet: "Prevention",
        cell: "C59",
        message: '4.1.2 has "???" as its timescale.',
        hint: "Replace the placeholder with a real date, month, quarter or 'ongoing'.",
      },
      {
        code: "columns-absent",
        severity: "info",
        sheet: "Prevention",
        cell: "H27",
        message: "The Progress and RAG columns are not on this sheet yet.",
        hint: "Refresh RAG (or the one-click fix) adds Progress and RAG to the right of the table.",
        fix: "add-progress-rag-columns",
      },
    ],
  );
  const provision = sheet(
    "Provision of Services",
    "2009-10-16",
    "2009-10-16",
    [
      action("Provision of Services", "5.1.1", 30, "red", "Deadline 1 Apr 2009 passed; not complete"),
      action("Provision of Services", "5.1.2", 31, "not-reported", "No progress reported; no timescale"),
      action("Provision of Services", "6.1.1", 50, "red", "Deadline 1 Jun 2009 passed; not complete"),
    ],
    [
      {
        code: "ref-duplicate",
        severity: "error",
        sheet: "Provision of Services",
        cell: "A50",
        message: "Ref 6.1.1 is used twice (A44 and A50).",
        hint: "Give each action its own ref.",
      },
      {
        code: "timescale-missing",
        severity: "warning",
        sheet: "Provision of Services",
        cell: "C31",
        message: "5.1.2 has no timescale.",
        hint: "Enter a date (31/03/2010), a month (March 2010), a quarter (Q3 2009/10) or 'ongoing'.",
      },
    ],
  );
  const sheets = [prevention, provision];
  return { asOf: null, sheets, counts: counts(sheets.flatMap((s) => s.actions)) };
}

/** A promise opened and closed from outside. */
export class Gate {
  private release: () => void = () => undefined;
  readonly opened: Promise<void>;
  constructor() {
    this.opened = new Promise<void>((r) => (this.release = r));
  }
  open(): void {
    this.release();
  }
}

export class FakePlanService implements PlanService {
  calls: Call[] = [];
  env: Environment = { inExcel: true, supported: true, message: null };
  settings: Settings = { ...DEFAULT_SETTINGS, excludedSheets: [] };
  sheets: SheetChoice[] = [
    { name: "Prevention", looksLikePlan: true, excluded: false },
    { name: "Provision of Services", looksLikePlan: true, excluded: false },
    { name: "Notes", looksLikePlan: false, excluded: false },
  ];
  asOf: DefaultAsOf = { date: "2009-05-13", source: "report-date", sheet: "Prevention" };
  view: CheckView = sampleView();
  /** When set, commands wait for it before answering. */
  gate: Gate | null = null;
  /** Canned answers of the commands; by default ok with the view. */
  outcomes: Partial<Record<"check" | "refresh" | "buildReport" | "addColumns", CommandOutcome | Error>> = {};
  /** Thrown by select when set. */
  selectError: Error | null = null;

  callsOf<N extends Call["name"]>(name: N): (Call & { name: N })[] {
    return this.calls.filter((c): c is Call & { name: N } => c.name === name);
  }

  private async answer(kind: "check" | "refresh" | "buildReport" | "addColumns", fallback: CommandOutcome): Promise<CommandOutcome> {
    if (this.gate) await this.gate.opened;
    const canned = this.outcomes[kind];
    if (canned instanceof Error) throw canned;
    return canned ?? fallback;
  }

  async environment(): Promise<Environment> {
    this.calls.push({ name: "environment" });
    return this.env;
  }
  async loadSettings(): Promise<Settings> {
    this.calls.push({ name: "loadSettings" });
    return { ...this.settings, excludedSheets: [...this.settings.excludedSheets] };
  }
  async saveSettings(settings: Settings): Promise<void> {
    this.calls.push({ name: "saveSettings", settings });
    this.settings = { ...settings, excludedSheets: [...settings.excludedSheets] };
    const out = new Set(settings.excludedSheets);
    this.sheets = this.sheets.map((s) => ({ ...s, excluded: out.has(s.name) }));
  }
  async defaultAsOf(): Promise<DefaultAsOf> {
    this.calls.push({ name: "defaultAsOf" });
    return this.asOf;
  }
  async listSheets(): Promise<SheetChoice[]> {
    this.calls.push({ name: "listSheets" });
    return this.sheets.map((s) => ({ ...s }));
  }
  async check(asOf: IsoDate | null): Promise<CommandOutcome & { view: CheckView }> {
    this.calls.push({ name: "check", asOf });
    const out = await this.answer("check", { ok: true, message: "Checked 2 plan sheets: 7 actions.", counts: this.view.counts, view: this.view });
    return { ...out, view: out.view ?? this.view };
  }
  async refresh(asOf: IsoDate | null): Promise<CommandOutcome> {
    this.calls.push({ name: "refresh", asOf });
    return this.answer("refresh", {
      ok: true,
      message: "RAG refreshed on 2 sheets: Red 2, Amber 2, Green 1, Not reported 2.",
      counts: this.view.counts,
      view: this.view,
    });
  }
  async buildReport(asOf: IsoDate | null): Promise<CommandOutcome> {
    this.calls.push({ name: "buildReport", asOf });
    return this.answer("buildReport", { ok: true, message: "Board Report and By Lead sheets built from 2 plan sheets.", counts: this.view.counts, view: this.view });
  }
  async addColumns(sheet: string): Promise<CommandOutcome> {
    this.calls.push({ name: "addColumns", sheet });
    const fixed: CheckView = {
      ...this.view,
      sheets: this.view.sheets.map((s) => (s.name === sheet ? { ...s, issues: s.issues.filter((i) => i.fix !== "add-progress-rag-columns") } : s)),
    };
    const out = await this.answer("addColumns", { ok: true, message: `Progress and RAG columns added to ${sheet} (H and I).`, view: fixed });
    if (out.ok && out.view) this.view = out.view;
    return out;
  }
  async select(sheet: string, cell: string): Promise<void> {
    this.calls.push({ name: "select", sheet, cell });
    if (this.selectError) throw this.selectError;
  }
}
