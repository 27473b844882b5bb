/**
 * The bundled sample plan (the two seed sections as an officer keeps them in Excel), checked at
 * each sheet's own report date: every action's deadline, kind, progress and RAG as the rules give (README.md, "How statuses are worked out").
 */
import { run } from "../../src/cli/main";
import type { CheckJson } from "../../src/core/views";

const SAMPLE = "assets/sample/action-plan-2008-11.xlsx";

async function checkSample(...extra: string[]): Promise<{ code: number; json: CheckJson }> {
  let out = "";
  const code = await run(["check", SAMPLE, "--json", ...extra], { out: (t) => (out += t), err: () => undefined }, () => "2026-11-24");
  return { code, json: JSON.parse(out) as CheckJson };
}

type Row = [ref: string, timescale: string, deadline: string | null, kind: string, progress: string, rag: string];

const PREVENTION: Row[] = [
  ["3.1.1", "1 st July 2009", "2009-07-01", "date", "slow", "amber"],
  ["3.2.1", "1 st Sept 2009", "2009-09-01", "date", "on-track", "green"],
  ["4.1.1", "1 Apr 08 ongoing", null, "ongoing", "stalled", "amber"],
  ["4.1.2", "???", null, "missing", "not-reported", "not-reported"],
];

const PROVISION: Row[] = [
  ["5.1.1", "1 Apr 09", "2009-04-01", "date", "not-reported", "red"],
  ["5.1.2", "", null, "missing", "not-reported", "not-reported"],
  ["5.2.1", "31 st Oct 2009", "2009-10-31", "date", "not-reported", "amber"],
  ["6.1.1", "1 st June 2009", "2009-06-01", "date", "not-reported", "red"],
  ["6.1.2", "1 Apr 11", "2011-04-01", "date", "not-reported", "not-reported"],
  ["6.1.3", "1 Apr 09", "2009-04-01", "date", "not-reported", "red"],
  ["6.1.4", "1 st April 2010", "2010-04-01", "date", "not-reported", "not-reported"],
  ["6.2.1", "30 th April 2010", "2010-04-30", "date", "not-reported", "not-reported"],
  ["6.2.2", "1 Apr 09", "2009-04-01", "date", "not-reported", "red"],
  ["6.2.3", "Mar 09", "2009-03-31", "month", "not-reported", "red"],
  ["7.1.1", "1 Apr 08", "2008-04-01", "date", "not-reported", "red"],
  ["7.1.2", "1 Apr 09", "2009-04-01", "date", "not-reported", "red"],
  ["7.2.1", "1 st Oct 2009", "2009-10-01", "date", "not-reported", "red"],
  ["7.2.2", "1 st May 2009", "2009-05-01", "date", "not-reported", "red"],
  ["7.2.3", "Dec 08", "2008-12-31", "month", "not-reported", "red"],
  ["7.2.4", "1 st Oct 2009", "2009-10-01", "date", "not-reported", "red"],
  ["7.2.5", "1 st May 2009", "2009-05-01", "date", "not-reported", "red"],
];

describe("check --json on the sample plan, at each sheet's report date", () => {
  let json: CheckJson;
  let code: number;
  beforeAll(async () => {
    ({ code, json } = await checkSample());
  });

  test("reads both sheets with their report-date lines and exits 0 (warnings only)", () => {
    expect(code).toBe(0);
    expect(json.asOf).toBeNull();
    expect(json.sheets.map((s) => [s.name, s.reportDate, s.asOf])).toEqual([
      ["Prevention", "2009-05-13", "2009-05-13"],
      ["Provision of Services", "2009-10-16", "2009-10-16"],
    ]);
  });

  test.each([
    ["Prevention", PREVENTION],
    ["Provision of Services", PROVISION],
  ])("%s: every action's deadline, kind, progress and RAG", (name, rows) => {
    const sheet = json.sheets.find((s) => s.name === name);
    expect(sheet).toBeDefined();
    const got = sheet!.actions.map((a) => [a.ref, a.timescale, a.deadline, a.deadlineKind, a.progress, a.rag]);
    expect(got).toEqual(rows);
  });

  test("rows are 1-based worksheet rows of the refs, and leads and actions are read", () => {
    const prevention = json.sheets[0].actions;
    expect(prevention[0]).toMatchObject({ ref: "3.1.1", row: 28, action: "Develop communications strategy", lead: "Asst. Director of Public Health (PCT)" });
    const provision = json.sheets[1].actions;
    // 5.1.1's measures continue after the page break; 6.2.2's action text continues on the next row
    expect(provision.find((a) => a.ref === "6.2.2")?.action).toBe("Develop links with drugs/alcohol agencies to offer training and support protocols.");
    expect(provision.find((a) => a.ref === "7.1.1")?.lead).toBe("Director of Safeguarding, CYPS Ian McDowell");
  });

  test("reasons are in words", () => {
    const byRef = new Map(json.sheets.flatMap((s) => s.actions.map((a) => [a.ref, a.reason])));
    expect(byRef.get("5.1.1")).toBe("Deadline 1 Apr 2009 passed; not complete");
    expect(byRef.get("5.2.1")).toBe("Deadline 31 Oct 2009 is in 15 days; no progress reported");
    expect(byRef.get("4.1.2")).toBe("No progress reported; no timescale");
  });

  test("the issues name their cells: the placeholder and missing timescales, and the absent columns", () => {
    const issues = json.sheets.flatMap((s) => s.issues.map((i) => `${s.name}!${i.cell} ${i.code} ${i.severity}`));
    expect(issues).toEqual(
      expect.arrayContaining([
        "Prevention!C59 timescale-placeholder warning",
        "Provision of Services!C31 timescale-missing warning",
        "Prevention!H27 columns-absent info",
        "Provision of Services!H23 columns-absent info",
      ]),
    );
    const placeholder = json.sheets[0].issues.find((i) => i.code === "timescale-placeholder");
    expect(placeholder?.message).toContain('"???"');
  });

  test("--as-of overrides the report dates", async () => {
    const { json: later } = await checkSample("--as-of", "2009-06-15");
    expect(later.asOf).toBe("2009-06-15");
    expect(later.sheets.every((s) => s.asOf === "2009-06-15")).toBe(true);
    const prevention = new Map(later.sheets[0].actions.map((a) => [a.ref, a.rag]));
    // 3.1.1 is slow (officer's Amber) with its deadline 16 days away: still Amber
    expect(prevention.get("3.1.1")).toBe("amber");
    const provision = new Map(later.sheets[1].actions.map((a) => [a.ref, a.rag]));
    // 6.1.1's deadline (1 Jun 2009) has passed; 7.2.1's (1 Oct 2009) is far: not reported
    expect(provision.get("6.1.1")).toBe("red");
    expect(provision.get("7.2.1")).toBe("not-reported");
  });
});

describe("check --json has exactly the fields README.md gives (The command line)", () => {
  test("top level, sheets, actions and issues", async () => {
    const { json } = await checkSample();
    expect(Object.keys(json).sort()).toEqual(["asOf", "sheets"]);
    for (const s of json.sheets) {
      expect(Object.keys(s).sort()).toEqual(["actions", "asOf", "issues", "name", "reportDate"]);
      for (const a of s.actions) expect(Object.keys(a).sort()).toEqual(["action", "deadline", "deadlineKind", "lead", "progress", "rag", "reason", "ref", "row", "timescale"]);
      for (const i of s.issues) expect(Object.keys(i).sort()).toEqual(["cell", "code", "message", "severity"]);
    }
  });
});
