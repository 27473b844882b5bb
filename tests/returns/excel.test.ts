/** Partner returns in Excel (Office.js) on the strict fake: make returns, preview, merge in one batch, merge again. */
import ExcelJS from "exceljs";
import { OfficeReturnsService, type PickedFile } from "../../src/excel/returns";
import { OfficePlanService } from "../../src/excel/office-service";
import { hostOf, sampleExcel } from "../excel/helpers";
import type { FakeExcel } from "../fakes/fake-excel";
import { withRowInsert } from "../fakes/row-insert";

let fake: FakeExcel;
let service: OfficeReturnsService;
let filled: PickedFile;

async function fillIn(data: Uint8Array, cells: Record<string, string>): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("Return") as ExcelJS.Worksheet;
  for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

beforeAll(async () => {
  fake = await withRowInsert(await sampleExcel());
  const plan = new OfficePlanService(hostOf(fake));
  expect((await plan.refresh(null)).ok).toBe(true);
  service = new OfficeReturnsService(hostOf(fake));
  const made = await service.makeReturns(null, "2010-02-01");
  if (!made.ok) throw new Error(made.message);
  expect(made.message).toBe("12 returns made, one per lead, for 21 actions; to come back by 1 Feb 2010.");
  const da = made.returns.find((r) => r.lead === "DA Strategy Co-ordinator");
  expect(da?.fileName).toBe("Return - DA Strategy Co-ordinator.xlsx");
  filled = { name: "DA.xlsx", data: await fillIn(da?.data as Uint8Array, { I10: "Complete", J10: "Toolkit sent to all schools." }) };
});

test("the preview says what each return changes, and writes nothing", async () => {
  const before = JSON.stringify(fake.snapshot());
  const out = await service.previewMerge([filled]);
  expect(out.ok).toBe(true);
  if (!out.ok) return;
  expect(out.merge.changes.map((c) => [c.ref, c.progress?.to, c.comment, c.statusBefore, c.statusAfter])).toEqual([["4.1.1", "Complete", "Toolkit sent to all schools.", "Amber", "Green"]]);
  expect(out.merge.notReturned).toHaveLength(11);
  expect(JSON.stringify(fake.snapshot())).toBe(before);
});

test("the merge: one batch in one undo step, the comment row inserted under the action, the status recomputed; merging again changes nothing", async () => {
  fake.resetStats();
  const out = await service.applyMerge([filled]);
  expect(out).toMatchObject({ ok: true, message: expect.stringMatching(/1 action to update .* Merged into the plan\.$/) });
  // 2 to read; in the write's run, 1 for the model comment row's height and 1 for the writes
  expect(fake.stats.syncs).toBe(4);
  expect(fake.stats.runs.at(-1)).toMatchObject({ mergeUndoGroup: true });
  expect([fake.value("Prevention", "H55"), fake.value("Prevention", "I55")]).toEqual(["Complete", "Green"]);
  expect(fake.value("Prevention", "A58")).toBe("15 Jan 2010, from DA Strategy Co-ordinator: Toolkit sent to all schools.");
  expect(fake.sheets.find((s) => s.name === "Prevention")?.merges).toContainEqual({ top: 57, left: 0, bottom: 57, right: 6 });
  expect(fake.cell("Prevention", "A58")?.format).toEqual(fake.cell("Prevention", "A57")?.format);
  expect(fake.value("Prevention", "C60")).toBe("???");

  const check = await new OfficePlanService(hostOf(fake)).check(null);
  const prevention = check.view.sheets.find((s) => s.name === "Prevention");
  expect(prevention?.actions.map((a) => [a.ref, a.rag])).toEqual([
    ["3.1.1", "amber"],
    ["3.2.1", "green"],
    ["4.1.1", "green"],
    ["4.1.2", "not-reported"],
  ]);

  const after = JSON.stringify(fake.snapshot());
  const again = await service.applyMerge([filled]);
  expect(again).toMatchObject({ ok: true, message: expect.stringMatching(/nothing new to merge/) });
  expect(JSON.stringify(fake.snapshot())).toBe(after);
});

test("a bad return: a clear message naming the file, nothing written", async () => {
  const before = JSON.stringify(fake.snapshot());
  const out = await service.applyMerge([filled, { name: "notes.xlsx", data: new TextEncoder().encode("hello").buffer as ArrayBuffer }]);
  expect(out).toMatchObject({ ok: false, message: "Nothing was written. notes.xlsx cannot be read: it is not an .xlsx workbook. Save it as .xlsx and pick it again." });
  expect(JSON.stringify(fake.snapshot())).toBe(before);
});

test("a revised timescale: the Time-scale cell rewritten, the old one kept in the history sheet, in the same undo step", async () => {
  const made = await service.makeReturns(null, null);
  if (!made.ok) throw new Error(made.message);
  const da = made.returns.find((r) => r.lead === "DA Strategy Co-ordinator") as { data: Uint8Array };
  const revised = { name: "DA revised.xlsx", data: await fillIn(da.data, { K13: "Mar 2010", L13: "Waiting for the new post" }) };
  fake.resetStats();
  const out = await service.applyMerge([revised]);
  expect(out).toMatchObject({ ok: true });
  expect(fake.stats.runs.at(-1)).toMatchObject({ mergeUndoGroup: true });
  expect(fake.value("Provision of Services", "C75")).toBe("Mar 2010");
  const history = fake.sheets.find((s) => s.name === "RAG History");
  expect(history?.visibility).toBe("VeryHidden");
  const rows: string[][] = [];
  for (let r = 0; r < 60; r++) rows.push([0, 1, 2, 3, 4].map((c) => String(history?.cell(r, c)?.value ?? "")));
  expect(rows).toContainEqual(["2009-10-16", "Provision of Services", "6.2.3", "Red", "Mar 09"]);
});
