/**
 * The Board Report sheet laid out (layout-board.ts, layout-sections.ts, layout-actions.ts): page 1
 * as a board reads it (counts, shares, the change in an arrow and words, the theme table under the
 * chart, the most urgent exceptions), then the sections in the order README.md gives; a first report says so
 * instead of empty columns; plan text stays literal; the officers' own "Board Report" survives.
 */
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../../src/core/commands";
import { RAG_WORDS } from "../../../src/core/assess";
import { ownedMarker, ownedPurpose, OWNED_MARKER_COL, type OwnedCell, type OwnedSheet } from "../../../src/core/edits";
import { DEFAULT_SETTINGS } from "../../../src/core/model";
import { buildReportData, planBoardReport, pageCount, whereWords, type ReportData } from "../../../src/core/report";
import { writeOwnedSheet } from "../../helpers/exceljs-edits";
import { gridsFromWorkbook } from "../../../src/xlsx/grid-from-exceljs";
import { grid, HEADER, italic } from "../../helpers/grid";
import { at, headingsOf, inArea, inputOf, loadSample, OPTIONS, refreshWorkbook, rowStarting, sheetText, tableAfter, textOf, TODAY } from "./helpers";

describe("the sample's Board Report at a first report", () => {
  let data: ReportData;
  let board: OwnedSheet;

  beforeAll(async () => {
    const check = checkWorkbook(gridsFromWorkbook(await loadSample()), OPTIONS);
    const report = planBoardReport(inputOf(check));
    data = report.data;
    board = report.owned[0];
  });

  test("owned, visible, print-ready: A4 landscape one page wide, title rows repeated", () => {
    expect(board).toMatchObject({ purpose: "board-report", name: "Board Report", visibility: "visible", landscape: true, freezeRows: 2, printTitleRows: [0, 1] });
    expect(textOf(at(board, 0, OWNED_MARKER_COL))).toBe(ownedMarker("board-report"));
    expect(textOf(at(board, 0, 0))).toBe("Board report: Domestic violence and abuse - action plan 2008-11");
    expect(textOf(at(board, 1, 0))).toBe("Progress as of 13 May 2009 (Prevention) and 16 Oct 2009 (Provision of Services). Built on 24 Nov 2026.");
    const width = board.columnWidths.reduce((a, b) => a + b, 0);
    expect(width).toBeGreaterThanOrEqual(150);
    expect(width).toBeLessThanOrEqual(170);
    board.rows.forEach((row, r) => row.forEach((c, col) => c && col >= board.columnWidths.length && expect([r, col]).toEqual([0, OWNED_MARKER_COL])));
  });

  test("page 1, then the sections in the order README.md gives, the sources last", () => {
    expect(headingsOf(board)).toEqual([
      "Summary: 21 actions by status",
      "By theme",
      expect.stringMatching(/^Most urgent exceptions \([345] of 15; all are listed from page 2\)$/),
      "Exceptions: Red and Amber actions (15)",
      "Status changes since the previous report (0)",
      "Deadlines moved since the previous report (0)",
      "Deadlines in the next 90 days (2)",
      "Officer's status disagrees with the computed status (1)",
      "Closed actions (0)",
      "Trend across the reports in the history (2)",
      "By objective",
      expect.stringMatching(/^Data quality issues \(\d+, of \d+ kinds?\)$/),
      "How statuses are worked out",
      "Sources",
    ]);
    // page 2 starts at the exceptions: page 1 is the summary alone, with no sources table
    expect(board.rowBreaks?.[0]).toBe(rowStarting(board, "Exceptions: Red and Amber"));
    expect(rowStarting(board, "Sources")).toBeGreaterThan(board.rowBreaks?.[0] ?? Infinity);
  });

  test("the status table: count and share of each status, numbers as numbers; a first report says so", () => {
    const t = tableAfter(board, "Summary");
    expect(t.header.slice(0, 4)).toEqual(["Status", "Actions", "Share", "Change since the previous report"]);
    expect(t.rows.map((r) => [textOf(r[0]), r[1]?.value, r[2]?.value, textOf(r[3])])).toEqual([
      ["Red", 12, 12 / 21, "Red 12, first report"],
      ["Amber", 3, 3 / 21, "Amber 3, first report"],
      ["Green", 1, 1 / 21, "Green 1, first report"],
      ["Not reported", 5, 5 / 21, "Not reported 5, first report"],
      ["All actions", 21, 1, "21, first report"],
    ]);
    expect(t.rows[0][1]).toEqual({ value: 12, style: "number" });
    expect(t.rows[0][2]).toEqual({ value: 12 / 21, style: "percent" });
    for (let i = 0; i < 4; i++) expect(board.ragAreas.some((a) => inArea(a, t.top + i, 0))).toBe(true);
  });

  test("the theme table is the chart's data block; the chart is a stacked bar beside it, clear of text, with the note", () => {
    const chart = board.chart;
    expect(chart).toBeDefined();
    if (!chart) return;
    expect(chart.type).toBe("stacked-bar");
    const { data: block, anchor } = chart;
    const rows: unknown[][] = [];
    for (let r = block.top; r <= block.bottom; r++) {
      const row: unknown[] = [];
      for (let c = block.left; c <= block.right; c++) row.push(at(board, r, c)?.value);
      rows.push(row);
    }
    expect(rows).toEqual([
      ["Theme", "Red", "Amber", "Green", "Not reported"],
      ["Prevention", 0, 2, 1, 1],
      ["Provision of Services", 12, 1, 0, 4],
    ]);
    expect(chart.colors).toEqual(["C00000", "FFC000", "00B050", "D9D9D9"]);
    const t = tableAfter(board, "By theme");
    expect(t.header.slice(0, 7)).toEqual(["Theme", "Red", "Amber", "Green", "Not reported", "Total", "Direction"]);
    expect(t.rows.map((r) => textOf(r[6]))).toEqual(["First report", "First report"]);
    for (let r = anchor.top; r <= anchor.bottom; r++)
      for (let c = anchor.left; c <= anchor.right; c++) expect(at(board, r, c)).toBeNull();
    expect(board.merges.some((m) => m.top <= anchor.bottom && anchor.top <= m.bottom && m.left <= anchor.right && anchor.left <= m.right)).toBe(false);
    expect(anchor.bottom).toBeLessThan(board.rowBreaks?.[0] ?? Infinity);
  });

  test("the most urgent exceptions on page 1: Red first, by deadline, as many as fit (at most 5)", () => {
    const t = tableAfter(board, "Most urgent exceptions");
    expect(t.rows.length).toBeGreaterThanOrEqual(3);
    expect(t.rows.length).toBeLessThanOrEqual(5);
    expect(t.rows.map((r) => textOf(r[1]))).toEqual(data.exceptions.slice(0, t.rows.length).map((a) => a.ref));
    expect(t.rows.every((r) => textOf(r[2]) === "Red")).toBe(true);
    expect(t.top + t.rows.length - 1).toBeLessThan(board.rowBreaks?.[0] ?? Infinity);
  });

  test("the exceptions: every Red and Amber action; on a first report the timescale as written, not an empty previous status", () => {
    const t = tableAfter(board, "Exceptions");
    expect(t.header).toEqual(["Theme", "Ref", "Status", "Timescale", "Deadline", "Action", "", "Lead responsibility", "Reason", "Latest progress comment"]);
    expect(t.rows.map((r) => textOf(r[1]))).toEqual(data.exceptions.map((a) => a.ref));
    t.rows.forEach((r, i) => {
      const a = data.exceptions[i];
      expect(textOf(r[2])).toBe(RAG_WORDS[a.status]);
      expect(board.ragAreas.some((area) => inArea(area, t.top + i, 2))).toBe(true);
      expect(r[3]).toEqual({ value: a.timescale, style: "wrap" });
      expect(r[5]).toEqual({ value: a.action, style: "wrap" });
      expect(board.merges).toContainEqual({ top: t.top + i, left: 5, bottom: t.top + i, right: 6 });
      expect(textOf(r[8])).toBe(a.reason);
      expect(textOf(r[9])).toBe(a.latestComment);
    });
    expect(t.rows[0][4]).toEqual({ value: "2008-04-01", style: "date", isDate: true });
    expect(textOf(t.rows[t.rows.length - 1][4])).toBe("Ongoing"); // 4.1.1
  });

  test("no \"None\" anywhere; first-report sections say so; days left read as days", () => {
    const text = sheetText(board);
    expect(text).not.toMatch(/\bNone\b/);
    expect(text).toContain("First report: status changes show from the next report on.");
    expect(text).toContain("First report: moved deadlines show from the next report on.");
    const t = tableAfter(board, "Deadlines in the next");
    expect(t.header[3]).toBe("Days left");
    expect(t.rows.map((r) => r[3])).toEqual([
      { value: 49, style: "days" },
      { value: 15, style: "days" },
    ]);
  });

  test("one row per objective", () => {
    const t = tableAfter(board, "By objective");
    expect(t.rows.map((r) => textOf(r[1]))).toEqual(data.objectives.map((o) => o.ref));
    expect(t.rows[0].slice(0, 7).map((c) => c?.value ?? null)).toEqual(["Prevention", "3.1", 0, 1, 0, 0, 1]);
  });

  test("data quality grouped by kind: one row per kind naming every cell", () => {
    const t = tableAfter(board, "Data quality");
    const kinds = new Set(data.issues.map((i) => `${i.severity}:${i.code}`));
    expect(t.rows).toHaveLength(kinds.size);
    const counted = t.rows.reduce((n, r) => n + Number(r[1]?.value), 0);
    expect(counted).toBe(data.issues.length);
    for (const i of data.issues) expect(t.rows.some((r) => textOf(r[7]).includes(i.cell))).toBe(true);
  });

  test("a kind with very many issues names its first 40 cells and counts the rest", () => {
    const many = Array.from({ length: 45 }, (_, n) => ({ sheet: n < 30 ? "A" : "B", cell: `C${n + 1}`, severity: "warning" as const, code: "comment-missing", message: "m", hint: "h" }));
    expect(whereWords(many.slice(0, 2))).toBe("A C1, C2");
    const words = whereWords(many);
    expect(words.startsWith("A C1, C2,")).toBe(true);
    expect(words).toContain("; B C31,");
    expect(words).toContain("C40;");
    expect(words).not.toContain("C41");
    expect(words.endsWith("and 5 more (listed in the task pane)")).toBe(true);
  });

  test("every cell in a ragArea holds a status word, one column per area", () => {
    const words = new Set(Object.values(RAG_WORDS));
    for (const a of board.ragAreas) {
      expect(a.left).toBe(a.right);
      for (let r = a.top; r <= a.bottom; r++) expect(words.has(textOf(at(board, r, a.left)))).toBe(true);
    }
  });

  test("prints on at most 6 pages, each heading on the page of its table's first row", () => {
    expect(pageCount(board)).toBeLessThanOrEqual(6);
    const breaks = new Set(board.rowBreaks);
    board.rows.forEach((row, r) => {
      if (row[0]?.style !== "heading") return;
      // the rows from a heading to its table's first row hold no page break
      let end = r + 1;
      while (end < board.rows.length && (board.rows[end][0]?.style === "note" || board.rows[end][0]?.style === "column-header")) end++;
      for (let x = r + 1; x <= Math.min(end, board.rows.length - 1); x++) expect(breaks.has(x)).toBe(false);
    });
  });
});

