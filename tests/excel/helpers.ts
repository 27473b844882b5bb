/** Shared set-up of the Office.js tests: the sample plan in a strict fake Excel, and the service over it. */
import * as path from "node:path";
import type { Grid } from "../../src/core/grid";
import type { ExcelHost } from "../../src/excel/host";
import { OfficePlanService } from "../../src/excel/office-service";
import { gridsFromWorkbook } from "../../src/xlsx/grid-from-exceljs";
import { openWorkbook } from "../../src/xlsx/workbook-file";
import { FakeExcel, type FakeOptions } from "../fakes/fake-excel";

export const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample", "action-plan-2008-11.xlsx");

let sampleGrids: Grid[] | null = null;

/** The sample plan's grids, as the ExcelJS adapter reads the file (read once). */
export async function sampleGridsOnce(): Promise<Grid[]> {
  sampleGrids ??= gridsFromWorkbook(await openWorkbook(SAMPLE));
  return sampleGrids;
}

/** A fake Excel holding the sample plan. */
export async function sampleExcel(options: FakeOptions = {}): Promise<FakeExcel> {
  return FakeExcel.fromGrids(await sampleGridsOnce(), { today: "2010-01-15", ...options });
}

/** The fake as the add-in's Excel host. */
export function hostOf(fake: FakeExcel): ExcelHost {
  return fake.host() as unknown as ExcelHost;
}

/** The Office.js service over a fake Excel. */
export function serviceOn(fake: FakeExcel): OfficePlanService {
  return new OfficePlanService(hostOf(fake));
}
