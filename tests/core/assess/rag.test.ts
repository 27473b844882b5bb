import { computeRag } from "../../../src/core/assess";
import type { Deadline } from "../../../src/core/model";
import type { Progress } from "../../../src/core/model";

const T = "2009-05-13";
const on = (deadline: string | null, kind: Deadline["kind"] = deadline ? "date" : "ongoing"): Deadline => ({ deadline, kind });
const rag = (d: Deadline, progress: Progress, brag = false, amberWindowDays = 30) => computeRag({ deadline: d, progress, asOf: T, amberWindowDays, brag });

describe("RAG rules, first match wins (README.md, How statuses are worked out)", () => {
  test("1. complete is Green, or Blue with BRAG, even past the deadline", () => {
    expect(rag(on("2009-01-01"), "complete").rag).toBe("green");
    expect(rag(on("2009-01-01"), "complete", true).rag).toBe("blue");
    expect(rag(on(null), "complete").reason).toBe("Complete; ongoing, no deadline");
    expect(computeRag({ deadline: on("2010-01-01"), progress: "slow", asOf: T, amberWindowDays: 30, brag: false, progressFrom: "officer's Amber before the ref" }).reason).toBe("Progress slow (officer's Amber before the ref); deadline 1 Jan 2010");
  });
  test("2. a deadline before T is Red whatever the progress", () => {
    for (const p of ["on-track", "slow", "stalled", "not-reported"] as Progress[]) {
      expect(rag(on("2009-05-12"), p)).toEqual({ rag: "red", reason: "Deadline 12 May 2009 passed; not complete" });
    }
  });
  test("a deadline on T itself has not passed", () => {
    expect(rag(on(T), "on-track").rag).toBe("green");
    expect(rag(on(T), "not-reported").reason).toBe("Deadline 13 May 2009 is today; no progress reported");
  });
  test("3. stalled with the deadline within W days is Red; beyond W, Amber", () => {
    expect(rag(on("2009-06-12"), "stalled").rag).toBe("red"); // 30 days
    expect(rag(on("2009-06-13"), "stalled").rag).toBe("amber"); // 31 days
    expect(rag(on("2009-06-12"), "stalled").reason).toContain("insufficient progress");
  });
  test("4. stalled or slow is Amber (also with no deadline)", () => {
    expect(rag(on(null), "stalled").rag).toBe("amber");
    expect(rag(on("2010-01-01"), "slow")).toEqual({ rag: "amber", reason: "Progress slow; deadline 1 Jan 2010" });
    expect(rag(on("2009-05-20"), "slow").rag).toBe("amber");
  });
  test("5. on track is Green", () => {
    expect(rag(on("2010-01-01"), "on-track")).toEqual({ rag: "green", reason: "On track; deadline 1 Jan 2010" });
  });
  test("6. not reported within W days is Amber; 7. otherwise Not reported", () => {
    expect(rag(on("2009-06-12"), "not-reported").rag).toBe("amber");
    expect(rag(on("2009-06-13"), "not-reported").rag).toBe("not-reported");
    expect(rag({ deadline: null, kind: "missing" }, "not-reported")).toEqual({ rag: "not-reported", reason: "No progress reported; no timescale" });
  });
  test("the amber window is a setting", () => {
    expect(rag(on("2009-06-13"), "not-reported", false, 60).rag).toBe("amber");
    expect(rag(on("2009-05-14"), "not-reported", false, 0).rag).toBe("not-reported");
  });
});
