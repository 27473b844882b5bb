/**
 * The .xlsx/.xlsm writer: the officer's package with the core's edits and nothing else changed.
 * Every part the command does not touch is copied through byte for byte; plan sheets, styles,
 * the workbook part and content types are edited as XML; owned sheets are written whole.
 */
import * as path from "node:path";
import type { OwnedSheet, RowInsert, WorkbookEdits } from "../../core/edits";
import { CHART_TYPE, DRAWING_TYPE, REL_CHART, REL_DRAWING, chartXml, drawingXml } from "./chart";
import { editPlanSheet, tableOf, type SheetTable } from "./plan-sheet";
import { ownedSheetXml } from "./owned-sheet";
import { assertNoFormulaInto, insertRowInSheet, shiftDefinedNames } from "./insert-rows";
import { WriteRefusal } from "./refusal";
import { Styles } from "./styles";
import { REL, WorkbookPart, type SheetEntry } from "./workbook";
import { XmlProblem } from "./xml";
import { Package, relsPartOf, resolveTarget, writeAtomically } from "./zip";

export { WriteRefusal };

/** Relationship types an owned sheet may hold (all written by the product). */
const OWNED_REL_TYPES = new Set([REL_DRAWING, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings"]);

async function tablesOf(pkg: Package, part: string): Promise<SheetTable[]> {
  const out: SheetTable[] = [];
  for (const rel of await pkg.rels(part)) {
    if (rel.type !== REL.table || rel.external) continue;
    const t = resolveTarget(part, rel.target);
    if (!pkg.has(t)) continue;
    const table = tableOf(await pkg.xml(t));
    if (table) out.push(table);
  }
  return out;
}

/** Removes a part, its relationships and its content type. */
async function removePart(pkg: Package, part: string): Promise<void> {
  for (const p of [part, relsPartOf(part)]) if (pkg.has(p)) pkg.remove(p);
  await pkg.setContentType(part, null);
}

/** Removes the parts an owned sheet led to (its drawing and chart, from an earlier run) and its rels. */
async function clearOwnedParts(pkg: Package, entry: SheetEntry): Promise<void> {
  const part = entry.part!;
  for (const rel of await pkg.rels(part)) {
    if (rel.external) continue;
    if (!OWNED_REL_TYPES.has(rel.type)) {
      throw new WriteRefusal(`the sheet "${entry.name}" is the product's and is rewritten whole, but it now holds something added by hand (${path.posix.basename(rel.type)}); copy it to a sheet of your own first`);
    }
    if (rel.type !== REL_DRAWING) {
      await removePart(pkg, resolveTarget(part, rel.target)); // Excel's printer settings of the old sheet
      continue;
    }
    const drawing = resolveTarget(part, rel.target);
    if (!pkg.has(drawing)) continue;
    // The product's drawing holds its one chart; a shape or picture added by hand would be lost.
    const anchors = ((await pkg.text(drawing)).match(/<(?:[\w.-]+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/g) ?? []).length;
    if (anchors > 1) throw new WriteRefusal(`the chart drawing on "${entry.name}" now holds ${anchors - 1} more shape(s) added by hand; copy them to a sheet of your own first`);
    for (const inner of await pkg.rels(drawing)) {
      if (inner.type !== REL_CHART) throw new WriteRefusal(`the chart drawing on "${entry.name}" now holds something added by hand; copy it to a sheet of your own first`);
      const chart = resolveTarget(drawing, inner.target);
      // The chart's own parts (Excel's chart style and colours) go with it.
      for (const own of await pkg.rels(chart)) if (!own.external) await removePart(pkg, resolveTarget(chart, own.target));
      await removePart(pkg, chart);
    }
    await removePart(pkg, drawing);
  }
  if (pkg.has(relsPartOf(part))) pkg.remove(relsPartOf(part));
}

async function writeOwned(pkg: Package, wb: WorkbookPart, styles: Styles, sheet: OwnedSheet): Promise<void> {
  let entry = await wb.find(sheet.name);
  if (entry && !entry.part) throw new WriteRefusal(`the sheet "${entry.name}" is not a worksheet (a chart sheet?); rename it so the product can write its own "${sheet.name}"`);
  if (entry) await clearOwnedParts(pkg, entry);
  else if (wb.structureLocked()) {
    throw new WriteRefusal(`the workbook's structure is protected (Review > Protect Workbook), so the sheet "${sheet.name}" cannot be added; unprotect the workbook's structure, then run this again`);
  } else entry = await wb.addSheet(sheet.name, "");
  const part = entry.part!;
  let drawingRel: string | undefined;
  if (sheet.chart) {
    const drawing = pkg.freeName((n) => `xl/drawings/drawing${n}.xml`);
    const chart = pkg.freeName((n) => `xl/charts/chart${n}.xml`);
    pkg.setText(chart, chartXml(sheet, sheet.chart));
    await pkg.setContentType(chart, CHART_TYPE);
    pkg.setText(drawing, "");
    const chartRel = await pkg.addRel(drawing, REL_CHART, `../charts/${path.posix.basename(chart)}`);
    pkg.setText(drawing, drawingXml(sheet.chart, chartRel));
    await pkg.setContentType(drawing, DRAWING_TYPE);
    drawingRel = await pkg.addRel(part, REL_DRAWING, `../drawings/${path.posix.basename(drawing)}`);
  }
  pkg.setText(part, ownedSheetXml(sheet, styles, drawingRel));
  wb.setState(entry, sheet.visibility);
  wb.setPrintTitles(entry, sheet.printTitleRows);
}

/** New rows in plan sheets, from the bottom of each sheet up (each index is of the sheet as read). */
async function insertRows(pkg: Package, wb: WorkbookPart, inserts: ReadonlyArray<RowInsert>): Promise<void> {
  if (inserts.length === 0) return;
  const sheets = await wb.sheets();
  const bySheet = new Map<string, RowInsert[]>();
  for (const i of inserts) bySheet.set(i.sheet, [...(bySheet.get(i.sheet) ?? []), i]);
  // Every worksheet's text, read once: a new row adds no formula, and a sheet holding one gets no row.
  const texts = await Promise.all(sheets.filter((s) => s.part).map(async (s) => ({ entry: s, name: s.name, text: await pkg.text(s.part as string) })));
  for (const [name, list] of bySheet) {
    const entry = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!entry?.part) throw new WriteRefusal(`the sheet "${name}" is not a worksheet in the file`);
    assertNoFormulaInto(texts.filter((s) => s.entry !== entry), entry.name);
    let text = await pkg.text(entry.part);
    for (const insert of [...list].sort((a, b) => b.before - a.before)) {
      text = insertRowInSheet(text, entry.name, insert);
      shiftDefinedNames(wb, entry, insert.before);
    }
    pkg.setText(entry.part, text);
  }
}

/** The edits applied to a package in memory; throws WriteRefusal or XmlProblem. */
export async function editPackage(pkg: Package, wb: WorkbookPart, edits: WorkbookEdits): Promise<void> {
  const stylesPart = await wb.related(REL.styles);
  if (!stylesPart || !pkg.has(stylesPart)) throw new WriteRefusal("the workbook has no styles part; open and save it in Excel first");
  const styles = new Styles(await pkg.xml(stylesPart));
  for (const sheetEdits of edits.sheets) {
    const entry = await wb.find(sheetEdits.sheet);
    if (!entry?.part) throw new WriteRefusal(`the sheet "${sheetEdits.sheet}" is not a worksheet in the file`);
    const text = await pkg.text(entry.part);
    let edited: string;
    try {
      edited = editPlanSheet(text, entry.part, sheetEdits, styles, await tablesOf(pkg, entry.part));
    } catch (e) {
      if (e instanceof WriteRefusal || e instanceof XmlProblem) throw e;
      throw new XmlProblem(`the sheet "${sheetEdits.sheet}" (${entry.part}) cannot be edited: ${(e as Error).message}`);
    }
    pkg.setText(entry.part, edited);
  }
  await insertRows(pkg, wb, edits.inserts ?? []);
  for (const sheet of edits.owned) await writeOwned(pkg, wb, styles, sheet);
  pkg.touch(stylesPart);
}

/** Checks the output's name against the input and the package (an .xlsm stays .xlsm). */
function checkOut(input: string, out: string, macros: boolean): void {
  const ext = path.extname(out).toLowerCase();
  if (macros && ext !== ".xlsm") throw new WriteRefusal(`${input} holds macros, so it must be written as .xlsm (Excel will not open macros in a file named ${path.basename(out)}); give --out a name ending .xlsm`);
  if (!macros && ext === ".xlsm") throw new WriteRefusal(`${input} has no macros, so Excel will not open it named ${path.basename(out)}; give --out a name ending .xlsx`);
}

/**
 * Writes `pkg` (the package of the file `input`, as read) with `edits` applied to `out` (a
 * temporary file renamed into place; nothing is left behind on failure). Throws WriteRefusal
 * (nothing written) when the edits cannot be made without dropping or changing something the
 * product does not own. The package is edited in place: it is written once.
 */
export async function writeWorkbookFile(pkg: Package, input: string, out: string, edits: WorkbookEdits): Promise<void> {
  const wb = await WorkbookPart.open(pkg);
  checkOut(input, out, wb.macros);
  try {
    await editPackage(pkg, wb, edits);
  } catch (e) {
    if (e instanceof XmlProblem) throw new WriteRefusal(e.message);
    throw e;
  }
  writeAtomically(out, await pkg.bytes());
}
