import { assessSheet } from "../../../src/core/assess";
import {
  HISTORY_HEADINGS,
  historySheet,
  indexHistory,
  mergeHistory,
  OWNED_MARKER_COL,
  ownedMarker,
  previousStatus,
  readHistory,
  recordsOf,
  trackingRef,
  type HistoryRecord,
} from "../../../src/core/edits";
import { DEFAULT_SETTINGS } from "../../../src/core/model";
import { grid } from "../../helpers/grid";
import { action, planSheet, table } from "../../helpers/plan";

const rec = (asOf: string, sheet: string, ref: string, rag: HistoryRecord["rag"], timescale?: string): HistoryRecord => ({ asOf, sheet, ref, rag, ...(timescale ? { timescale } : {}) });

describe("trackingRef and recordsOf", () => {
  const t = table(0);
  const sheet = planSheet("Prevention", {
    reportDate: "2009-05-13",
    tables: [t],
    actions: [action("Prevention", t, 1, { ref: "3.1.1", timescale: "March 2009" }), action("Prevention", t, 4, { ref: "", timescale: "2011" })],
  });
  const assessed = assessSheet(sheet, grid("Prevention", []), { asOf: null, today: "2026-11-24", settings: DEFAULT_SETTINGS });

  test("an action is tracked by its ref, or by its 1-based row where it has none", () => {
    expect(assessed.actions.map(trackingRef)).toEqual(["3.1.1", "row 5"]);
  });

  test("one record per action at the sheet's as-of date", () => {
    // each with the timescale as written then, for moved deadlines
    expect(recordsOf([assessed])).toEqual([rec("2009-05-13", "Prevention", "3.1.1", "red", "March 2009"), rec("2009-05-13", "Prevention", "row 5", "not-reported", "2011")]);
    expect(recordsOf([])).toEqual([]);
  });
});

describe("readHistory", () => {
  test("the rows after the headings that read as records; status words in any case", () => {
    const g = grid("RAG History", [
      [...HISTORY_HEADINGS],
      ["2009-05-13", "Prevention", "3.1.1", "Amber"],
      ["2009-05-13", "Prevention", "row 40", "not reported"],
      ["2009-10-16", "Provision of Services", "5.1.1", "RED"],
      ["2009-10-16", "Provision of Services", "5.1.2", " Blue "],
    ]);
    expect(readHistory(g)).toEqual([
      rec("2009-05-13", "Prevention", "3.1.1", "amber"),
      rec("2009-05-13", "Prevention", "row 40", "not-reported"),
      rec("2009-10-16", "Provision of Services", "5.1.1", "red"),
      rec("2009-10-16", "Provision of Services", "5.1.2", "blue"),
    ]);
  });

  test("rows skipped: the first row, a date that is no ISO day, an unknown status, no sheet, no ref", () => {
    const g = grid("RAG History", [
      ["2009-01-01", "Prevention", "3.1.1", "Red"],
      ["13/05/2009", "Prevention", "3.1.1", "Red"],
      ["2009-02-30", "Prevention", "3.1.1", "Red"],
      ["2009-05-13", "Prevention", "3.1.1", "Purple"],
      ["2009-05-13", "", "3.1.1", "Red"],
      ["2009-05-13", "Prevention", "", "Red"],
      [],
      ["2009-05-13", "Prevention", "3.1.2", "Green"],
    ]);
    expect(readHistory(g)).toEqual([rec("2009-05-13", "Prevention", "3.1.2", "green")]);
    expect(readHistory(grid("RAG History", []))).toEqual([]);
  });
});

