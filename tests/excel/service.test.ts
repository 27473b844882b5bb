/**
 * The rest of OfficePlanService on the strict fake: the board report, the one-click fix, check,
 * settings, the default as-of date, the sheet list and selecting a cell.
 */
import { readPlanSheet } from "../../src/core/read";
import { STATUS_STYLES } from "../../src/core/edits";
import { SETTINGS_KEY } from "../../src/excel/settings";
import { FakeExcel } from "../fakes/fake-excel";
import { sampleExcel, sampleGridsOnce, serviceOn } from "./helpers";

describe("Build board report", () => {
  test("refreshes, then writes the report sheets the product owns, print-ready, with the chart", async () => {
    const fake = await sampleExcel();
    const out = await serviceOn(fake).buildReport(null);
    expect(out.ok).toBe(true);
    expect(out.message).toMatch(/^RAG refreshed for 21 actions/);
    expect(fake.stats.syncs).toBe(3);
    expect(fake.sheetNames()).toEqual(["Prevention", "Provision of Services", "RAG History", "Board Report", "By Lead"]);
    const report = fake.sheet("Board Report");
    expect(report.visibility).toBe("Visible");
    expect(fake.value("Board Report", "Z1")).toBe("action-plan-rag:board-report");
    expect(report.hiddenColumns.has(25)).toBe(true);
    // A fixed scale, the one the layout measured its page breaks at: Excel ignores manual breaks under "Fit to".
    expect(report.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { scale: expect.any(Number) } });
    const scale = (report.pageLayout.zoom as { scale: number }).scale;
    expect(scale).toBeGreaterThanOrEqual(50);
    expect(scale).toBeLessThan(100);
    // The title and as-of rows stay in view, and print on every page.
    expect(report.freezeRows).toBe(2);
    expect(report.pageLayout.printTitleRows).toBe("1:2");
    expect(report.charts).toHaveLength(1);
    expect(report.charts[0]).toMatchObject({ type: "BarStacked", seriesBy: "Columns" });
    expect(report.charts[0].seriesColors.every((c) => c !== null)).toBe(true);
    // Status cells coloured by their word, like the plan's RAG column.
    const formulas = fake.conditionalFormats("Board Report").map((r) => r.formula);
    for (const s of STATUS_STYLES) expect(formulas.some((f) => f?.endsWith(`="${s.word}"`))).toBe(true);
    // Every text cell written as text.
    for (const [, cell] of report.cells) if (typeof cell.value === "string" && cell.value !== "") expect(cell.numberFormat).toBe("@");
    expect(fake.value("By Lead", "Z1")).toBe("action-plan-rag:by-lead");
  });

  test("rows of merged wrapped text get a height from their text (Excel's AutoFit ignores merged cells)", async () => {
    const fake = await sampleExcel();
    expect((await serviceOn(fake).buildReport(null)).ok).toBe(true);
    const report = fake.sheet("Board Report");
    const wrappedMerges = report.merges.filter((m) => {
      const cell = report.cell(m.top, m.left);
      return cell?.format.wrapText === true && typeof cell.value === "string" && cell.value !== "";
    });
    expect(wrappedMerges.length).toBeGreaterThan(0);
    for (const m of wrappedMerges) for (let r = m.top; r <= m.bottom; r++) expect([r, report.rowHeights.get(r)]).toEqual([r, expect.any(Number)]);
    // Some of that text is longer than its merged width: its row is taller than one line.
    const tallest = Math.max(...wrappedMerges.map((m) => report.rowHeights.get(m.bottom) ?? 0));
    expect(tallest).toBeGreaterThan(15);
  });

  test("a merged text too long for one row gets Excel's tallest row (409 points), never more", async () => {
    const { mergedTextHeights } = await import("../../src/excel/apply");
    const long = "A very long progress comment that goes on and on. ".repeat(120);
    const sheet = {
      purpose: "board-report" as const,
      name: "Board Report",
      visibility: "visible" as const,
      rows: [[{ value: long, style: "wrap" as const }, null, null]],
      columnWidths: [20, 20, 20],
      merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
      ragAreas: [],
      freezeRows: 0,
      printTitleRows: null,
      landscape: true,
    };
    expect(mergedTextHeights(sheet)).toEqual([{ top: 0, bottom: 0, height: 409 }]);
  });

  test("row heights go in one write per height and address group, not one per row", async () => {
    const { rowHeightGroups } = await import("../../src/excel/apply-owned");
    const runs = Array.from({ length: 300 }, (_, i) => ({ top: i * 3, bottom: i * 3, height: i % 2 === 0 ? 30 : 45 }));
    const groups = rowHeightGroups(runs);
    expect(groups.length).toBeLessThan(40);
    expect(groups.every((g) => g.address.length <= 240)).toBe(true);
    expect(groups.filter((g) => g.height === 30).flatMap((g) => g.address.split(","))).toHaveLength(150);
    expect(groups[0].address.startsWith("1:1,7:7,13:13")).toBe(true);
  });

  test("addresses are joined in order into RangeAreas addresses of at most 240 characters, none split", async () => {
    const { joinAddresses } = await import("../../src/excel/apply-common");
    const parts = Array.from({ length: 200 }, (_, i) => `K${i * 2 + 5}`);
    const groups = joinAddresses(parts);
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.every((g) => g.length <= 240)).toBe(true);
    expect(groups.join(",")).toBe(parts.join(","));
    expect(joinAddresses([])).toEqual([]);
  });

  test("one-row merged areas over the same columns in neighbouring rows are one 'merge across' call", async () => {
    const { mergeCalls } = await import("../../src/excel/apply-owned");
    const row = (r: number, left = 0, right = 6) => ({ top: r, left, bottom: r, right });
    const calls = mergeCalls([row(5), row(6), row(7), row(9), row(10, 1, 6), { top: 12, left: 0, bottom: 13, right: 2 }]);
    expect(calls).toEqual([
      { area: { top: 12, left: 0, bottom: 13, right: 2 }, across: false },
      { area: { top: 5, left: 0, bottom: 7, right: 6 }, across: true },
      { area: { top: 9, left: 0, bottom: 9, right: 6 }, across: true },
      { area: { top: 10, left: 1, bottom: 10, right: 6 }, across: true },
    ]);
  });

  test("a second report rewrites the same sheets (one chart, same rules), never deleting a sheet", async () => {
    const fake = await sampleExcel();
    const service = serviceOn(fake);
    expect((await service.buildReport(null)).ok).toBe(true);
    const before = fake.snapshot();
    expect((await service.buildReport(null)).ok).toBe(true);
    expect(fake.snapshot()).toEqual(before);
  });

  test("a sheet of the officers' named Board Report is left alone: the report goes to Board Report (2)", async () => {
    const fake = await sampleExcel();
    const own = fake.addGrid({ name: "Board Report", rows: [[{ kind: "text", text: "Our own notes" }]], merges: [], hiddenRows: [], protected: false });
    expect(own.cells.size).toBe(1);
    const before = JSON.stringify([...own.cells]);
    expect((await serviceOn(fake).buildReport(null)).ok).toBe(true);
    expect(JSON.stringify([...fake.sheet("Board Report").cells])).toBe(before);
    expect(fake.value("Board Report (2)", "Z1")).toBe("action-plan-rag:board-report");
  });

  test("a comment that begins with = stays text in the report", async () => {
    const grids = (await sampleGridsOnce()).map((g) => ({ ...g, rows: g.rows.map((r) => [...r]) }));
    const prevention = grids[0];
    // The latest progress comment under 3.1.1 (an Amber action, so listed with its comment).
    const comment = readPlanSheet(prevention).actions.find((a) => a.ref === "3.1.1")?.comments.at(-1);
    if (!comment) throw new Error("3.1.1 has a comment in the sample");
    prevention.rows[comment.row][comment.col] = { kind: "text", text: "=SUM(A1:A2) was the old way; Amber", bold: true, italic: true };
    const fake = FakeExcel.fromGrids(grids, { today: "2010-01-15" });
    expect((await serviceOn(fake).buildReport(null)).ok).toBe(true);
    const found = [...fake.sheet("Board Report").cells.values()].filter((c) => String(c.value).startsWith("=SUM"));
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) expect([c.formula, c.numberFormat]).toEqual([undefined, "@"]);
  });
});

