/** The insert-row edit in a worksheet's XML (the package writer): what moves, what the new row looks like, what is refused. */
import { insertRowInSheet } from "../../src/xlsx/package/insert-rows";

const SHEET = (data: string, tail = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:H6"/>` +
  `<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="B5" sqref="B5"/></sheetView></sheetViews>` +
  `<sheetData>${data}</sheetData>${tail}</worksheet>`;

const ROWS =
  `<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c></row>` +
  `<row r="2"><c r="A2" s="3" t="inlineStr"><is><t>1.1.1</t></is></c><c r="H2" t="inlineStr"><is><t>Slow</t></is></c></row>` +
  `<row r="3" ht="30" customHeight="1"><c r="A3" s="7" t="inlineStr"><is><t>Old comment</t></is></c><c r="B3" s="7"/><c r="C3" s="7"/></row>` +
  `<row r="4"><c r="A4" s="3" t="inlineStr"><is><t>1.1.2</t></is></c><c r="H4" t="inlineStr"><is><t>Red</t></is></c></row>` +
  `<row r="6"><c r="A6" t="inlineStr"><is><t>End</t></is></c></row>`;

const TAIL =
  `<mergeCells count="2"><mergeCell ref="A3:C3"/><mergeCell ref="A4:A6"/></mergeCells>` +
  `<conditionalFormatting sqref="H2 H4"><cfRule type="expression" dxfId="0" priority="1"><formula>TRIM($H2)="Red"</formula></cfRule></conditionalFormatting>` +
  `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="H2 H4"><formula1>"Complete,On track,Slow,Stalled,Closed"</formula1></dataValidation></dataValidations>` +
  `<hyperlinks><hyperlink ref="A6" location="Other!A1"/></hyperlinks>` +
  `<rowBreaks count="2" manualBreakCount="2"><brk id="2" max="16383" man="1"/><brk id="4" max="16383" man="1"/></rowBreaks>` +
  `<colBreaks count="1" manualBreakCount="1"><brk id="4" max="1048575" man="1"/></colBreaks>`;

const INSERT = { sheet: "Plan", before: 3, cells: [{ row: 3, col: 0, value: "1 Dec 2009, from Ann: <new> & done" }], merge: { left: 0, right: 2 }, formatFrom: 2 };

describe("a comment row inserted under an action", () => {
  const out = insertRowInSheet(SHEET(ROWS, TAIL), "Plan", INSERT);

  test("the rows below move down with their cells; the new row takes the model row's height and cell styles, its text escaped", () => {
    const rows = [...out.matchAll(/<row r="(\d+)"([^>]*)>(.*?)<\/row>/g)].map((m) => [m[1], m[2].trim(), [...m[3].matchAll(/<c r="([A-Z]+\d+)"/g)].map((c) => c[1]).join(" ")]);
    expect(rows).toEqual([
      ["1", "", "A1"],
      ["2", "", "A2 H2"],
      ["3", 'ht="30" customHeight="1"', "A3 B3 C3"],
      ["4", 'ht="30" customHeight="1"', "A4 B4 C4"],
      ["5", "", "A5 H5"],
      ["7", "", "A7"],
    ]);
    expect(out).toContain('<c r="A4" s="7" t="inlineStr"><is><t>1 Dec 2009, from Ann: &lt;new&gt; &amp; done</t></is></c><c r="B4" s="7"/>');
  });

  test("merged areas, colours and their formulas, dropdowns, links, row breaks, dimension and selection move; column breaks and quoted text do not", () => {
    expect(out).toContain('<mergeCells count="3"><mergeCell ref="A3:C3"/><mergeCell ref="A5:A7"/><mergeCell ref="A4:C4"/></mergeCells>');
    expect(out).toContain('<conditionalFormatting sqref="H2 H5"><cfRule type="expression" dxfId="0" priority="1"><formula>TRIM($H2)="Red"</formula>');
    expect(out).toContain('<dataValidation type="list" allowBlank="1" sqref="H2 H5"><formula1>"Complete,On track,Slow,Stalled,Closed"</formula1>');
    expect(out).toContain('<hyperlink ref="A7" location="Other!A1"/>');
    expect(out).toContain('<brk id="2" max="16383" man="1"/><brk id="5" max="16383" man="1"/></rowBreaks><colBreaks count="1" manualBreakCount="1"><brk id="4"');
    expect(out).toContain('<dimension ref="A1:H7"/>');
    expect(out).toContain('topLeftCell="A3"');
    expect(out).toContain('activeCell="B6" sqref="B6"');
  });

  test("a conditional format anchored below the new row has its formula moved too", () => {
    const below = insertRowInSheet(SHEET(ROWS, `<conditionalFormatting sqref="H4"><cfRule type="expression" priority="1"><formula>TRIM($H4)="Red"</formula></cfRule></conditionalFormatting>`), "Plan", INSERT);
    expect(below).toContain('<conditionalFormatting sqref="H5"><cfRule type="expression" priority="1"><formula>TRIM($H5)="Red"</formula>');
  });

  test("a sheet with no merged areas gets its first, in its place", () => {
    const plain = insertRowInSheet(SHEET(ROWS, `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`), "Plan", INSERT);
    expect(plain).toContain('</sheetData><mergeCells count="1"><mergeCell ref="A4:C4"/></mergeCells><pageMargins');
  });

  test.each([
    ["formulas", '<c r="B9"><f>1+1</f><v>2</v></c>', ""],
    ["a drawing", "", '<drawing r:id="rId1"/>'],
    ["notes or comments", "", '<legacyDrawing r:id="rId2"/>'],
    ["a table", "", '<tableParts count="1"><tablePart r:id="rId3"/></tableParts>'],
  ])("refused: a sheet holding %s", (what, cell, tail) => {
    const data = ROWS.replace("</row>", `${cell}</row>`);
    expect(() => insertRowInSheet(SHEET(data, tail), "Plan", INSERT)).toThrow(`the sheet "Plan" holds ${what}`);
  });
});
