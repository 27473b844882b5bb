/**
 * The board report (SPEC section 6): the sample plan's report as data and laid out, section by
 * section, against the statuses SPEC section 4 gives; direction of travel across two refreshes at
 * two as-of dates; plan text kept literal; a workbook with its own "Board Report" sheet; By Lead.
 */
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/commands";
import { type WorkbookCheck } from "../../src/core/model";
import type { OwnedCell, OwnedSheet } from "../../src/core/edits";
import type { Area } from "../../src/core/grid";
import { DEFAULT_SETTINGS, type Rag } from "../../src/core/model";
import { ownedPurpose, OWNED_MARKER_COL, ownedMarker } from "../../src/core/edits";
import { RAG_WORDS } from "../../src/core/assess";
import { buildReportData, planBoardReport, type ReportData, type ReportInput } from "../../src/core/report";
import { CHART_NOTE } from "../../src/core/report";
import { applyEdits, writeOwnedSheet } from "../../src/xlsx/apply";
import { workbookState } from "../../src/core/commands";
import { planRefresh } from "../../src/core/edits";
import type { AssessOptions } from "../../src/core/assess";
import type * as ExcelJSTypes from "exceljs";

/** Refresh RAG on a workbook in memory, keeping what the tests look into (the outcome, the state, the check). */
function refreshWorkbook(wb: ExcelJSTypes.Workbook, options: AssessOptions) {
  const grids = gridsFromWorkbook(wb);
  const check = checkWorkbook(grids, options);
  const state = workbookState(grids);
  const outcome = planRefresh(check, state);
  if (outcome.ok) applyEdits(wb, { sheets: outcome.sheets, owned: [outcome.history] });
  return { outcome, state, check, grids };
}
import { gridsFromWorkbook } from "../../src/xlsx/grid-from-exceljs";
import { grid, HEADER, italic } from "../helpers/grid";

const SAMPLE = "assets/sample/action-plan-2008-11.xlsx";
const TODAY = "2026-11-24";
const OPTIONS = { asOf: null, today: TODAY, settings: DEFAULT_SETTINGS };

async function loadSample(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  return wb;
}

function inputOf(check: WorkbookCheck, extra: Partial<ReportInput> = {}): ReportInput {
  const sheets = [...check.grids.keys()].map((name) => ({ name, purpose: null }));
  return { check, records: [], sheets, today: TODAY, settings: DEFAULT_SETTINGS, ...extra };
}

/** The statuses SPEC section 4 gives for the sample plan, each sheet at its own report date. */
const EXPECTED: Record<string, Rag> = {
  "3.1.1": "amber",
  "3.2.1": "green",
  "4.1.1": "amber",
  "4.1.2": "not-reported",
  "5.1.1": "red",
  "5.1.2": "not-reported",
  "5.2.1": "amber",
  "6.1.1": "red",
  "6.1.2": "not-reported",
  "6.1.3": "red",
  "6.1.4": "not-reported",
  "6.2.1": "not-reported",
  "6.2.2": "red",
  "6.2.3": "red",
  "7.1.1": "red",
  "7.1.2": "red",
  "7.2.1": "red",
  "7.2.2": "red",
  "7.2.3": "red",
  "7.2.4": "red",
  "7.2.5": "red",
};

const counts = (red: number, amber: number, green: number, notReported: number, blue = 0): Record<Rag, number> => ({
  red,
  amber,
  green,
  blue,
  "not-reported": notReported,
});

const sumCounts = (list: ReadonlyArray<Record<Rag, number>>): Record<Rag, number> =>
  list.reduce(
    (acc, c) =>
      counts(
        acc.red + c.red,
        acc.amber + c.amber,
        acc.green + c.green,
        acc["not-reported"] + c["not-reported"],
        acc.blue + c.blue
      ),
    counts(0, 0, 0, 0)
  );

// ---- helpers on laid-out sheets ---------------------------------------------------------------

const at = (s: OwnedSheet, row: number, col: number): OwnedCell | null => s.rows[row]?.[col] ?? null;
const textOf = (c: OwnedCell | null): string => (c === null ? "" : String(c.value));
const inArea = (a: Area, row: number, col: number) =>
  row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;

/** The row of the first cell in column A whose text starts with `prefix`. */
function rowStarting(s: OwnedSheet, prefix: string, from = 0): number {
  for (let r = from; r < s.rows.length; r++) if (textOf(at(s, r, 0)).startsWith(prefix)) return r;
  throw new Error(`no row starting "${prefix}"`);
}

