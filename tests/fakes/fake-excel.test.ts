/** The fake is strict where Office.js is: these are the behaviours the Office.js tests rely on. */
import type { Grid } from "../../src/core/grid";
import { FakeExcel, FakeOfficeError } from "./fake-excel";

const GRID: Grid = {
  name: "Plan",
  rows: [[{ kind: "text", text: "Ref" }, { kind: "text", text: "Action" }], [{ kind: "text", text: "3.1.1" }, { kind: "number", text: "5", number: 5 }], [{ kind: "text", text: "A comment", bold: true, italic: true }]],
  merges: [{ top: 2, left: 0, bottom: 2, right: 1 }],
  hiddenRows: [1],
  protected: false,
};

// The fake's context is typed loosely here: tests drive it as Office.js code would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ctx = any;

function fake(options = {}) {
  return FakeExcel.fromGrids([GRID], options);
}

test("a property read before it is loaded and synced throws PropertyNotLoaded", async () => {
  const f = fake();
  await f.run(async (context: Ctx) => {
    const range = context.workbook.worksheets.getItem("Plan").getRange("A1:B2");
    expect(() => range.values).toThrow(/not available/);
    range.load("values");
    expect(() => range.values).toThrow(/not available/); // loaded, not yet synced
    await context.sync();
    expect(range.values).toEqual([["Ref", "Action"], ["3.1.1", 5]]);
    expect(() => range.address).toThrow(FakeOfficeError);
  });
});

test("loading a property the object does not have throws at once", async () => {
  await fake().run(async (context: Ctx) => {
    const range = context.workbook.worksheets.getItem("Plan").getRange("A1");
    expect(() => range.load("valuez")).toThrow(/no property "valuez"/);
    expect(() => context.workbook.worksheets.load("items/nmae")).toThrow(/no property/);
  });
});

test("syncs are counted and sized; a request over the limit is refused before anything runs", async () => {
  const f = fake({ requestLimit: 2_000 });
  await expect(
    f.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Plan");
      ws.getRange("C1").values = [["small"]];
      await context.sync();
      ws.getRange("D1").values = [["x".repeat(5_000)]];
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  expect(f.stats.syncs).toBe(2);
  expect(f.stats.requests[0].bytes).toBeGreaterThan(100);
  expect(f.value("Plan", "C1")).toBe("small");
  expect(f.value("Plan", "D1")).toBe("");
});

test("a protected sheet refuses changes; operations before the failing one stay applied", async () => {
  const f = fake();
  f.protect("Plan");
  f.addGrid({ name: "Other", rows: [], merges: [], hiddenRows: [], protected: false });
  await expect(
    f.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Other").getRange("A1").values = [["first"]];
      context.workbook.worksheets.getItem("Plan").getRange("C1").values = [["no"]];
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "AccessDenied" });
  expect(f.value("Other", "A1")).toBe("first");
  expect(f.value("Plan", "C1")).toBe("");
});

test("text written into a cell not formatted as text is read as Excel reads typing", async () => {
  const f = fake();
  await f.run(async (context: Ctx) => {
    const ws = context.workbook.worksheets.getItem("Plan");
    ws.getRange("C1:C2").values = [["=1+1"], ["12"]];
    const text = ws.getRange("D1");
    text.numberFormat = [["@"]];
    text.values = [["=1+1"]];
    await context.sync();
  });
  expect(f.cell("Plan", "C1")?.formula).toBe("=1+1");
  expect(f.value("Plan", "C2")).toBe(12);
  expect(f.cell("Plan", "D1")).toMatchObject({ value: "=1+1", numberFormat: "@" });
});

