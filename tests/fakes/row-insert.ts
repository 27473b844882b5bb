/**
 * `Range.insert("Down")` on whole rows, for the strict fake Excel (a partner-returns merge inserts
 * a comment row under an action). As Excel does: the rows from the range down move down by the
 * range's height with their values, formats, heights, hidden state, dropdowns and conditional
 * formats; a merged area below moves, one the new rows cut through grows; the new rows are empty.
 * Queued like every other change (it happens at sync); a protected sheet refuses it.
 *
 * Added to the fake's Range class from outside, so that it follows the fake wherever its range
 * code lives; fold it into the fake's Range when convenient.
 */
import type { Area } from "../../src/core/grid";
import { FakeExcel, FakeOfficeError, FakeSheet } from "./fake-excel";

interface RangeInternals {
  insert?: (shift: string) => unknown;
  call(name: string, args: unknown[], run: () => void): void;
  area(): Area;
  ws: { writable(): FakeSheet };
}

const patched = new WeakSet<object>();

function moveArea(a: Area, at: number, n: number): Area {
  if (a.top >= at) return { ...a, top: a.top + n, bottom: a.bottom + n };
  if (a.bottom >= at) return { ...a, bottom: a.bottom + n };
  return a;
}

function moveKeys<V>(map: Map<number, V>, at: number, n: number, width: number): Map<number, V> {
  const out = new Map<number, V>();
  for (const [k, v] of map) {
    const row = Math.floor(k / width);
    out.set(row >= at ? k + n * width : k, v);
  }
  return out;
}

function insertRows(s: FakeSheet, at: number, n: number): void {
  const width = FakeSheet.key(1, 0);
  s.cells = moveKeys(s.cells, at, n, width);
  s.validations = moveKeys(s.validations, at, n, width);
  const heights = (s as unknown as { rowHeights?: Map<number, number> }).rowHeights;
  if (heights) (s as unknown as { rowHeights: Map<number, number> }).rowHeights = moveKeys(heights, at, n, 1);
  s.hiddenRows = new Set([...s.hiddenRows].map((r) => (r >= at ? r + n : r)));
  s.merges = s.merges.map((m) => moveArea(m, at, n));
  for (const cf of s.conditionalFormats) cf.areas = cf.areas.map((a) => moveArea(a, at, n));
}

/** Gives the fake's ranges `insert` (once per fake class). */
export async function withRowInsert(fake: FakeExcel): Promise<FakeExcel> {
  const first = fake.sheets[0]?.name;
  if (!first) return fake;
  const runs = fake.stats.runs.length;
  const proto = await fake.run(async (context) => Object.getPrototypeOf(context.workbook.worksheets.getItem(first).getRange("A1")) as RangeInternals);
  fake.stats.runs.length = runs;
  if (patched.has(proto)) return fake;
  patched.add(proto);
  proto.insert = function (this: RangeInternals, shift: string) {
    this.call("Insert", [shift], () => {
      if (shift !== "Down") throw new FakeOfficeError("InvalidArgument", `The fake inserts whole rows only ("Down"), not "${shift}".`);
      const a = this.area();
      if (a.left !== 0 || a.right !== FakeSheet.key(1, 0) - 1) throw new FakeOfficeError("InvalidArgument", "The fake inserts whole rows only (an address such as 58:58).");
      insertRows(this.ws.writable(), a.top, a.bottom - a.top + 1);
    });
    return this;
  };
  return fake;
}