/** The data rows of the table whose header row follows the heading `title` (up to the next blank row). */
function tableAfter(s: OwnedSheet, title: string): { header: string[]; rows: (OwnedCell | null)[][]; top: number } {
  let r = rowStarting(s, title) + 1;
  while (at(s, r, 0)?.style !== "column-header") r++;
  const header = s.rows[r].map(textOf);
  const top = r + 1;
  const rows: (OwnedCell | null)[][] = [];
  for (let i = top; i < s.rows.length && s.rows[i].some((c) => c !== null); i++) rows.push(s.rows[i]);
  return { header, rows, top };
}

describe("the sample plan's board report", () => {
  let check: WorkbookCheck;
  let data: ReportData;
  let board: OwnedSheet;
  let byLead: OwnedSheet;
  let summary: string;

  beforeAll(async () => {
    check = checkWorkbook(gridsFromWorkbook(await loadSample()), OPTIONS);
    const report = planBoardReport(inputOf(check));
    data = report.data;
    [board, byLead] = report.owned;
    summary = report.summary;
  });

  test("every action has the status SPEC section 4 gives (the reader and the rules agree)", () => {
    expect(Object.fromEntries(data.actions.map((a) => [a.ref, a.status]))).toEqual(EXPECTED);
  });

  test("title, as-of dates and sources", () => {
    expect(data.title).toBe("Domestic violence and abuse - action plan 2008-11");
    expect(data.asOfDates).toEqual(["2009-05-13", "2009-10-16"]);
    expect(data.sources).toEqual([
      {
        sheet: "Prevention",
        theme: "Prevention",
        reportDate: "2009-05-13",
        asOf: "2009-05-13",
        previousAsOf: null,
        actions: 4,
      },
      {
        sheet: "Provision of Services",
        theme: "Provision of Services",
        reportDate: "2009-10-16",
        asOf: "2009-10-16",
        previousAsOf: null,
        actions: 17,
      },
    ]);
    expect(data.statuses).toEqual(["red", "amber", "green", "not-reported"]);
  });

  test("headline counts overall and per theme add up; shares are fractions summing to 1", () => {
    expect(data.overall.total).toBe(21);
    expect(data.overall.counts).toEqual(counts(12, 3, 1, 5));
    expect(data.themes.map((t) => [t.theme, t.tally.counts])).toEqual([
      ["Prevention", counts(0, 2, 1, 1)],
      ["Provision of Services", counts(12, 1, 0, 4)],
    ]);
    expect(sumCounts(data.themes.map((t) => t.tally.counts))).toEqual(data.overall.counts);
    for (const t of [data.overall, ...data.themes.map((x) => x.tally)]) {
      const shares = Object.values(t.shares);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
      expect(t.shares.red).toBeCloseTo(t.counts.red / t.total, 10);
      expect(t.previous).toBeNull();
      expect(t.change).toBeNull();
    }
  });

  test("per objective counts add up to their theme's", () => {
    expect(data.objectives.map((o) => [o.theme, o.ref, o.tally.total])).toEqual([
      ["Prevention", "3.1", 1],
      ["Prevention", "3.2", 1],
      ["Prevention", "4.1", 2],
      ["Provision of Services", "5.1", 2],
      ["Provision of Services", "5.2", 1],
      ["Provision of Services", "6.1", 4],
      ["Provision of Services", "6.2", 3],
      ["Provision of Services", "7.1", 2],
      ["Provision of Services", "7.2", 5],
    ]);
    for (const t of data.themes) {
      const mine = data.objectives.filter((o) => o.sheet === t.sheet).map((o) => o.tally.counts);
      expect(sumCounts(mine)).toEqual(t.tally.counts);
    }
    expect(data.objectives[0].text).toMatch(/^The message that domestic violence\/abuse is widespread/);
  });

  test("exceptions: every Red and Amber action, Red first then by deadline (none last), with reason and latest comment", () => {
    const refs = data.exceptions.map((a) => a.ref);
    expect(refs).toEqual([
      "7.1.1",
      "7.2.3",
      "6.2.3",
      "5.1.1",
      "6.1.3",
      "6.2.2",
      "7.1.2",
      "7.2.2",
      "7.2.5",
      "6.1.1",
      "7.2.1",
      "7.2.4",
      "3.1.1",
      "5.2.1",
      "4.1.1",
    ]);
    const redAmber = Object.entries(EXPECTED)
      .filter(([, r]) => r === "red" || r === "amber")
      .map(([ref]) => ref);
    expect([...refs].sort()).toEqual(redAmber.sort());
    for (const a of data.exceptions) expect(a.reason).not.toBe("");
    const byRef = new Map(data.exceptions.map((a) => [a.ref, a]));
    expect(byRef.get("7.1.1")).toMatchObject({
      theme: "Provision of Services",
      deadline: "2008-04-01",
      timescale: "1 Apr 08",
      lead: "Director of Safeguarding, CYPS Ian McDowell",
      previousStatus: null,
    });
    expect(byRef.get("7.1.1")?.reason).toMatch(/^Deadline 1 Apr 2008 passed; not complete/);
    expect(byRef.get("7.1.1")?.latestComment).toMatch(/^Referral & Assessment clerk in DART/);
    expect(byRef.get("3.1.1")?.latestComment).toMatch(
      /^PCT contracted consultant to write strategy Red but first draft completed/
    );
    expect(byRef.get("4.1.1")?.latestComment).toMatch(/RED$/);
    expect(byRef.get("4.1.1")?.deadline).toBeNull();
    expect(byRef.get("6.2.3")?.latestComment).toBe(""); // no comment under it
  });

  test("no previous report: every action is new, nothing moved", () => {
    expect(data.hasPrevious).toBe(false);
    expect(data.actions.every((a) => a.direction === "new" && a.previousStatus === null)).toBe(true);
    expect(data.changes).toEqual([]);
  });

  test("deadlines in the next 90 days after each sheet's as-of date, not complete, soonest first", () => {
    expect(data.upcoming.map((a) => [a.ref, a.deadline, a.daysLeft])).toEqual([
      ["3.1.1", "2009-07-01", 49],
      ["5.2.1", "2009-10-31", 15],
    ]);
  });

  test("the officer's status word disagrees with the computed status only on 4.1.1", () => {
    expect(data.disagreements.map((a) => [a.ref, a.officerWord, a.status])).toEqual([["4.1.1", "red", "amber"]]);
  });

  test("data quality: the check's errors and warnings with sheet, cell and message (no info)", () => {
    expect(data.issues.length).toBeGreaterThan(0);
    expect(data.issues.every((i) => i.severity === "warning" || i.severity === "error")).toBe(true);
    expect(data.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sheet: "Prevention",
          cell: "C59",
          code: "timescale-placeholder",
          message: '4.1.2 has "???" as its timescale.',
        }),
        expect.objectContaining({ sheet: "Provision of Services", cell: "C31", code: "timescale-missing" }),
      ])
    );
    expect(data.issues.some((i) => i.code === "columns-absent")).toBe(false);
  });

  test("By Lead: leads grouped, each with its actions (Red first) and counts", () => {
    const da = data.leads.find((l) => l.lead === "DA Strategy Co-ordinator");
    expect(da?.actions.map((a) => [a.ref, a.status])).toEqual([
      ["6.2.3", "red"],
      ["6.2.2", "red"],
      ["3.2.1", "green"],
      ["6.2.1", "not-reported"],
    ]);
    expect(da?.tally.counts).toEqual(counts(2, 0, 1, 1));
    expect(data.leads.reduce((n, l) => n + l.tally.total, 0)).toBe(21);
    expect(sumCounts(data.leads.map((l) => l.tally.counts))).toEqual(data.overall.counts);
  });

  test("the summary says where the report is and the counts", () => {
    expect(summary).toBe(
      'Board report built on "Board Report" and "By Lead": 21 actions, Red 12, Amber 3, Green 1, Not reported 5.'
    );
  });

  test("the Board Report sheet: owned, visible, print-ready", () => {
    expect(board).toMatchObject({
      purpose: "board-report",
      name: "Board Report",
      visibility: "visible",
      landscape: true,
      freezeRows: 2,
      printTitleRows: [0, 1],
    });
    expect(textOf(at(board, 0, OWNED_MARKER_COL))).toBe(ownedMarker("board-report"));
    expect(textOf(at(board, 0, 0))).toBe("Board report: Domestic violence and abuse - action plan 2008-11");
    expect(textOf(at(board, 1, 0))).toBe(
      "Progress as of 13 May 2009 (Prevention) and 16 Oct 2009 (Provision of Services). Built on 24 Nov 2026."
    );
    const width = board.columnWidths.reduce((a, b) => a + b, 0);
    expect(width).toBeGreaterThanOrEqual(150);
    expect(width).toBeLessThanOrEqual(170);
    expect(board.rows.every((row) => row.length <= OWNED_MARKER_COL + 1)).toBe(true);
    // every cell beyond the laid-out columns is empty, but for the marker
    board.rows.forEach((row, r) =>
      row.forEach((c, col) => c && col >= board.columnWidths.length && expect([r, col]).toEqual([0, OWNED_MARKER_COL]))
    );
  });

  test("the Board Report reads in order: sources, headline, objectives, chart, exceptions, changes, deadlines, disagreements, data quality", () => {
    const headings = board.rows.filter((r) => r[0]?.style === "heading").map((r) => textOf(r[0]));
    expect(headings).toEqual([
      "Sources",
      "Headline: actions by status, overall and by theme",
      "By objective",
      "Status by theme",
      "Exceptions: Red and Amber actions (15)",
      "Status changes since the previous report (0)",
      "Deadlines in the next 90 days (2)",
      "Officer's status disagrees with the computed status (1)",
      `Data quality issues (${data.issues.length})`,
    ]);
  });

  test("headline table: numbers as numbers, shares as fractions with the percent style, status headings coloured", () => {
    const t = tableAfter(board, "Headline");
    expect(t.header.slice(0, 8)).toEqual(["Theme", "Measure", "", "Red", "Amber", "Green", "Not reported", "Total"]);
    const [actions, share] = t.rows;
    expect(actions.slice(0, 8).map((c) => c?.value ?? null)).toEqual([
      "All themes",
      "Actions",
      "As of 13 May 2009 and 16 Oct 2009",
      12,
      3,
      1,
      5,
      21,
    ]);
    expect(share[3]).toEqual({ value: 12 / 21, style: "percent" });
    expect(share[7]).toEqual({ value: 1, style: "percent" });
    const prevention = t.rows[2];
    expect(prevention.slice(0, 8).map((c) => c?.value ?? null)).toEqual([
      "Prevention",
      "Actions",
      "As of 13 May 2009",
      0,
      2,
      1,
      1,
      4,
    ]);
    // the theme label runs down beside its rows
    expect(board.merges).toContainEqual({ top: t.top, left: 0, bottom: t.top + 1, right: 0 });
    const headerRow = t.top - 1;
    for (const col of [3, 4, 5, 6]) expect(board.ragAreas.some((a) => inArea(a, headerRow, col))).toBe(true);
  });

  test("exceptions table: status words in ragAreas, dates as real dates, plan text as written", () => {
    const t = tableAfter(board, "Exceptions");
    expect(t.header).toEqual([
      "Theme",
      "Ref",
      "Action",
      "Status",
      "Previous status",
      "Deadline",
      "Timescale",
      "Lead responsibility",
      "Reason",
      "Latest progress comment",
    ]);
    expect(t.rows.map((r) => textOf(r[1]))).toEqual(data.exceptions.map((a) => a.ref));
    t.rows.forEach((r, i) => {
      const a = data.exceptions[i];
      expect(textOf(r[3])).toBe(RAG_WORDS[a.status]);
      expect(board.ragAreas.some((area) => inArea(area, t.top + i, 3))).toBe(true);
      expect(textOf(r[8])).toBe(a.reason);
      expect(textOf(r[9])).toBe(a.latestComment);
      expect(r[2]).toEqual({ value: a.action, style: "wrap" });
    });
    expect(t.rows[0][5]).toEqual({ value: "2008-04-01", style: "date", isDate: true });
    expect(textOf(t.rows[t.rows.length - 1][5])).toBe("Ongoing"); // 4.1.1
  });

  test("every cell in a ragArea holds a status word", () => {
    const words = new Set(Object.values(RAG_WORDS));
    for (const sheet of [board, byLead]) {
      for (const a of sheet.ragAreas) {
        expect(a.left).toBe(a.right); // one column per area: the rule keys on the cell's own column
        for (let r = a.top; r <= a.bottom; r++) expect(words.has(textOf(at(sheet, r, a.left)))).toBe(true);
      }
    }
  });

  test("the chart: a stacked bar over its data block (themes as rows, statuses as columns), anchored clear of text, with the note", () => {
    const chart = board.chart;
    expect(chart).toBeDefined();
    if (!chart) return;
    expect(chart.type).toBe("stacked-bar");
    const { data: block, anchor } = chart;
    const header = [];
    for (let c = block.left; c <= block.right; c++) header.push(textOf(at(board, block.top, c)));
    expect(header).toEqual(["Theme", "Red", "Amber", "Green", "Not reported"]);
    const body = [];
    for (let r = block.top + 1; r <= block.bottom; r++) {
      const row = [];
      for (let c = block.left; c <= block.right; c++) row.push(at(board, r, c)?.value);
      body.push(row);
    }
    expect(body).toEqual([
      ["Prevention", 0, 2, 1, 1],
      ["Provision of Services", 12, 1, 0, 4],
    ]);
    expect(chart.colors).toEqual(["C00000", "FFC000", "00B050", "D9D9D9"]);
    for (let r = anchor.top; r <= anchor.bottom; r++) {
      for (let c = anchor.left; c <= anchor.right; c++) {
        const cell = at(board, r, c);
        if (r === anchor.top && c === anchor.left) expect(cell).toEqual({ value: CHART_NOTE, style: "note" });
        else expect(cell).toBeNull();
      }
    }
    expect(
      board.merges.some(
        (m) => m.top <= anchor.bottom && anchor.top <= m.bottom && m.left <= anchor.right && anchor.left <= m.right
      )
    ).toBe(false);
  });

  test("the By Lead sheet: owned, counts by lead adding up, then each lead's actions", () => {
    expect(byLead).toMatchObject({ purpose: "by-lead", name: "By Lead", visibility: "visible", landscape: true });
    expect(textOf(at(byLead, 0, OWNED_MARKER_COL))).toBe(ownedMarker("by-lead"));
    const width = byLead.columnWidths.reduce((a, b) => a + b, 0);
    expect(width).toBeGreaterThanOrEqual(150);
    expect(width).toBeLessThanOrEqual(170);
    const t = tableAfter(byLead, "Actions by lead");
    expect(t.header).toEqual(["Lead responsibility", "Actions", "Red", "Amber", "Green", "Not reported"]);
    const da = t.rows.find((r) => textOf(r[0]) === "DA Strategy Co-ordinator");
    expect(da?.map((c) => c?.value)).toEqual(["DA Strategy Co-ordinator", 4, 2, 0, 1, 1]);
    expect(t.rows[t.rows.length - 1].map((c) => c?.value)).toEqual(["All leads", 21, 12, 3, 1, 5]);
    const detail = tableAfter(byLead, "Each lead's actions");
    expect(detail.rows).toHaveLength(21);
    const first = detail.rows.findIndex((r) => textOf(r[0]) === "DA Strategy Co-ordinator");
    expect(detail.rows.slice(first, first + 4).map((r) => [textOf(r[1]), textOf(r[2])])).toEqual([
      ["6.2.3", "Red"],
      ["6.2.2", "Red"],
      ["3.2.1", "Green"],
      ["6.2.1", "Not reported"],
    ]);
    expect(byLead.merges).toContainEqual({
      top: detail.top + first,
      left: 0,
      bottom: detail.top + first + 3,
      right: 0,
    });
  });
});

