/**
 * The officer's file, whole: `refresh` and `report` on workbooks made by real producers
 * (scripts/fidelity/make-fixtures.py) change only what the product owns. Input and output are
 * compared part by part: every part the command does not own is byte-identical, and in the parts
 * it edits every element of the officer's is still there.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cellsOf, missingElements, partsOf } from "../../helpers/package";
import { cli } from "../../helpers/cli";

const FIXTURES = path.join(__dirname, "fixtures");
const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "sample", "action-plan-2008-11.xlsx");
/** Fixtures the product must refuse (it cannot write without changing what the officer locked). */
const REFUSED: Record<string, RegExp> = {
  "openpyxl-locked.xlsx": /^action-plan: Nothing was written\. the workbook's structure is protected \(Review > Protect Workbook\), so the sheet "RAG History" cannot be added/,
};
const CASES: [string, string][] = [
  ["the sample (ExcelJS)", SAMPLE],
  ...fs
    .readdirSync(FIXTURES)
    .filter((f) => !(f in REFUSED))
    .map((f): [string, string] => [f, path.join(FIXTURES, f)]),
];
/** What the product writes into a plan sheet's cells. */
const PRODUCT_TEXT = /^(Progress|RAG|Red|Amber|Green|Blue|Not reported)$/;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "action-plan-fidelity-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Parts the command may edit: the package's indexes, the workbook, styles, and the plan sheets. */
function editable(name: string): boolean {
  return /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/.test(name);
}

describe.each(CASES)("%s", (_, input) => {
  const ext = path.extname(input);
  for (const command of ["refresh", "report"]) {
    test(`${command}: every part it does not own is byte-identical, and nothing of the officer's is removed`, async () => {
      const out = path.join(dir, `${command}-${path.basename(input)}`);
      const r = await cli(command, input, "--out", out);
      expect([r.code, r.err]).toEqual([0, ""]);
      const before = await partsOf(input);
      const after = await partsOf(out);
      for (const [name, bytes] of before) {
        const now = after.get(name);
        expect([name, now !== undefined]).toEqual([name, true]);
        if (now!.equals(bytes)) continue;
        expect([name, editable(name)]).toEqual([name, true]);
        const was = bytes.toString("utf8");
        const is = now!.toString("utf8");
        expect([name, missingElements(was, is)]).toEqual([name, []]);
        if (name.startsWith("xl/worksheets/")) {
          // Every cell of the officer's is as it was, but for the cells the product writes.
          const cells = cellsOf(is);
          for (const [ref, xml] of cellsOf(was)) {
            if (cells.get(ref) === xml) continue;
            const text = /<t[^>]*>([^<]*)<\/t>/.exec(cells.get(ref) ?? "")?.[1] ?? "";
            expect([name, ref, text]).toEqual([name, ref, expect.stringMatching(PRODUCT_TEXT)]);
          }
        }
      }
    });
  }

  test("a second refresh is byte-identical to the first", async () => {
    const first = path.join(dir, `first-${path.basename(input)}`);
    const second = path.join(dir, `second-${path.basename(input)}`);
    expect((await cli("refresh", input, "--out", first)).code).toBe(0);
    expect((await cli("refresh", first, "--out", second)).code).toBe(0);
    expect(fs.readFileSync(second).equals(fs.readFileSync(first))).toBe(true);
  });

  test("the output keeps its kind: .xlsm with its macros, .xlsx without", async () => {
    const out = path.join(dir, `kind-${path.basename(input)}`);
    expect((await cli("refresh", input, "--out", out)).code).toBe(0);
    const parts = await partsOf(out);
    const types = parts.get("[Content_Types].xml")!.toString("utf8");
    expect(parts.has("xl/vbaProject.bin")).toBe(ext === ".xlsm");
    expect(types.includes("macroEnabled.main+xml")).toBe(ext === ".xlsm");
  });
});

test.each(Object.entries(REFUSED))("%s is refused with a clear message and nothing is written", async (name, message) => {
  for (const command of ["refresh", "report"]) {
    const out = path.join(dir, `refused-${command}-${name}`);
    const r = await cli(command, path.join(FIXTURES, name), "--out", out);
    expect([command, r.code]).toEqual([command, 1]);
    expect(r.err).toMatch(message);
    expect(fs.existsSync(out)).toBe(false);
  }
});

test("the sample's 8 manual page breaks survive refresh and report", async () => {
  for (const command of ["refresh", "report"]) {
    const out = path.join(dir, `breaks-${command}.xlsx`);
    expect((await cli(command, SAMPLE, "--out", out)).code).toBe(0);
    const parts = await partsOf(out);
    const breaks = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"].map((p) => (parts.get(p)!.toString("utf8").match(/<brk [^>]*man="1"/g) ?? []).length);
    expect(breaks).toEqual([2, 6]);
  }
});

test("an .xlsm written under an .xlsx name is refused, and nothing is written", async () => {
  const out = path.join(dir, "macros-as.xlsx");
  const r = await cli("refresh", path.join(FIXTURES, "xlsxwriter-macros.xlsm"), "--out", out);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/holds macros, so it must be written as \.xlsm/);
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});

test("the fixtures hold every feature the suite is about (so a remade fixture cannot silently drop one)", async () => {
  const features: [string, (name: string, text: string) => boolean][] = [
    ["charts", (n) => /^xl\/charts\/chart\d+\.xml$/.test(n)],
    ["images", (n) => /^xl\/media\//.test(n)],
    ["notes", (n) => /comments\d*\.xml$|comment\d+\.xml$/.test(n)],
    ["tables", (n) => /^xl\/tables\/table\d+\.xml$/.test(n)],
    ["pivot tables", (n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n)],
    ["external links", (n) => /^xl\/externalLinks\/externalLink\d+\.xml$/.test(n)],
    ["macros", (n) => n === "xl/vbaProject.bin"],
    ["sparklines", (_, t) => t.includes("x14:sparklineGroup")],
    ["sheet protection", (_, t) => t.includes("<sheetProtection")],
    ["workbook protection", (_, t) => t.includes("<workbookProtection")],
    ["page breaks", (_, t) => t.includes("<rowBreaks")],
    ["print set-up", (_, t) => /<pageSetup [^>]*fitToWidth/.test(t)],
    ["filters", (_, t) => t.includes("<autoFilter")],
    ["defined names", (_, t) => t.includes("<definedName ")],
    ["custom properties", (n) => n === "docProps/custom.xml"],
  ];
  const found = new Set<string>();
  for (const file of fs.readdirSync(FIXTURES)) {
    for (const [name, bytes] of await partsOf(path.join(FIXTURES, file))) {
      const text = /\.(xml|rels)$/.test(name) ? bytes.toString("utf8") : "";
      for (const [feature, test] of features) if (test(name, text)) found.add(feature);
    }
  }
  expect(features.map(([f]) => f).filter((f) => !found.has(f))).toEqual([]);
});
