/**
 * The board report's page breaks and chart in Excel (src/excel/page-breaks.ts, the chart call in
 * apply.ts) on the strict fake: the breaks the layout placed are the sheet's manual breaks, a
 * second build replaces them rather than adding more, and the chart is drawn over page 1's theme table.
 */
import { checkWorkbook } from "../../src/core/commands";
import { DEFAULT_SETTINGS } from "../../src/core/model";
import { planBoardReport } from "../../src/core/report";
import { sampleExcel, sampleGridsOnce, serviceOn } from "./helpers";

describe("the board report's pages in Excel", () => {
  test("the layout's page breaks are written, page 2 starting at the exceptions; a second build leaves the same breaks", async () => {
    const fake = await sampleExcel();
    const service = serviceOn(fake);
    const out = await service.buildReport(null);
    // the pane's Open button goes to the sheet the report is on
    expect(out.ok && out.opens).toBe("Board Report");
    const breaks = [...fake.sheet("Board Report").rowBreaks];
    expect(breaks.length).toBeGreaterThan(0);
    expect(breaks.length).toBeLessThanOrEqual(5);
    expect(fake.value("Board Report", `A${breaks[0] + 1}`)).toMatch(/^Exceptions: Red and Amber actions/);
    expect(fake.sheet("By Lead").rowBreaks.length).toBeGreaterThan(0);
    expect((await service.buildReport(null)).ok).toBe(true);
    expect(fake.sheet("Board Report").rowBreaks).toEqual(breaks);
  });

  test("where the officers have their own Board Report, the report opens on Board Report (2)", async () => {
    const fake = await sampleExcel();
    fake.addGrid({ name: "Board Report", rows: [[{ kind: "text", text: "Our own notes" }]], merges: [], hiddenRows: [], protected: false });
    const out = await serviceOn(fake).buildReport(null);
    expect(out.ok && out.opens).toBe("Board Report (2)");
    expect((await serviceOn(fake).refresh(null)).ok && "opens" in (await serviceOn(fake).refresh(null))).toBe(false);
  });

  test("the chart is a stacked bar placed where the layout's ChartSpec says, over the theme table", async () => {
    const fake = await sampleExcel();
    expect((await serviceOn(fake).buildReport(null)).ok).toBe(true);
    const check = checkWorkbook(await sampleGridsOnce(), { asOf: null, today: "2010-01-15", settings: DEFAULT_SETTINGS });
    const spec = planBoardReport({ check, records: [], sheets: [], today: "2010-01-15", settings: DEFAULT_SETTINGS }).owned[0].chart;
    expect(spec).toBeDefined();
    const [chart] = fake.sheet("Board Report").charts;
    expect(chart).toMatchObject({ type: "BarStacked", seriesBy: "Columns" });
    expect(JSON.stringify(chart)).toContain(`A${(spec?.data.top ?? 0) + 1}`);
    expect(fake.value("Board Report", `A${(spec?.data.top ?? 0) + 1}`)).toBe("Theme");
  });
});