describe("direction of travel across two refreshes at two as-of dates", () => {
  let data: ReportData;
  let board: OwnedSheet;

  beforeAll(async () => {
    const wb = await loadSample();
    const first = refreshWorkbook(wb, { ...OPTIONS, asOf: "2009-04-15" });
    expect(first.outcome.ok).toBe(true);
    // Between the reports an officer marks 7.1.1 complete in the Progress column the refresh added.
    const action = first.check.sheets[1].actions.find((a) => a.action.ref === "7.1.1");
    const after = checkWorkbook(gridsFromWorkbook(wb), { ...OPTIONS, asOf: "2009-04-15" });
    const table = after.sheets[1].sheet.tables.find((t) => t.row === action?.action.table.row);
    const col = table?.columns.progress;
    expect(col).toBeDefined();
    wb.getWorksheet("Provision of Services")!.getCell((action?.action.row ?? 0) + 1, (col ?? 0) + 1).value = "Complete";
    const second = refreshWorkbook(wb, { ...OPTIONS, asOf: "2009-10-16" });
    expect(second.outcome.ok).toBe(true);
    if (!second.outcome.ok) return;
    expect(new Set(second.outcome.records.map((r) => r.asOf))).toEqual(new Set(["2009-04-15", "2009-10-16"]));
    const grids = gridsFromWorkbook(wb);
    const check = checkWorkbook(grids, { ...OPTIONS, asOf: "2009-10-16" });
    const report = planBoardReport({
      check,
      records: second.outcome.records,
      sheets: workbookState(grids).sheets,
      today: TODAY,
      settings: DEFAULT_SETTINGS,
    });
    data = report.data;
    board = report.owned[0];
  });

  test("each action's previous status and direction", () => {
    const travel = Object.fromEntries(
      data.actions.map((a) => [a.ref, `${a.previousStatus} -> ${a.status}: ${a.direction}`])
    );
    expect(travel).toMatchObject({
      "3.1.1": "amber -> red: worse",
      "3.2.1": "green -> red: worse",
      "4.1.1": "amber -> amber: same",
      "4.1.2": "not-reported -> not-reported: same",
      "5.1.1": "red -> red: same",
      "5.2.1": "not-reported -> amber: worse",
      "6.1.1": "not-reported -> red: worse",
      "7.1.1": "red -> green: improved",
      "7.2.2": "amber -> red: worse",
    });
  });

  test("the status changes list: worse first, then improved", () => {
    expect(data.changes.map((a) => [a.ref, a.direction])).toEqual([
      ["3.1.1", "worse"],
      ["3.2.1", "worse"],
      ["5.2.1", "worse"],
      ["6.1.1", "worse"],
      ["7.2.1", "worse"],
      ["7.2.2", "worse"],
      ["7.2.4", "worse"],
      ["7.2.5", "worse"],
      ["7.1.1", "improved"],
    ]);
  });

  test("counts then and the change since, per theme and overall", () => {
    expect(data.hasPrevious).toBe(true);
    const [prevention, provision] = data.themes;
    expect(prevention.previousAsOf).toBe("2009-04-15");
    expect(prevention.tally.previous).toEqual(counts(0, 2, 1, 1));
    expect(prevention.tally.counts).toEqual(counts(2, 1, 0, 1));
    expect(prevention.tally.change).toEqual(counts(2, -1, -1, 0));
    expect(provision.tally.previous).toEqual(counts(7, 2, 0, 8));
    expect(provision.tally.counts).toEqual(counts(11, 1, 1, 4));
    expect(provision.tally.change).toEqual(counts(4, -1, 1, -4));
    expect(data.overall.change).toEqual(counts(6, -2, 0, -4));
    const objective71 = data.objectives.find((o) => o.ref === "7.1");
    expect(objective71?.tally.change).toEqual(counts(-1, 0, 1, 0));
  });

  test("the layout shows the change as signed numbers and the previous statuses coloured", () => {
    const t = tableAfter(board, "Headline");
    const change = t.rows[2];
    expect(change.slice(1, 8).map((c) => c?.value ?? null)).toEqual([
      "Change",
      "Since the previous reports",
      6,
      -2,
      0,
      -4,
      0,
    ]);
    expect(change[3]).toEqual({ value: 6, style: "change" });
    const prevention = t.rows[5];
    expect(textOf(prevention[2])).toBe("Since 15 Apr 2009");
    const changes = tableAfter(board, "Status changes");
    expect(changes.header.slice(3, 6)).toEqual(["Status", "Previous status", "Direction"]);
    expect(changes.rows.map((r) => [textOf(r[1]), textOf(r[3]), textOf(r[4]), textOf(r[5])])[0]).toEqual([
      "3.1.1",
      "Red",
      "Amber",
      "Worse",
    ]);
    expect(board.ragAreas.some((a) => inArea(a, changes.top, 4))).toBe(true);
    const exceptions = tableAfter(board, "Exceptions");
    const row = exceptions.rows.find((r) => textOf(r[1]) === "5.2.1");
    expect(textOf(row?.[4] ?? null)).toBe("Not reported");
  });
});