describe("the Board Report after a previous report", () => {
  let board: OwnedSheet;
  let data: ReportData;

  beforeAll(async () => {
    const wb = await loadSample();
    const first = refreshWorkbook(wb, { ...OPTIONS, asOf: "2009-04-15" });
    expect(first.outcome.ok).toBe(true);
    const second = refreshWorkbook(wb, { ...OPTIONS, asOf: "2009-10-16" });
    if (!second.outcome.ok) throw new Error(second.outcome.summary);
    const check = checkWorkbook(gridsFromWorkbook(wb), { ...OPTIONS, asOf: "2009-10-16" });
    const report = planBoardReport({ check, records: second.outcome.records, sheets: second.state.sheets, today: TODAY, settings: DEFAULT_SETTINGS });
    board = report.owned[0];
    data = report.data;
  });

  test("each status's change as an arrow and words, red where worse and green where better", () => {
    const t = tableAfter(board, "Summary");
    expect(t.header[3]).toBe("Change since 15 Apr 2009");
    const sentence = (word: string) => t.rows.find((r) => textOf(r[0]) === word)?.[3] as OwnedCell;
    const { counts, change } = data.overall;
    expect(change?.red).toBeGreaterThan(0);
    expect(change?.["not-reported"]).toBeLessThan(0);
    expect(sentence("Red")).toEqual({ value: `Red ${counts.red}, ▲ up ${change?.red} since 15 Apr 2009`, style: "worse" });
    expect(sentence("Not reported")).toEqual({ value: `Not reported ${counts["not-reported"]}, ▼ down ${-(change?.["not-reported"] ?? 0)} since 15 Apr 2009`, style: "better" });
    // less Green is worse, less Amber better
    expect(change?.green).toBe(-1);
    expect(sentence("Green")).toEqual({ value: `Green ${counts.green}, ▼ down 1 since 15 Apr 2009`, style: "worse" });
    expect(change?.amber).toBe(-2);
    expect(sentence("Amber")).toEqual({ value: `Amber ${counts.amber}, ▼ down 2 since 15 Apr 2009`, style: "better" });
  });

  test("each theme's direction in words; the previous status in the exceptions, coloured", () => {
    const themes = tableAfter(board, "By theme");
    expect(textOf(themes.rows[0][6])).toMatch(/^Worse: Red ▲ up 2/);
    const t = tableAfter(board, "Exceptions");
    expect(t.header[3]).toBe("Previous status");
    const row = t.rows.findIndex((r) => textOf(r[1]) === "5.2.1");
    expect(textOf(t.rows[row][3])).toBe("Not reported");
    expect(board.ragAreas.some((a) => inArea(a, t.top + row, 3))).toBe(true);
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
  ]);
  const report = planBoardReport(inputOf(checkWorkbook([g], OPTIONS)));

  test("a comment beginning with = stays that very string, in the data and in the cell", () => {
    expect(report.data.exceptions.find((x) => x.ref === "3.1.1")?.latestComment).toBe("=SUM(A1)");
    const cells = report.owned[0].rows.flat().filter((c): c is OwnedCell => c !== null);
    for (const text of ["=SUM(A1)", "+44 helpline", "@Comms team", "-1 waiting list", "-- nothing yet --"]) {
      const found = cells.filter((c) => c.value === text);
      expect(found.length).toBeGreaterThan(0);
      for (const c of found) expect(typeof c.value).toBe("string");
    }
  });

  test("written with ExcelJS, the cell is a text cell holding the string, not a formula; the page breaks are written", async () => {
    const wb = new ExcelJS.Workbook();
    writeOwnedSheet(wb, report.owned[0]);
    // a break after the row before each row that starts a page (ExcelJS counts rows from 1)
    const written = (wb.getWorksheet("Board Report") as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id);
    expect(report.owned[0].rowBreaks?.length).toBeGreaterThan(0);
    expect(written).toEqual(report.owned[0].rowBreaks);
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
      const report = planBoardReport({ check, records: outcome.records, sheets: state.sheets, today: TODAY, settings: DEFAULT_SETTINGS });
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
    expect(again.owned).toEqual(report.owned);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Prevention", "Provision of Services", "Board Report", "RAG History", "Board Report (2)", "By Lead"]);
    expect(JSON.stringify(wb.getWorksheet("Board Report")!.model)).toBe(before);
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
    expect(report.summary).toBe('Board report built on "Board Report" and "By Lead": no actions were found on the plan sheets.');
    expect(buildReportData(inputOf(check)).exceptions).toEqual([]);
  });
});
