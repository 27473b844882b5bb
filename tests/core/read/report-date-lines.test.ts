/**
 * Report-date lines the reader had not met (SPEC section 4): a short label before the report words,
 * lines of parts ("|", line breaks in a cell), a title row of two cells, and stamps below or inside
 * a table ("Last updated: 03/10/11"), told from the progress comments officers write there.
 */
import { checkWorkbook } from "../../../src/core/commands";
import type { Cell } from "../../../src/core/grid";
import { DEFAULT_SETTINGS } from "../../../src/core/model";
import { isDateStamp, readPlanSheet, reportDateOf, reportLineOf } from "../../../src/core/read";
import { grid, HEADER, italic } from "../../helpers/grid";

const ACTION = ["1.1", "Agree the protocol", "Dec 2011", "Chair"];

describe("a short label before the report words", () => {
  test.each([
    ["Performance as at 30 September 2024", "2024-09-30"],
    ["RAG status as at 30/09/2024", "2024-09-30"],
    ["RAG as at 30/09/2024", "2024-09-30"],
    ["Tracker updated: 28th February 2024", "2024-02-28"],
    ["Plan updated: 28 February 2024", "2024-02-28"],
    ["Action plan updated 30/09/2024", "2024-09-30"],
    ["Last update: 30/09/2024", "2024-09-30"],
    ["Termly progress review: 17th January 2025", "2025-01-17"],
    ["Children's plan status as at 31/12/10", "2010-12-31"],
    ["Delivery plan position at 31 March 2012", "2012-03-31"],
    ["Plan last reviewed: 31/03/2012", "2012-03-31"],
    ["PERFORMANCE AS AT 30 SEPT 2024", "2024-09-30"],
    ["Performance as at September 2024", "2024-09-30"],
    ["Partnership tracker updated Q2 2024/25", "2024-09-30"],
  ])("%j is %s", (text, date) => expect(reportDateOf(text)).toBe(date));

  test.each([
    // A date in a sentence about something else, or one to come.
    ["agreed by the Board on 14 June 2010"],
    ["This plan was agreed by the Board on 14 June 2011"],
    ["Next review: 31/03/2011"],
    ["Plan next reviewed: 31/03/2011"],
    ["Date of next meeting 12 May 2011"],
    ["Date of next meeting: 12/05/2011"],
    ["Tracker due to be updated 30/09/2024"],
    // Events: a label names what the report is of, not what happened on the date.
    ["Launch event date: 14 June 2010"],
    ["Consultation period ending 30 June 2011"],
    ["Peer review 14 June 2010"],
    ["Annual report published 30 June 2011"],
    ["Strategy launched at the conference on 12 May 2011"],
    ["Survey return date: 30/06/2011"],
    // More than three words, or digits, before the report words; or a line too long for a title line.
    ["Community safety partnership plan updated 30/09/2024"],
    ["Plan 2011-14 updated 30/09/2024"],
    ["Version 4 status as at 30/09/2024"],
    ["Performance as at 30 September 2024 (figures provisional pending audit)"],
    // A label with no date after its report words.
    ["Performance as at the end of the quarter"],
    ["RAG status as at 30/09/2024 and 31/12/2024"],
  ])("%j is none", (text) => expect(reportDateOf(text)).toBeNull());

  test("inside a table a line is read as it stands: \"Board report 12/10/2010\" may be a progress comment", () => {
    expect(reportLineOf("Board report 12/10/2010")?.date).toBe("2010-10-12");
    expect(reportLineOf("Board report 12/10/2010", true)).toBeNull();
    expect(reportLineOf("Performance as at 30 September 2024", true)).toBeNull();
    expect(reportLineOf("Position as at 30/09/11", true)?.date).toBe("2011-09-30");
    expect(reportLineOf("Last update: 30/09/2024", true)?.date).toBe("2024-09-30");
  });
});

describe("a line of parts: the one part that is a report-date line", () => {
  test.each([
    ["CYPP Delivery Plan | Version 4 | Last updated: 03/10/11 | Page 1 of 2", "2011-10-03", "CYPP Delivery Plan"],
    ["Plan 2011-14\nLast updated: 03/10/11", "2011-10-03", "Plan 2011-14"],
    ["Plan 2011-14\r\nPosition as at 30/09/11", "2011-09-30", "Plan 2011-14"],
    ["Children and Young People's Plan 2011-14\n\n  Delivery plan  \nPerformance as at 30 September 2011", "2011-09-30", "Children and Young People's Plan 2011-14"],
    ["Next review: 31/03/2011 | Last updated: 03/10/11", "2011-10-03", "Next review: 31/03/2011"],
    ["Status | as at 30/09/11", "2011-09-30", ""],
    ["Position as at 30/09/11 | Plan 2011-14", "2011-09-30", "Plan 2011-14"],
  ])("%j is %s beside %j", (text, date, besides) => expect(reportLineOf(text)).toEqual({ date, besides }));

  test.each([
    // Two dated parts, or none: no date to choose.
    ["Position at 30 June 2011 | Last updated: 03/10/11"],
    ["CYPP Delivery Plan | Version 4 | Page 1 of 2"],
    ["Plan 2011-14\nAgreed by the Board on 14 June 2011"],
    ["Plan 2011-14 | Next review: 31/03/2012"],
  ])("%j is none", (text) => expect(reportDateOf(text)).toBeNull());

  test("inside a table only \"|\" sets parts apart: a cell of several lines is a comment of several entries", () => {
    expect(reportLineOf("CYPP Delivery Plan | Last updated: 03/10/11 | Page 1 of 2", true)?.date).toBe("2011-10-03");
    expect(reportLineOf("Partners signed.\nLast updated 12/10/2010")?.date).toBe("2010-10-12");
    expect(reportLineOf("Partners signed.\nLast updated 12/10/2010", true)).toBeNull();
    expect(reportLineOf("Position at June: on track\nUpdated 12/10/2010", true)).toBeNull();
  });
});