describe("plan text is written literally", () => {
  const g = grid("Prevention", [
    ["Domestic violence and abuse - action plan 2008-11"],
    ["Progress report Updated 13th May 2009"],
    ["Action plan 2008-11 - Prevention"],
    ["Objective 3.1", "The message is seen."],
    HEADER,
    ["3.1.1", "+44 helpline", "1 Apr 09", "@Comms team"],
    [italic("=SUM(A1)")],
    ["3.1.2", "-1 waiting list", "1 Apr 09", "Ann Smith."],
    [italic("-- nothing yet --")],
    ["3.1.3", "Third", "1 Apr 09", " ann   smith "],
  ]);
  const check = checkWorkbook([g], OPTIONS);
  const report = planBoardReport(inputOf(check));

  test("a comment beginning with = stays that very string, in the data and in the cell", () => {
    const a = report.data.exceptions.find((x) => x.ref === "3.1.1");
    expect(a?.latestComment).toBe("=SUM(A1)");
    const cells = report.owned[0].rows.flat().filter((c): c is OwnedCell => c !== null);
    for (const text of ["=SUM(A1)", "+44 helpline", "@Comms team", "-1 waiting list", "-- nothing yet --"]) {
      const found = cells.filter((c) => c.value === text);
      expect(found.length).toBeGreaterThan(0);
      for (const c of found) expect(typeof c.value).toBe("string");
    }
  });

  test("written with ExcelJS, the cell is a text cell holding the string, not a formula", async () => {
    const wb = new ExcelJS.Workbook();
    writeOwnedSheet(wb, report.owned[0]);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
    const ws = reread.getWorksheet("Board Report")!;
    const found: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => c.value === "=SUM(A1)" && found.push(c)));
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
      expect(c.numFmt).toBe("@");
    }
  });

  test("By Lead groups leads trimmed, case-insensitively, trailing punctuation stripped, shown as first written", () => {
    const ann = report.data.leads.filter((l) => l.key === "ann smith");
    expect(ann).toHaveLength(1);
    expect(ann[0].lead).toBe("Ann Smith.");
    expect(ann[0].actions.map((a) => a.ref)).toEqual(["3.1.2", "3.1.3"]);
    expect(ann[0].tally.counts.red).toBe(2);
  });
});