describe("mergeHistory", () => {
  const old = [rec("2009-04-15", "Prevention", "3.1.1", "amber"), rec("2009-05-13", "Prevention", "3.1.1", "amber"), rec("2009-05-13", "Prevention", "3.1.2", "red"), rec("2009-05-13", "Provision", "5.1.1", "red")];

  test("this refresh's records replace those of the same date and sheet, even of actions gone since", () => {
    const merged = mergeHistory(old, [rec("2009-05-13", "Prevention", "3.1.1", "green")]);
    expect(merged).toEqual([rec("2009-04-15", "Prevention", "3.1.1", "amber"), rec("2009-05-13", "Provision", "5.1.1", "red"), rec("2009-05-13", "Prevention", "3.1.1", "green")]);
  });

  test("refreshing twice at one date adds nothing", () => {
    const fresh = [rec("2009-10-16", "Prevention", "3.1.1", "red")];
    const once = mergeHistory(old, fresh);
    expect(mergeHistory(once, fresh)).toEqual(once);
    expect(once).toHaveLength(old.length + 1);
  });

  test("sorted by date, the order kept within a date; one record per date, sheet and action (the last wins)", () => {
    const merged = mergeHistory([rec("2009-10-16", "B", "1", "red"), rec("2009-04-15", "B", "1", "green")], [rec("2009-05-13", "A", "2", "amber"), rec("2009-05-13", "A", "1", "amber"), rec("2009-05-13", "A", "1", "blue")]);
    expect(merged).toEqual([rec("2009-04-15", "B", "1", "green"), rec("2009-05-13", "A", "2", "amber"), rec("2009-05-13", "A", "1", "blue"), rec("2009-10-16", "B", "1", "red")]);
  });

  test("no old records: the fresh ones; no fresh ones: the old, sorted", () => {
    expect(mergeHistory([], [rec("2009-05-13", "A", "1", "red")])).toEqual([rec("2009-05-13", "A", "1", "red")]);
    expect(mergeHistory([rec("2009-05-13", "A", "1", "red"), rec("2009-04-15", "A", "1", "green")], [])).toEqual([rec("2009-04-15", "A", "1", "green"), rec("2009-05-13", "A", "1", "red")]);
  });
});

describe("previousStatus", () => {
  const index = indexHistory([
    rec("2009-01-10", "Prevention", "3.1.1", "green"),
    rec("2009-04-15", "Prevention", "3.1.1", "amber"),
    rec("2009-05-13", "Prevention", "3.1.1", "red"),
    rec("2009-03-01", "Provision", "3.1.1", "blue"),
  ]);

  test("the latest record strictly before the as-of date, of the same sheet and action", () => {
    expect(previousStatus(index, "Prevention", "3.1.1", "2009-05-13")).toEqual(rec("2009-04-15", "Prevention", "3.1.1", "amber"));
    expect(previousStatus(index, "Prevention", "3.1.1", "2009-05-14")).toEqual(rec("2009-05-13", "Prevention", "3.1.1", "red"));
    expect(previousStatus(index, "Provision", "3.1.1", "2009-05-14")).toEqual(rec("2009-03-01", "Provision", "3.1.1", "blue"));
  });

  test("null before the first record, and for an action or sheet never recorded", () => {
    expect(previousStatus(index, "Prevention", "3.1.1", "2009-01-10")).toBeNull();
    expect(previousStatus(index, "Prevention", "3.1.2", "2010-01-01")).toBeNull();
    expect(previousStatus(index, "Other", "3.1.1", "2010-01-01")).toBeNull();
  });

  test("the index keeps each action's records in order, by sheet and ref", () => {
    expect(index.size).toBe(2);
    expect(index.get("Prevention\u00003.1.1")?.map((r) => r.asOf)).toEqual(["2009-01-10", "2009-04-15", "2009-05-13"]);
  });
});

describe("historySheet", () => {
  const records = [rec("2009-05-13", "Prevention", "3.1.1", "amber", "Dec 08"), rec("2009-05-13", "Prevention", "row 40", "not-reported")];
  const sheet = historySheet("RAG History (2)", records);

  test("very hidden, headed, the marker in Z1, one row per record with the status word", () => {
    expect(sheet).toMatchObject({ purpose: "history", name: "RAG History (2)", visibility: "veryHidden", freezeRows: 1, columnWidths: [12, 28, 10, 14, 30], merges: [], ragAreas: [], printTitleRows: null, landscape: false });
    expect(sheet.rows[0].slice(0, 5)).toEqual(["As of", "Sheet", "Ref", "Status", "Timescale"].map((value) => ({ value, style: "column-header" })));
    expect(sheet.rows[0][OWNED_MARKER_COL]).toEqual({ value: ownedMarker("history"), style: "marker" });
    expect(sheet.rows.slice(1).map((r) => r.map((c) => c?.value))).toEqual([
      ["2009-05-13", "Prevention", "3.1.1", "Amber", "Dec 08"],
      ["2009-05-13", "Prevention", "row 40", "Not reported", ""],
    ]);
  });

  test("read back, the sheet gives the same records (a timescale where one was kept)", () => {
    const g = grid(sheet.name, sheet.rows.map((r) => r.map((c) => (c ? String(c.value) : undefined))));
    expect(readHistory(g)).toEqual(records);
  });
});
