/** Progress read as phrases (README.md, "How statuses are worked out"), report-date lines, and refs of any style. */
import { isClosure, lastStatusWord, parseRef, readProgressText, readStatusOnly, reportDateOf } from "../../../src/core/read";

describe("progress phrases: negation, qualifiers, least favourable wins", () => {
  test.each([
    ["Not complete", "on-track"],
    ["Incomplete", "on-track"],
    ["Partially complete", "on-track"],
    ["Partly achieved", "on-track"],
    ["Not on track", "slow"],
    ["Off target", "slow"],
    ["On schedule", "on-track"],
    ["Ahead of schedule", "on-track"],
    ["Progressing", "on-track"],
    ["Underway", "on-track"],
    ["On going", "on-track"],
    ["Behind schedule", "slow"],
    ["Slipped", "slow"],
    ["Yet to start", "stalled"],
    ["Not yet started", "stalled"],
    ["Progressing - slightly behind target", "slow"],
    ["Delivered", "complete"],
    ["Finished", "complete"],
    ["DONE", "complete"],
    ["Was delayed, now on track", "on-track"],
    ["No delays", "on-track"],
    ["Open", "on-track"],
    ["Not yet due", "on-track"],
    ["100%", "complete"],
    ["50% complete", "on-track"],
    ["0%", "stalled"],
  ])("%j is %s", (text, progress) => expect(readProgressText(text)).toBe(progress));
});

describe("lateness right after a completion says how it was completed: complete", () => {
  test.each([
    ["Completed late", "complete"],
    ["Complete (late)", "complete"],
    ["Delivered late", "complete"],
    ["Completed behind schedule", "complete"],
    ["Done - 2 weeks late", "complete"],
    ["Achieved after the deadline", "complete"],
    ["Completed, but three months late", "complete"],
    ["Finished slightly late", "complete"],
    ["Completed late March 2011", "complete"],
    ["Late - not yet complete", "slow"],
    ["Overdue, not completed", "slow"],
    ["Behind schedule", "slow"],
    ["Late", "slow"],
    ["not complete", "on-track"],
    ["Not yet complete - late", "slow"],
    ["Partially complete, delayed", "slow"],
    ["Completed phase 1 but phase 2 delayed", "slow"],
    ["Completed late; phase 2 behind schedule", "slow"],
    ["Completed late but phase 2 on hold", "stalled"],
  ])("%j is %s", (text, progress) => expect(readProgressText(text)).toBe(progress));
});

describe("a closing word beside a completion is a completion", () => {
  test.each([
    ["Closed - complete", "complete"],
    ["Closed (completed)", "complete"],
    ["Closed: delivered", "complete"],
    ["Complete - closed", "complete"],
    ["Closed as complete", "complete"],
    ["Closed - action completed", "complete"],
    ["Closed - completed late", "complete"],
    ["Closed", "closed"],
    ["Withdrawn", "closed"],
    ["Superseded by 4.2.1", "closed"],
    ["Cancelled - no funding", "closed"],
    ["Closed - not complete", "closed"],
    ["Withdrawn - replaced by 4.2 which is complete", "closed"],
    ["On hold - funding withdrawn", "stalled"],
  ])("%j is %s", (text, progress) => expect(readProgressText(text)).toBe(progress));
});

describe("emoji and marks before or after a status do not hide it", () => {
  test.each([
    ["❌ Cancelled", "closed"],
    ["🚫 Withdrawn", "closed"],
    ["✖ Withdrawn", "closed"],
    ["Cancelled ❌", "closed"],
    ["- Withdrawn", "closed"],
    ["✅ Done", "complete"],
    ["Done ✅", "complete"],
    ["✔ Complete", "complete"],
    ["🟠 Delayed", "slow"],
    ["🔴 Off track", "slow"],
    ["✅ Closed - complete", "complete"],
    ["❌", null],
  ])("%j is %s, in a Progress column and as a status-only cell", (text, progress) => {
    expect(readProgressText(text)).toBe(progress);
    expect(readStatusOnly(text)).toBe(progress);
  });

  test("a closing word after a mark still closes only the action itself", () => {
    expect(isClosure("❌ Cancelled")).toBe(true);
    expect(isClosure("🟠 On hold - funding withdrawn")).toBe(false);
  });
});

describe("traffic-light words and letters alone are the officer's colour", () => {
  test.each([
    ["G", "on-track"],
    ["A", "slow"],
    ["R", "stalled"],
    ["RAG: Amber", "slow"],
    ["green", "on-track"],
    ["Amber/Green", "slow"],
    ["Blue", "complete"],
  ])("%j is %s", (text, progress) => expect(readProgressText(text)).toBe(progress));
});

