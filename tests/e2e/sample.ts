/**
 * Node side of the end-to-end test: the sample plan read into grids (as the .xlsx adapter reads
 * it) for the fake Excel, and its check by the core, for the counts the pane must show.
 */
import ExcelJS from "exceljs";
import { checkJson } from "../../src/core/views";
import { checkWorkbook } from "../../src/core/commands";
import type { Grid } from "../../src/core/grid";
import { DEFAULT_SETTINGS } from "../../src/core/model";
import { gridsFromWorkbook } from "../../src/xlsx/grid-from-exceljs";

export async function loadSample(file: string, today: string): Promise<{ grids: Grid[]; check: ReturnType<typeof checkJson> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const grids = gridsFromWorkbook(wb);
  const check = checkJson(checkWorkbook(grids, { asOf: null, today, settings: DEFAULT_SETTINGS }));
  return { grids, check };
}