describe("stamps: \"Updated\" or \"Last updated\" and a date with nothing after it", () => {
  test.each([
    ["Last updated: 03/10/11"],
    ["Updated: 7th October 2011"],
    ["Last updated 3 October 2011"],
    ["Last update - 3 October 2011"],
    ["Updated on 7 Oct 2011."],
    ["UPDATED 07/10/2011"],
    ["CYPP Delivery Plan | Last updated: 03/10/11 | Page 1 of 2"],
  ])("%j is a stamp", (text) => expect(isDateStamp(text)).toBe(true));

  test.each([
    ["Updated 1 May 2009 - partners signed"],
    ["Update: partners signed up in August"],
    ["12/10/2010 - second course run"],
    ["Update 12/10/2010:"],
    ["Updated 12/10/2010 -"],
    ["Updated 12/10/2010 (second course run)"],
    ["Updated by J Smith 12/10/2010"],
    ["Updated 12/10/2010 second course run"],
    ["Updated the protocol on 12/10/2010"],
    ["Position at 30 June 2011"],
    ["Partners signed.\nLast updated 12/10/2010"],
    [""],
  ])("%j is none", (text) => expect(isDateStamp(text)).toBe(false));
});

describe("always an answer, quickly", () => {
  test.each([
    [""],
    ["|"],
    ["|".repeat(200)],
    ["\n".repeat(200)],
    ["Updated ".repeat(30)],
    [`Performance as at ${"1 ".repeat(5000)}`],
    [`Last updated: ${"03/10/11 | ".repeat(30)}`],
    ["as at".repeat(100_000)],
  ])("%#", (text) => {
    const start = Date.now();
    expect(() => reportDateOf(text)).not.toThrow();
    expect(() => reportLineOf(text, true)).not.toThrow();
    expect(() => isDateStamp(text)).not.toThrow();
    expect(Date.now() - start).toBeLessThan(500);
  });

  test("anything that is not a string is no report date", () => {
    for (const v of [null, undefined, 40602, {}, ["Last updated: 03/10/11"]]) {
      expect(reportDateOf(v as unknown as string)).toBeNull();
      expect(isDateStamp(v as unknown as string)).toBe(false);
    }
  });
});

