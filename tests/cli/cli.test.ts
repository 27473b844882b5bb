/** The command line: exit statuses, one clear line for bad input, never a stack trace, never a change to the input. */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";

const SAMPLE = "assets/sample/action-plan-2008-11.xlsx";
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "action-plan-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }, () => "2026-11-24");
  return { code, out, err };
}

describe("unreadable input: exit 2 and one clear line", () => {
  test.each<[string, () => string, RegExp]>([
    ["no such file", () => path.join(dir, "missing.xlsx"), /no such file/],
    ["a folder", () => dir, /is a folder/],
    ["an empty file", () => (fs.writeFileSync(path.join(dir, "empty.xlsx"), ""), path.join(dir, "empty.xlsx")), /the file is empty/],
    ["not a workbook", () => (fs.writeFileSync(path.join(dir, "text.xlsx"), "Ref,Action\n"), path.join(dir, "text.xlsx")), /not an \.xlsx workbook/],
    [
      "a truncated workbook",
      () => {
        const bytes = fs.readFileSync(SAMPLE);
        fs.writeFileSync(path.join(dir, "cut.xlsx"), bytes.subarray(0, Math.floor(bytes.length / 2)));
        return path.join(dir, "cut.xlsx");
      },
      /damaged or truncated/,
    ],
  ])("%s", async (_name, make, message) => {
    const r = await cli("check", make());
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  test("usage mistakes say what is wrong and show the usage", async () => {
    for (const argv of [[], ["frobnicate", SAMPLE], ["check"], ["refresh", SAMPLE], ["check", SAMPLE, "--as-of", "13/05/2009"]]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^action-plan: .+\nUsage:/);
    }
  });
});

describe("check --columns", () => {
  test("the officer's map decides the columns, and check says so", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan");
    ws.addRow(["Item", "Notes", "Officer", "When?"]);
    ws.addRow(["Hold a summit", "Venue booked", "Ann", "Sep 2010"]);
    const file = path.join(dir, "mapped.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli("check", file, "--columns", "Action=A, Progress comments=B, Lead=C, Time-scale=D", "--as-of", "2010-06-01");
    expect(r.out).toContain('Columns read: Action = A by column map "Item", Progress comments = B by column map "Notes",');
    expect(r.out).toContain("1 action: Red 0 | Amber 0 | Green 0 | Not reported 1");
    const bad = await cli("check", file, "--columns", "Colour=B");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^action-plan: --columns: "Colour" is not a column the product knows/);
    const missing = await cli("check", file, "--columns", "Action=A,Time-scale=Q", "--json");
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).sheets[0].issues).toContainEqual({
      code: "column-map",
      severity: "error",
      cell: "Q1",
      message: "The column map puts Time-scale in column Q, but column Q of this table is empty.",
    });
  });
});

describe("the column map kept in the workbook", () => {
  test("check reads it from the product's very hidden history sheet; refresh keeps it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan");
    ws.addRow(["Topic", "Latest", "Person responsible", "Month"]);
    ws.addRow(["Hold a summit", "Venue booked", "Ann", "Sep 2010"]);
    const history = wb.addWorksheet("RAG History", { state: "veryHidden" });
    history.getRow(1).values = ["As of", "Sheet", "Ref", "Status", "Timescale", null, "Sheet (column map)", "Column map"];
    history.getCell("Z1").value = "action-plan-rag:history";
    history.getCell("G2").value = "Plan";
    history.getCell("H2").value = "Action=A, Progress comments=B, Lead=C, Time-scale=D";
    const file = path.join(dir, "kept-map.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli("check", file, "--as-of", "2010-06-01");
    expect(r.out).toContain('Columns read: Action = A by column map "Topic", Progress comments = B by column map "Latest",');
    expect(r.out).toContain("1 action: Red 0 | Amber 0 | Green 0 | Not reported 1");
    const out = path.join(dir, "kept-map-refreshed.xlsx");
    expect((await cli("refresh", file, "--out", out, "--as-of", "2010-06-01")).code).toBe(0);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(out);
    const kept = after.getWorksheet("RAG History");
    expect([kept?.getCell("G2").value, kept?.getCell("H2").value]).toEqual(["Plan", "Action=A, Time-scale=D, Lead responsibility=C, Progress comments=B"]);
  });
});

describe("check", () => {
  test("the readable table: per sheet counts by status and each issue", async () => {
    const r = await cli("check", SAMPLE);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Prevention: as of 13 May 2009 (report date line A15)");
    expect(r.out).toContain("4 actions: Red 0 | Amber 2 | Green 1 | Not reported 1");
    expect(r.out).toContain(
      [
        '  Columns read: Ref = A "Ref", Action = B "Action", Time-scale = C "Time-scale",',
        '                Lead responsibility = D "Lead responsibility", Resources = E "Resources",',
        '                Performance / outcome measures = F "Performance / outcome measures",',
        '                Confidence level / Risks = G "1. Confidence level 2. Risks" (3 header rows)',
      ].join("\n"),
    );
    const lines = r.out.split("\n");
    const first = lines.findIndex((l) => l.includes("Columns read"));
    for (const line of lines.slice(first, first + 4)) expect(line.length).toBeLessThanOrEqual(100);
    expect(r.out).toContain("17 actions: Red 12 | Amber 1 | Green 0 | Not reported 4");
    expect(r.out).toContain('4.1.2 has "???" as its timescale.');
    expect(r.out).toContain("All plan sheets: 21 actions: Red 12 | Amber 3 | Green 1 | Not reported 5");
  });

  test("exit 1 when the plan has errors (a duplicated ref)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan");
    ws.addRow(["Ref", "Action", "Time-scale", "Lead responsibility"]);
    ws.addRow(["1.1.1", "One", "2010", "Ann"]);
    ws.addRow(["1.1.1", "Two", "2010", "Bob"]);
    const file = path.join(dir, "dup.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli("check", file, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).sheets[0].issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: "ref-duplicate", severity: "error", cell: "A3" })]));
  });
});

describe("the installed command", () => {
  test("npm run -s action-plan -- check prints the table, and a bad file gives one line and exit 2", () => {
    const ok = execFileSync("npm", ["run", "-s", "action-plan", "--", "check", SAMPLE, "--json"], { encoding: "utf8" });
    expect(JSON.parse(ok).sheets).toHaveLength(2);
    const bad = spawnSync("npm", ["run", "-s", "action-plan", "--", "check", path.join(dir, "nope.xlsx")], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(`action-plan: cannot read ${path.join(dir, "nope.xlsx")}: no such file`);
  });
});
