/**
 * The package writer's own promises, read in the XML it writes: the officer's rules and
 * dropdowns stay and ours come first, a table's header is never renamed, the board report's chart
 * is a real DrawingML chart, and an owned sheet holding something added by hand is not rewritten.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { partsOf } from "../helpers/package";
import { cli } from "../helpers/cli";

const FIXTURES = path.join(__dirname, "fidelity", "fixtures");
const SAMPLE = "assets/sample/action-plan-2008-11.xlsx";
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "action-plan-writer-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sheetXml(file: string, part: string): Promise<string> {
  return (await partsOf(file)).get(part)!.toString("utf8");
}

/** Each cfRule as [sqref of its block, priority, stopIfTrue, formula]. */
function rules(xml: string): [string, number, string | null, string][] {
  const out: [string, number, string | null, string][] = [];
  for (const block of xml.matchAll(/<conditionalFormatting sqref="([^"]*)">([\s\S]*?)<\/conditionalFormatting>/g)) {
    for (const r of block[2].matchAll(/<cfRule ([^>]*)>[\s\S]*?<formula>([^<]*)<\/formula>/g)) {
      out.push([block[1], Number(/priority="(\d+)"/.exec(r[1])![1]), /stopIfTrue="(\w+)"/.exec(r[1])?.[1] ?? null, r[2]]);
    }
  }
  return out;
}

test("an officer's rule over whole rows stays, moved after the status colours, which stop there", async () => {
  const input = path.join(FIXTURES, "xlsxwriter-features.xlsx");
  const out = path.join(dir, "rules.xlsx");
  expect((await cli("refresh", input, "--out", out)).code).toBe(0);
  const all = rules(await sheetXml(out, "xl/worksheets/sheet1.xml"));
  const theirs = all.filter(([, , , f]) => !f.startsWith("TRIM("));
  const ours = all.filter(([, , , f]) => f.startsWith("TRIM("));
  expect(theirs.map(([ref, , , f]) => [ref, f])).toEqual([["A28:Z62", '$D28="Asst. Director of Public Health"']]);
  expect(ours.length).toBeGreaterThan(0);
  expect(ours.every(([, , stop]) => stop === "1")).toBe(true);
  expect(Math.max(...ours.map(([, p]) => p))).toBeLessThan(theirs[0][1]);
  expect(new Set(all.map(([, p]) => p)).size).toBe(all.length);
});

test("an officer's dropdown on the Progress cells stays, and ours goes only where there is none", async () => {
  // The sample with the officer's own list on H28:H30 of Prevention, where Progress goes.
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  const part = "xl/worksheets/sheet1.xml";
  const xml = (await zip.file(part)!.async("string")).replace(
    "<pageMargins",
    '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="H28:H30"><formula1>"Done,Not done"</formula1></dataValidation></dataValidations><pageMargins',
  );
  zip.file(part, xml);
  const input = path.join(dir, "own-dropdown.xlsx");
  fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
  const out = path.join(dir, "own-dropdown-out.xlsx");
  expect((await cli("refresh", input, "--out", out)).code).toBe(0);
  const after = await sheetXml(out, part);
  const dvs = [...after.matchAll(/<dataValidation ([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)].map((m) => [/sqref="([^"]*)"/.exec(m[1])![1], m[2]]);
  expect(dvs[0]).toEqual(["H28:H30", '"Done,Not done"']);
  expect(dvs).toHaveLength(2);
  const ourRefs = dvs[1][0].split(" ");
  expect(ourRefs.some((r) => /^H(28|29|30)(:|$)/.test(r))).toBe(false);
  expect(ourRefs.length).toBeGreaterThan(0);
});

test("writing a header into an Excel Table's header row is refused, naming the table, and nothing is written", async () => {
  // The small plan's table widened over two empty columns (E and F), where Progress and RAG go.
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(FIXTURES, "openpyxl-plan-table.xlsx")));
  const tablePart = Object.keys(zip.files).find((n) => /^xl\/tables\/table\d+\.xml$/.test(n))!;
  const table = (await zip.file(tablePart)!.async("string"))
    .replace(/ref="A1:D4"/g, 'ref="A1:F4"')
    .replace(/<tableColumns count="4">([\s\S]*?)<\/tableColumns>/, '<tableColumns count="6">$1<tableColumn id="5" name="Column5"/><tableColumn id="6" name="Column6"/></tableColumns>');
  zip.file(tablePart, table);
  const input = path.join(dir, "table-wide.xlsx");
  fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
  const out = path.join(dir, "table-wide-out.xlsx");
  const r = await cli("refresh", input, "--out", out);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/Nothing was written\. "Plan"!E1 is in the header row of the table "Actions"/);
  expect(fs.existsSync(out)).toBe(false);
});

