/**
 * Reading a return that came back: the rows the lead filled in, or one clear sentence saying why
 * the file cannot be merged (not a return, key column deleted, damaged), naming the file, sheet
 * and cell. Columns are found by their headings, so a lead who moved or widened them is read right.
 */
import { leadKey, looseText } from "../report";
import { isIsoDate } from "../dates";
import { cellAddress, textAt, type Grid } from "../grid";
import { OWNED_MARKER_COL } from "../edits";
import { PROGRESS_CHOICES, readProgressText } from "../read";
import { KEY_PREFIX, parseKey } from "./keys";
import { FILL_IN, RETURN_KEY_MARKER, RETURN_MARKER, type ReturnHeading } from "./make";
import type { ReadReturn, ReturnedRow } from "./types";

/** The header row of a return sheet: the row holding the fill-in headings, and each heading's column. */
function findHeader(grid: Grid): { row: number; cols: Map<string, number> } | null {
  const wanted = FILL_IN.map(looseText);
  for (let r = 0; r < Math.min(grid.rows.length, 60); r++) {
    const cols = new Map<string, number>();
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = looseText(textAt(grid, r, c));
      if (t !== "" && !cols.has(t)) cols.set(t, c);
    }
    if (wanted.filter((w) => cols.has(w)).length >= 2) return { row: r, cols };
  }
  return null;
}

/** The value beside a label in the key sheet's first column ("Plan", "Lead", ...). */
function labelled(grid: Grid | undefined, label: string): string {
  if (!grid) return "";
  for (let r = 0; r < Math.min(grid.rows.length, 12); r++) if (textAt(grid, r, 0) === label) return textAt(grid, r, 1);
  return "";
}

function fail(file: string, problem: string): ReadReturn {
  return { ok: false, file, problem };
}

/** The changes a return holds, or why it cannot be merged. */
export function readReturn(grids: ReadonlyArray<Grid>, file: string): ReadReturn {
  const marked = grids.find((g) => textAt(g, 0, OWNED_MARKER_COL) === RETURN_MARKER);
  const keyGrid = grids.find((g) => textAt(g, 0, OWNED_MARKER_COL) === RETURN_KEY_MARKER);
  const withHeader = grids.map((g) => ({ g, h: findHeader(g) })).find((x) => x.h !== null && (marked === undefined || x.g === marked));
  const sheet = marked ?? withHeader?.g;
  if (!sheet || !withHeader) {
    return fail(
      file,
      keyGrid || marked
        ? `${file} is a damaged partner return: no sheet has the return's headings (${FILL_IN.join(", ")}). Ask the lead to send the return again, or make a new one.`
        : `${file} is not a partner return made by Action Plan RAG (no sheet of it has the return's headings ${FILL_IN.join(", ")}).`,
    );
  }
  const where = `${file}, sheet "${sheet.name}"`;
  const { row: headerRow, cols } = withHeader.h as { row: number; cols: Map<string, number> };
  const keyCol = cols.get("key");
  if (keyCol === undefined) {
    return fail(
      file,
      `${where}: the hidden Key column was deleted, so its rows cannot be matched to the plan's actions. Ask the lead to fill in a new return, or copy their entries into one.`,
    );
  }
  const colOf = (h: ReturnHeading) => cols.get(looseText(h));
  const missing = FILL_IN.filter((h) => colOf(h) === undefined);
  if (missing.length > 0) return fail(file, `${where}: the column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} ${missing.length > 1 ? "are" : "is"} missing from row ${headerRow + 1}.`);
  const rows: ReturnedRow[] = [];
  // The plan is the one the rows' keys name (the key sheet's copy is only a fallback: a cell a lead may not touch, but could).
  let plan = "";
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const keyCell = textAt(sheet, r, keyCol);
    const get = (h: ReturnHeading) => textAt(sheet, r, colOf(h) as number);
    const filled = FILL_IN.map(get);
    if (keyCell === "") {
      if (filled.some((t) => t !== "")) {
        return fail(file, `${where}, row ${r + 1}: an entry with no key (cell ${cellAddress(r, keyCol)} is empty), so it cannot be matched to an action. Add it to the row of its action.`);
      }
      continue;
    }
    const key = parseKey(keyCell);
    if (!key) {
      return fail(
        file,
        keyCell.startsWith(KEY_PREFIX)
          ? `${where}, cell ${cellAddress(r, keyCol)}: the row's key is damaged ("${keyCell.slice(0, 40)}"), so the row cannot be matched to an action.`
          : `${where}, cell ${cellAddress(r, keyCol)}: "${keyCell.slice(0, 40)}" is not a return key; the Key column was overwritten.`,
      );
    }
    if (plan === "") plan = key.plan;
    if (key.plan !== plan) return fail(file, `${where}, cell ${cellAddress(r, keyCol)}: the row's key is of another plan than the rest of the return; the return was pieced together from two plans.`);
    const progressText = filled[0];
    rows.push({
      key,
      cell: cellAddress(r, colOf("Progress") as number),
      progressText,
      comment: filled[1],
      revisedTimescale: filled[2],
      reasonForChange: filled[3],
      progress: readProgressText(progressText),
      progressInList: PROGRESS_CHOICES.some((c) => looseText(c) === looseText(progressText)),
    });
  }
  if (rows.length === 0) {
    plan = labelled(keyGrid, "Plan");
    if (plan === "") return fail(file, `${where}: no row of the return has its key; the Key column was cleared.`);
  }
  const lead = labelled(keyGrid, "Lead") || textAt(sheet, 1, 2);
  const madeOn = labelled(keyGrid, "Made on");
  return {
    ok: true,
    file,
    plan,
    planTitle: labelled(keyGrid, "Plan title"),
    lead,
    leadKey: labelled(keyGrid, "Lead key") || leadKey(lead),
    madeOn: isIsoDate(madeOn) ? madeOn : null,
    rows,
  };
}
