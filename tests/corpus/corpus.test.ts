/**
 * The corpus: plan workbooks as other partnerships keep them (community safety, health and
 * wellbeing, safeguarding, housing, equality, climate, project trackers; blocks and flat tables;
 * with and without refs; other headings and date wordings; messy ones), each transcribed in
 * tests/corpus/*.json with its expected reading, written as .xlsx by scripts/build-corpus.js and
 * read back through `action-plan check --json`, field by field.
 */
import * as path from "node:path";
import { run } from "../../src/cli/main";
import type { CheckJson } from "../../src/core/views";

interface Expected {
  name: string;
  reportDate?: string | null;
  asOf?: string;
  /** True for a sheet that is not a plan (listed with no actions and the reason). */
  notPlan?: boolean;
  /** [ref, row, action, lead, deadline, deadlineKind, progress, rag] */
  actions?: [string | null, number, string, string, string | null, string, string, string][];
  /** "C12 timescale-unparsed": issues that must be among the sheet's. */
  issues?: string[];
}

interface Transcription {
  title: string;
  asOf?: string;
  columns?: string;
  exit?: number;
  expect: Expected[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const corpus = require("../../scripts/build-corpus.js") as {
  buildCorpus: () => Promise<Record<string, string>>;
  transcriptions: () => { file: string; plan: Transcription }[];
};

const plans = corpus.transcriptions();
let paths: Record<string, string>;

beforeAll(async () => {
  paths = await corpus.buildCorpus();
});

async function check(file: string, plan: Transcription): Promise<{ code: number; json: CheckJson }> {
  let out = "";
  const argv = ["check", file, "--json", ...(plan.asOf ? ["--as-of", plan.asOf] : []), ...(plan.columns ? ["--columns", plan.columns] : [])];
  const code = await run(argv, { out: (t) => (out += t), err: () => undefined }, () => "2011-01-15");
  return { code, json: JSON.parse(out) as CheckJson };
}

test("the corpus holds at least 20 workbooks", () => {
  expect(plans.length).toBeGreaterThanOrEqual(20);
});

describe.each(plans.map((p) => [p.file, p.plan] as const))("%s", (file, plan) => {
  let result: { code: number; json: CheckJson };
  beforeAll(async () => {
    result = await check(paths[path.basename(file, ".json")], plan);
  });

  test(`${plan.title}: the sheets`, () => {
    expect(result.json.sheets.map((s) => s.name)).toEqual(plan.expect.map((s) => s.name));
    if (plan.exit !== undefined) expect(result.code).toBe(plan.exit);
  });

  test.each(plan.expect.map((s) => [s.name, s] as const))("sheet %s: report date, actions field by field, issues", (_name, want) => {
    const got = result.json.sheets.find((s) => s.name === want.name);
    expect(got).toBeDefined();
    if (!got) return;
    if (want.reportDate !== undefined) expect(got.reportDate).toBe(want.reportDate);
    if (want.asOf !== undefined) expect(got.asOf).toBe(want.asOf);
    if (want.notPlan) {
      expect(got.actions).toEqual([]);
      expect(got.issues.map((i) => i.code)).toEqual(expect.arrayContaining([expect.stringMatching(/^(?:not-a-plan|no-table)$/)]));
    }
    if (want.actions) {
      const actions = got.actions.map((a) => [a.ref, a.row, a.action, a.lead, a.deadline, a.deadlineKind, a.progress, a.rag]);
      expect(actions).toEqual(want.actions);
    }
    if (want.issues) expect(got.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(expect.arrayContaining(want.issues));
  });
});
