/**
 * Undo as Excel really does it, on the strict fake (tests/fakes/excel/undo.ts models the list):
 * a refresh is one undo step where ExcelApi 1.20 groups it; Excel on Windows and Mac cannot undo
 * the hidden history sheet (it clears the list), and the officer is told so, and warned before;
 * refusals of the group are met by one more run without it, said plainly; "press Undo" is said
 * only where it is true.
 */
import { FakeExcel, FakeOfficeError } from "../fakes/fake-excel";
import { sampleExcel, serviceOn } from "./helpers";

describe("the fake's undo list", () => {
  test("a grouped run is one step; without the group each writing sync is one; reads add none", async () => {
    const fake = await sampleExcel({ platform: "PC" });
    await fake.run({ mergeUndoGroup: true }, async (context) => {
      const ws = context.workbook.worksheets.getItem("Prevention");
      ws.getRange("J1").values = [["a"]];
      await context.sync();
      ws.getRange("J2").values = [["b"]];
      await context.sync();
      ws.getRange("A1").load("values");
      await context.sync();
    });
    expect(fake.undo.steps).toHaveLength(1);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Prevention");
      ws.getRange("J1").values = [["c"]];
      await context.sync();
      ws.getRange("J2").values = [["d"]];
      await context.sync();
    });
    expect(fake.undo.steps).toHaveLength(3);
  });

  test("Windows and Mac: setting a sheet's visibility clears the list; the web keeps it", async () => {
    for (const platform of ["PC", "Mac", "OfficeOnline"] as const) {
      const fake = await sampleExcel({ platform });
      fake.undo.officerStep();
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem("Provision of Services").visibility = "Hidden";
        await context.sync();
      });
      expect([platform, fake.undo.cleared.length > 0]).toEqual([platform, platform !== "OfficeOnline"]);
    }
  });

  test("an Excel without add-in undo (before ExcelApi 1.19): an add-in's change clears the list", async () => {
    const fake = await sampleExcel({ apiVersion: "1.18" });
    fake.undo.officerStep();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Prevention").getRange("J1").values = [["x"]];
      await context.sync();
    });
    expect(fake.undo.steps).toEqual([]);
  });

  test("the web refuses delayForCellEdit with mergeUndoGroup (office-js 6711); a large grouped write is refused (6491)", async () => {
    const web = await sampleExcel();
    await expect(
      web.run({ delayForCellEdit: true, mergeUndoGroup: true }, async (context) => {
        context.workbook.worksheets.getItem("Prevention").getRange("J1").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
    const small = await sampleExcel({ platform: "PC", undoGroupCellLimit: 10 });
    await expect(
      small.run({ mergeUndoGroup: true }, async (context) => {
        context.workbook.worksheets.getItem("Prevention").getRange("J1:J20").values = Array.from({ length: 20 }, () => ["x"]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "UndoNotSupported" });
  });
});

describe("what the officer is told about Undo", () => {
  test("Excel on the web (1.20): the refresh is one undo step, the earlier steps kept, no warning needed", async () => {
    const fake = await sampleExcel();
    fake.undo.officerStep();
    const out = await serviceOn(fake).refresh(null);
    expect(out.ok).toBe(true);
    expect(out.message).not.toMatch(/undo/i);
    expect(fake.undo.steps).toEqual(["the officer's edit", "the add-in's grouped run"]);
    expect(fake.undo.cleared).toEqual([]);
  });

  test("Windows: the first refresh says it cleared the undo list (the hidden history sheet); the next is one step", async () => {
    const fake = await sampleExcel({ platform: "PC" });
    const service = serviceOn(fake);
    const first = await service.refresh(null);
    expect(first.ok).toBe(true);
    expect(first.message).toContain("cleared Excel's undo list");
    expect(fake.undo.cleared).toContain("Worksheet.visibility (Windows, Mac)");
    expect(fake.undo.steps).toEqual([]); // as the message says: nothing of it can be undone
    const second = await service.refresh("2009-12-01");
    expect(second.ok).toBe(true);
    expect(second.message).not.toMatch(/undo/i);
    expect(fake.undo.steps).toEqual(["the add-in's grouped run"]);
  });

  test("Windows and Mac: Check layout warns before the first refresh that it will clear the undo list, and not after", async () => {
    const fake = await sampleExcel({ platform: "Mac" });
    const service = serviceOn(fake);
    expect((await service.check(null)).message).toContain("The first Refresh RAG adds a hidden history sheet");
    expect((await service.refresh(null)).ok).toBe(true);
    expect((await service.check(null)).message).not.toContain("hidden history sheet");
    const web = await sampleExcel();
    expect((await serviceOn(web).check(null)).message).not.toContain("hidden history sheet");
  });

  test("Excel refuses the undo group (UndoNotSupported): run once more without it, and say it is not one undo step", async () => {
    const fake = await sampleExcel({ platform: "OfficeOnline", undoGroupCellLimit: 5 });
    const out = await serviceOn(fake).refresh(null);
    expect(out.ok).toBe(true);
    expect(out.message).toContain("Excel could not make this one undo step");
    expect(fake.value("Prevention", "I28")).toBe("Amber");
    const runs = fake.stats.runs.map((r) => r.mergeUndoGroup === true);
    expect(runs.filter((g) => g)).toHaveLength(1); // the refused grouped write
    expect(runs.at(-1)).toBe(false); // the write that went through
  });

  test("on the web the grouped write does not also ask to wait for cell editing (office-js 6711)", async () => {
    const fake = await sampleExcel();
    expect((await serviceOn(fake).refresh(null)).ok).toBe(true);
    const grouped = fake.stats.runs.filter((r) => r.mergeUndoGroup);
    expect(grouped).toHaveLength(1);
    expect(grouped[0].delayForCellEdit).toBeUndefined();
  });

  test("an Excel without add-in undo: never 'press Undo'; the message says Undo will not take it back", async () => {
    const ok = await sampleExcel({ apiVersion: "1.18" });
    const out = await serviceOn(ok).refresh(null);
    expect(out.ok).toBe(true);
    expect(out.message).toContain("cannot undo changes made by add-ins");
    const failing = await sampleExcel({ apiVersion: "1.18" });
    failing.failSync(3, "GeneralException", { afterActions: 10 });
    const failed = await serviceOn(failing).refresh(null);
    expect(failed.ok).toBe(false);
    expect(failed.message).not.toContain("press Undo");
    expect(failed.message).toContain("cannot undo it");
  });
});

test("a FakeExcel made without options models the web (visibility can be undone there)", () => {
  expect(new FakeExcel().refuseVisibilityInUndoGroup).toBe(false);
  expect(new FakeExcel({ platform: "Mac" }).refuseVisibilityInUndoGroup).toBe(true);
});
