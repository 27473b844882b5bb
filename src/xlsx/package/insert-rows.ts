/**
 * A new row inserted into a worksheet part, as Excel inserts one: the rows from there down move
 * down a row with everything that names them (cells, merged areas, conditional formats,
 * dropdowns, hyperlinks, page breaks, the sheet's dimension and selection, and the workbook's
 * defined names on the sheet); the new row takes its model row's height and cell styles.
 * Formulas would have to be rewritten as Excel rewrites them, and drawings, notes, tables and
 * the Excel 2010 extensions' own references moved: a sheet holding any of them (or a formula of
 * another sheet pointing into it) is refused, with nothing written.
 */
import type { Element } from "@xmldom/xmldom";
import { cellAddress, columnLetter, parseArea, type Area } from "../../core/grid";
import type { RowInsert } from "../../core/edits";
import { WriteRefusal } from "./refusal";
import { children, child, inlineStringXml, rootOf } from "./xml";
import type { SheetEntry, WorkbookPart } from "./workbook";

const SHEET_DATA = /<((?:[A-Za-z_][\w.-]*:)?)sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1sheetData>)/;
const ROW = /<((?:[A-Za-z_][\w.-]*:)?)row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1row>)/g;
const CELL_REF = /(<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\sr\s*=\s*")([A-Z]{1,3})(\d+)(")/g;
const CELL = /<((?:[A-Za-z_][\w.-]*:)?)c\b([^>]*?)(?:\/>|>[\s\S]*?<\/\1c>)/g;
const REF_ATTR = /(\s(?:ref|sqref|activeCell|topLeftCell)\s*=\s*")([^"]*)(")/g;

/** What a worksheet may hold that a new row could not move as Excel would. */
const REFUSED: ReadonlyArray<[RegExp, string]> = [
  [/<(?:[\w.-]+:)?f\b/, "formulas"],
  [/<(?:[\w.-]+:)?drawing\b/, "a drawing (a chart, picture or shape)"],
  [/<(?:[\w.-]+:)?legacyDrawing\b/, "notes or comments"],
  [/<(?:[\w.-]+:)?tablePart\b/, "a table"],
  [/<(?:[\w.-]+:)?sqref\b/, "Excel 2010 dropdowns, colours or sparklines kept in an extension"],
];

/** An attribute's value in double quotes (as Excel writes them), one pattern per name. */
const DQ_ATTRS = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = DQ_ATTRS.get(name);
  if (!re) DQ_ATTRS.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`)));
  const m = re.exec(attrs);
  return m ? m[1] : undefined;
}

/** A space-separated list of areas with the rows from `at` (0-based) moved down one. */
function shiftRefs(refs: string, at: number): string {
  return refs
    .split(/\s+/)
    .map((r) => {
      const a = parseArea(r);
      if (!a) return r;
      const moved: Area = { ...a, top: a.top >= at ? a.top + 1 : a.top, bottom: a.bottom >= at ? a.bottom + 1 : a.bottom };
      return r.includes(":") ? `${cellAddress(moved.top, moved.left)}:${cellAddress(moved.bottom, moved.right)}` : cellAddress(moved.top, moved.left);
    })
    .join(" ");
}

/** A formula (of a conditional format or a dropdown) with its references to rows from `at` moved down one; quoted text kept. */
function shiftFormula(formula: string, at: number): string {
  return formula
    .split(/("[^"]*")/)
    .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(/(^|[^A-Za-z0-9_.])(\$?[A-Z]{1,3}\$?)(\d+)(?![\d(])/g, (_, pre: string, col: string, n: string) => `${pre}${col}${Number(n) - 1 >= at ? Number(n) + 1 : Number(n)}`)))
    .join("");
}

/** The new row's XML: the model row's look (height, style) and its cells' styles, with the text in its cell. */
function newRowXml(prefix: string, insert: RowInsert, model: { attrs: string; body: string } | null): string {
  const r = insert.before + 1;
  let rowAttrs = ` r="${r}"`;
  if (model) {
    for (const name of ["ht", "customHeight", "s", "customFormat", "x14ac:dyDescent"]) {
      const v = attr(model.attrs, name.replace(":", "\\:"));
      if (v !== undefined) rowAttrs += ` ${name}="${v}"`;
    }
  }
  const styles = new Map<number, string>();
  if (model) {
    let c = -1;
    CELL.lastIndex = 0;
    for (let m = CELL.exec(model.body); m; m = CELL.exec(model.body)) {
      const ref = attr(m[2], "r");
      const p = ref ? parseArea(ref) : null;
      c = p ? p.left : c + 1;
      const s = attr(m[2], "s");
      if (s !== undefined) styles.set(c, s);
    }
  }
  const texts = new Map<number, string>(insert.cells.map((w) => [w.col, w.value]));
  const cols = [...new Set([...styles.keys(), ...texts.keys()])].sort((a, b) => a - b);
  const cells = cols.map((col) => {
    const s = styles.get(col);
    const ref = `${columnLetter(col)}${r}`;
    const style = s !== undefined ? ` s="${s}"` : "";
    const text = texts.get(col);
    if (text === undefined) return `<${prefix}c r="${ref}"${style}/>`;
    return `<${prefix}c r="${ref}"${style} t="inlineStr">${inlineStringXml(text, prefix)}</${prefix}c>`;
  });
  return `<${prefix}row${rowAttrs}>${cells.join("")}</${prefix}row>`;
}

/** One new row in a worksheet part's text (0-based `insert.before`, as the sheet is before the insert). */
export function insertRowInSheet(text: string, sheetName: string, insert: RowInsert): string {
  for (const [re, what] of REFUSED) {
    if (re.test(text)) {
      throw new WriteRefusal(`the sheet "${sheetName}" holds ${what}, which a new comment row would have to move as Excel does; merge this return in Excel (the add-in inserts the row there), or add the comment row yourself`);
    }
  }
  const m = SHEET_DATA.exec(text);
  if (!m) throw new WriteRefusal(`the sheet "${sheetName}" has no rows to insert into`);
  const prefix = m[1];
  const data = m[2] ?? "";
  const at = insert.before; // 0-based; rows numbered at + 1 and below move down
  let model: { attrs: string; body: string } | null = null;
  let placed = false;
  const newRow = () => {
    placed = true;
    return newRowXml(prefix, insert, model);
  };
  const modelRow = insert.formatFrom === null ? null : insert.formatFrom + 1;
  const rows = data.replace(ROW, (whole: string, _p: string, attrs: string, body: string | undefined) => {
    const r = Number(attr(attrs, "r") ?? NaN);
    if (r === modelRow) model = { attrs, body: body ?? "" };
    if (!(r >= at + 1)) return whole;
    const moved = whole.replace(/^(<(?:[\w.-]+:)?row\b[^>]*?\sr\s*=\s*")(\d+)(")/, (_, a: string, n: string, b: string) => `${a}${Number(n) + 1}${b}`).replace(CELL_REF, (_, a: string, col: string, n: string, b: string) => `${a}${col}${Number(n) + 1}${b}`);
    return placed ? moved : `${newRow()}${moved}`;
  });
  const allRows = placed ? rows : `${rows}${newRow()}`;
  const head = text.slice(0, m.index);
  let tail = text.slice(m.index + m[0].length);
  // Everything after the rows that names cells: merged areas, colours, dropdowns, links, page breaks.
  tail = tail.replace(REF_ATTR, (_, a: string, refs: string, b: string) => `${a}${shiftRefs(refs, at)}${b}`);
  tail = tail.replace(/(<((?:[\w.-]+:)?)(formula[12]?)>)([^<]*)(<\/\2\3>)/g, (_, open: string, _p: string, _n: string, f: string, close: string) => `${open}${shiftFormula(f, at)}${close}`);
  tail = tail.replace(/(<(?:[\w.-]+:)?rowBreaks\b[\s\S]*?<\/(?:[\w.-]+:)?rowBreaks>)/, (breaks: string) =>
    breaks.replace(/(<(?:[\w.-]+:)?brk\b[^>]*?\sid\s*=\s*")(\d+)(")/g, (_, a: string, n: string, b: string) => `${a}${Number(n) >= at ? Number(n) + 1 : Number(n)}${b}`),
  );
  if (insert.merge) {
    const ref = `${columnLetter(insert.merge.left)}${at + 1}:${columnLetter(insert.merge.right)}${at + 1}`;
    const mc = new RegExp(`<(${prefix.replace(/[.]/g, "\\.")})mergeCells\\b([^>]*?)(?:/>|>([\\s\\S]*?)</\\1mergeCells>)`).exec(tail);
    if (mc) {
      const count = Number(attr(mc[2], "count") ?? NaN);
      const attrs = Number.isFinite(count) ? mc[2].replace(/(\scount\s*=\s*")\d+(")/, `$1${count + 1}$2`) : mc[2];
      tail = `${tail.slice(0, mc.index)}<${prefix}mergeCells${attrs}>${mc[3] ?? ""}<${prefix}mergeCell ref="${ref}"/></${prefix}mergeCells>${tail.slice(mc.index + mc[0].length)}`;
    } else {
      // mergeCells comes right after sheetData (and sheetCalcPr, sheetProtection, protectedRanges, scenarios, autoFilter, sortState, dataConsolidate, customSheetViews).
      const after = /<(?:[\w.-]+:)?(?:phoneticPr|conditionalFormatting|dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/(?:[\w.-]+:)?worksheet>/.exec(tail);
      const pos = after ? after.index : tail.length;
      tail = `${tail.slice(0, pos)}<${prefix}mergeCells count="1"><${prefix}mergeCell ref="${ref}"/></${prefix}mergeCells>${tail.slice(pos)}`;
    }
  }
  const headShifted = head.replace(REF_ATTR, (_, a: string, refs: string, b: string) => `${a}${shiftRefs(refs, at)}${b}`);
  return `${headShifted}<${prefix}sheetData>${allRows}</${prefix}sheetData>${tail}`;
}

/** How a sheet is named in a formula: Prevention!, 'Provision of Services'!. */
function sheetRefPattern(name: string): string {
  const quoted = `'${name.replace(/'/g, "''")}'`;
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return /^[A-Za-z_][\w.]*$/.test(name) ? `(?:${esc(name)}|${esc(quoted)})` : esc(quoted);
}