test("the board report's stacked bar chart is a DrawingML chart part on the Board Report", async () => {
  const out = path.join(dir, "report.xlsx");
  expect((await cli("report", SAMPLE, "--out", out)).code).toBe(0);
  const parts = await partsOf(out);
  const text = (p: string) => parts.get(p)?.toString("utf8") ?? "";
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  const id = /<sheet name="Board Report" sheetId="\d+" r:id="(rId\d+)"/.exec(workbook)![1];
  const sheetPart = `xl/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
  expect(text(sheetPart)).toMatch(/<drawing r:id="rId\d+"\/>/);
  const sheetRels = text(sheetPart.replace(/worksheets\//, "worksheets/_rels/") + ".rels");
  const drawing = `xl/drawings/${/Target="\.\.\/drawings\/([^"]+)"/.exec(sheetRels)![1]}`;
  const chartRels = text(drawing.replace("drawings/", "drawings/_rels/") + ".rels");
  const chart = text(`xl/charts/${/Target="\.\.\/charts\/([^"]+)"/.exec(chartRels)![1]}`);
  expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
  expect(chart).toContain("'Board Report'!");
  expect((chart.match(/<c:ser>/g) ?? []).length).toBeGreaterThanOrEqual(4);
  const types = text("[Content_Types].xml");
  expect(types).toContain('ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
  expect(types).toContain('ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
  // A second report replaces the product's own chart, not adds one.
  const again = path.join(dir, "report-again.xlsx");
  expect((await cli("report", out, "--out", again)).code).toBe(0);
  const names = [...(await partsOf(again)).keys()].filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n));
  expect(names).toEqual(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"]);
});

