/** Office.js values into core cells and grids (pure). */
import { areaOfAddress, areasOfAddressList, cellFromOffice, gridFromRead, isDateFormat } from "../../src/excel/convert";
import { toExcelSerial } from "../../src/core/dates";

test.each([
  ["dd/mm/yyyy", true],
  ["d mmm yyyy", true],
  ["mmm-yy", true],
  ["mmmm", true],
  ['[$-809]dd mmmm yyyy;@', true],
  ["yyyy-mm-dd hh:mm", true],
  ["General", false],
  ["@", false],
  ["0.00", false],
  ["h:mm", false],
  ["[h]:mm:ss", false],
  ['"day" 0', false],
  ["0%", false],
])("isDateFormat(%s) is %s", (format, expected) => {
  expect(isDateFormat(format)).toBe(expected);
});

test("cells as Office.js gives them", () => {
  const serial = toExcelSerial("2009-07-01");
  expect(cellFromOffice(serial, "dd/mm/yyyy")).toEqual({ kind: "date", text: "1 Jul 2009", date: "2009-07-01", number: serial });
  expect(cellFromOffice(serial, "General")).toEqual({ kind: "number", text: String(serial), number: serial });
  expect(cellFromOffice("#REF!", "General")).toEqual({ kind: "error", text: "#REF!" });
  expect(cellFromOffice("Red", "General")).toEqual({ kind: "text", text: "Red" });
  expect(cellFromOffice(true, "General")).toEqual({ kind: "boolean", text: "TRUE" });
  expect(cellFromOffice(0.75, "0%")).toEqual({ kind: "number", text: "75%", number: 0.75 });
  // "March 2011" typed into a cell: Excel keeps 1 March 2011 in the format mmm-yy, and the officer reads March.
  const march = toExcelSerial("2011-03-01");
  expect(cellFromOffice(march, "mmm-yy")).toEqual({ kind: "date", text: "Mar 2011", date: "2011-03-01", number: march, shownAs: "month" });
  expect(cellFromOffice("", "General")).toBeUndefined();
});

test("addresses", () => {
  expect(areaOfAddress("Sheet1!B3:H90")).toEqual({ top: 2, left: 1, bottom: 89, right: 7 });
  expect(areaOfAddress("'It''s, mine'!A1")).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
  expect(areasOfAddressList("'a, b'!A1:B2, 'a, b'!D4")).toEqual([
    { top: 0, left: 0, bottom: 1, right: 1 },
    { top: 3, left: 3, bottom: 3, right: 3 },
  ]);
  expect(areasOfAddressList("Plan!A29:G29, Plan!A31:G31")).toHaveLength(2);
});

test("a used range anchored away from A1 becomes a grid anchored at A1, with row looks", () => {
  const grid = gridFromRead({
    name: "Plan",
    visible: true,
    protected: false,
    merges: [{ top: 3, left: 1, bottom: 3, right: 3 }],
    blocks: [
      {
        top: 2,
        left: 1,
        values: [["Ref", "Action", ""], ["A comment", "", ""]],
        numberFormat: [["General", "General", "General"], ["General", "General", "General"]],
        rows: [
          { rowHidden: true, format: { font: { bold: true, italic: false } } },
          { rowHidden: false, format: { font: { bold: null, italic: null } } },
        ],
      },
    ],
  });
  expect(grid.rows[2][1]).toEqual({ kind: "text", text: "Ref", bold: true });
  expect(grid.rows[2][2]).toEqual({ kind: "text", text: "Action", bold: true });
  // A mixed row with one filled cell: italic (a comment), never bold.
  expect(grid.rows[3][1]).toEqual({ kind: "text", text: "A comment", italic: true });
  expect(grid.rows[0]).toEqual([]);
  expect(grid.hiddenRows).toEqual([2]);
  expect(grid.merges).toEqual([{ top: 3, left: 1, bottom: 3, right: 3 }]);
});