/** The workbook's defined names on the sheet (print area, titles, filter) with rows from `at` moved down one. */
export function shiftDefinedNames(wb: WorkbookPart, entry: SheetEntry, at: number): void {
  const names = child(rootOf(wb.doc), "definedNames");
  if (!names) return;
  const re = new RegExp(`(${sheetRefPattern(entry.name)}!)((?:\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?)|(?:\\$?\\d+:\\$?\\d+))`, "g");
  for (const d of children(names, "definedName") as Element[]) {
    const text = d.textContent ?? "";
    const next = text.replace(re, (_, sheet: string, ref: string) => sheet + ref.replace(/(\$?)(\d+)(?![\d])/g, (__, dollar: string, n: string) => `${dollar}${Number(n) - 1 >= at ? Number(n) + 1 : Number(n)}`));
    if (next !== text) {
      d.textContent = next;
      wb.pkg.touch(wb.part);
    }
  }
}

/** Refuses when a formula on another sheet points into this one (it would have to move with the rows). */
export function assertNoFormulaInto(otherSheets: ReadonlyArray<{ name: string; text: string }>, sheetName: string): void {
  const re = new RegExp(`<(?:[\\w.-]+:)?f\\b[^>]*>[^<]*${sheetRefPattern(sheetName)}!`);
  const from = otherSheets.find((s) => re.test(s.text));
  if (from) throw new WriteRefusal(`a formula on "${from.name}" refers to cells of "${sheetName}", which a new comment row would move; merge this return in Excel (the add-in inserts the row there), or add the comment row yourself`);
}
