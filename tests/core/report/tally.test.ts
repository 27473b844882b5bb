/** Tallies, direction of travel, the previous report and the trend (tally.ts), on records built here. */
import type { HistoryRecord } from "../../../src/core/edits";
import type { Rag } from "../../../src/core/model";
import { CLOSED, directionOf, looseText, moreIs, previousReportOf, sameTimescale, sumTallies, tallyOf, trendOf } from "../../../src/core/report";
import { changeInWords, changeStyle, sinceWords } from "../../../src/core/report";
import { counts } from "./helpers";

const rec = (asOf: string, sheet: string, ref: string, rag: Rag, timescale?: string): HistoryRecord => ({ asOf, sheet, ref, rag, ...(timescale ? { timescale } : {}) });

describe("tallies", () => {
  test("counts, shares as fractions, and the change since a previous tally", () => {
    const t = tallyOf(["red", "red", "amber", "green"], ["red", "amber", "amber"]);
    expect(t.counts).toEqual(counts(2, 1, 1, 0));
    expect(t.shares.red).toBe(0.5);
    expect(t.previous).toEqual(counts(1, 2, 0, 0));
    expect(t.change).toEqual(counts(1, -1, 1, 0));
    expect(t.previousTotal).toBe(3);
    expect(tallyOf([], null)).toMatchObject({ total: 0, change: null, previous: null });
  });

  test("a Closed action is counted but takes no share", () => {
    const t = tallyOf(["red", "green", CLOSED, CLOSED], null);
    expect(t.total).toBe(4);
    expect(t.shares.red).toBe(0.5);
    expect(t.shares.green).toBe(0.5);
  });

  test("sums of tallies keep a previous count where some tally has one", () => {
    const s = sumTallies([tallyOf(["red"], ["amber"]), tallyOf(["green"], null)]);
    expect(s.counts).toEqual(counts(1, 0, 1, 0));
    expect(s.previous).toEqual(counts(0, 1, 0, 0));
  });
});

describe("direction of travel", () => {
  test("ranked Red < Amber < Not reported < Green < Blue; new without a previous status; Closed neither", () => {
    expect(directionOf("red", null)).toBe("new");
    expect(directionOf("amber", "amber")).toBe("same");
    expect(directionOf("red", "amber")).toBe("worse");
    expect(directionOf("not-reported", "green")).toBe("worse");
    expect(directionOf("green", "not-reported")).toBe("improved");
    expect(directionOf(CLOSED, "red")).toBe("same");
  });

  test("more Red, Amber or Not reported is worse; more Green or Blue better", () => {
    expect(["red", "amber", "not-reported", "green", "blue", CLOSED].map((r) => moreIs(r as Rag))).toEqual(["worse", "worse", "worse", "better", "better", "neither"]);
    expect(changeStyle("red", 3)).toBe("worse");
    expect(changeStyle("red", -1)).toBe("better");
    expect(changeStyle("green", -1)).toBe("worse");
    expect(changeStyle("green", 0)).toBe("wrap");
  });

  test("a change in words with an arrow, and since when", () => {
    expect([3, -1, 0].map(changeInWords)).toEqual(["▲ up 3", "▼ down 1", "no change"]);
    expect(sinceWords(["2009-05-13", null, "2009-05-13"])).toBe("since 13 May 2009");
    expect(sinceWords(["2009-05-13", "2009-04-01"])).toBe("since the previous reports");
  });
});

describe("the previous report and the trend", () => {
  const records = [
    rec("2009-03-31", "A", "1.1", "amber", "Dec 08"),
    rec("2009-03-31", "A", "1.2", "green"),
    rec("2009-05-13", "A", "1.1", "red", "Mar 10"),
    rec("2009-05-13", "A", "1.2", "green", "2010"),
    rec("2009-04-30", "B", "2.1", "not-reported", "ongoing"),
  ];

  test("the latest report of the sheet before the as-of date, with its statuses and the timescales kept", () => {
    const p = previousReportOf(records, "A", "2009-05-13");
    expect(p?.asOf).toBe("2009-03-31");
    expect([...(p?.byRef ?? [])]).toEqual([
      ["1.1", "amber"],
      ["1.2", "green"],
    ]);
    expect([...(p?.timescales ?? [])]).toEqual([["1.1", "Dec 08"]]);
    expect(previousReportOf(records, "A", "2009-03-31")).toBeNull();
  });

  test("timescales compared as read: spacing and case aside", () => {
    expect(sameTimescale(" Dec  08", "dec 08")).toBe(true);
    expect(sameTimescale("Dec 08", "Mar 10")).toBe(false);
  });

  test("looseText: spacing (any white space) and case aside, as the comparisons wrote it out before", () => {
    for (const t of ["  Reason for\nthe  CHANGE ", "On track", "\u00a0Slow\t", "", "   "]) expect(looseText(t)).toBe(t.replace(/\s+/g, " ").trim().toLowerCase());
  });

  test("the trend: at each date, each sheet at its latest report on or before it; this build in place of its own date", () => {
    const trend = trendOf(records, [{ sheet: "B", asOf: "2009-06-30", rags: ["red"] }]);
    expect(trend.map((p) => [p.asOf, p.themes, p.total, p.counts.red, p.counts.amber, p.counts.green, p.counts["not-reported"]])).toEqual([
      ["2009-03-31", 1, 2, 0, 1, 1, 0],
      ["2009-04-30", 2, 3, 0, 1, 1, 1],
      ["2009-05-13", 2, 3, 1, 0, 1, 1],
      ["2009-06-30", 2, 3, 2, 0, 1, 0],
    ]);
  });
});
