/**
 * Excel's read limits, as the strict fake enforces them on every platform: no more than 512
 * merged areas from one getMergedAreasOrNullObject, no more than 5,000,000 cells in one range
 * read. The read stays within both, in the same syncs, and names a sheet it cannot read.
 */
import type { Grid } from "../../src/core/grid";
import { readWorkbook } from "../../src/excel/read";
import { serializeSettings, SETTINGS_KEY } from "../../src/excel/settings";
import { FakeExcel, FakeOfficeError } from "../fakes/fake-excel";
import { largePlanGrids } from "../helpers/large-plan";
import { sampleExcel, serviceOn } from "./helpers";

const key = (a: { top: number; left: number; bottom: number; right: number }) => `${a.top}:${a.left}:${a.bottom}:${a.right}`;

describe("more than 512 merged areas on a sheet", () => {
  // 1,500 actions on one sheet: a merged comment row under most of them, some 1,100 merged areas.
  const grids = largePlanGrids({ actions: 1_500, sheets: 1 });

  test("the fake refuses getMergedAreasOrNullObject over 512 merged areas, as Excel does", async () => {
    expect(grids[0].merges.length).toBeGreaterThan(512);
    const fake = FakeExcel.fromGrids(grids, { platform: "PC" });
    await expect(
      fake.run(async (context) => {
        const merged = context.workbook.worksheets.getItem(grids[0].name).getUsedRange().getMergedAreasOrNullObject();
        merged.load("address");
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
  });

  test.each(["PC", "OfficeOnline"] as const)("%s: every merged area is read, in the same 2 syncs", async (platform) => {
    const fake = FakeExcel.fromGrids(grids, { platform });
    const read = await fake.run((context) => readWorkbook(context as unknown as Excel.RequestContext, platform === "OfficeOnline"));
    expect(read.syncs).toBe(2);
    expect(fake.stats.requests.every((r) => r.failed === undefined)).toBe(true);
    expect(read.grids[0].merges.map(key).sort()).toEqual(grids[0].merges.map(key).sort());
  });

  test("check and refresh work on such a plan (check 2 syncs, refresh 3)", async () => {
    const fake = FakeExcel.fromGrids(grids, { platform: "PC", today: "2010-01-15" });
    const service = serviceOn(fake);
    const check = await service.check(null);
    expect(check.ok).toBe(true);
    expect(fake.stats.syncs).toBe(2);
    fake.resetStats();
    expect((await service.refresh(null)).ok).toBe(true);
    expect(fake.stats.syncs).toBe(3);
  });
});

describe("the 5,000,000-cell read limit, on every platform", () => {
  test("a stray value far below the plan (Z200000): read to the plan's last row, not the stray one's", async () => {
    for (const platform of ["PC", "OfficeOnline"] as const) {
      const fake = await sampleExcel({ platform });
      fake.setCell("Prevention", "Z200000", "stray");
      const out = await serviceOn(fake).check(null);
      expect([platform, out.ok, out.message]).toEqual([platform, true, expect.stringMatching(/^Checked 2 plan sheets: 21 actions/)]);
      expect(fake.stats.requests.every((r) => r.failed === undefined)).toBe(true);
    }
  });

  test("the fake refuses a read of more than 5,000,000 cells on the desktop too", async () => {
    const fake = await sampleExcel({ platform: "PC" });
    await expect(
      fake.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Prevention").getRange("A1:Z200000");
        r.load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RangeExceedsLimit" });
  });

  test("an excluded sheet is not read whole, however large", async () => {
    const fake = await sampleExcel({ platform: "PC" });
    const data: Grid = { name: "Data", rows: [[{ kind: "text", text: "export" }]], merges: [], hiddenRows: [], protected: false };
    fake.addGrid(data);
    fake.setCell("Data", "AZ300000", 1);
    fake.setCell("Data", "A300000", 1);
    fake.settings.set(SETTINGS_KEY, serializeSettings({ amberWindowDays: 30, brag: false, excludedSheets: ["Data"] }));
    const out = await serviceOn(fake).check(null);
    expect(out.ok).toBe(true);
    expect(fake.stats.syncs).toBe(2);
    // Only the first rows of the excluded sheet were asked for.
    expect(fake.largestResponse()).toBeLessThan(1_000_000);
  });

  test("a hidden sheet used down to row 700,000 across eight columns is read within the limit on the desktop", async () => {
    // A hidden sheet is read in the history's 8 columns; 8 x 700,000 cells would pass 5,000,000.
    const fake = await sampleExcel({ platform: "PC" });
    const lookups: Grid = { name: "Lookups", rows: [[{ kind: "text", text: "codes" }]], merges: [], hiddenRows: [], protected: false, visible: false };
    fake.addGrid(lookups);
    fake.setCell("Lookups", "H700000", "last code");
    const out = await serviceOn(fake).check(null);
    expect([out.ok, out.message]).toEqual([true, expect.stringMatching(/^Checked 2 plan sheets: 21 actions/)]);
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.requests.every((r) => r.failed === undefined)).toBe(true);
  });

  test("a plan sheet whose table still passes the limit is named plainly, nothing written", async () => {
    const fake = await sampleExcel({ platform: "PC" });
    fake.setCell("Prevention", "C1000000", "typed by mistake");
    const before = fake.snapshot();
    const out = await serviceOn(fake).refresh(null);
    expect(out.ok).toBe(false);
    expect(out.message).toContain('The sheet "Prevention" is too large to read');
    expect(out.message).toContain("row 1000000 of columns A to G");
    expect(out.message).toContain("Nothing was written");
    expect(out.message).not.toMatch(/\(\w+\)/); // no Office.js error code shown
    expect(fake.snapshot()).toEqual(before);
  });
});

test("a long history (30,000 records) is still read in the same 2 syncs on the desktop", async () => {
  const fake = await sampleExcel({ platform: "PC" });
  const service = serviceOn(fake);
  expect((await service.refresh(null)).ok).toBe(true);
  // The history sheet, grown by many reports: 30,000 rows in its first column.
  const history = fake.sheet("RAG History");
  for (let r = 40_000; r < 70_000; r++) history.ensure(r, 0).value = "2009-01-01";
  fake.resetStats();
  expect((await service.check(null)).ok).toBe(true);
  expect(fake.stats.syncs).toBe(2);
});