test("an owned sheet holding a note added by hand is not rewritten: nothing is written, the sheet named", async () => {
  const first = path.join(dir, "owned.xlsx");
  expect((await cli("report", SAMPLE, "--out", first)).code).toBe(0);
  const zip = await JSZip.loadAsync(fs.readFileSync(first));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = /<sheet name="By Lead" sheetId="\d+" r:id="(rId\d+)"/.exec(workbook)![1];
  const sheetPart = `xl/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
  const relsPart = sheetPart.replace(/worksheets\//, "worksheets/_rels/") + ".rels";
  zip.file(relsPart, '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments9.xml"/></Relationships>');
  zip.file("xl/comments9.xml", '<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
  const input = path.join(dir, "owned-with-note.xlsx");
  fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
  const out = path.join(dir, "owned-with-note-out.xlsx");
  const r = await cli("report", input, "--out", out);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/Nothing was written\. the sheet "By Lead" is the product's and is rewritten whole, but it now holds something added by hand \(comments\)/);
  expect(fs.existsSync(out)).toBe(false);
});

test("an Excel 2010 dropdown in the sheet's extension (x14, list on another sheet) is kept and counts as the officer's", async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  const part = "xl/worksheets/sheet1.xml";
  const ext =
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
    '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1">' +
    "<x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>H28:H41</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>";
  zip.file(part, (await zip.file(part)!.async("string")).replace("</worksheet>", `${ext}</worksheet>`));
  const input = path.join(dir, "x14-dropdown.xlsx");
  fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
  const out = path.join(dir, "x14-dropdown-out.xlsx");
  expect((await cli("refresh", input, "--out", out)).code).toBe(0);
  const after = await sheetXml(out, part);
  expect(after).toContain("<xm:sqref>H28:H41</xm:sqref>");
  expect(after.indexOf("<extLst>")).toBeGreaterThan(after.indexOf("<dataValidations"));
  const ours = /<dataValidation [^>]*sqref="([^"]*)"/.exec(after)![1].split(" ");
  expect(ours.some((r) => { const m = /^H(\d+)/.exec(r); return m !== null && Number(m[1]) >= 28 && Number(m[1]) <= 41; })).toBe(false);
});

test("a sheet whose XML uses a namespace prefix (as the Open XML SDK writes) is read and written in its own prefix", async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  const part = "xl/worksheets/sheet1.xml";
  const prefixed = (await zip.file(part)!.async("string"))
    .replace(/<(\/?)([A-Za-z]\w*)(?=[\s>/])/g, (m, slash: string, name: string) => (name.includes(":") ? m : `<${slash}x:${name}`))
    .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
  expect(prefixed).toContain("<x:sheetData>");
  zip.file(part, prefixed);
  const input = path.join(dir, "prefixed.xlsx");
  fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
  const out = path.join(dir, "prefixed-out.xlsx");
  expect((await cli("refresh", input, "--out", out)).code).toBe(0);
  const after = await sheetXml(out, part);
  expect(after).toContain('<x:c r="I28" s="');
  expect(after).toMatch(/<x:c r="I28"[^>]*t="inlineStr"><x:is><x:t>Amber<\/x:t><\/x:is><\/x:c>/);
  expect(after).toMatch(/<x:conditionalFormatting sqref="I28"><x:cfRule type="expression"/);
  expect(after).not.toMatch(/<(?!x:|\/x:|\?xml)[a-z]/);
  // Read back by the product: the same refresh again changes nothing.
  const again = path.join(dir, "prefixed-again.xlsx");
  expect((await cli("refresh", out, "--out", again)).code).toBe(0);
  expect(fs.readFileSync(again).equals(fs.readFileSync(out))).toBe(true);
});

test("a workbook whose structure is locked keeps its lock: the product's own sheets, already there, are rewritten in place", async () => {
  const locked = path.join(FIXTURES, "openpyxl-locked.xlsx");
  const lockOf = async (file: string) => /<workbookProtection [^>]*\/>/.exec((await partsOf(file)).get("xl/workbook.xml")!.toString("utf8"))?.[0];
  const lock = await lockOf(locked);
  expect(lock).toMatch(/lockStructure="1"/);
  // The officer unlocks, reports once, and locks again: the report's sheets are now there.
  const unlock = async (file: string, edit: (xml: string) => string, to: string) => {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    zip.file("xl/workbook.xml", edit(await zip.file("xl/workbook.xml")!.async("string")));
    fs.writeFileSync(to, await zip.generateAsync({ type: "nodebuffer" }));
  };
  const open = path.join(dir, "unlocked.xlsx");
  await unlock(locked, (x) => x.replace(lock!, ""), open);
  const reported = path.join(dir, "unlocked-report.xlsx");
  expect((await cli("report", open, "--out", reported)).code).toBe(0);
  const relocked = path.join(dir, "relocked.xlsx");
  await unlock(reported, (x) => x.replace(/(<bookViews>|<sheets>)/, `${lock}$1`), relocked);
  const again = path.join(dir, "relocked-report.xlsx");
  const r = await cli("report", relocked, "--out", again);
  expect([r.code, r.err]).toEqual([0, ""]);
  expect(await lockOf(again)).toBe(lock);
});
