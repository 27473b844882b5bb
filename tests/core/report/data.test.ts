/**
 * The board report as data (data.ts): the sample plan's report against the statuses the rules
 * give; direction of travel across two refreshes at two as-of dates; moved deadlines from the
 * history's timescale text; the trend across every report in the history.
 */
import { checkWorkbook, reportCommand, workbookState, type CommandPlanned } from "../../../src/core/commands";
import { gridsAfterEdits, HISTORY_HEADINGS, historySheet, readHistory } from "../../../src/core/edits";
import type { Grid } from "../../../src/core/grid";
import { grid, HEADER, italic } from "../../helpers/grid";
import { DEFAULT_SETTINGS, type WorkbookCheck } from "../../../src/core/model";
import { buildReportData, planBoardReport, type ReportData } from "../../../src/core/report";
import { gridsFromWorkbook } from "../../../src/xlsx/grid-from-exceljs";
import { EXPECTED, OPTIONS, TODAY, counts, inputOf, loadSample, refreshWorkbook, sumCounts } from "./helpers";

describe("the sample plan's board report", () => {
  let data: ReportData;
  let summary: string;

  beforeAll(async () => {
    const check: WorkbookCheck = checkWorkbook(gridsFromWorkbook(await loadSample()), OPTIONS);
    const report = planBoardReport(inputOf(check));
    data = report.data;
    summary = report.summary;
  });

  test("every action has the status the rules give (the reader and the rules agree)", () => {
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

  test("a first report: no moved deadline, no closed action, the trend is this report at each sheet's date", () => {
    expect(data.movedDeadlines).toEqual([]);
    expect(data.closed).toEqual([]);
    // each sheet at its own report date: at 13 May 2009 only Prevention had been reported
    expect(data.trend).toEqual([
      { asOf: "2009-05-13", counts: counts(0, 2, 1, 1), total: 4, themes: 1 },
      { asOf: "2009-10-16", counts: counts(12, 3, 1, 5), total: 21, themes: 2 },
    ]);
  });

  test("leads: at most 12 on the sample; joint leads under their first lead, the others named", () => {
    expect(data.leads.length).toBeLessThanOrEqual(12);
    const byRef = new Map(data.actions.map((a) => [a.ref, a]));
    const da = data.leads.find((l) => l.lead === "DA Strategy Co-ordinator");
    expect(da?.actions.map((a) => a.ref).sort()).toEqual(["3.2.1", "4.1.1", "6.2.1", "6.2.2", "6.2.3", "7.2.1", "7.2.5"]);
    expect(byRef.get("7.2.5")?.coLeads).toEqual(["new post DVA CYP Co-ordinator", "BDAF Training Co-ordinator"]);
    expect(byRef.get("5.1.2")).toMatchObject({ leadGroup: "Peter Anderson, Crime Reduction Manager", coLeads: ["Nick Hooper, Housing"] });
    expect(byRef.get("6.1.2")).toMatchObject({ leadGroup: "Director, N & HS", coLeads: ["Community Safety Manager"] });
    // the lead as written stays in the action (plan text is literal)
    expect(byRef.get("6.1.1")?.lead).toBe("Peter Anderson, Crime Reduction Manager.");
    expect(data.leads.reduce((n, l) => n + l.tally.total, 0)).toBe(21);
    expect(sumCounts(data.leads.map((l) => l.tally.counts))).toEqual(data.overall.counts);
  });

  test("the summary says where the report is and the counts", () => {
    expect(summary).toBe(
      'Board report built on "Board Report" and "By Lead": 21 actions, Red 12, Amber 3, Green 1, Not reported 5.'
    );
  });

});

describe("direction of travel across two refreshes at two as-of dates", () => {
  let data: ReportData;

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

});

// ---- moved deadlines and the trend, on a small plan built here ------------------------------------

/** A one-sheet plan: three actions with the given timescales. */
function plan(reportDate: string, timescales: [string, string, string]): Grid {
  return grid("Prevention", [
    ["Community safety action plan"],
    [`Progress report Updated ${reportDate}`],
    ["Objective 1.1", "People are safer."],
    HEADER,
    ["1.1.1", "Open a refuge", timescales[0], "Ann Smith"],
    [italic("Going well Green")],
    ["1.1.2", "Train staff", timescales[1], "Ann Smith"],
    [italic("Behind Amber")],
    ["1.1.3", "Publish leaflets", timescales[2], "Bob Jones"],
  ]);
}

/** Build board report on the grids; returns the plan and the grids as after it. */
function build(grids: Grid[]): { plan: CommandPlanned; after: Grid[] } {
  const planned = reportCommand(grids, OPTIONS);
  if (!planned.ok) throw new Error(planned.summary);
  return { plan: planned, after: gridsAfterEdits(grids, planned.edits.sheets, planned.edits.owned) };
}

/** The plan sheet of `grids` replaced by `next` (the owned sheets kept). */
const withPlan = (grids: Grid[], next: Grid): Grid[] => grids.map((g) => (g.name === next.name ? next : g));

describe("deadlines moved between two reports, from the timescale text kept in the history", () => {
  const first = build([plan("13th May 2009", ["Dec 08", "1 Apr 2010", "31/03/2010"])]);
  // Between the reports an officer moves 1.1.1 and retypes 1.1.2's timescale with other spacing.
  const second = build(withPlan(first.after, plan("16th Oct 2009", ["Mar 10", "1  Apr 2010", "31/03/2010"])));
  const data = buildReportData({
    check: second.plan.after,
    records: readHistory(second.after.find((g) => g.name === "RAG History") as Grid),
    sheets: workbookState(second.after).sheets,
    today: TODAY,
    settings: DEFAULT_SETTINGS,
  });

  test("the history keeps each action's timescale text at each date", () => {
    const records = readHistory(second.after.find((g) => g.name === "RAG History") as Grid);
    expect(HISTORY_HEADINGS).toEqual(["As of", "Sheet", "Ref", "Status", "Timescale"]);
    expect(records.filter((r) => r.ref === "1.1.1").map((r) => [r.asOf, r.timescale])).toEqual([
      ["2009-05-13", "Dec 08"],
      ["2009-10-16", "Mar 10"],
    ]);
  });

  test("the moved deadline shows both texts; a timescale retyped with other spacing has not moved", () => {
    expect(data.movedDeadlines.map((a) => [a.ref, a.previousTimescale, a.timescale])).toEqual([["1.1.1", "Dec 08", "Mar 10"]]);
    expect(data.actions.find((a) => a.ref === "1.1.2")?.previousTimescale).toBeNull();
  });

  test("the trend: the overall counts at each report, most recent last", () => {
    expect(data.trend.map((p) => [p.asOf, p.total, p.themes])).toEqual([
      ["2009-05-13", 3, 1],
      ["2009-10-16", 3, 1],
    ]);
    // 13 May 2009: Dec 08 passed (Red), Train staff slow (Amber), leaflets not reported
    expect(data.trend[0].counts).toEqual(counts(1, 1, 0, 1));
    expect(data.trend[1].counts).toEqual(data.overall.counts);
  });

  test("a history written before the Timescale column reads with no timescale, and claims no moved deadline", () => {
    const old = historySheet("RAG History", [
      { asOf: "2009-05-13", sheet: "Prevention", ref: "1.1.1", rag: "red" },
    ]);
    old.rows = old.rows.map((row) => row.slice(0, 4).concat(row.slice(4).map((c, i) => (i === 21 ? c : null))));
    const oldGrid = gridsAfterEdits([], [], [old])[0];
    const records = readHistory(oldGrid);
    expect(records).toEqual([{ asOf: "2009-05-13", sheet: "Prevention", ref: "1.1.1", rag: "red" }]);
    const later = checkWorkbook([plan("16th Oct 2009", ["Mar 10", "1 Apr 2010", "31/03/2010"])], OPTIONS);
    const report = buildReportData(inputOf(later, { records }));
    expect(report.hasPrevious).toBe(true);
    expect(report.movedDeadlines).toEqual([]);
  });

  test("a second build with nothing changed changes nothing", () => {
    const again = build(second.after);
    expect(again.plan.edits.owned).toEqual(second.plan.edits.owned);
    expect(again.after).toEqual(second.after);
  });
});
