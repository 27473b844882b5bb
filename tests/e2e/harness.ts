/**
 * Served in place of office.js in the end-to-end test: the strict fake Excel, loaded with the grids
 * the test put in `window.__PLAN_GRIDS__`, installed as the `Office` and `Excel` globals. The test
 * reads the fake back through `window.__fakeExcel` (selection, cells, settings).
 */
import type { Grid } from "../../src/core/grid";
import { FakeExcel, type FakeOptions } from "../fakes/fake-excel";
import { withRowInsert } from "../fakes/row-insert";

interface HarnessWindow {
  __PLAN_GRIDS__?: Grid[];
  __FAKE_OPTIONS__?: FakeOptions;
  __fakeExcel?: FakeExcel;
}

const w = window as unknown as HarnessWindow;
const fake = FakeExcel.fromGrids(w.__PLAN_GRIDS__ ?? [], w.__FAKE_OPTIONS__ ?? {});
fake.install();
w.__fakeExcel = fake;
// Range.insert on whole rows (a partner-returns merge inserts comment rows).
void withRowInsert(fake);
