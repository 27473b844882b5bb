/**
 * The rules in words exist once (src/core/assess/rules-text.ts); README.md quotes them, and each
 * clause of each line is held to computeRag, where the rules live.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { computeRag, DEADLINE_TEXT, DISAGREE_TEXT, PROGRESS_FALLBACK_TEXT, PROGRESS_TEXT, RAG_COLUMN_TEXT, ruleLines } from "../../../src/core/assess";
import { addDays } from "../../../src/core/dates";
import type { Deadline, Progress, Rag } from "../../../src/core/model";

const AS_OF = "2010-06-01";
const days = (n: number): Deadline => ({ deadline: addDays(AS_OF, n), kind: "date" });
const NONE: Deadline = { deadline: null, kind: "ongoing" };

/** Each clause of the pane's lines (30 days), as an input and the status that line promises. */
const CLAUSES: ReadonlyArray<[clause: string, progress: Progress, deadline: Deadline, rag: Rag, brag?: boolean]> = [
  ["Red: the deadline has passed and the action is not complete", "on-track", days(-1), "red"],
  ["Red: progress has stalled and the deadline is 30 days away or less", "stalled", days(30), "red"],
  ["Amber: progress is slow", "slow", days(5), "amber"],
  ["Amber: stalled with more than 30 days to the deadline", "stalled", days(31), "amber"],
  ["Amber: stalled with no deadline", "stalled", NONE, "amber"],
  ["Amber: nobody has reported progress and the deadline is 30 days away or less", "not-reported", days(30), "amber"],
  ["Green: the action is complete", "complete", days(-10), "green"],
  ["Green: on track and the deadline has not passed", "on-track", days(0), "green"],
  ["Green: on track with no deadline", "on-track", NONE, "green"],
  ["Not reported: the deadline is more than 30 days away", "not-reported", days(31), "not-reported"],
  ["Not reported: there is no deadline", "not-reported", NONE, "not-reported"],
  ["Blue: the action is complete, with Blue-Red-Amber-Green on", "complete", days(3), "blue", true],
  ["Closed: withdrawn before it was complete, whatever the deadline", "closed", days(-10), "closed"],
];

describe("the rules in words", () => {
  test.each(CLAUSES)("%s", (_clause, progress, deadline, rag, brag = false) => {
    expect(computeRag({ deadline, progress, asOf: AS_OF, amberWindowDays: 30, brag }).rag).toBe(rag);
  });

  test("every status the pane names has its clauses above, and no other", () => {
    const named = new Set([...ruleLines(30, false), ...ruleLines(30, true)].map((l) => l.rag));
    expect(new Set(CLAUSES.map((c) => c[3]))).toEqual(named);
  });

  test("README.md quotes the pane's words (default 30 days), line for line", () => {
    const readme = fs.readFileSync(path.join(__dirname, "../../../README.md"), "utf8").replace(/\s+/g, " ");
    for (const line of ruleLines(30, false)) expect(readme).toContain(`**${line.word}**: ${line.text}`);
    for (const text of [PROGRESS_TEXT, PROGRESS_FALLBACK_TEXT, RAG_COLUMN_TEXT, DEADLINE_TEXT, DISAGREE_TEXT]) expect(readme).toContain(text);
  });
});
