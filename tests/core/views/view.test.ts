import { checkView, emptyView } from "../../../src/core/views";
import { smallCheck } from "./fixture";

describe("checkView", () => {
  const check = smallCheck();
  const view = checkView(check);

  test("each action as the pane lists it, with the cell that selects it", () => {
    expect(view.sheets[0].actions).toEqual([
      {
        sheet: "Prevention",
        ref: "3.1.1",
        cell: "A5",
        action: "Develop strategy",
        lead: "PCT",
        timescale: "1 st July 2009",
        deadline: "2009-07-01",
        deadlineKind: "date",
        progress: "slow",
        rag: "amber",
        reason: "Progress slow (officer's Amber before the ref); deadline 1 Jul 2009",
        officerWord: "amber",
        disagrees: false,
      },
      {
        sheet: "Prevention",
        ref: "3.1.2",
        cell: "A7",
        action: "Run a campaign",
        lead: "Comms",
        timescale: "",
        deadline: "2009-07-06",
        deadlineKind: "date",
        progress: "complete",
        rag: "green",
        reason: "Complete; deadline 6 Jul 2009",
        officerWord: null,
        disagrees: false,
      },
    ]);
  });

  test("an action in a table without a Ref column is selected by the table's first column; the officer's word shows where it disagrees", () => {
    expect(view.sheets[1].actions[0]).toMatchObject({
      sheet: "Provision",
      ref: null,
      cell: "B3",
      rag: "red",
      officerWord: "green",
      disagrees: true,
      reason: "Deadline 31 Mar 2009 passed; not complete",
    });
  });

  test("each sheet with its dates, counts and the check's issues; the counts of all sheets together", () => {
    expect(view.sheets.map((s) => [s.name, s.asOf, s.reportDate])).toEqual([
      ["Prevention", "2009-05-13", "2009-05-13"],
      ["Provision", "2026-11-24", null],
    ]);
    expect(view.sheets[0].counts).toEqual({ red: 0, amber: 1, green: 1, blue: 0, "not-reported": 0, closed: 0 });
    expect(view.sheets[1].counts).toEqual({ red: 1, amber: 0, green: 0, blue: 0, "not-reported": 0, closed: 0 });
    expect(view.counts).toEqual({ red: 1, amber: 1, green: 1, blue: 0, "not-reported": 0, closed: 0 });
    expect(view.sheets[1].issues).toBe(check.sheets[1].issues);
    expect(view.sheets[1].issues.map((i) => `${i.cell} ${i.code}`)).toEqual(["H2 progress-missing"]);
    expect(view.asOf).toBeNull();
  });

  test("a chosen as-of date is kept; a check of no sheet has zero counts", () => {
    expect(checkView({ ...check, asOf: "2009-06-15" }).asOf).toBe("2009-06-15");
    expect(checkView({ asOf: null, sheets: [], grids: new Map() })).toEqual({ asOf: null, sheets: [], counts: { red: 0, amber: 0, green: 0, blue: 0, "not-reported": 0, closed: 0 } });
  });
});

describe("emptyView", () => {
  test("no sheets, every status counted as none, the as-of date kept", () => {
    expect(emptyView("2010-06-01")).toEqual({ asOf: "2010-06-01", sheets: [], counts: { red: 0, amber: 0, green: 0, blue: 0, closed: 0, "not-reported": 0 } });
    expect(emptyView(null).asOf).toBeNull();
  });
});