describe("the one-click fix: add the Progress and RAG columns", () => {
  test("writes only the header cells and the dropdowns", async () => {
    const fake = await sampleExcel();
    const out = await serviceOn(fake).addColumns("Prevention");
    expect(out.ok).toBe(true);
    expect(out.message).toContain("Progress in H27");
    expect(fake.value("Prevention", "H27")).toBe("Progress");
    expect(fake.value("Prevention", "I27")).toBe("RAG");
    expect(fake.value("Prevention", "I28")).toBe("");
    expect(fake.validatedCells("Prevention")).toEqual(["H28", "H41", "H55", "H59"]);
    expect(fake.conditionalFormats("Prevention")).toEqual([]);
    expect(fake.sheetNames()).not.toContain("RAG History");
    expect(fake.sheetNames()).toEqual(["Prevention", "Provision of Services"]);
    expect(fake.stats.syncs).toBe(3);
  });

  test("refuses like refresh when a cell is in the way, naming it", async () => {
    const fake = await sampleExcel();
    fake.setCell("Prevention", "H41", "see row 42");
    const before = fake.snapshot();
    const out = await serviceOn(fake).addColumns("Prevention");
    expect(out.ok).toBe(false);
    expect(out.message).toContain("Prevention!H41");
    expect(out.message).toContain("Nothing was written");
    expect(fake.snapshot()).toEqual(before);
  });

  test("an unknown or excluded sheet is refused", async () => {
    const fake = await sampleExcel();
    const out = await serviceOn(fake).addColumns("Nowhere");
    expect(out.ok).toBe(false);
    expect(out.message).toContain("not one of the plan sheets");
  });
});

