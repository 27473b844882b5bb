/** The By Lead sheet laid out (layout-lead.ts): counts by lead, then each lead's actions, one block a lead. */
import { checkWorkbook } from "../../../src/core/commands";
import { ownedMarker, OWNED_MARKER_COL, type OwnedSheet } from "../../../src/core/edits";
import { estimateRowHeights } from "../../../src/core/edits";
import { pageCapacity, planBoardReport, type ReportData } from "../../../src/core/report";
import { grid, HEADER } from "../../helpers/grid";
import { at, inputOf, OPTIONS, sampleGrids, tableAfter, textOf } from "./helpers";

describe("the sample's By Lead sheet", () => {
  let data: ReportData;
  let byLead: OwnedSheet;

  beforeAll(async () => {
    const report = planBoardReport(inputOf(checkWorkbook(await sampleGrids(), OPTIONS)));
    data = report.data;
    byLead = report.owned[1];
  });

  test("owned, visible, one A4 landscape page wide", () => {
    expect(byLead).toMatchObject({ purpose: "by-lead", name: "By Lead", visibility: "visible", landscape: true, printTitleRows: [0, 1] });
    expect(textOf(at(byLead, 0, OWNED_MARKER_COL))).toBe(ownedMarker("by-lead"));
    const width = byLead.columnWidths.reduce((a, b) => a + b, 0);
    expect(width).toBeGreaterThanOrEqual(150);
    expect(width).toBeLessThanOrEqual(170);
  });

  test("counts by lead: at most 12 leads, adding up to every action", () => {
    const t = tableAfter(byLead, "Actions by lead");
    expect(t.header.slice(0, 6)).toEqual(["Lead responsibility", "Actions", "Red", "Amber", "Green", "Not reported"]);
    expect(t.rows.length - 1).toBeLessThanOrEqual(12);
    expect(t.rows.find((r) => textOf(r[0]) === "DA Strategy Co-ordinator")?.map((c) => c?.value)).toEqual(["DA Strategy Co-ordinator", 7, 4, 1, 1, 1]);
    expect(t.rows[t.rows.length - 1].map((c) => c?.value)).toEqual(["All leads", 21, 12, 3, 1, 5]);
  });

  test("each lead's actions: Red first, the lead and its counts down the block, joint leads named; no empty previous column on a first report", () => {
    const t = tableAfter(byLead, "Each lead's actions");
    expect(t.header).toEqual(["Lead responsibility", "Ref", "Status", "Next deadline", "Theme", "Action", "Reason", "Joint with"]);
    expect(t.rows).toHaveLength(21);
    const first = t.rows.findIndex((r) => textOf(r[0]).startsWith("DA Strategy Co-ordinator\n"));
    expect(textOf(t.rows[first][0])).toBe("DA Strategy Co-ordinator\n7 actions: Red 4, Amber 1, Green 1, Not reported 1");
    const block = t.rows.slice(first, first + 7);
    expect(block.map((r) => textOf(r[2]))).toEqual(["Red", "Red", "Red", "Red", "Amber", "Green", "Not reported"]);
    expect(block.find((r) => textOf(r[1]) === "7.2.5")?.[7]?.value).toBe("new post DVA CYP Co-ordinator; BDAF Training Co-ordinator");
    expect(byLead.merges).toContainEqual({ top: t.top + first, left: 0, bottom: t.top + first + 6, right: 0 });
    expect(data.leads.find((l) => l.lead === "DA Strategy Co-ordinator")?.writtenAs.length).toBeGreaterThan(1);
  });

  test("a lead's block is not split across pages where it takes at most half a page", () => {
    const heights = estimateRowHeights(byLead);
    const capacity = pageCapacity(byLead, heights);
    const t = tableAfter(byLead, "Each lead's actions");
    const breaks = byLead.rowBreaks ?? [];
    let checked = 0;
    let top = t.top;
    for (const lead of data.leads) {
      const bottom = top + lead.actions.length - 1;
      const height = heights.slice(top, bottom + 1).reduce((a, b) => a + b, 0);
      if (height <= capacity / 2) {
        checked++;
        expect(breaks.filter((b) => b > top && b <= bottom)).toEqual([]);
      }
      top = bottom + 1;
    }
    expect(checked).toBeGreaterThan(5);
    expect(breaks.length).toBeGreaterThan(0);
  });
});

describe("a plan whose leads are written several ways", () => {
  test("one lead whatever the case, spacing, punctuation or short form; a joint lead under its first", () => {
    const g = grid("Plan", [
      ["Action plan"],
      ["Progress report Updated 13th May 2009"],
      ["Objective 1.1", "Safer."],
      HEADER,
      ["1.1.1", "One", "1 Apr 09", "Ann Smith."],
      ["1.1.2", "Two", "1 Apr 09", " ann   smith "],
      ["1.1.3", "Three", "1 Apr 09", "Ann Smith/ Bob Jones"],
      ["1.1.4", "Four", "1 Apr 09", "ANN SMITH, to liaise with Carol King"],
      ["1.1.5", "Five", "1 Apr 09", "Bob Jones or Ann Smith"],
    ]);
    const { data, owned } = planBoardReport(inputOf(checkWorkbook([g], OPTIONS)));
    expect(data.leads.map((l) => [l.lead, l.actions.map((a) => a.ref)])).toEqual([
      ["Ann Smith", ["1.1.1", "1.1.2", "1.1.3", "1.1.4"]],
      ["Bob Jones", ["1.1.5"]],
    ]);
    const t = tableAfter(owned[1], "Each lead's actions");
    expect(t.rows.map((r) => textOf(r[7]))).toEqual(["", "", "Bob Jones", "Carol King", "Ann Smith"]);
  });
});
