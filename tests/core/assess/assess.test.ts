import { asOfFor, assessAction, assessSheet, deadlineOf, officerWordOf, progressOf } from "../../../src/core/assess";
import { DEFAULT_SETTINGS } from "../../../src/core/model";
import { readPlanSheet } from "../../../src/core/read";
import { grid, HEADER } from "../../helpers/grid";
import { action, comment, planSheet, SEED_COLUMNS, table } from "../../helpers/plan";

const T = table(0);
const WITH_PROGRESS = table(0, { ...SEED_COLUMNS, progress: 7 });
const at = (spec: Parameters<typeof action>[3], t = T) => action("Plan", t, 1, spec);

describe("deadlineOf", () => {
  test("a real date in the Time-scale cell is the deadline as it is, whatever the text shows", () => {
    expect(deadlineOf(at({ timescale: "6 July", date: "2009-07-06" }))).toEqual({ deadline: "2009-07-06", kind: "date" });
  });

  test("else the text is read", () => {
    expect(deadlineOf(at({ timescale: "March 2010" }))).toEqual({ deadline: "2010-03-31", kind: "month" });
    expect(deadlineOf(at({ timescale: "31/03/2010" }))).toEqual({ deadline: "2010-03-31", kind: "date" });
    expect(deadlineOf(at({ timescale: "ongoing" }))).toEqual({ deadline: null, kind: "ongoing" });
    expect(deadlineOf(at({ timescale: "" }))).toEqual({ deadline: null, kind: "missing" });
  });
});

describe("officerWordOf", () => {
  test("the word before the ref comes first", () => {
    expect(officerWordOf(at({ ref: "Amber 3.1.1", comments: [comment(2, 0, "all fine Green", "green")] }))).toBe("amber");
  });

  test("else the latest comment that carries a word (later comments without one are passed over)", () => {
    const comments = [comment(2, 0, "slow Red", "red"), comment(3, 0, "now Green", "green"), comment(4, 0, "meeting held")];
    expect(officerWordOf(at({ ref: "3.1.1", comments }))).toBe("green");
  });

  test("none when nothing carries a word", () => {
    expect(officerWordOf(at({ ref: "3.1.1", comments: [comment(2, 0, "meeting held")] }))).toBeNull();
    expect(officerWordOf(at({ ref: "3.1.1" }))).toBeNull();
  });
});

describe("progressOf: the Progress column, else the officer's word, else none", () => {
  test("a Progress cell the product reads wins over the officer's word", () => {
    expect(progressOf(at({ ref: "Red 1.1.1", progress: "On track" }, WITH_PROGRESS))).toEqual({ progress: "on-track", source: "progress-column" });
  });

  test("an empty or unknown Progress cell gives way to the word before the ref (Red stalled, Amber slow, Green on track)", () => {
    expect(progressOf(at({ ref: "Red 1.1.1", progress: "" }, WITH_PROGRESS))).toEqual({ progress: "stalled", source: "ref-status-word" });
    expect(progressOf(at({ ref: "Amber 1.1.1", progress: "Waiting for the board" }, WITH_PROGRESS))).toEqual({ progress: "slow", source: "ref-status-word" });
    expect(progressOf(at({ ref: "Green 1.1.1" }))).toEqual({ progress: "on-track", source: "ref-status-word" });
  });

  test("then to the latest comment's word", () => {
    expect(progressOf(at({ ref: "1.1.1", comments: [comment(2, 0, "first draft Amber", "amber")] }))).toEqual({ progress: "slow", source: "comment-status-word" });
  });

  test("not reported when nothing says", () => {
    expect(progressOf(at({ ref: "1.1.1", progress: "" }, WITH_PROGRESS))).toEqual({ progress: "not-reported", source: "none" });
  });
});

describe("assessAction", () => {
  const asOf = "2009-05-13";

  test("the status and its reason, saying where the progress was read", () => {
    const a = assessAction(at({ ref: "Amber 3.1.1", timescale: "July 2009" }), asOf, DEFAULT_SETTINGS);
    expect(a).toMatchObject({
      deadline: { deadline: "2009-07-31", kind: "month" },
      progress: "slow",
      progressSource: "ref-status-word",
      rag: "amber",
      reason: "Progress slow (officer's Amber before the ref); deadline 31 Jul 2009",
      officerWord: "amber",
      disagrees: false,
    });
    const fromComment = assessAction(at({ ref: "3.1.1", timescale: "July 2009", comments: [comment(2, 0, "on plan Green", "green")] }), asOf, DEFAULT_SETTINGS);
    expect(fromComment.reason).toBe("On track (officer's Green in the progress comment); deadline 31 Jul 2009");
    const fromColumn = assessAction(at({ ref: "3.1.1", timescale: "July 2009", progress: "Slow" }, WITH_PROGRESS), asOf, DEFAULT_SETTINGS);
    expect(fromColumn.reason).toBe("Progress slow; deadline 31 Jul 2009");
  });

  test("disagrees when the officer's word names another colour than the status", () => {
    // the officer says Green but the deadline has passed
    const late = assessAction(at({ ref: "Green 3.1.1", timescale: "March 2009" }), asOf, DEFAULT_SETTINGS);
    expect([late.rag, late.officerWord, late.disagrees]).toEqual(["red", "green", true]);
    // the Progress column says stalled, far from the deadline: Amber, while the comment says Red
    const word = assessAction(at({ ref: "3.1.1", timescale: "2011", progress: "Stalled", comments: [comment(2, 0, "RED", "red")] }, WITH_PROGRESS), asOf, DEFAULT_SETTINGS);
    expect([word.rag, word.officerWord, word.disagrees]).toEqual(["amber", "red", true]);
  });

  test("Blue counts as Green, and no word never disagrees", () => {
    const done = at({ ref: "Green 3.1.1", timescale: "2011", progress: "Complete" }, WITH_PROGRESS);
    expect(assessAction(done, asOf, { ...DEFAULT_SETTINGS, brag: true })).toMatchObject({ rag: "blue", disagrees: false });
    expect(assessAction(done, asOf, DEFAULT_SETTINGS)).toMatchObject({ rag: "green", disagrees: false });
    expect(assessAction(at({ ref: "3.1.1", timescale: "March 2009" }), asOf, DEFAULT_SETTINGS)).toMatchObject({ rag: "red", officerWord: null, disagrees: false });
  });

  test("the amber window is the setting's", () => {
    const soon = at({ ref: "3.1.1", timescale: "30/06/2009" }); // 48 days after the as-of date
    expect(assessAction(soon, asOf, DEFAULT_SETTINGS).rag).toBe("not-reported");
    expect(assessAction(soon, asOf, { ...DEFAULT_SETTINGS, amberWindowDays: 60 }).rag).toBe("amber");
  });
});

