/**
 * The product's conditional formats (status colours) and Progress dropdown in a worksheet's XML.
 * The product's own, from an earlier refresh, are known by what they say and replaced; an
 * officer's own rule or dropdown is never removed or narrowed. Where an officer's rule covers a
 * status cell, theirs stays and ours comes first (lower priority numbers, stopIfTrue).
 */
import type { Document, Element, Node } from "@xmldom/xmldom";
import { areaAddress, areasIntersect, parseArea, type Area } from "../../core/grid";
import { STATUS_STYLES } from "../../core/edits";
import { columnLetter } from "../../core/grid";
import type { SheetXml } from "./sheet-xml";
import type { Styles } from "./styles";
import { WORKSHEET_ORDER, child, children, element, insertInOrder, localName, rootOf } from "./xml";


/** Areas of a space-separated reference list ("H5:H9 H12"). */
export function areasOf(ref: string | null | undefined): Area[] {
  return (ref ?? "")
    .split(/\s+/)
    .filter((s) => s !== "")
    .map(parseArea)
    .filter((a): a is Area => a !== null);
}

function textOf(el: Element | undefined): string {
  return el?.textContent ?? "";
}

/** Every element of a local name anywhere in the head (extensions included). */
function all(doc: Document, name: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      if (localName(c) === name) out.push(c as Element);
      walk(c);
    }
  };
  walk(rootOf(doc));
  return out;
}

/** A test of whether an area meets any of `areas`, indexed by row (areas here are runs of one column). */
function meetsAny(areas: ReadonlyArray<Area>): (a: Area) => boolean {
  const byRow = new Map<number, Area[]>();
  for (const x of areas) for (let r = x.top; r <= x.bottom; r++) byRow.set(r, [...(byRow.get(r) ?? []), x]);
  return (a) => {
    if (a.bottom - a.top > byRow.size) return areas.some((x) => areasIntersect(a, x));
    for (let r = a.top; r <= a.bottom; r++) if (byRow.get(r)?.some((x) => areasIntersect(a, x))) return true;
    return false;
  };
}

/** Text safe in element content (quotes may stay). */
const text = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The product's status colours on each area, as conditionalFormatting blocks: one rule per status
 * (`dxf`: the status colours' indexes in the styles, in STATUS_STYLES order), with priorities
 * numbered from 1 across the blocks; `p` is the sheet's prefix of the main namespace.
 */
export function statusFormatBlocks(areas: ReadonlyArray<Area>, dxf: ReadonlyArray<number>, p = ""): string[] {
  let priority = 0;
  return areas.map((area) => {
    const anchor = `$${columnLetter(area.left)}${area.top + 1}`;
    const rules = STATUS_STYLES.map(
      (s, i) => `<${p}cfRule type="expression" dxfId="${dxf[i]}" priority="${++priority}" stopIfTrue="1"><${p}formula>${text(`TRIM(${anchor})="${s.word}"`)}</${p}formula></${p}cfRule>`,
    );
    return `<${p}conditionalFormatting sqref="${areaAddress(area)}">${rules.join("")}</${p}conditionalFormatting>`;
  });
}

/**
 * Replaces the product's status colours on a sheet: its old blocks within `scope` (or on the
 * new areas) out, one rule per status on each area, ahead of every rule of the officer's.
 */
export function setStatusFormats(sheet: SheetXml, styles: Styles, scope: ReadonlyArray<Area>, areas: ReadonlyArray<Area>): void {
  const doc = sheet.head;
  const meets = meetsAny([...scope, ...areas]);
  const kept = sheet.ourFormats.filter((b) => !areasOf(b.sqref).some(meets));
  const ours = areas.length * STATUS_STYLES.length + kept.reduce((n, b) => n + b.rules, 0);
  // The officer's rules (here and in x14 extensions) move down just enough that ours come first.
  const theirs = all(doc, "cfRule").filter((r) => r.hasAttribute("priority"));
  const lowest = Math.min(...theirs.map((r) => Number(r.getAttribute("priority")) || 1));
  if (theirs.length > 0 && lowest <= ours) {
    const shift = ours - lowest + 1;
    for (const r of theirs) r.setAttribute("priority", String((Number(r.getAttribute("priority")) || 1) + shift));
  }
  const dxf = areas.length > 0 ? STATUS_STYLES.map((s) => styles.statusDxf(s)) : [];
  const blocks = statusFormatBlocks(areas, dxf, sheet.ns);
  let priority = areas.length * STATUS_STYLES.length;
  for (const b of kept) blocks.push(b.xml.replace(/\bpriority\s*=\s*"\d+"/g, () => `priority="${++priority}"`));
  sheet.setOurFormats(blocks.join(""));
}

const PROMPT_TITLE = "Progress";

function isOurDropdown(dv: Element): boolean {
  return dv.getAttribute("type") === "list" && dv.getAttribute("promptTitle") === PROMPT_TITLE && (dv.getAttribute("prompt") ?? "").startsWith("Choose ");
}

/** The cells of `area` not in any of `taken`, as areas (row by row, then joined down). */
export function subtract(area: Area, taken: ReadonlyArray<Area>): Area[] {
  const hits = taken.filter((t) => areasIntersect(t, area));
  if (hits.length === 0) return [area];
  const out: Area[] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row = hits.filter((t) => t.top <= r && r <= t.bottom);
    let start = -1;
    for (let c = area.left; c <= area.right + 1; c++) {
      const free = c <= area.right && !row.some((t) => t.left <= c && c <= t.right);
      if (free && start < 0) start = c;
      if (!free && start >= 0) {
        const prev = out.find((a) => a.bottom === r - 1 && a.left === start && a.right === c - 1);
        if (prev) prev.bottom = r;
        else out.push({ top: r, left: start, bottom: r, right: c - 1 });
        start = -1;
      }
    }
  }
  return out;
}

/** The Progress dropdown on `areas`, except on cells an officer's own validation already covers. */
export function setProgressDropdown(sheet: SheetXml, areas: ReadonlyArray<Area>, choices: ReadonlyArray<string>): void {
  const doc = sheet.head;
  const root = rootOf(doc);
  let list = child(root, "dataValidations");
  if (list) for (const dv of children(list, "dataValidation")) if (isOurDropdown(dv)) list.removeChild(dv);
  // Theirs: every other validation, in the sheet and in its x14 extension (lists on other sheets).
  const theirs: Area[] = [];
  for (const dv of all(doc, "dataValidation")) {
    const sqref = dv.getAttribute("sqref") ?? textOf(children(dv).find((c) => localName(c) === "sqref"));
    theirs.push(...areasOf(sqref));
  }
  const target = areas.flatMap((a) => subtract(a, theirs));
  if (target.length > 0 && choices.length > 0) {
    if (!list) {
      list = element(doc, root, "dataValidations", { count: 0 });
      insertInOrder(root, list, WORKSHEET_ORDER);
    }
    const dv = element(doc, root, "dataValidation", {
      type: "list",
      allowBlank: 1,
      showInputMessage: 1,
      showErrorMessage: 0,
      promptTitle: PROMPT_TITLE,
      prompt: `Choose ${choices.join(", ")} (or type your own words).`,
      sqref: target.map(areaAddress).join(" "),
    });
    const f = element(doc, root, "formula1");
    f.appendChild(doc.createTextNode(`"${choices.join(",")}"`));
    dv.appendChild(f);
    list.appendChild(dv);
  }
  if (list) {
    const n = children(list, "dataValidation").length;
    if (n === 0) root.removeChild(list);
    else list.setAttribute("count", String(n));
  }
}
