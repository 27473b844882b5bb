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

const WORDS = new Set(STATUS_STYLES.map((s) => s.word));
const OUR_FORMULA = /^TRIM\(\$[A-Z]{1,3}\d+\)="([^"]*)"$/;

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

/** A conditionalFormatting element the product wrote: only expression rules on a status word. */
function isOurFormat(cf: Element): boolean {
  const rules = children(cf, "cfRule");
  return (
    rules.length > 0 &&
    rules.every((r) => {
      const m = OUR_FORMULA.exec(textOf(child(r, "formula")).trim());
      return r.getAttribute("type") === "expression" && m !== null && WORDS.has(m[1]);
    })
  );
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

/** Replaces the product's status colours on a sheet: old ones within `scope` out, one rule per status on each area. */
export function setStatusFormats(sheet: SheetXml, styles: Styles, scope: ReadonlyArray<Area>, areas: ReadonlyArray<Area>): void {
  const doc = sheet.head;
  const root = rootOf(doc);
  const within = [...scope, ...areas];
  for (const cf of children(root, "conditionalFormatting")) {
    if (isOurFormat(cf) && areasOf(cf.getAttribute("sqref")).some((a) => within.some((s) => areasIntersect(a, s)))) root.removeChild(cf);
  }
  if (areas.length === 0) return;
  const ours = areas.length * STATUS_STYLES.length;
  // The officer's rules (here and in x14 extensions) move down just enough that ours come first.
  const theirs = all(doc, "cfRule").filter((r) => r.hasAttribute("priority"));
  const lowest = Math.min(...theirs.map((r) => Number(r.getAttribute("priority")) || 1));
  if (theirs.length > 0 && lowest <= ours) {
    const shift = ours - lowest + 1;
    for (const r of theirs) r.setAttribute("priority", String((Number(r.getAttribute("priority")) || 1) + shift));
  }
  const dxf = STATUS_STYLES.map((s) => styles.statusDxf(s));
  // Ours go together after the officer's conditional formats (one place found, not one per area).
  const marker = element(doc, root, "conditionalFormatting");
  insertInOrder(root, marker, WORKSHEET_ORDER);
  areas.forEach((area, k) => {
    const cf = element(doc, root, "conditionalFormatting", { sqref: areaAddress(area) });
    const anchor = `$${columnLetter(area.left)}${area.top + 1}`;
    STATUS_STYLES.forEach((s, i) => {
      const rule = element(doc, root, "cfRule", { type: "expression", dxfId: dxf[i], priority: k * STATUS_STYLES.length + i + 1, stopIfTrue: 1 });
      const formula = element(doc, root, "formula");
      formula.appendChild(doc.createTextNode(`TRIM(${anchor})="${s.word}"`));
      rule.appendChild(formula);
      cf.appendChild(rule);
    });
    root.insertBefore(cf, marker);
  });
  root.removeChild(marker);
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
