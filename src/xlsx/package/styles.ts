/**
 * styles.xml: the product's cell formats and conditional-format styles appended to the officer's
 * own, never renumbering an existing one. A format already there (the same XML) is used again,
 * so a second refresh adds nothing.
 */
import type { Document, Element } from "@xmldom/xmldom";
import { XMLSerializer } from "@xmldom/xmldom";
import type { CellLook } from "../../core/edits";
import type { StatusStyle } from "../../core/edits";
import { child, children, element, insertInOrder, rootOf } from "./xml";

const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** Number formats Excel knows by id, that need no numFmt element. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "0%": 9, "0.00%": 10, "@": 49 };

const argb = (hex: string) => `FF${hex.toUpperCase()}`;

export class Styles {
  private seen = new Map<string, Map<string, number>>();
  private serializer = new XMLSerializer();

  constructor(private readonly doc: Document) {}

  private get root(): Element {
    return rootOf(this.doc);
  }

  /** The collection element (fonts, fills, ...), made at its place when missing. */
  private collection(name: string): Element {
    let el = child(this.root, name);
    if (!el) {
      el = element(this.doc, this.root, name, { count: 0 });
      insertInOrder(this.root, el, STYLESHEET_ORDER);
    }
    return el;
  }

  private key(el: Element): string {
    return this.serializer.serializeToString(el).replace(/\sxmlns(:\w+)?="[^"]*"/g, "");
  }

  /** The index of an entry with this XML in the collection, appended when there is none. */
  private indexOf(name: string, build: (make: (tag: string, attrs?: Record<string, string | number>) => Element) => Element): number {
    const coll = this.collection(name);
    let known = this.seen.get(name);
    if (!known) {
      known = new Map();
      children(coll).forEach((c, i) => {
        const k = this.key(c);
        if (!known!.has(k)) known!.set(k, i);
      });
      this.seen.set(name, known);
    }
    const make = (tag: string, attrs: Record<string, string | number> = {}) => element(this.doc, this.root, tag, attrs);
    const el = build(make);
    const k = this.key(el);
    const found = known.get(k);
    if (found !== undefined) return found;
    const index = children(coll).length;
    coll.appendChild(el);
    coll.setAttribute("count", String(index + 1));
    known.set(k, index);
    return index;
  }

  private numFmtId(code: string): number {
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    const coll = this.collection("numFmts");
    for (const f of children(coll, "numFmt")) if (f.getAttribute("formatCode") === code) return Number(f.getAttribute("numFmtId"));
    const ids = children(coll, "numFmt").map((f) => Number(f.getAttribute("numFmtId")) || 0);
    const id = Math.max(163, ...ids) + 1;
    coll.appendChild(element(this.doc, this.root, "numFmt", { numFmtId: id, formatCode: code }));
    coll.setAttribute("count", String(children(coll, "numFmt").length));
    return id;
  }

  /** The cellXfs index of an owned cell's look. */
  cellStyle(look: CellLook): number {
    const fontId = this.indexOf("fonts", (make) => {
      const font = make("font");
      if (look.bold) font.appendChild(make("b"));
      if (look.italic) font.appendChild(make("i"));
      font.appendChild(make("sz", { val: look.size ?? 11 }));
      font.appendChild(look.fontColor ? make("color", { rgb: argb(look.fontColor) }) : make("color", { theme: 1 }));
      font.appendChild(make("name", { val: "Calibri" }));
      font.appendChild(make("family", { val: 2 }));
      return font;
    });
    const fillId = look.fill
      ? this.indexOf("fills", (make) => {
          const fill = make("fill");
          const pattern = make("patternFill", { patternType: "solid" });
          pattern.appendChild(make("fgColor", { rgb: argb(look.fill!) }));
          pattern.appendChild(make("bgColor", { indexed: 64 }));
          fill.appendChild(pattern);
          return fill;
        })
      : 0;
    const borderId = look.border
      ? this.indexOf("borders", (make) => {
          const border = make("border");
          for (const side of ["left", "right", "top", "bottom"]) {
            const s = make(side, { style: "thin" });
            s.appendChild(make("color", { rgb: argb("BFBFBF") }));
            border.appendChild(s);
          }
          border.appendChild(make("diagonal"));
          return border;
        })
      : 0;
    const numFmtId = this.numFmtId(look.numberFormat ?? "General");
    return this.indexOf("cellXfs", (make) => {
      const xf = make("xf", { numFmtId, fontId, fillId, borderId, xfId: 0, applyNumberFormat: 1, applyFont: 1, applyFill: 1, applyBorder: 1, applyAlignment: 1 });
      const alignment: Record<string, string | number> = { vertical: "top" };
      if (look.hAlign) alignment.horizontal = look.hAlign;
      if (look.wrap) alignment.wrapText = 1;
      xf.appendChild(make("alignment", alignment));
      return xf;
    });
  }

  /** The dxf index of a status's conditional-format look (its fill and text colour). */
  statusDxf(s: StatusStyle): number {
    return this.indexOf("dxfs", (make) => {
      const dxf = make("dxf");
      const font = make("font");
      font.appendChild(make("color", { rgb: argb(s.font) }));
      dxf.appendChild(font);
      const fill = make("fill");
      const pattern = make("patternFill", { patternType: "solid" });
      pattern.appendChild(make("fgColor", { rgb: argb(s.fill) }));
      pattern.appendChild(make("bgColor", { rgb: argb(s.fill) }));
      fill.appendChild(pattern);
      dxf.appendChild(fill);
      return dxf;
    });
  }

  /** How many cell formats there are (an s index must be below this). */
  cellXfCount(): number {
    return children(this.collection("cellXfs"), "xf").length;
  }
}
