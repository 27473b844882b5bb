import { checkJson } from "../../../src/core/views";
import { smallCheck } from "./fixture";

describe("checkJson", () => {
  const check = smallCheck();
  const json = checkJson(check);

  test("the sheets with their dates, each action with its 1-based row, and the issues without their hints", () => {
    expect(json).toEqual({
      asOf: null,
      sheets: [
        {
          name: "Prevention",
          reportDate: "2009-05-13",
          asOf: "2009-05-13",
          actions: [
            { ref: "3.1.1", row: 5, action: "Develop strategy", timescale: "1 st July 2009", deadline: "2009-07-01", deadlineKind: "date", lead: "PCT", progress: "slow", rag: "amber", reason: "Progress slow (officer's Amber before the ref); deadline 1 Jul 2009" },
            { ref: "3.1.2", row: 7, action: "Run a campaign", timescale: "", deadline: "2009-07-06", deadlineKind: "date", lead: "Comms", progress: "complete", rag: "green", reason: "Complete; deadline 6 Jul 2009" },
          ],
          issues: [],
        },
        {
          name: "Provision",
          reportDate: null,
          asOf: "2026-11-24",
          actions: [{ ref: null, row: 3, action: "Train staff", timescale: "Mar 09", deadline: "2009-03-31", deadlineKind: "month", lead: "Bob", progress: "on-track", rag: "red", reason: "Deadline 31 Mar 2009 passed; not complete" }],
          issues: [
            { code: "progress-missing", severity: "info", cell: "H2", message: "The Progress column is empty: statuses come from the officers' status words, statuses written in the actions' rows, and the deadlines." },
          ],
        },
      ],
    });
  });

  test("exactly the fields of the JSON, nothing more (no hint, no fix)", () => {
    const withFix = smallCheck();
    withFix.sheets[0].issues.push({ code: "columns-absent", severity: "info", sheet: "Prevention", cell: "H4", message: "m", hint: "h", fix: "add-progress-rag-columns" });
    expect(checkJson(withFix).sheets[0].issues).toEqual([{ code: "columns-absent", severity: "info", cell: "H4", message: "m" }]);
  });

  test("a chosen as-of date is the top-level asOf, and survives JSON", () => {
    const chosen = checkJson({ ...check, asOf: "2009-06-15" });
    expect(chosen.asOf).toBe("2009-06-15");
    expect(JSON.parse(JSON.stringify(chosen))).toEqual(chosen);
  });
});
