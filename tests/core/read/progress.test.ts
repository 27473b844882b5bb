import { lastStatusWord, readProgressText } from "../../../src/core/read";
import { headingRole, matchHeaderRow } from "../../../src/core/read";

describe("progress words", () => {
  test.each([
    ["Complete", "complete"],
    ["Completed", "complete"],
    ["done", "complete"],
    ["Achieved", "complete"],
    ["On track", "on-track"],
    ["On target", "on-track"],
    ["In progress", "on-track"],
    ["Slow", "slow"],
    ["Behind", "slow"],
    ["Delayed", "slow"],
    ["At risk", "slow"],
    ["Stalled", "stalled"],
    ["Blocked", "stalled"],
    ["Not started", "stalled"],
    ["No progress", "stalled"],
    ["On hold", "stalled"],
    ["Progressing - slightly behind target", "slow"],
    ["Completed phase 1 but phase 2 on hold", "stalled"],
    ["Amber", "slow"],
    ["", null],
    ["Waiting for the board", null],
  ])("%j reads as %s", (text, progress) => {
    expect(readProgressText(text)).toBe(progress);
  });
});

describe("officer's status words, whole words only", () => {
  test.each([
    ["Consultant in place & working to plan Green", "green"],
    ["request for target RED", "red"],
    ["Meeting held in Redland", null],
    ["Greenhouse gas survey", null],
    ["Red at first, now Amber", "amber"],
  ])("%j", (text, word) => expect(lastStatusWord(text)).toBe(word));
});

describe("headers by meaning", () => {
  test.each([
    ["Ref", "ref"],
    ["Action", "action"],
    ["Time-scale", "timescale"],
    ["Timescale", "timescale"],
    ["Target date", "timescale"],
    ["By when", "timescale"],
    ["Lead responsibility", "lead"],
    ["Lead officer", "lead"],
    ["Lead", "lead"],
    ["Resources", "resources"],
    ["Performance / outcome measures", "measures"],
    ["Outcome measures", "measures"],
    ["1. Confidence level 2. Risks", "risks"],
    ["Risks", "risks"],
    ["Progress", "progress"],
    ["Status", "progress"],
    ["Progress Completed/ On Target/ Overdue", "progress"],
    ["RAG", "rag"],
    ["Progress update", "comments"],
    ["Comments", "comments"],
    ["Update", "comments"],
    ["Objective", "objective"],
    ["Notes about nothing in particular that go on and on well past any heading length at all, truly", null],
  ])("%j is %s", (text, role) => expect(headingRole(text)).toBe(role));

  test("a header row needs three roles including the action or ref and the timescale or lead", () => {
    const cells = (...t: string[]) => t.map((text, col) => ({ col, text }));
    expect(matchHeaderRow(0, cells("Ref", "Action", "Time-scale"))?.columns).toEqual({ ref: 0, action: 1, timescale: 2 });
    expect(matchHeaderRow(0, cells("Ref", "Resources", "Risks"))).toBeNull();
    expect(matchHeaderRow(0, cells("The plan", "Action plan 2008-11", "Prevention"))).toBeNull();
  });

  test("beside a RAG column, Status is the progress", () => {
    const h = matchHeaderRow(3, ["Ref", "Action", "Target date", "Lead", "Status", "RAG"].map((text, col) => ({ col, text })));
    expect(h?.columns.progress).toBe(4);
    expect(h?.columns.rag).toBe(5);
  });
});