describe("the as-of date of a sheet", () => {
  const dated = planSheet("Plan", { reportDate: "2009-05-13" });
  const undated = planSheet("Plan");

  test("the chosen date, else the report-date line, else today", () => {
    expect(asOfFor(dated, { asOf: "2009-06-15", today: "2026-11-24" })).toBe("2009-06-15");
    expect(asOfFor(dated, { asOf: null, today: "2026-11-24" })).toBe("2009-05-13");
    expect(asOfFor(undated, { asOf: null, today: "2026-11-24" })).toBe("2026-11-24");
  });
});

describe("assessSheet", () => {
  test("every action assessed at the sheet's as-of date, and the sheet's issues", () => {
    const g = grid("Plan", [["Progress report 13 May 2009"], HEADER, ["3.1.1", "Act", "April 2009", "Ann"], ["3.1.2", "Act", "", "Bob"]]);
    const t = table(1);
    const sheet = planSheet("Plan", {
      reportDate: "2009-05-13",
      tables: [t],
      actions: [action("Plan", t, 2, { ref: "3.1.1", timescale: "April 2009" }), action("Plan", t, 3, { ref: "3.1.2", lead: "Bob" })],
    });
    const s = assessSheet(sheet, g, { asOf: null, today: "2026-11-24", settings: DEFAULT_SETTINGS });
    expect(s.sheet).toBe(sheet);
    expect(s.asOf).toBe("2009-05-13");
    expect(s.actions.map((a) => [a.action.ref, a.rag, a.reason])).toEqual([
      ["3.1.1", "red", "Deadline 30 Apr 2009 passed; not complete"],
      ["3.1.2", "not-reported", "No progress reported; no timescale"],
    ]);
    expect(s.issues.every((i) => i.sheet === "Plan")).toBe(true);
    // issues of one kind shown together, at the first cell, naming every cell
    expect(s.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(["H2 columns-absent", "A3 comment-missing", "C4 timescale-missing"]);
    expect(s.issues.find((i) => i.code === "comment-missing")?.cells).toEqual(["A3", "A4"]);
  });
});

describe("a status written in the action's row", () => {
  const OPTIONS = { asOf: "2010-06-01", today: "2026-11-24", settings: DEFAULT_SETTINGS };
  const assessed = (rows: string[][]) => {
    const g = grid("Plan", [[...HEADER, "Progress"], ...rows]);
    return assessSheet(readPlanSheet(g), g, OPTIONS).actions.map((a) => [a.action.ref, a.progress, a.progressSource]);
  };

  test("counts while the Progress column is empty, as after Refresh RAG adds it", () => {
    expect(assessed([["1.1.1", "Act", "2011", "Ann", "Done", "", "", ""], ["1.1.2", "Act", "2011", "Bob", "", "", "", ""]])).toEqual([
      ["1.1.1", "complete", "status-cell"],
      ["1.1.2", "not-reported", "none"],
    ]);
  });

  test("does not count once the plan keeps its progress in the Progress column", () => {
    expect(assessed([["1.1.1", "Act", "2011", "Ann", "Done", "", "", ""], ["1.1.2", "Act", "2011", "Bob", "", "", "", "On track"]])).toEqual([
      ["1.1.1", "not-reported", "none"],
      ["1.1.2", "on-track", "progress-column"],
    ]);
  });
});

describe("a closed action's reason", () => {
  const closed = (progress: string) => assessAction(at({ ref: "1.1.1", progress }, WITH_PROGRESS), "2010-06-01", DEFAULT_SETTINGS);

  test("quotes the officer's words as written, only their first letter lowered to continue the sentence", () => {
    const a = closed("Withdrawn – merged into HW7");
    expect(a.rag).toBe("closed");
    expect(a.reason).toBe("Closed: withdrawn – merged into HW7; not counted in the percentages");
  });

  test("words in capitals are lowered whole", () => {
    expect(closed("SUPERSEDED").reason).toBe("Closed: superseded; not counted in the percentages");
  });
});