describe("check, settings, as-of date, sheets, selection", () => {
  test("check reads and reports, in two syncs, writing nothing", async () => {
    const fake = await sampleExcel();
    const before = fake.snapshot();
    const out = await serviceOn(fake).check(null);
    expect(out.ok).toBe(true);
    expect(out.message).toMatch(/^Checked 2 plan sheets: 21 actions \(Red 12, Amber 3, Green 1, Not reported 5\)/);
    expect(out.view.sheets.map((s) => s.name)).toEqual(["Prevention", "Provision of Services"]);
    expect(out.view.sheets[0].actions.find((a) => a.ref === "3.1.1")?.cell).toBe("A28");
    expect(fake.snapshot()).toEqual(before);
    expect(fake.stats.syncs).toBe(2);
  });

  test("settings are kept in the workbook as JSON and used by the commands", async () => {
    const fake = await sampleExcel();
    const service = serviceOn(fake);
    expect(await service.loadSettings()).toEqual({ amberWindowDays: 30, brag: false, excludedSheets: [] });
    await service.saveSettings({ amberWindowDays: 45, brag: true, excludedSheets: ["Provision of Services"] });
    expect(JSON.parse(String(fake.settings.get(SETTINGS_KEY)))).toEqual({ amberWindowDays: 45, brag: true, excludedSheets: ["Provision of Services"] });
    expect(await service.loadSettings()).toEqual({ amberWindowDays: 45, brag: true, excludedSheets: ["Provision of Services"] });
    const out = await service.refresh(null);
    expect(out.message).toContain("on 1 sheet");
    expect(fake.value("Provision of Services", "I24")).toBe("");
  });

  test("the default as-of date is the active sheet's report date, else today", async () => {
    const fake = await sampleExcel();
    const service = serviceOn(fake);
    expect(await service.defaultAsOf()).toEqual({ date: "2009-05-13", source: "report-date", sheet: "Prevention" });
    fake.activeSheet = "Provision of Services";
    expect(await service.defaultAsOf()).toEqual({ date: "2009-10-16", source: "report-date", sheet: "Provision of Services" });
    fake.addGrid({ name: "Notes", rows: [[{ kind: "text", text: "Nothing dated here" }]], merges: [], hiddenRows: [], protected: false });
    fake.activeSheet = "Notes";
    expect(await service.defaultAsOf()).toEqual({ date: "2010-01-15", source: "today", sheet: null });
  });

  test("the sheet list: visible sheets of the officers, which look like plans, which are excluded", async () => {
    const fake = await sampleExcel();
    const service = serviceOn(fake);
    await service.refresh(null);
    fake.addGrid({ name: "Notes", rows: [[{ kind: "text", text: "Contacts" }]], merges: [], hiddenRows: [], protected: false });
    await service.saveSettings({ amberWindowDays: 30, brag: false, excludedSheets: ["notes"] });
    expect(await service.listSheets()).toEqual([
      { name: "Prevention", looksLikePlan: true, excluded: false },
      { name: "Provision of Services", looksLikePlan: true, excluded: false },
      { name: "Notes", looksLikePlan: false, excluded: true },
    ]);
  });

  test("select brings the sheet forward and selects the cell", async () => {
    const fake = await sampleExcel();
    await serviceOn(fake).select("Provision of Services", "C31");
    expect(fake.activeSheet).toBe("Provision of Services");
    expect(fake.selection).toEqual({ sheet: "Provision of Services", address: "C31" });
    await expect(serviceOn(fake).select("Gone", "A1")).rejects.toThrow(/no longer there/);
  });

  test("outside Excel every command says so", async () => {
    const fake = await sampleExcel();
    const service = new (await import("../../src/excel/office-service")).OfficePlanService({ ...fake.host(), inExcel: false } as never);
    expect((await service.environment()).inExcel).toBe(false);
    expect((await service.refresh(null)).message).toContain("works inside Excel");
  });
});

describe("the column map kept in the workbook (Office.js)", () => {
  test("saved on the very hidden history sheet, read back by the next check, kept by a refresh", async () => {
    const fake = await sampleExcel();
    const service = serviceOn(fake);
    const out = await service.saveColumnMap("Prevention", { columns: { action: 1, timescale: 2, lead: 3, comments: 6 } });
    expect(out.ok).toBe(true);
    expect(out.message).toContain('The column map of "Prevention" was saved in the workbook');
    expect(fake.sheet("RAG History").visibility).toBe("VeryHidden");
    expect([fake.value("RAG History", "G2"), fake.value("RAG History", "H2")]).toEqual(["Prevention", "Action=B, Time-scale=C, Lead responsibility=D, Progress comments=G"]);
    const checked = await service.check(null);
    const prevention = checked.view.sheets.find((s) => s.name === "Prevention");
    expect(prevention?.columnMap.roles.find((r) => r.role === "comments")).toMatchObject({ col: 6, by: "map", why: "your column map" });
    expect((await service.refresh(null)).ok).toBe(true);
    expect(fake.value("RAG History", "H2")).toBe("Action=B, Time-scale=C, Lead responsibility=D, Progress comments=G");
  });
});
