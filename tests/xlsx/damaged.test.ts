/**
 * Damaged workbooks, damaged in their XML: every command answers with exit 0, 1 or 2 and one
 * line, never a stack trace, and never hangs (each case is bounded by what the file holds).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { cli } from "../helpers/cli";

const SAMPLE = "assets/sample/action-plan-2008-11.xlsx";
const SHEET = "xl/worksheets/sheet1.xml";
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "action-plan-damaged-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Edit = (text: string) => string;
/** A copy of the sample with parts edited (null removes the part). */
async function damaged(name: string, edits: Record<string, Edit | null>): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  for (const [part, edit] of Object.entries(edits)) {
    if (edit === null) zip.remove(part);
    else zip.file(part, edit((await zip.file(part)?.async("string")) ?? ""));
  }
  const file = path.join(dir, `${name.replace(/\W+/g, "-")}.xlsx`);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  return file;
}

const addMerge = (ref: string): Edit => (t) => t.replace(/<mergeCells count="(\d+)">/, (_, n) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="${ref}"/>`);
const swapRows: Edit = (t) => t.replace(/(<row r="28"[\s\S]*?<\/row>)(<row r="29"[\s\S]*?<\/row>|<row r="30"[\s\S]*?<\/row>)/, "$2$1");

const CASES: [string, Record<string, Edit | null>][] = [
  ["a shared string index out of range", { [SHEET]: (t) => t.replace('<c r="A28" s="7" t="s"><v>22</v>', '<c r="A28" s="7" t="s"><v>99999</v>') }],
  ["a negative shared string index", { [SHEET]: (t) => t.replace('<c r="A28" s="7" t="s"><v>22</v>', '<c r="A28" s="7" t="s"><v>-1</v>') }],
  ["a style index out of range", { [SHEET]: (t) => t.replace(/ s="6"/g, ' s="9999"') }],
  ["a truncated sheet", { [SHEET]: (t) => t.slice(0, Math.floor(t.length / 2)) }],
  ["a truncated shared strings part", { "xl/sharedStrings.xml": (t) => t.slice(0, Math.floor(t.length / 3)) }],
  ["a truncated workbook part", { "xl/workbook.xml": (t) => t.slice(0, 200) }],
  ["a truncated styles part", { "xl/styles.xml": (t) => t.slice(0, 300) }],
  ["no styles part", { "xl/styles.xml": null }],
  ["no workbook part", { "xl/workbook.xml": null }],
  ["a sheet part missing", { [SHEET]: null }],
  ["rows out of order", { [SHEET]: swapRows }],
  ["a merge over the whole sheet", { [SHEET]: addMerge("A1:XFD1048576") }],
  ["a merge over whole columns", { [SHEET]: addMerge("H1:I1048576") }],
  ["a reversed merge", { [SHEET]: addMerge("G5:A3") }],
  ["overlapping merges", { [SHEET]: addMerge("A20:H31") }],
  ["a dimension over the whole sheet", { [SHEET]: (t) => t.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>') }],
  ["a cell at XFD1048576", { [SHEET]: (t) => t.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row></sheetData>') }],
  ["a row numbered beyond the sheet", { [SHEET]: (t) => t.replace('<row r="3"', '<row r="99999999"') }],
  ["a row numbered 0", { [SHEET]: (t) => t.replace('<row r="3"', '<row r="0"') }],
  ["a cell reference that is not one", { [SHEET]: (t) => t.replace('r="A28"', 'r="28A"') }],
  ["entity expansion", { [SHEET]: (t) => t.replace(/^<\?xml[^>]*>/, '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>').replace("<v>22</v>", "<v>&c;</v>") }],
  ["entity expansion in shared strings", { "xl/sharedStrings.xml": (t) => t.replace(/^<\?xml[^>]*>/, '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>').replace("<t>", "<t>&b;") }],
  ["a boolean cell holding text", { [SHEET]: (t) => t.replace('<c r="A28" s="7" t="s"><v>22</v>', '<c r="A28" s="7" t="b"><v>maybe</v>') }],
  ["a number cell holding text", { [SHEET]: (t) => t.replace('<c r="C28" s="7" t="s">', '<c r="C28" s="7" t="n">') }],
  ["a date cell holding nonsense", { [SHEET]: (t) => t.replace('<c r="C28" s="7" t="s"><v>24</v>', '<c r="C28" s="7" t="d"><v>not a date</v>') }],
  ["an error cell", { [SHEET]: (t) => t.replace('<c r="C28" s="7" t="s"><v>24</v>', '<c r="C28" s="7" t="e"><v>#REF!</v>') }],
  ["an unknown cell type", { [SHEET]: (t) => t.replace('<c r="C28" s="7" t="s">', '<c r="C28" s="7" t="zz">') }],
  ["a relationship to nowhere", { "xl/_rels/workbook.xml.rels": (t) => t.replace('Target="worksheets/sheet1.xml"', 'Target="worksheets/none.xml"') }],
  ["content types missing", { "[Content_Types].xml": null }],
  ["garbage in the sheet", { [SHEET]: (t) => t.replace("<sheetData>", "<sheetData><<>>&&;<row") }],
];

/** What some cases must answer (check, refresh, report): read as it is, refused, or called damaged. */
const EXPECTED: Record<string, [number, number, number]> = {
  "a merge over the whole sheet": [0, 0, 0],
  "a cell at XFD1048576": [0, 0, 0],
  "rows out of order": [0, 1, 1],
  "entity expansion": [2, 2, 2],
  "a truncated sheet": [2, 2, 2],
  "a shared string index out of range": [2, 2, 2],
  "no styles part": [0, 1, 1],
};

describe.each(CASES)("%s", (name, edits) => {
  test("check, refresh and report each answer with exit 0, 1 or 2 and one line", async () => {
    const file = await damaged(name, edits);
    const codes: number[] = [];
    for (const command of ["check", "refresh", "report"]) {
      const out = path.join(dir, `${command}-${path.basename(file)}`);
      const r = await cli(command, file, ...(command === "check" ? [] : ["--out", out]));
      expect([command, [0, 1, 2].includes(r.code)]).toEqual([command, true]);
      if (r.code !== 0) {
        expect([command, r.err.trim().split("\n").length]).toEqual([command, 1]);
        expect(r.err).toMatch(/^action-plan: /);
        expect(r.err).not.toMatch(/\bat .*:\d+:\d+\)/);
      }
      if (command !== "check" && r.code !== 0) expect(fs.existsSync(out)).toBe(false);
      codes.push(r.code);
    }
    if (EXPECTED[name]) expect(codes).toEqual(EXPECTED[name]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("other formats: exit 2 and one line saying what to do", () => {
  test.each([
    ["an .xls workbook", "plan.xls", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), /old-format Excel 97-2003 \(\.xls\).*save it as \.xlsx/],
    ["a password-protected workbook", "locked.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(100)]), /password-protected.*save it as \.xlsx/],
    ["a CSV file", "plan.csv", Buffer.from("Ref,Action,Lead,Timescale\n1.1,Publish,Head,March 2009\n"), /CSV text file.*save it as \.xlsx/],
  ])("%s", async (_, name, bytes, message) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    const r = await cli("check", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  test("an .ods spreadsheet", async () => {
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    zip.file("content.xml", "<office:document-content/>");
    const file = path.join(dir, "plan.ods");
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const r = await cli("refresh", file, "--out", path.join(dir, "ods-out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/OpenDocument \(\.ods\) spreadsheet; save it as \.xlsx/);
  });
});

test("a part that says it unpacks to more than a workbook part can hold (a zip bomb) is refused before it is inflated", async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  zip.file("xl/media/bomb.bin", "x", { compression: "STORE" });
  const bytes = await zip.generateAsync({ type: "nodebuffer" });
  // The zip's directory entry for the part declares 600 MB unpacked (as a bomb's does).
  const name = Buffer.from("xl/media/bomb.bin");
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    if (bytes.subarray(at + 46, at + 46 + name.length).equals(name)) bytes.writeUInt32LE(600 * 2 ** 20, at + 24);
  }
  const file = path.join(dir, "bomb.xlsx");
  fs.writeFileSync(file, bytes);
  const r = await cli("check", file);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/xl\/media\/bomb\.bin would unpack to 600 MB/);
});