describe("closed: the action itself withdrawn, cancelled, superseded, merged", () => {
  test.each([
    ["Withdrawn", "closed"],
    ["Cancelled", "closed"],
    ["Superseded by 4.2.1", "closed"],
    ["Deleted", "closed"],
    ["No longer required", "closed"],
    ["Merged into 3.2.1", "closed"],
    ["Merged with 4.1.2", "closed"],
    ["Action withdrawn by the board", "closed"],
    ["Closed", "closed"],
    ["On hold - funding withdrawn", "stalled"],
    ["Delayed: partner cancelled the venue", "slow"],
  ])("%j is %s", (text, progress) => expect(readProgressText(text)).toBe(progress));

  test("a closing word about something else is no closure", () => {
    expect(isClosure("On hold - funding withdrawn")).toBe(false);
    expect(isClosure("Withdrawn")).toBe(true);
  });
});

describe("status words the text puts in the past do not count", () => {
  test.each([
    ["was Red in June; now Amber", "amber"],
    ["previously Green", null],
    ["Changed from Green to Red", "red"],
    ["Green", "green"],
    ["Meeting held in Redland", null],
  ])("%j", (text, word) => expect(lastStatusWord(text)).toBe(word));
});

describe("a cell whose whole text is a status", () => {
  test.each([
    ["DONE", "complete"],
    ["Complete", "complete"],
    ["In progress", "on-track"],
    ["On going", "on-track"],
    ["Withdrawn", "closed"],
    ["Completed 31/03/2010", "complete"],
    ["Completed late", "complete"],
    ["Done - 2 weeks late", "complete"],
    ["Closed - complete", "complete"],
    ["Complete - closed", "complete"],
    ["Late - not yet complete", "slow"],
    ["Officer time", null],
    ["Training strategy agreed and in progress with partners", null],
    ["As above", null],
  ])("%j is %s", (text, progress) => expect(readStatusOnly(text)).toBe(progress));
});

describe("report-date lines in the usual wordings; a date in a sentence about something else is none", () => {
  test.each([
    ["Progress report Updated 13th May 2009", "2009-05-13"],
    ["Progress report updated 16th OCT 2009", "2009-10-16"],
    ["Position at 30 September 2010", "2010-09-30"],
    ["Position as at 31/12/10", "2010-12-31"],
    ["Status as at 1 March 2011", "2011-03-01"],
    ["Data as of 2 Feb 2011", "2011-02-02"],
    ["Update: Oct 2010", "2010-10-31"],
    ["Quarter 2 monitoring 2010/11", "2010-09-30"],
    ["Q3 update 2010/11", "2010-12-31"],
    ["Last updated: 04/01/2011", "2011-01-04"],
    ["Reporting period: April - June 2010", "2010-06-30"],
    ["Date: 31/03/2011", "2011-03-31"],
    ["Progress Report – October 2010", "2010-10-31"],
    ["Period ending 31 December 2010", "2010-12-31"],
    ["Progress report Updated 13th May 2009 - Prevention", "2009-05-13"],
    ["Corporate Plan 2011-15 – Position at 30 Sep 2011", "2011-09-30"],
    ["Q2 update 2011/12 - Delivery tracker", "2011-09-30"],
    ["Progress report 2010/11 - Prevention", null],
    ["Next review: 30/06/2011", null],
    ["Review date due 30/06/2011", null],
    ["agreed by the Board on 14 June 2010", null],
    ["Progress report – ‘traffic lights’ system:", null],
    ["Action plan 2008-11 - Prevention", null],
    ["Progress report 2010/11", null],
  ])("%j", (text, date) => expect(reportDateOf(text)).toBe(date));
});

describe("refs of any style, a status word before", () => {
  test.each([
    ["3.1.1", "3.1.1", null],
    ["3.1.1.", "3.1.1", null],
    ["A1", "A1", null],
    ["PH1", "PH1", null],
    ["F2", "F2", null],
    ["1a", "1a", null],
    ["2.b", "2.b", null],
    ["7", "7", null],
    ["CS-04", "CS-04", null],
    ["Amber 3.1.1", "3.1.1", "amber"],
    ["GREEN A4", "A4", "green"],
  ])("%j is ref %s", (text, ref, word) => expect(parseRef(text)).toEqual({ ref, statusWord: word }));

  test.each(["x.y", "Objective 3", "31/03/2010", "2009/10", "Develop a strategy", ""])("%j is no ref", (text) => expect(parseRef(text)).toBeNull());
});