describe("a workbook with its own Board Report sheet", () => {
  test("the report goes on Board Report (2), says so, and the officer's sheet is untouched; a second build reuses it", async () => {
    const wb = await loadSample();
    const mine = wb.addWorksheet("Board Report");
    mine.getCell("A1").value = "My own board notes";
    mine.getCell("B3").value = 42;
    const before = JSON.stringify(mine.model);
    const build = () => {
      const { outcome, state } = refreshWorkbook(wb, OPTIONS);
      if (!outcome.ok) throw new Error(outcome.summary);
      const check = checkWorkbook(gridsFromWorkbook(wb), OPTIONS);
      const report = planBoardReport({
        check,
        records: outcome.records,
        sheets: state.sheets,
        today: TODAY,
        settings: DEFAULT_SETTINGS,
      });
      for (const s of report.owned) writeOwnedSheet(wb, s);
      return report;
    };
    const report = build();
    expect(report.owned.map((s) => s.name)).toEqual(["Board Report (2)", "By Lead"]);
    expect(report.summary).toContain('Board report built on "Board Report (2)" and "By Lead"');
    expect(report.summary).toContain('A sheet of yours is already called "Board Report"');
    expect(JSON.stringify(wb.getWorksheet("Board Report")!.model)).toBe(before);
    expect(ownedPurpose(gridsFromWorkbook(wb).find((g) => g.name === "Board Report (2)")!)).toBe("board-report");
    const again = build();
    expect(again.owned.map((s) => s.name)).toEqual(["Board Report (2)", "By Lead"]);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Prevention",
      "Provision of Services",
      "Board Report",
      "RAG History",
      "Board Report (2)",
      "By Lead",
    ]);
    expect(JSON.stringify(wb.getWorksheet("Board Report")!.model)).toBe(before);
    // the report never reads its own sheets as plan sheets
    expect(again.data.sources.map((s) => s.sheet)).toEqual(["Prevention", "Provision of Services", "Board Report"]);
  });
});

describe("a plan with no actions", () => {
  test("the report still builds: zero counts, no chart, a summary that says so", () => {
    const check = checkWorkbook([grid("Notes", [["Nothing here"]])], OPTIONS);
    const report = planBoardReport(inputOf(check));
    expect(report.data.overall.total).toBe(0);
    expect(report.data.title).toBe("Action plan");
    expect(report.owned[0].chart).toBeUndefined();
    expect(report.summary).toBe(
      'Board report built on "Board Report" and "By Lead": no actions were found on the plan sheets.'
    );
    expect(buildReportData(inputOf(check)).exceptions).toEqual([]);
  });
});