test("a value into a merged area's inner cell, or an array of the wrong size, is refused", async () => {
  const f = fake();
  await expect(f.run(async (context: Ctx) => {
    context.workbook.worksheets.getItem("Plan").getRange("B3").values = [["x"]];
    await context.sync();
  })).rejects.toMatchObject({ code: "InvalidOperation" });
  await expect(f.run(async (context: Ctx) => {
    context.workbook.worksheets.getItem("Plan").getRange("A1:B1").values = [["x"]];
    await context.sync();
  })).rejects.toMatchObject({ code: "InvalidArgument" });
  // null leaves a cell as it is, even inside a merged area.
  await f.run(async (context: Ctx) => {
    context.workbook.worksheets.getItem("Plan").getRange("B2:B3").values = [["y"], [null]];
    await context.sync();
  });
  expect(f.value("Plan", "B2")).toBe("y");
});

test("null objects, used ranges, row properties and merged areas", async () => {
  await fake().run(async (context: Ctx) => {
    const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
    const ws = context.workbook.worksheets.getItem("Plan");
    const used = ws.getUsedRange(true);
    used.load("address");
    const rows = used.getRowProperties({ rowHidden: true, format: { font: { bold: true, italic: true } } });
    const merges = used.getMergedAreasOrNullObject();
    merges.load("address");
    expect(() => missing.isNullObject).toThrow();
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(used.address).toBe("Plan!A1:B3");
    expect(rows.value.map((r: { rowHidden: boolean }) => r.rowHidden)).toEqual([false, true, false]);
    // A merged comment row: every cell of the merge shares the look, so the row reads bold.
    expect(rows.value[2].format.font).toEqual({ bold: true, italic: true });
    expect(merges.address).toBe("Plan!A3:B3");
  });
});

test("a missing sheet fails at sync with ItemNotFound", async () => {
  await expect(fake().run(async (context: Ctx) => {
    context.workbook.worksheets.getItem("Nope").getRange("A1").values = [["x"]];
    await context.sync();
  })).rejects.toMatchObject({ code: "ItemNotFound" });
});

test("conditional formats clear by area; validations per cell; settings; requirement sets", async () => {
  const f = fake({ apiVersion: "1.13" });
  await f.run(async (context: Ctx) => {
    const ws = context.workbook.worksheets.getItem("Plan");
    const cf = ws.getRange("C1:C10").conditionalFormats.add("Custom");
    cf.custom.rule.formula = '=TRIM($C1)="Red"';
    cf.custom.format.fill.color = "#C00000";
    ws.getRange("C4:C5").conditionalFormats.clearAll();
    const dv = ws.getRanges("D1,D3").dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: "A,B" } };
    context.workbook.settings.add("k", "v");
    await context.sync();
  });
  expect(f.conditionalFormats("Plan")).toEqual([{ ranges: ["C1:C3", "C6:C10"], formula: '=TRIM($C1)="Red"', fill: "#C00000", fontColor: null }]);
  expect(f.validatedCells("Plan")).toEqual(["D1", "D3"]);
  expect(f.settings.get("k")).toBe("v");
  expect(f.supports("ExcelApi", "1.9")).toBe(true);
  expect(f.supports("ExcelApi", "1.20")).toBe(false);
  await expect(f.run({ mergeUndoGroup: true }, async () => undefined)).rejects.toMatchObject({ code: "ApiNotFound" });
});

test("a visibility change inside an undo group is refused, as Excel on Windows and Mac do", async () => {
  const f = fake({ platform: "PC" });
  f.addGrid({ name: "Hidden", rows: [], merges: [], hiddenRows: [], protected: false });
  await expect(f.run({ mergeUndoGroup: true }, async (context: Ctx) => {
    context.workbook.worksheets.getItem("Hidden").visibility = "VeryHidden";
    await context.sync();
  })).rejects.toMatchObject({ code: "UndoNotSupported" });
});

test("the response of a sync over the limit is refused", async () => {
  const f = fake({ responseLimit: 50 });
  await expect(f.run(async (context: Ctx) => {
    context.workbook.worksheets.getItem("Plan").getRange("A1:Z100").load("values");
    await context.sync();
  })).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
});