describe("the reader", () => {
  test("a label line above the table is the report date, and the sheet is assessed at it, not today", () => {
    const g = grid("Plan", [["Performance as at 30 September 2024"], HEADER, ["1.1", "Agree the protocol", "Dec 2024", "Chair", "", "", "On track"]]);
    const sheet = readPlanSheet(g);
    expect([sheet.reportDate, sheet.reportDateCell]).toEqual(["2024-09-30", "A1"]);
    const check = checkWorkbook([g], { asOf: null, today: "2025-06-01", settings: DEFAULT_SETTINGS }).sheets[0];
    expect(check.asOf).toBe("2024-09-30");
    expect(check.actions.map((a) => a.rag)).not.toContain("red");
  });

  test("a cell of several lines: the line that dates the report, the first other line the title", () => {
    const sheet = readPlanSheet(grid("Plan", [["Plan 2011-14\nLast updated: 03/10/11"], HEADER, ACTION]));
    expect([sheet.reportDate, sheet.reportDateCell, sheet.title]).toEqual(["2011-10-03", "A1", "Plan 2011-14"]);
  });

  test("a line of parts set apart by \"|\"", () => {
    const sheet = readPlanSheet(grid("Plan", [["CYPP Delivery Plan | Version 4 | Last updated: 03/10/11 | Page 1 of 2"], HEADER, ACTION]));
    expect([sheet.reportDate, sheet.title]).toEqual(["2011-10-03", "CYPP Delivery Plan"]);
  });

  test("a title row of two cells, one of them the report-date line (either way round)", () => {
    const right = readPlanSheet(grid("Plan", [["Plan 2011-14", "", "", "Position as at 30/09/11"], HEADER, ACTION]));
    expect([right.reportDate, right.reportDateCell, right.title]).toEqual(["2011-09-30", "D1", "Plan 2011-14"]);
    const left = readPlanSheet(grid("Plan", [["Position as at 30/09/11", "Plan 2011-14"], HEADER, ACTION]));
    expect([left.reportDate, left.reportDateCell]).toEqual(["2011-09-30", "A1"]);
    // Read joined first: a label in one cell, the date in the next.
    const joined = readPlanSheet(grid("Plan", [["Position as at", "30/09/11"], HEADER, ACTION]));
    expect([joined.reportDate, joined.reportDateCell]).toEqual(["2011-09-30", "A1"]);
    // Two report-date cells: no date to choose; a date to come beside the title: none.
    expect(readPlanSheet(grid("Plan", [["Position at 30 June 2011", "Last updated: 03/10/11"], HEADER, ACTION])).reportDate).toBeNull();
    expect(readPlanSheet(grid("Plan", [["Plan 2011-14", "Next review: 31/03/2012"], HEADER, ACTION])).reportDate).toBeNull();
  });

  test.each([["Last updated: 03/10/11"], ["Updated: 7th October 2011"], ["Last updated 3 October 2011"]])("%j below the table dates the report, and is no comment", (line) => {
    const sheet = readPlanSheet(grid("Plan", [HEADER, ACTION, [line]]));
    expect(sheet.reportDate).toBe(line.includes("7th") ? "2011-10-07" : "2011-10-03");
    expect(sheet.reportDateCell).toBe("A3");
    expect(sheet.actions[0].comments).toEqual([]);
  });

  test("inside a table, after a page break, with the action table going on below it", () => {
    const sheet = readPlanSheet(grid("Plan", [HEADER, ACTION, ["", "Updated: 7th October 2011"], ["1.2", "Train the staff", "Mar 2012", "Trainer"]]));
    expect(sheet.reportDate).toBe("2011-10-07");
    expect(sheet.actions.map((a) => [a.ref, a.action.text, a.comments.length])).toEqual([
      ["1.1", "Agree the protocol", 0],
      ["1.2", "Train the staff", 0],
    ]);
  });

  test("progress comments under an action stay comments", () => {
    const sheet = readPlanSheet(
      grid("Plan", [
        ["Position at 30 June 2011"],
        HEADER,
        ACTION,
        ["Updated 1 May 2009 - partners signed"],
        ["Update: partners signed up in August"],
        ["12/10/2010 - second course run"],
        ["Board report 12/10/2010"],
        [italic("Updated 14/07/2011")],
        ["Update 14/07/2011:"],
        ["Partners signed.\nLast updated 14/07/2011"],
      ]),
    );
    expect(sheet.reportDate).toBe("2011-06-30");
    expect(sheet.actions[0].comments.map((c) => c.text)).toEqual([
      "Updated 1 May 2009 - partners signed",
      "Update: partners signed up in August",
      "12/10/2010 - second course run",
      "Board report 12/10/2010",
      "Updated 14/07/2011",
      "Update 14/07/2011:",
      "Partners signed. Last updated 14/07/2011",
    ]);
  });

  test("\"Last updated\" under the table is a stamp even in italics, as no progress comment opens so", () => {
    const sheet = readPlanSheet(grid("Plan", [["Position at 30 June 2011"], HEADER, ACTION, [italic("Last updated: 03/10/11")]]));
    expect(sheet.reportDate).toBe("2011-10-03");
    expect(sheet.actions[0].comments).toEqual([]);
  });

  test("a stamp in the comments column is a comment of its action", () => {
    const sheet = readPlanSheet(
      grid("Plan", [
        ["Ref", "Action", "Time-scale", "Lead", "Comments"],
        ["1.1", "Agree the protocol", "Dec 2011", "Chair", "Drafted"],
        ["", "", "", "", "Updated 14/07/2011"],
      ]),
    );
    expect(sheet.reportDate).toBeNull();
    expect(sheet.actions[0].comments.map((c) => c.text)).toEqual(["Drafted", "Updated 14/07/2011"]);
  });

  test("\"Position at\" above the table and \"Last updated\" below it: the latest wins, either way round", () => {
    const below = readPlanSheet(grid("Plan", [["Position at 30 June 2011"], HEADER, ACTION, ["Last updated: 03/10/11"]]));
    expect([below.reportDate, below.reportDateCell]).toEqual(["2011-10-03", "A4"]);
    const above = readPlanSheet(grid("Plan", [["Last updated: 03/10/11"], HEADER, ACTION, ["Position at 30 June 2011"]]));
    expect([above.reportDate, above.reportDateCell]).toEqual(["2011-10-03", "A1"]);
  });

  test("a date cell beside a stamp's words", () => {
    const date: Cell = { kind: "date", text: "03/10/2011", date: "2011-10-03", number: 40819 };
    expect(readPlanSheet(grid("Plan", [HEADER, ACTION, ["Last updated:", date]])).reportDate).toBe("2011-10-03");
  });
});
