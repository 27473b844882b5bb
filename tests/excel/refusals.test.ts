/**
 * When Refresh RAG must not write, it writes nothing and says why in an officer's words; when
 * Excel fails, the failure is told in an officer's words too; an Excel too old is told plainly.
 */
import { OfficePlanService } from "../../src/excel/office-service";
import { FakeExcel } from "../fakes/fake-excel";
import { hostOf, sampleExcel, sampleGridsOnce, serviceOn } from "./helpers";

describe("refusing to write", () => {
  test("a protected plan sheet: nothing written, the sheet named, what to do", async () => {
    const fake = await sampleExcel();
    fake.protect("Prevention");
    const before = fake.snapshot();
    const out = await serviceOn(fake).refresh(null);
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/^Nothing was written/);
    expect(out.message).toContain('"Prevention"');
    expect(out.message).toContain("Unprotect the sheet");
    expect(fake.snapshot()).toEqual(before);
    expect(fake.stats.syncs).toBe(2); // read only: no write was sent
  });

  test("a cell in the way of the new RAG column: nothing written, the cell named", async () => {
    const fake = await sampleExcel();
    fake.setCell("Prevention", "I41", "see note");
    const before = fake.snapshot();
    const out = await serviceOn(fake).refresh(null);
    expect(out.ok).toBe(false);
    expect(out.message).toContain("Prevention!I41");
    expect(out.message).toContain('"see note"');
    expect(fake.snapshot()).toEqual(before);
    expect(fake.stats.syncs).toBe(2);
  });

  test("a protected history sheet: refused before anything is written", async () => {
    const fake = await sampleExcel();
    expect((await serviceOn(fake).refresh(null)).ok).toBe(true);
    fake.protect("RAG History");
    const before = fake.snapshot();
    const out = await serviceOn(fake).refresh("2009-12-01");
    expect(out.ok).toBe(false);
    expect(out.message).toContain('"RAG History"');
    expect(fake.snapshot()).toEqual(before);
  });

  test("a protected workbook structure: refused before anything is written when a sheet must be added", async () => {
    const fake = await sampleExcel();
    fake.structureProtected = true;
    const before = fake.snapshot();
    const out = await serviceOn(fake).refresh(null);
    expect(out.ok).toBe(false);
    expect(out.message).toContain("structure is protected");
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("Excel failing", () => {
  test("a failure while reading: the officer's message says nothing was written", async () => {
    const fake = await sampleExcel();
    fake.failSync(2, "ItemNotFound");
    const out = await serviceOn(fake).refresh(null);
    expect(out.ok).toBe(false);
    expect(out.message).toContain("no longer there");
    expect(out.message).toContain("Nothing was written.");
  });

  test("a failure part-way through the write: the message says to press Undo", async () => {
    const fake = await sampleExcel();
    fake.failSync(3, "GeneralException", { afterActions: 10 });
    const out = await serviceOn(fake).refresh(null);
    expect(out.ok).toBe(false);
    expect(out.message).toContain("Refresh RAG stopped: Excel reported a general error");
    expect(out.message).toContain("press Undo (Ctrl+Z)");
    expect(fake.stats.requests[2].failed).toBe("GeneralException");
  });

  test("Excel refusing because a cell is being edited: finish editing, then click again", async () => {
    const fake = await sampleExcel();
    fake.failSync(1, "InvalidOperationInCellEditMode");
    const out = await serviceOn(fake).refresh(null);
    expect(out.ok).toBe(false);
    expect(out.message).toContain("a cell is being edited");
    expect(out.message).toContain("Press Enter");
  });

  test("a cell being edited where Excel can wait (ExcelApi 1.11): the command waits and runs", async () => {
    // On the desktop every run waits; on the web the grouped write does not ask to (undo.test.ts).
    const fake = await sampleExcel({ platform: "PC" });
    fake.editingCell = true;
    const out = await serviceOn(fake).refresh(null);
    expect(out.ok).toBe(true);
    expect(fake.stats.runs.every((o) => o.delayForCellEdit === true)).toBe(true);
  });

  test("a request Excel on the web finds too large: the officer is told what to do", async () => {
    const fake = await sampleExcel({ requestLimit: 20_000 });
    const out = await serviceOn(fake).refresh(null);
    expect(out.ok).toBe(false);
    expect(out.message).toContain("too large for Excel on the web");
  });

  test("an Office.js error code (InvalidArgument) is never shown to the officer; Excel's words are", async () => {
    const fake = await sampleExcel();
    fake.failSync(1, "InvalidArgument", { message: "The argument is invalid or missing or has an incorrect format." });
    const out = await serviceOn(fake).check(null);
    expect(out.ok).toBe(false);
    expect(out.message).toContain("The argument is invalid");
    expect(out.message).not.toContain("InvalidArgument");
    expect(out.message).toContain("Nothing was written");
  });

  test("an unexpected error that is not Excel's is still told, not thrown", async () => {
    const fake = await sampleExcel();
    const host = hostOf(fake);
    const service = new OfficePlanService({ ...host, run: () => Promise.reject(new TypeError("boom")) });
    const out = await service.refresh(null);
    expect(out).toEqual({ ok: false, message: "Refresh RAG stopped because of an unexpected problem: boom. Nothing was written." });
  });
});

describe("an Excel too old", () => {
  test.each(["1.9", "1.12"])("ExcelApi %s: a plain message, nothing read or written", async (version) => {
    const fake = FakeExcel.fromGrids(await sampleGridsOnce(), { apiVersion: version });
    const service = serviceOn(fake);
    const env = await service.environment();
    expect(env).toEqual({ inExcel: true, supported: false, message: expect.stringContaining("Your version of Excel is too old") });
    expect(env.message).toContain(`version ${version}`);
    const out = await service.refresh(null);
    expect(out.ok).toBe(false);
    expect(out.message).toContain("Update Office");
    expect(fake.stats.syncs).toBe(0);
  });

  test("ExcelApi 1.13 to 1.19: works, without grouping undo", async () => {
    const fake = FakeExcel.fromGrids(await sampleGridsOnce(), { apiVersion: "1.19" });
    const service = serviceOn(fake);
    expect((await service.refresh(null)).ok).toBe(true);
    expect((await service.refresh(null)).ok).toBe(true);
    expect(fake.stats.runs.some((o) => o.mergeUndoGroup)).toBe(false);
  });

  test("ExcelApi 1.20: one undo group, except for the write that makes the history very hidden", async () => {
    const fake = await sampleExcel({ platform: "PC" });
    const service = serviceOn(fake);
    expect((await service.refresh(null)).ok).toBe(true);
    // Read run, then write run without the group (Excel on Windows/Mac cannot undo a visibility change).
    expect(fake.stats.runs.map((o) => o.mergeUndoGroup === true)).toEqual([false, false]);
    expect((await service.refresh(null)).ok).toBe(true);
    expect(fake.stats.runs.map((o) => o.mergeUndoGroup === true)).toEqual([false, false, false, true]);
  });
});

test("a second board report runs in one undo group: it changes no sheet's visibility", async () => {
  const fake = await sampleExcel();
  const service = serviceOn(fake);
  expect((await service.refresh(null)).ok).toBe(true);
  fake.resetStats();
  // The report sheets are new (visible by default): no visibility is set, so the group is safe.
  expect((await service.buildReport(null)).ok).toBe(true);
  expect(fake.stats.runs.map((o) => o.mergeUndoGroup === true)).toEqual([false, true]);
});
